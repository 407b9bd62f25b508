"""The rolling backup of the bookmark store, and putting a damaged store aside or back.

After the store opens cleanly and after each change, the last good state is copied with
SQLite's backup API into a temporary file beside the store, checked, and moved over
``bookmarks.backup.sqlite3`` with ``os.replace`` (so a crash leaves the old backup or the new
one, never half of one). A damaged store is never deleted: ``set_aside`` renames it (with its
``-wal`` and ``-shm`` files) to ``bookmarks.damaged-<time>.sqlite3``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

from ..atomicfile import atomic_write
from . import schema
from .errors import StoreError

SIDE_FILES = ("-wal", "-shm")


def default_path() -> Path:
    from ..paths import data_dir

    return data_dir() / "bookmarks.sqlite3"


def backup_path(path: Path) -> Path:
    """Where the rolling backup of the store at ``path`` is kept."""
    return path.with_name(f"{path.stem}.backup{path.suffix}")


def check_file(path: Path) -> str | None:
    """None when ``path`` is a readable store this version knows, else the reason."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as err:
        return str(err)
    try:
        found = schema.version(conn)
        if found > schema.latest():
            return f"it was saved by a newer version (format {found})"
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            return str(result)
        if found and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookmarks'"
        ).fetchone():
            return "it holds no bookmarks table"
    except sqlite3.Error as err:
        return str(err)
    finally:
        conn.close()
    return None


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind ``conn`` to ``target`` atomically, checked before it lands.

    The copy is named ``….tmp`` until then, for ``remove_stale_copies``."""
    with atomic_write(target, suffix=".tmp") as tmp:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            # A plain (rollback-journal) file: a backup must stand alone, without a -wal.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            # A copy that failed half-way (a full disk) may leave its WAL files: never litter.
            for side in SIDE_FILES:
                with contextlib.suppress(OSError):
                    Path(f"{tmp}{side}").unlink(missing_ok=True)
        if (reason := check_file(tmp)) is not None:
            raise StoreError(f"the backup copy failed its check ({reason})")


STALE_COPY_S = 600
"""A temporary copy untouched this long was left by a process that died while writing it."""


def remove_stale_copies(path: Path, older_than: float = STALE_COPY_S) -> list[Path]:
    """Delete the temporary files ``copy_database`` left beside the store at ``path`` when
    its process was killed (each as large as the store); return them. Recent ones may be
    another process's backup under way and are left alone."""
    removed = []
    now = time.time()
    for tmp in path.parent.glob(f".*{path.stem}*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > older_than:
                tmp.unlink()
                removed.append(tmp)
    return removed


def set_aside(path: Path) -> Path:
    """Rename the store (and its -wal/-shm) out of the way, keeping it; return its new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    for side in SIDE_FILES:
        extra = Path(f"{path}{side}")
        if extra.exists():
            os.replace(extra, Path(f"{aside}{side}"))
    if path.exists():
        os.replace(path, aside)
    return aside


def restore_backup(path: Path | None = None) -> Path:
    """Put the last good backup in place of the store; the replaced file is kept aside.

    Returns where the replaced (damaged) store now is. Close every store on ``path`` first.
    """
    path = path or default_path()
    backup = backup_path(path)
    if not backup.exists():
        raise StoreError(f"there is no backup of {path} to restore")
    if (reason := check_file(backup)) is not None:
        raise StoreError(f"the backup {backup} cannot be used either ({reason})")
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        staged = path.with_name(f".{path.name}.restoring")
        copy_database(source, staged)
    finally:
        source.close()
    aside = set_aside(path)
    os.replace(staged, path)
    return aside
