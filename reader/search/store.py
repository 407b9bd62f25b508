"""The index's own file: an SQLite database in WAL mode beside the engine's folder.

The engine (``engine``: tantivy) keeps the articles' terms (their texts stay in the page
store: ``texts``); this file says what they were read from and whether they can be served.
It is tagged with the app, the schema version and the segmenter's fingerprint; a file that
is missing, damaged, of another schema or built by another segmenter is deleted, with the
engine's folder, and started anew.

Tables
    meta      key/value: app, schema, segmenter, root; ``published`` once a first update has
              finished; the source's state token and the article count of the last update
    files     (source, stamp, articles): which version of each page file the engine holds,
              written after the engine's commit that holds it (so a crash between the two
              only makes the next update read that file again)
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .segment import segmenter_fingerprint

APP = "newspaper-reader"
SCHEMA_VERSION = 5

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(source TEXT PRIMARY KEY, stamp TEXT NOT NULL, articles INTEGER NOT NULL);
"""


class IndexDamaged(Exception):
    """The index file cannot be used; it is rebuilt by the next update."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection for one thread: WAL, autocommit mode (transactions are explicit)."""
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=True)
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA cache_size=-8000")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def expected_meta(root: str) -> dict[str, str]:
    return {
        "app": APP,
        "schema": str(SCHEMA_VERSION),
        "segmenter": segmenter_fingerprint(),
        "root": root,
    }


def check(conn: sqlite3.Connection, root: str) -> str | None:
    """Why the open database cannot serve as this library's index, or None when it can."""
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return "it was written by another version of the reader"
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as err:
        return f"it is damaged ({err})"
    for key, want in expected_meta(root).items():
        if meta.get(key) != want:
            return f"its {key} is {meta.get(key)!r}, not {want!r}"
    return None


def engine_folder(path: Path) -> Path:
    """The engine's folder beside the index file ``path``."""
    return path.with_name(path.stem + ".tantivy")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
    shutil.rmtree(engine_folder(path), ignore_errors=True)


def create(path: Path, root: str) -> None:
    """Delete whatever is at ``path`` (and the engine's folder) and write an empty index
    file there; the caller makes the engine's folder anew."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA page_size=16384")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        meta = expected_meta(root) | {"published": "0"}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    finally:
        conn.close()


def get_meta(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    if row is None:
        raise IndexDamaged(f"the index has no {key}")
    return str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: object) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, mode: str = "") -> Iterator[sqlite3.Connection]:
    conn.execute(f"BEGIN {mode}")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # not after SQLite rolled back by itself (a full disk)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


SQLITE_HEADER = b"SQLite format 3\x00"


def _damaged_lock(path: Path) -> bool:
    """The lock file holds something other than an (empty or SQLite) lock database."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def _replace_lock(path: Path) -> None:
    """Put an empty lock file in place of a damaged one, atomically (it holds no data: an
    empty file is a sound SQLite database). Its stale journal goes too."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)
    with contextlib.suppress(FileNotFoundError):
        os.remove(f"{path}-journal")
    logging.getLogger(__name__).warning("the damaged lock file %s was replaced", path)


class UpdateLock:
    """One updater at a time, across threads and processes: an exclusive transaction on a
    small side file. The operating system drops it if the holder dies.

    The side file is a cache of nothing: when it is damaged (overwritten with garbage) it is
    replaced by an empty one, instead of making every update and search fail."""

    REPLACE_ATTEMPTS = 3

    def __init__(self, path: Path) -> None:
        self.path = Path(f"{path}.lock")
        self._conn: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=0.2, isolation_level=None,
                               check_same_thread=False)

    def acquire(self, cancelled: Callable[[], bool],
                waiting: Callable[[], None] | None = None) -> bool:
        """Wait for the lock; False when ``cancelled()`` turned true first.

        ``waiting()`` is called once if another updater holds it. A damaged lock file is
        replaced; other errors than a busy lock (a folder that cannot be written) are
        raised, not waited on."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        told = False
        replaced = 0
        while True:
            try:
                conn.execute("BEGIN EXCLUSIVE")
                self._conn = conn
                return True
            except sqlite3.OperationalError as err:
                if getattr(err, "sqlite_errorname", "SQLITE_BUSY") not in (
                        "SQLITE_BUSY", "SQLITE_LOCKED"):
                    conn.close()
                    raise
                if cancelled():
                    conn.close()
                    return False
                if waiting is not None and not told:
                    told = True
                    waiting()
                time.sleep(0.05)
            except sqlite3.DatabaseError:  # "file is not a database", "malformed"
                conn.close()
                if replaced >= self.REPLACE_ATTEMPTS:
                    raise
                replaced += 1
                # Another process may have replaced it a moment ago: then it is sound now.
                if _damaged_lock(self.path):
                    _replace_lock(self.path)
                conn = self._connect()

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            self._conn.close()
            self._conn = None
