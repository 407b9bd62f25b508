"""Bookmarks are user data: a newer or damaged store is refused and kept, never replaced;
a backup of the last good state restores it; what can be read can be saved."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.bookmarks import (
    BookmarkStore,
    DamagedStoreError,
    NewerSchemaError,
    StoreError,
    export_readable,
    restore_backup,
    schema,
    set_aside,
)
from reader.corpus.catalog import Catalog


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(path: Path, library: Catalog, count: int = 10) -> list[str]:
    notes = []
    with BookmarkStore.open(path) as store:
        for n, article in enumerate(list(library.articles())[:count]):
            notes.append(store.add(article, note=f"笔记{n}：{article.display_title}").note)
    return notes


def test_a_store_from_a_newer_reader_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute(f"PRAGMA user_version = {schema.latest() + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError) as err:
        BookmarkStore.open(path)
    assert "newer version of the reader" in str(err.value)
    assert "untouched" in str(err.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.sqlite3"]


def test_a_damaged_store_is_kept_and_reported_with_its_backup(
    tmp_path: Path, library: Catalog
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    fill(path, library)
    path.write_bytes(b"garbage, not a database" * 200)
    before = digest(path)
    with pytest.raises(DamagedStoreError) as err:
        BookmarkStore.open(path)
    assert err.value.backup == tmp_path / "bookmarks.backup.sqlite3"
    assert "damaged" in str(err.value) and "kept" in str(err.value)
    assert digest(path) == before  # not rebuilt empty, not overwritten
    with pytest.raises(DamagedStoreError):
        BookmarkStore.open(path)  # and still refused the second time
    assert digest(path) == before


def test_an_emptied_store_with_a_backup_counts_as_damaged(
    tmp_path: Path, library: Catalog
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    fill(path, library, 3)
    path.write_bytes(b"")
    with pytest.raises(DamagedStoreError, match="empty"):
        BookmarkStore.open(path)
    assert path.stat().st_size == 0


def test_restoring_the_backup_brings_the_bookmarks_back_and_keeps_the_damaged_file(
    tmp_path: Path, library: Catalog
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    notes = fill(path, library)
    with open(path, "r+b") as f:  # damage the middle of the file
        f.seek(4096)
        f.write(os.urandom(8192))
    damaged = digest(path)
    with pytest.raises(DamagedStoreError):
        BookmarkStore.open(path)
    aside = restore_backup(path)
    assert digest(aside) == damaged
    with BookmarkStore.open(path) as store:
        assert sorted(b.note for b in store.list()) == sorted(notes)


def test_what_can_be_read_from_a_damaged_store_is_saved_and_importable(
    tmp_path: Path, library: Catalog
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    notes = fill(path, library, 12)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tags'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:  # wreck the tags table only
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)
    with pytest.raises(DamagedStoreError):
        BookmarkStore.open(path)
    out = tmp_path / "saved.json"
    salvage = export_readable(path, out)
    assert sorted(b.note for b in salvage.bookmarks) == sorted(notes)
    assert salvage.problems  # the tags could not be read, and it says so
    assert len(json.loads(out.read_text(encoding="utf-8"))["bookmarks"]) == 12
    set_aside(path)
    with BookmarkStore.open(path) as fresh:
        assert fresh.import_json(out).added == 12
        assert sorted(b.note for b in fresh.list()) == sorted(notes)


def test_a_file_that_is_not_a_bookmark_store_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DamagedStoreError, match="not a bookmark store"):
        BookmarkStore.open(path)
    assert digest(path) == before


def test_an_older_store_is_migrated_after_a_backup(
    tmp_path: Path, library: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    notes = fill(path, library, 4)

    def add_colour(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE bookmarks ADD COLUMN colour TEXT")

    monkeypatch.setitem(schema.MIGRATIONS, schema.latest() + 1, add_colour)
    with BookmarkStore.open(path) as store:
        assert sorted(b.note for b in store.list()) == sorted(notes)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.latest()
    assert "colour" in [r[1] for r in conn.execute("PRAGMA table_info(bookmarks)")]
    conn.close()
    old = tmp_path / f"bookmarks.schema-{schema.latest() - 1}.sqlite3"
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.latest() - 1
    assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 4
    conn.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_data_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="bookmarks"):
            BookmarkStore.open(folder / "bookmarks.sqlite3")
    finally:
        folder.chmod(0o700)


def test_a_data_folder_that_cannot_be_made_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot create the folder for bookmarks"):
        BookmarkStore.open(blocker / "bookmarks.sqlite3")
