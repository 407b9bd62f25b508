"""A Bookmark: the remembered article, the user's note and tags, and when it was made."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .identity import ArticleRef, same_article

REF_COLUMNS = (
    "article_id", "paper", "date", "page", "kicker", "title", "subtitle", "display_title",
    "byline", "body_prefix", "source",
)


@dataclass(frozen=True)
class Kept:
    """What bookmarks and excerpts share: the remembered article, the user's note and tags,
    and when it was made. ``id`` is local to this store; ``uid`` travels in exports."""

    id: int
    uid: str
    ref: ArticleRef
    added: dt.datetime
    updated: dt.datetime
    note: str = ""
    tags: tuple[str, ...] = ()
    problem: str = ""
    """Why the stored row is flagged: a field that cannot be read (written by an older reader
    or by hand). It is shown with what could be read and can be removed."""

    @property
    def article_id(self) -> str:
        return self.ref.article_id

    @property
    def title(self) -> str:
        """The headline to show (derived when the page lost it)."""
        return self.ref.display_title

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "note": self.note,
            "tags": list(self.tags),
            "added": self.added.isoformat(),
            "updated": self.updated.isoformat(),
            "article": self.ref.to_dict(),
        } | ({"problem": self.problem} if self.problem else {})


@dataclass(frozen=True)
class Bookmark(Kept):
    """A bookmarked article."""


@dataclass(frozen=True)
class Rows:
    """Where one kind of kept thing is stored: its table, and its tags' table and key."""

    table: str
    tag_table: str
    key: str


BOOKMARK_ROWS = Rows("bookmarks", "tags", "bookmark_id")
EXCERPT_ROWS = Rows("excerpts", "excerpt_tags", "excerpt_id")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, inner white space made single, empties and repeats dropped."""
    out = (" ".join(str(t).split()) for t in tags)
    return tuple(dict.fromkeys(t for t in out if t))


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def ref_values(ref: ArticleRef) -> tuple[Any, ...]:
    """The ``REF_COLUMNS`` values of ``ref``, in order."""
    return (
        ref.article_id, ref.paper, ref.date.isoformat() if ref.date else None, ref.page,
        ref.kicker, ref.title, ref.subtitle, ref.display_title, ref.byline, ref.body_prefix,
        ref.source,
    )


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
"""Stands in for a time that cannot be read (the bookmark is flagged)."""


class RowReading:
    """Reads the fields of one stored row; a field that cannot be read gives a stand-in
    and is noted in ``problems``, never an exception."""

    def __init__(self, row: sqlite3.Row, names: Iterable[str] | None = None) -> None:
        self.row = row
        self.names = frozenset(row.keys() if names is None else names)
        self.problems: list[str] = []

    def _bad(self, name: str) -> None:
        shown = repr(self.row[name])
        self.problems.append(f"its {name} {shown[:40]}{'…' if len(shown) > 40 else ''} "
                             "cannot be read")

    def text(self, name: str) -> str | None:
        value = self.row[name] if name in self.names else None
        if value is None or isinstance(value, str):
            return value
        self._bad(name)
        return str(value)

    def page(self) -> int | None:
        value = self.row["page"] if "page" in self.names else None
        if value is None or (isinstance(value, int) and 0 <= value <= 1_000_000):
            return value
        self._bad("page")
        return None

    def date(self) -> dt.date | None:
        value = self.row["date"] if "date" in self.names else None
        try:
            return dt.date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            self._bad("date")
            return None

    def time(self, name: str) -> dt.datetime:
        try:
            return dt.datetime.fromisoformat(self.row[name])
        except (TypeError, ValueError):
            self._bad(name)
            return EPOCH

    def ref(self) -> ArticleRef:
        return ArticleRef(
            article_id=self.text("article_id") or "",
            paper=self.text("paper") or None,
            date=self.date(),
            page=self.page(),
            kicker=self.text("kicker") or None,
            title=self.text("title") or None,
            subtitle=self.text("subtitle") or None,
            display_title=self.text("display_title") or self.text("title") or "",
            byline=self.text("byline") or None,
            body_prefix=self.text("body_prefix") or "",
            source=self.text("source") or "",
        )


def ref_from_row(row: sqlite3.Row, columns: Iterable[str] | None = None) -> ArticleRef:
    """The remembered article of a stored row (fields that cannot be read left empty);
    ``columns``: only these were read (the others are left empty)."""
    return RowReading(row, columns).ref()


def from_row(row: sqlite3.Row, tags: Iterable[str]) -> Bookmark:
    """The bookmark of a stored row; never raises: a row with a field that cannot be read
    is flagged (``problem``) with stand-ins for what is missing."""
    reading = RowReading(row)
    ref = reading.ref()
    added = reading.time("added")
    updated = reading.time("updated")
    note = reading.text("note") or ""
    return Bookmark(
        id=int(row["id"]),
        uid=str(row["uid"]),
        ref=ref,
        note=note,
        tags=tuple(str(t) for t in tags),
        added=added,
        updated=updated,
        problem="; ".join(reading.problems),
    )


def match_row(conn: sqlite3.Connection, ref: ArticleRef, uid: str | None = None
              ) -> sqlite3.Row | None:
    """The stored bookmark of the same article: by uid, article id, or place and content."""
    if uid:
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM bookmarks WHERE uid = ?", (uid,)).fetchone()
        if row is not None:
            return row
    if ref.article_id:  # articles without an id are told apart by place and content
        row = conn.execute("SELECT * FROM bookmarks WHERE article_id = ? ORDER BY id",
                           (ref.article_id,)).fetchone()
        if row is not None:
            return row
    for row in conn.execute("SELECT * FROM bookmarks WHERE paper IS ? ORDER BY id",
                            (ref.paper,)):
        if same_article(ref_from_row(row), ref):
            return row
    return None


INSERT_ROW = (f"INSERT INTO bookmarks (id, uid, {', '.join(REF_COLUMNS)}, note, added, updated)"
              f" VALUES (?, ?{', ?' * len(REF_COLUMNS)}, ?, ?, ?)")
"""A new bookmark row; its values come from ``row_values``."""


def row_values(bookmark_id: int | None, ref: ArticleRef, note: str, *, uid: str | None,
               added: str | None, stamp: str) -> tuple[Any, ...]:
    """The ``INSERT_ROW`` values (``bookmark_id`` None: the next id SQLite gives)."""
    return (bookmark_id, uid or uuid.uuid4().hex, *ref_values(ref), note.strip(),
            added or stamp, stamp)


def insert_row(conn: sqlite3.Connection, ref: ArticleRef, note: str, *, uid: str | None,
               added: str | None) -> int:
    """Insert a new bookmark row; return its id."""
    values = row_values(None, ref, note, uid=uid, added=added, stamp=now().isoformat())
    return int(conn.execute(INSERT_ROW, values).lastrowid or 0)


def add_tags(conn: sqlite3.Connection, row_id: int, tags: Iterable[str],
             rows: Rows = BOOKMARK_ROWS) -> int:
    """Add tags to a bookmark (or an excerpt; those it has stay); return how many were new."""
    cur = conn.executemany(f"INSERT OR IGNORE INTO {rows.tag_table} ({rows.key}, tag) "
                           "VALUES (?, ?)", [(row_id, t) for t in clean_tags(tags)])
    return max(cur.rowcount, 0)


def set_note(conn: sqlite3.Connection, row_id: int, note: str,
             rows: Rows = BOOKMARK_ROWS) -> None:
    conn.execute(f"UPDATE {rows.table} SET note = ?, updated = ? WHERE id = ?",
                 (note, now().isoformat(), row_id))


def tags_by_row(found: Iterable[sqlite3.Row | tuple[Any, Any]]) -> dict[int, list[str]]:
    """row id → its tags, from ``SELECT <key>, tag`` rows."""
    tags: dict[int, list[str]] = {}
    for rid, tag in found:
        tags.setdefault(int(rid), []).append(str(tag))
    return tags


def join_notes(mine: str, theirs: str, label: str) -> str:
    """Both notes kept: ``theirs`` after ``mine`` under a line naming where it came from."""
    return f"{mine.rstrip()}\n\n—— {label} ——\n{theirs.strip()}"
