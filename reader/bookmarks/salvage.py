"""Reading what can still be read from a damaged bookmark store, to save it as JSON.

The damaged file is only read (never written). Rows are read all at once if possible, else
one by one, skipping the ones SQLite cannot return.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .backup import default_path
from .bookmark import Bookmark, from_row, tags_by_row
from .excerpt import Excerpt, excerpt_from_row
from .transfer import write_bookmarks

PROBE_LIMIT = 100_000
GIVE_UP_AFTER = 2_000
"""Consecutive ids that cannot be read before the row-by-row probe stops."""


@dataclass
class Salvage:
    """The bookmarks read from a damaged store, and what could not be read."""

    bookmarks: list[Bookmark] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    excerpts: list[Excerpt] = field(default_factory=list)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        conn.close()
        # Without its -wal (or with a broken one): read the main file alone.
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _tags(conn: sqlite3.Connection, out: Salvage) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    try:
        for bid, tag in conn.execute("SELECT bookmark_id, tag FROM tags ORDER BY rowid"):
            tags.setdefault(int(bid), []).append(str(tag))
    except sqlite3.DatabaseError as err:
        out.problems.append(f"some tags could not be read ({err})")
    return tags


def _rows(conn: sqlite3.Connection, out: Salvage) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    try:
        for row in conn.execute("SELECT * FROM bookmarks ORDER BY id"):
            rows.append(row)
        return rows
    except sqlite3.DatabaseError as err:
        out.problems.append(f"reading all bookmarks at once failed ({err}); reading one by one")
    seen = {int(r["id"]) for r in rows}
    misses = 0
    for bid in range(1, PROBE_LIMIT):
        if misses >= GIVE_UP_AFTER:
            break
        if bid in seen:
            continue
        try:
            row = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (bid,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            misses += 1
            continue
        misses = 0
        rows.append(row)
    return sorted(rows, key=lambda r: int(r["id"]))


def read_damaged(path: Path | None = None) -> Salvage:
    """Every bookmark and excerpt that can still be read from the store at ``path``."""
    path = Path(path) if path is not None else default_path()
    out = Salvage()
    try:
        conn = _connect(path)
    except sqlite3.Error as err:
        out.problems.append(f"the file cannot be opened at all ({err})")
        return out
    try:
        _bookmarks(conn, out)
        _excerpts(conn, out)
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
    return out


def _bookmarks(conn: sqlite3.Connection, out: Salvage) -> None:
    try:
        tags = _tags(conn, out)
        for row in _rows(conn, out):
            try:
                bookmark = from_row(row, tags.get(int(row["id"]), ()))
            except (ValueError, TypeError, IndexError, KeyError) as err:
                out.problems.append(f"bookmark #{row['id']} is unreadable ({err})")
                continue
            if bookmark.problem:  # saved with what can be read: its note and tags
                out.problems.append(
                    f"bookmark #{bookmark.id} is saved in part ({bookmark.problem})")
            out.bookmarks.append(bookmark)
    except sqlite3.DatabaseError as err:
        out.problems.append(f"the file holds no readable bookmarks ({err})")


def _excerpts(conn: sqlite3.Connection, out: Salvage) -> None:
    """The excerpts that can be read (a store older than excerpts has none)."""
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'excerpts'").fetchone():
            return
        try:
            tags = tags_by_row(conn.execute("SELECT excerpt_id, tag FROM excerpt_tags"))
        except sqlite3.DatabaseError as err:
            out.problems.append(f"some tags of excerpts could not be read ({err})")
            tags = {}
        for row in conn.execute("SELECT * FROM excerpts ORDER BY id"):
            excerpt = excerpt_from_row(row, tags.get(int(row["id"]), ()))
            if excerpt.problem:
                out.problems.append(
                    f"excerpt #{excerpt.id} is saved in part ({excerpt.problem})")
            out.excerpts.append(excerpt)
    except sqlite3.DatabaseError as err:
        out.problems.append(f"the excerpts could not all be read ({err}); "
                            f"{len(out.excerpts)} were")


def export_readable(path: Path | None, out: Path) -> Salvage:
    """Save what can be read from a damaged store as a bookmarks JSON file (importable)."""
    salvage = read_damaged(path)
    write_bookmarks(Path(out), salvage.bookmarks, excerpts=salvage.excerpts)
    return salvage
