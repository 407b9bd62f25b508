"""One atomic writer for every file the reader makes: a normal save's mode, the old file kept
when writing fails, no temporary file left behind."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.atomicfile import (
    atomic_write,
    create_file_atomic,
    write_json_atomic,
    write_text_atomic,
)
from reader.bookmarks.backup import copy_database
from reader.corpus.intake import add_pages
from reader.corpus.sidecar import write_sidecar
from reader.export.atomic import ExportError, write_text

from .conftest import SEEDS


def normal_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _backup(path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE bookmarks (id INTEGER)")
    copy_database(conn, path)
    conn.close()


WRITERS: dict[str, Callable[[Path], object]] = {
    "text": lambda p: write_text_atomic(p, "文字"),
    "json": lambda p: write_json_atomic(p, {"键": 1}),
    "new file": lambda p: create_file_atomic(p, b"bytes"),
    "export": lambda p: write_text(p, "文字"),
    "bookmark backup": _backup,
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_every_writer_gives_the_mode_of_a_normal_save(tmp_path: Path, writer) -> None:
    target = tmp_path / "folder" / "file"
    writer(target)
    assert mode(target) == normal_mode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["file"]


def test_sidecars_and_added_pages_get_a_normal_mode(tmp_path: Path) -> None:
    report = add_pages([SEEDS[0]], tmp_path / "library")
    (page,) = [tmp_path / "library" / name for name in report.added]
    assert mode(page) == normal_mode()
    assert mode(write_sidecar(page, {"paper": "上城报"})) == normal_mode()


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("the writer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_an_export_into_a_file_where_a_folder_should_be_names_the_target(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    with pytest.raises(ExportError, match="taken"):
        write_text(tmp_path / "taken" / "out.txt", "文字")


def test_a_new_file_never_replaces_one(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    create_file_atomic(target, b"first")
    with pytest.raises(FileExistsError):
        create_file_atomic(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["page.txt"]
