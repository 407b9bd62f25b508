"""An Excerpt: a passage the user kept from an article, with a note and tags, and its rows.

An excerpt remembers its article as a bookmark does (an ``ArticleRef``: found again after ids
change) and the passage by its content (``passage.Passage``: the text and a little around
it). The text is the user's: it is kept as it was selected even when the article cannot be
found again, or no longer holds it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .bookmark import REF_COLUMNS, Kept, RowReading, now, ref_values
from .identity import ArticleRef, normalise, same_article
from .passage import NO_PASSAGE, Passage


@dataclass(frozen=True)
class Excerpt(Kept):
    """A kept passage of an article."""

    passage: Passage = NO_PASSAGE

    @property
    def text(self) -> str:
        return self.passage.text

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.passage.text, "before": self.passage.before,
                "after": self.passage.after} | super().to_dict()


PASSAGE_COLUMNS = ("text", "before_text", "after_text")
INSERT_EXCERPT = (
    f"INSERT INTO excerpts (id, uid, {', '.join(REF_COLUMNS)}, {', '.join(PASSAGE_COLUMNS)}, "
    f"note, added, updated) VALUES (?, ?{', ?' * len(REF_COLUMNS)}, ?, ?, ?, ?, ?, ?)")
"""A new excerpt row; its values come from ``excerpt_values``."""


def excerpt_values(excerpt_id: int | None, ref: ArticleRef, passage: Passage, note: str, *,
                   uid: str | None, added: str | None, stamp: str) -> tuple[Any, ...]:
    """The ``INSERT_EXCERPT`` values (``excerpt_id`` None: the next id SQLite gives)."""
    return (excerpt_id, uid or uuid.uuid4().hex, *ref_values(ref), passage.text,
            passage.before, passage.after, note.strip(), added or stamp, stamp)


def insert_excerpt(conn: sqlite3.Connection, ref: ArticleRef, passage: Passage, note: str, *,
                   uid: str | None = None, added: str | None = None) -> int:
    values = excerpt_values(None, ref, passage, note, uid=uid, added=added,
                            stamp=now().isoformat())
    return int(conn.execute(INSERT_EXCERPT, values).lastrowid or 0)


def excerpt_from_row(row: sqlite3.Row, tags: Iterable[str]) -> Excerpt:
    """The excerpt of a stored row; never raises (a field that cannot be read is flagged)."""
    reading = RowReading(row)
    ref = reading.ref()
    passage = Passage(reading.text("text") or "", reading.text("before_text") or "",
                      reading.text("after_text") or "")
    added, updated = reading.time("added"), reading.time("updated")
    note = reading.text("note") or ""
    return Excerpt(id=int(row["id"]), uid=str(row["uid"]), ref=ref, passage=passage,
                   added=added, updated=updated, note=note, tags=tuple(str(t) for t in tags),
                   problem="; ".join(reading.problems))


def same_passage(a: str, b: str) -> bool:
    """Two excerpts keep the same text (folded alike: spaces and widths aside)."""
    return normalise(a) == normalise(b)


def match_excerpt(conn: sqlite3.Connection, ref: ArticleRef, text: str,
                  uid: str | None = None) -> sqlite3.Row | None:
    """The stored excerpt of the same passage of the same article (or with this uid): one
    of the same text, or of the same article id with the text folded alike. (An import
    compares every text folded: ``ExcerptIndex``.)"""
    if uid:
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM excerpts WHERE uid = ?", (uid,)).fetchone()
        if row is not None:
            return row
    # The same text (as printed, or folded alike within the same article id): a few rows.
    for row in conn.execute("SELECT * FROM excerpts WHERE text = ? OR article_id = ? "
                            "ORDER BY id", (text, ref.article_id)):
        if same_passage(str(row["text"]), text) and same_article(RowReading(row).ref(), ref):
            return row
    return None


class ExcerptIndex:
    """The stored excerpts by uid and by folded text, read once for an import (a lookup then
    costs the same whatever the size of the store); ``add`` takes in a new one."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._uids: dict[str, int] = {}
        self._texts: dict[str, list[tuple[int, ArticleRef]]] = {}
        for row in conn.execute("SELECT * FROM excerpts ORDER BY id"):
            self.add(int(row["id"]), str(row["uid"]), RowReading(row).ref(), str(row["text"]))

    def add(self, excerpt_id: int, uid: str, ref: ArticleRef, text: str) -> None:
        self._uids.setdefault(uid, excerpt_id)
        self._texts.setdefault(normalise(text), []).append((excerpt_id, ref))

    def find(self, ref: ArticleRef, text: str, uid: str | None = None) -> int | None:
        """The stored excerpt with this uid, else of the same text of the same article."""
        if uid and (found := self._uids.get(uid)) is not None:
            return found
        return next((i for i, stored in self._texts.get(normalise(text), [])
                     if same_article(stored, ref)), None)
