"""Folders that cannot be written, a full disk, unexpected errors: a clear line, no traceback,
the details in the log, and the user's data left as it was."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main, parse_cmd
from reader.logsetup import log_path

from ..conftest import SEEDS
from . import procs

# -- the cache and the log: disposable, so a temporary folder stands in -------------------


def test_a_read_only_cache_folder_falls_back_to_a_temporary_one(
    small_library: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    environ = procs.env(READER_CACHE_DIR=cache, TMPDIR=temp)
    with procs.read_only(cache):
        result = procs.run(["search", "金承涛", "--json", "--library", str(small_library)],
                           environ, read_only_respected=True)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["total"] == 12  # as with a writable cache
        assert f"the cache folder {cache} cannot be written (Permission denied)" in result.stderr
        assert "Traceback" not in result.stderr
        assert list(cache.iterdir()) == []
        again = procs.run(["search", "金承涛", "--library", str(small_library)], environ,
                          read_only_respected=True)
    assert again.returncode == 0
    assert "indexing" not in again.stderr  # the index in the temporary folder was kept
    assert list(temp.glob("newspaper-reader-*/cache/search/*.sqlite3"))


def test_a_cache_folder_that_is_a_file_falls_back_too(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", "utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    assert main(["index", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    assert "28 articles in the index" in out
    assert f"the cache folder {blocker} cannot be written" in err
    assert blocker.read_text("utf-8") == "a file where the cache folder should be"


def test_an_unexpected_error_is_one_line_naming_the_log_which_has_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug in the parser")

    monkeypatch.setattr(parse_cmd, "load_page", broken)
    assert main(["parse", str(SEEDS[0])]) == 70
    line = procs.one_line(capsys.readouterr().err)
    assert line == (f"reader: unexpected error: a bug in the parser (details in {log_path()})")
    log = log_path().read_text("utf-8")
    assert "ERROR reader.cli" in log and "unexpected error in parse" in log
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: a bug in the parser" in log


def test_a_full_disk_is_a_plain_message_not_an_unexpected_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(parse_cmd, "load_page", disk_full)
    assert main(["parse", str(SEEDS[0])]) == 1
    line = procs.one_line(capsys.readouterr().err)
    assert line.startswith(f"reader: {tmp_path / 'x'}: No space left on device (details in ")
    assert "OSError: [Errno 28]" in log_path().read_text("utf-8")

    def database_full(*args: object) -> None:
        conn = sqlite3.connect(tmp_path / "tiny.sqlite3")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA max_page_count = 2")
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")  # what SQLite says on ENOSPC

    monkeypatch.setattr(parse_cmd, "load_page", database_full)
    assert main(["parse", str(SEEDS[0])]) == 1
    line = procs.one_line(capsys.readouterr().err)
    assert line.startswith("reader: the disk is full (database or disk is full)")


def test_a_read_only_log_folder_moves_the_log_and_says_where(tmp_path: Path) -> None:
    logs = tmp_path / "log"
    logs.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    script = (
        "import sys; from reader.cli import main, parse_cmd\n"
        "def broken(*a): raise RuntimeError('boom')\n"
        "parse_cmd.load_page = broken\n"
        f"sys.exit(main(['parse', {str(SEEDS[0])!r}]))\n"
    )
    with procs.read_only(logs):
        result = procs.run_command(
            [*procs.obeying_permissions(), procs.READER[0], "-c", script],
            procs.env(READER_LOG_DIR=logs, TMPDIR=temp),
        )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr
    moved = next(temp.glob("newspaper-reader-*/log"))
    notice, error = result.stderr.strip().splitlines()
    assert notice == (f"reader: the log folder {logs} cannot be written (Permission denied); "
                      f"the log is kept in {moved} instead")
    assert error == f"reader: unexpected error: boom (details in {moved / 'reader.log'})"
    assert "RuntimeError: boom" in (moved / "reader.log").read_text("utf-8")
    assert list(logs.iterdir()) == []


def test_with_no_writable_log_at_all_the_message_says_so_without_a_traceback(
    tmp_path: Path,
) -> None:
    logs = tmp_path / "log"
    logs.mkdir()
    temp = tmp_path / "tmp"
    stand_in = temp / f"newspaper-reader-{os.getuid()}"  # where the log would go instead
    stand_in.mkdir(parents=True)
    script = (
        "import logging, sys; from reader.cli import main, parse_cmd\n"
        "def broken(*a):\n"
        "    logging.getLogger('reader.test').warning('a warning', exc_info=True)\n"
        "    raise RuntimeError('boom')\n"
        "parse_cmd.load_page = broken\n"
        f"sys.exit(main(['parse', {str(SEEDS[0])!r}]))\n"
    )
    with procs.read_only(logs, stand_in):
        result = procs.run_command(
            [*procs.obeying_permissions(), procs.READER[0], "-c", script],
            procs.env(READER_LOG_DIR=logs, TMPDIR=temp),
        )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr and "a warning" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"reader: cannot write the log file {logs / 'reader.log'}: Permission denied",
        "reader: unexpected error: boom (no log file could be written)",
    ]


def test_an_export_that_fills_the_disk_keeps_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.corpus.library import load_page
    from reader.export import ExportError, export_articles

    articles = load_page(SEEDS[0]).articles
    out = tmp_path / "report.md"
    out.write_text("the previous report", "utf-8")
    write_text = Path.write_text

    def half_then_full(self: Path, text: str, *args: object, **kwargs: object) -> int:
        write_text(self, text[:100], *args, **kwargs)  # type: ignore[arg-type]
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(ExportError) as err:
        patch.setattr(Path, "write_text", half_then_full)
        export_articles(articles, out, "md")
    assert str(err.value) == f"cannot write {out}: No space left on device"
    assert out.read_text("utf-8") == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no half file left


def test_bookmarks_exported_to_a_full_disk_keep_the_old_file(
    small_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["bookmarks", "add", "d72c54c81242", "--library", str(small_library)]) == 0
    out = tmp_path / "bookmarks.json"
    out.write_text("the previous export", "utf-8")
    capsys.readouterr()

    def full(self: Path, text: str, *args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_text", full)
        assert main(["bookmarks", "export", str(out), "--library", str(small_library)]) == 1
    line = procs.one_line(capsys.readouterr().err)
    assert line == f"reader: cannot write {out}: No space left on device"
    assert out.read_text("utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.json", "library"]
