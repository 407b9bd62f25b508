"""Importing a library folder: incremental (a changed page costs only itself), whole pages
only when the server goes away mid-import (and the next import goes on), no lock left behind
by a killed client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from reader.server.connection import Archive
from reader.server.importer import import_library
from reader.server.schema import migrate

from .cluster import Cluster
from .conftest import GENERATED


def _archive(url: str) -> Archive:
    archive = Archive.open(url)
    migrate(archive)
    return archive


def _whole_pages(url: str) -> tuple[int, int]:
    """(pages, articles) in the archive; every page holds all of its articles."""
    with psycopg.connect(url) as conn:
        torn = conn.execute(
            "SELECT p.source FROM reader.pages p LEFT JOIN reader.articles a USING (source) "
            "GROUP BY p.source, p.n_articles HAVING count(a.id) <> p.n_articles").fetchall()
        assert torn == []
        ((pages, articles),) = conn.execute(
            "SELECT (SELECT count(*) FROM reader.pages), (SELECT count(*) FROM reader.articles)"
        ).fetchall()
    return int(pages), int(articles)


def _import_process(url: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "reader", "server", "import", url,
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _wait_for(condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _page_count(url: str) -> int:
    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT count(*) FROM reader.pages").fetchone()[0])  # type: ignore[index]


def test_a_changed_page_costs_only_itself_and_a_removed_one_goes(
        database: str, small_library: Path) -> None:
    archive = _archive(database)
    first = import_library(archive, small_library)
    assert (first.added, first.changed, first.removed) == (5, 0, 0)
    assert import_library(archive, small_library).unchanged == 5
    page = next(small_library.rglob("002_*.txt"))
    page.write_text(page.read_text(encoding="utf-8") + "\n本报讯 新加的一段文字,只在这一版上。\n",
                    encoding="utf-8")
    removed = next(small_library.rglob("004_*.txt"))
    removed.unlink()
    again = import_library(archive, small_library)
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 1, 1, 3)
    from reader.server.search import ServerSearch

    assert ServerSearch(archive).search("新加的一段文字").total == 1
    assert _whole_pages(database)[0] == 4
    archive.close()


def test_the_server_restarted_mid_import_leaves_whole_pages_and_the_import_goes_on(
        cluster: Cluster, database: str, generated: Path) -> None:
    archive = _archive(database)
    archive.close()
    proc = _import_process(database, generated)
    _wait_for(lambda: _page_count(database) >= 3)
    cluster.stop("immediate")  # a crash of the server, in the middle of a page or two
    cluster.start()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "run the import again" in err or "connection" in err
    pages, _ = _whole_pages(database)
    expected = len(list(generated.rglob("*.txt")))
    assert pages < expected
    archive = Archive.open(database)
    stats = import_library(archive, generated)
    assert stats.unchanged >= pages - 2  # what was committed before the crash is kept
    assert _whole_pages(database) == (expected, GENERATED)
    archive.close()


def test_a_killed_import_leaves_no_lock(database: str, generated: Path) -> None:
    archive = _archive(database)
    proc = _import_process(database, generated)
    _wait_for(lambda: _page_count(database) >= 2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=10)
    waited: list[bool] = []
    start = time.monotonic()
    stats = import_library(archive, generated, waiting=lambda: waited.append(True))
    assert not waited or time.monotonic() - start < 30
    assert _whole_pages(database)[1] == GENERATED and stats.added + stats.unchanged > 0
    archive.close()


def test_a_killed_client_leaves_no_row_locked(database: str, small_library: Path) -> None:
    archive = _archive(database)
    import_library(archive, small_library)
    from reader.server.bookmarks import ServerBookmarks
    from reader.server.catalog import ServerCatalog

    article = ServerCatalog(archive).article("7b34ed456574")
    assert article is not None
    mark = ServerBookmarks(archive).add(article, note="before")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import psycopg, sys, time\n"
        f"c = psycopg.connect({database!r})\n"
        f"c.execute(\"UPDATE reader.bookmarks SET note = 'held' WHERE id = {mark.id}\")\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=10)
    with psycopg.connect(database) as conn:
        conn.execute("SET lock_timeout = '10s'")
        conn.execute("UPDATE reader.bookmarks SET note = 'after' WHERE id = %s", (mark.id,))
    assert ServerBookmarks(archive).get(mark.id).note == "after"  # type: ignore[union-attr]
    archive.close()


def test_a_page_the_server_refuses_is_a_problem_and_the_rest_is_imported(
        database: str, small_library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.server import tokens

    monkeypatch.setattr(tokens, "MAX_WORD", 10**9)  # let a 5,000-letter word reach the server
    odd = small_library / "pages" / "2022-01-01-01.txt"
    odd.write_text("钱塘新区报\n2022年1月1日\n\n## 一篇长文\n\n本报讯 " + "x" * 5000 + "。\n",
                   encoding="utf-8")
    archive = _archive(database)
    stats = import_library(archive, small_library)
    assert stats.added == 5
    (problem,) = stats.problems
    assert problem.startswith("2022-01-01-01.txt") or "2022-01-01-01.txt" in problem
    assert "too long" in problem
    assert _whole_pages(database) == (5, 28)
    archive.close()
