"""The search index from the command line: a damaged index is rebuilt with a message and
progress, a second process waits for the one updating, and nothing waits forever."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.search import SearchIndex
from reader.search.store import UpdateLock

from . import procs

NEW_TITLE = "充分发挥战斗堡垒作用 望江街道奋力打造产城融合的望江新区"


def _search(capsys: pytest.CaptureFixture[str], root: Path, query: str) -> tuple[set[str], str]:
    """The titles of the hits and what was said on stderr."""
    assert main(["search", query, "--json", "--limit", "100", "--library", str(root)]) == 0
    out, err = capsys.readouterr()
    return {h["title"] for h in json.loads(out)["hits"]}, err


@pytest.mark.parametrize("damage", ["garbage", "truncated", "older schema"])
def test_a_damaged_index_is_rebuilt_with_a_message_and_progress(
    small_library: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    expected, _ = _search(capsys, small_library, "金承涛")
    path = SearchIndex.for_library(small_library).path
    if damage == "garbage":
        path.write_bytes(b"not an index " * 1000)
    elif damage == "truncated":
        with open(path, "r+b") as fh:
            fh.truncate(5000)
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version=0")
        conn.close()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    found, err = _search(capsys, small_library, "金承涛")
    assert found == expected
    assert "reader: the search index is rebuilt:" in err
    assert "indexing: 28/28 articles" in err
    assert err.count("indexing: 28/28") == 1  # the last progress line once, not repeated
    _, err = _search(capsys, small_library, "金承涛")
    assert err == ""  # sound now: no message, no work


def test_a_library_changed_while_closed_is_indexed_again(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _search(capsys, small_library, "望江新区")[0] == set()
    page = small_library / "pages" / "002_e8fc69560c1c029f.txt"
    page.write_text(page.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    found, _ = _search(capsys, small_library, "望江新区")
    assert found == {NEW_TITLE}


def test_a_second_process_waits_for_the_update_under_way(small_library: Path) -> None:
    main(["index", "--library", str(small_library)])
    page = small_library / "pages" / "002_e8fc69560c1c029f.txt"
    page.write_text(page.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    lock = UpdateLock(SearchIndex.for_library(small_library).path)
    assert lock.acquire(lambda: False)  # as if another reader were updating
    try:
        with procs.watched(["search", "望江新区", "--json", "--library",
                            str(small_library)]) as other:
            other.wait_for(lambda err: "waiting for it to finish" in err)
            assert other.proc.poll() is None  # it waits; it neither fails nor goes ahead
            lock.release()
            assert other.finish() == 0, other.stderr
            assert [h["title"] for h in json.loads(other.stdout)["hits"]] == [NEW_TITLE]
    finally:
        lock.release()


TAKE_LOCK = """
import sys
from pathlib import Path
from reader.search.store import UpdateLock
calls = 0
def cancelled():
    global calls
    calls += 1
    return calls > 100  # about five seconds of retrying
try:
    print("taken" if UpdateLock(Path(sys.argv[1])).acquire(cancelled) else "gave up")
except Exception as err:
    print("error:", err)
"""


def test_a_lock_error_other_than_busy_is_raised_not_retried(tmp_path: Path) -> None:
    """Only a lock held by another process is waited for; an error of the file or folder
    (here: the lock's folder is read-only and SQLite needs to write beside it) would never
    go away by waiting."""
    folder = tmp_path / "search"
    folder.mkdir()
    with sqlite3.connect(folder / "index.sqlite3.lock") as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # needs a -shm file beside it to lock
    conn.close()
    with procs.read_only(folder):
        result = procs.run_command(
            [*procs.obeying_permissions(), sys.executable, "-c", TAKE_LOCK,
             str(folder / "index.sqlite3")], timeout=60)
    assert result.stdout.strip() == "error: attempt to write a readonly database"


@pytest.mark.parametrize("garbage", [b"\x89PNG\r\n" + bytes(range(256)) * 40,
                                     b"not a lock file " * 64], ids=["binary", "text"])
def test_a_damaged_lock_file_is_replaced_and_search_goes_on(
    small_library: Path, capsys: pytest.CaptureFixture[str], garbage: bytes
) -> None:
    expected, _ = _search(capsys, small_library, "金承涛")
    lock = Path(f"{SearchIndex.for_library(small_library).path}.lock")
    lock.write_bytes(garbage)
    (journal := lock.with_name(lock.name + "-journal")).write_bytes(b"junk " * 100)
    first = sorted((small_library / "pages").glob("*.txt"))[0]
    first.touch()  # so that the update has work to do
    for _ in range(2):  # and the next command finds nothing left to repair
        found, err = _search(capsys, small_library, "金承涛")
        assert found == expected
        assert "unexpected error" not in err
    assert lock.read_bytes()[:1] in (b"", b"S")  # empty or an SQLite file, not the garbage
    assert not journal.exists()
