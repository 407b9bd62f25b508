"""Killed in the middle (SIGKILL: no clean-up runs) and run twice at once: the next start
recovers by itself and ends where a clean run ends; nothing the user saved is lost."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore
from reader.bookmarks.backup import backup_path, check_file
from reader.corpus.catalog import Catalog, catalog_path
from reader.search import IndexNotReady, SearchIndex

from . import procs
from .conftest import CleanBuild

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _same_results(index: SearchIndex, clean: CleanBuild) -> None:
    for query in clean.queries():
        assert index.matching_ids(query) == clean.index.matching_ids(query), query
    assert index.search("区", limit=0).total == clean.index.search("区", limit=0).total


def _articles(line: str) -> int:
    return int(line.split(" articles in the index")[0])


@pytest.mark.slow
def test_indexing_killed_midway_then_two_starts_at_once_finish_it(
    clean_build: CleanBuild,
) -> None:
    """SIGKILL while indexing; then two ``reader index`` start together (two windows, say):
    both succeed, one builds while the other waits, and the index equals a clean build."""
    root = clean_build.root
    args = ["index", "--library", str(root)]
    with procs.watched(args) as first:
        first.wait_for(lambda err: "indexing: " in err)  # the catalog is read; indexing runs
        first.kill()
        assert first.proc.returncode == -signal.SIGKILL
        assert procs.session_gone(first.proc.pid), "its worker processes were left running"
    index = SearchIndex.for_library(root)
    assert not index.ready  # what was written is not served as an index
    with pytest.raises(IndexNotReady):
        index.search("钱塘")

    with procs.watched(args) as one, procs.watched(args) as two:
        assert one.finish() == 0, one.stderr
        assert two.finish() == 0, two.stderr
        outs = [one.stdout, two.stdout]
    expected = len(list(clean_build.catalog.articles()))
    assert [_articles(out) for out in outs] == [expected, expected]
    added = sorted(int(re.search(r"(\d+) added", out)[1]) for out in outs)  # type: ignore[index]
    assert added == [0, expected]  # built once, by one of them; the other found it done
    _same_results(index, clean_build)
    with sqlite3.connect(index.path) as conn:  # every page recorded once, at its stamp
        files = dict(conn.execute("SELECT source, stamp FROM files").fetchall())
    conn.close()
    assert files == clean_build.catalog.stamps()


@pytest.mark.slow
def test_reading_the_library_killed_midway_is_finished_by_the_next_start(
    clean_build: CleanBuild,
) -> None:
    root = clean_build.root
    with procs.watched(["index", "--library", str(root)]) as first:
        first.wait_for(lambda err: "reading pages 200/" in err)  # before any indexing
        first.kill()
        assert procs.session_gone(first.proc.pid), "its worker processes were left running"
    with sqlite3.connect(catalog_path(root)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (kept,) = conn.execute("SELECT count(*) FROM files").fetchone()
    conn.close()
    assert 0 < kept < clean_build.info.pages  # killed midway indeed

    catalog = Catalog(root)  # the next start
    assert not catalog.sync().problems
    assert catalog.counts() == clean_build.catalog.counts()
    assert catalog.issues() == clean_build.catalog.issues()
    assert catalog.problems() == clean_build.catalog.problems() == []


ADDER = """
import sys
import time
from pathlib import Path
from reader.corpus.model import Article, Paragraph
from reader.bookmarks import BookmarkStore

with BookmarkStore.open(Path(sys.argv[1])) as store:
    for n in range(100_000):
        article = Article(id=f"a{n}", title=f"第{n}篇", paper="测试报", page=n % 8 + 1,
                          paragraphs=[Paragraph(f"正文{n}，" * 20)])
        store.add(article, note=f"笔记{n}", tags=[f"t{n % 3}"])
        print(n, flush=True)
"""


@pytest.mark.slow
def test_adding_bookmarks_killed_midway_keeps_every_saved_one(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    with procs.watched_command([sys.executable, "-c", ADDER, str(path)]) as adder:
        adder.wait_for(lambda out: out.count("\n") >= 40, stream="stdout")
        adder.kill()
        saved = int(adder.stdout.split()[-1]) + 1  # every one reported as saved
    with BookmarkStore.open(path) as store:  # opens: not damaged, not rebuilt
        kept = store.list(sort="added")
        assert len(kept) >= saved
        assert sorted(b.note for b in kept) == sorted(f"笔记{n}" for n in range(len(kept)))
        assert store.tags() == ["t0", "t1", "t2"]
    assert check_file(backup_path(path)) is None  # the rolling backup is a sound store
    with sqlite3.connect(backup_path(path)) as conn:
        (in_backup,) = conn.execute("SELECT count(*) FROM bookmarks").fetchone()
    conn.close()
    assert len(kept) - 1 <= in_backup <= len(kept)


def test_copies_left_by_a_killed_backup_are_cleared_once_stale(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    BookmarkStore.open(path).close()
    stale = tmp_path / ".bookmarks.backup.sqlite3.k1ll3d.tmp"
    fresh = tmp_path / ".bookmarks.backup.sqlite3.b4ckup.tmp"  # another process's, under way
    for leftover in (stale, fresh):
        leftover.write_bytes(bytes(4096))
    long_ago = time.time() - 3600
    os.utime(stale, (long_ago, long_ago))
    BookmarkStore.open(path).close()
    assert not stale.exists() and fresh.exists()
    assert check_file(backup_path(path)) is None
