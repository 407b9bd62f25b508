"""Bookmarks in a data folder that cannot be written or is full: one clear line, no traceback,
and the bookmarks already saved stay as they were. A damaged store without a backup: what
can be read is saved, and a new store takes it back."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore, backup_path, default_path
from reader.bookmarks import store as store_module
from reader.cli import main
from reader.logsetup import log_path

from . import procs

FIRST, SECOND = "d72c54c81242", "45b1a60248ba"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_read_only_data_folder_is_one_clear_line(small_library: Path,
                                                   tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with procs.read_only(data):
        result = procs.run(["bookmarks", "add", FIRST, "--library", str(small_library)],
                           procs.env(READER_DATA_DIR=data), read_only_respected=True)
    assert result.returncode == 1 and result.stdout == ""
    assert procs.one_line(result.stderr) == (
        f"reader: cannot open the bookmarks in {data / 'bookmarks.sqlite3'}: the folder {data} "
        "cannot be written (Permission denied)")
    assert list(data.iterdir()) == []


def test_bookmarks_in_a_folder_made_read_only_are_left_as_they_were(
    small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "bookmarks", "add", FIRST, "--library", str(small_library))[0] == 0
    data = default_path().parent
    before = {p.name: digest(p) for p in data.iterdir()}
    with procs.read_only(data):
        added = procs.run(["bookmarks", "add", SECOND, "--library", str(small_library)],
                          read_only_respected=True)
    assert added.returncode == 1 and "cannot be written" in procs.one_line(added.stderr)
    assert {p.name: digest(p) for p in data.iterdir()} == before
    out = run(capsys, "bookmarks", "list", "--json")[1]
    assert [b["article"]["id"] for b in json.loads(out)] == [FIRST]


def test_a_data_folder_under_a_file_is_one_clear_line(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker / "data"))
    status, out, err = run(capsys, "bookmarks", "add", FIRST, "--library", str(small_library))
    assert status == 1 and out == ""
    assert procs.one_line(err) == (
        f"reader: cannot create the folder for bookmarks {blocker / 'data'}: Not a directory")


def test_a_full_disk_refuses_the_change_and_keeps_the_store(
    small_library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "bookmarks", "add", FIRST, "--library", str(small_library))[0] == 0
    path = default_path()
    backup = digest(backup_path(path))
    connect = BookmarkStore._connect

    def no_room_to_grow(p: Path) -> sqlite3.Connection:
        conn = connect(p)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own 'disk is full'
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(BookmarkStore, "_connect", staticmethod(no_room_to_grow))
        status, out, err = run(capsys, "bookmarks", "add", SECOND, "--note", "长" * 5000,
                               "--library", str(small_library))
    assert status == 1 and out == ""
    assert procs.one_line(err) == (
        f"reader: cannot save bookmarks in {path}: database or disk is full")
    status, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert [b["article"]["id"] for b in json.loads(out)] == [FIRST]
    assert digest(backup_path(path)) == backup


def test_a_backup_that_cannot_be_written_does_not_undo_the_change(
    small_library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "bookmarks", "add", FIRST, "--library", str(small_library))[0] == 0
    backup = backup_path(default_path())
    before = digest(backup)

    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(store_module, "copy_database", full)
        status, out, err = run(capsys, "bookmarks", "add", SECOND, "--library",
                               str(small_library))
    assert status == 0 and out.startswith("bookmarked #2")
    assert procs.one_line(err) == (
        f"reader: warning: the backup {backup} could not be updated "
        "(database or disk is full); it still holds an earlier state")
    assert digest(backup) == before
    log = log_path().read_text("utf-8")  # the warning, with its traceback, is in the log
    assert "WARNING reader.bookmarks.store" in log and "could not be updated" in log
    assert "sqlite3.OperationalError: database or disk is full" in log
    status, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert sorted(b["article"]["id"] for b in json.loads(out)) == sorted([FIRST, SECOND])


def _unshare() -> list[str]:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare/mount not available: no private tmpfs for a real full disk")
    if os.geteuid() == 0:
        return ["unshare", "--mount", "--propagation", "private"]
    return ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"]


def test_a_really_full_disk(small_library: Path, tmp_path: Path) -> None:
    """A 256 KiB tmpfs in a private mount namespace, filled to the last byte."""
    mount = tmp_path / "data"
    mount.mkdir()
    driver = Path(__file__).with_name("full_disk.py")
    done = procs.run_command(
        [*_unshare(), sys.executable, str(driver), str(mount), str(small_library), FIRST,
         SECOND], procs.env())
    if done.returncode == 77 or (done.returncode != 0 and "unshare" in done.stderr):
        pytest.skip(f"a tmpfs cannot be mounted here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["first add"]["status"] == 0
    for step in ("add on a full disk", "list on a full disk", "export on a full disk"):
        assert report[step]["status"] == 1, (step, report[step])
        line = procs.one_line(report[step]["err"])
        assert "No space left on device" in line, (step, line)
    line = procs.one_line(report["search with the cache on a full disk"]["err"])
    assert line.startswith("reader: the disk is full (database or disk is full)")
    assert report["store unchanged"]
    assert not [n for n in report["files on the full disk"] if n.startswith(".")]  # no litter
    assert report["add after freeing space"]["status"] == 0
    listed = json.loads(report["list after freeing space"]["out"])
    assert sorted(b["note"] for b in listed) == ["第一条", "第二条"]


def test_a_damaged_store_without_backup_is_salvaged_into_a_new_one(
    small_library: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lib = ["--library", str(small_library)]
    assert run(capsys, "bookmarks", "add", FIRST, "--note", "望江", *lib)[0] == 0
    assert run(capsys, "bookmarks", "add", SECOND, "--note", "地标", *lib)[0] == 0
    path = default_path()
    backup_path(path).unlink()
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tags'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:  # wreck the tags table: the bookmarks stay readable
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)
    damaged = digest(path)

    status, _, err = run(capsys, "bookmarks", "list")
    assert status == 1 and "damaged" in err and "no backup was found" in err
    assert "`reader bookmarks salvage FILE`" in err
    saved = tmp_path / "saved.json"
    status, out, err = run(capsys, "bookmarks", "salvage", str(saved))
    assert status == 0 and out.startswith(f"saved 2 bookmarks that could be read to {saved}")
    assert "tags could not be read" in err
    assert run(capsys, "bookmarks", "import", str(saved))[0] == 1  # not into a damaged store
    assert digest(path) == damaged  # only read
    status, out, _ = run(capsys, "bookmarks", "set-aside")
    assert status == 0
    (aside,) = path.parent.glob("bookmarks.damaged-*.sqlite3")
    assert digest(aside) == damaged and str(aside) in out
    status, out, _ = run(capsys, "bookmarks", "import", str(saved))
    assert status == 0 and "2 added" in out
    status, out, _ = run(capsys, "bookmarks", "list", "--json", *lib)
    assert sorted(b["note"] for b in json.loads(out)) == ["地标", "望江"]


def test_set_aside_refuses_a_sound_store(small_library: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "bookmarks", "add", FIRST, "--library", str(small_library))[0] == 0
    before = digest(default_path())
    status, _, err = run(capsys, "bookmarks", "set-aside")
    assert status == 1 and "not damaged" in err
    assert digest(default_path()) == before
