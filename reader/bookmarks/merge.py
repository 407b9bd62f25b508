"""Importing bookmarks: the merge rule, applied in one transaction (all or nothing).

Every field of an entry is checked first (``validate``): an entry with a bad one is skipped
with a line naming the entry and the field. Each bookmark of the file is then matched to one
in the store by its ``uid``, else by its article (same id, or same paper, date and page with
the same title, or the same opening of the body; ``matching``); an entry without an id is
its own bookmark unless it is the same article.

- No match: it is added with its note, tags and the time it was first added.
- A match: tags are united. The note is never replaced without a trace: when the two notes
  are the same, or one is empty, or the imported note is already contained in the stored one,
  the fuller one is kept; otherwise the imported note is appended under a line
  ``—— 导入的笔记（FILE）——`` and the bookmark is listed in ``ImportReport.joined_notes``.

Excerpts follow the same rule: matched by ``uid``, else by the same text of the same
article; a match unites the tags and keeps both notes; the text itself is never changed.

Importing the same file twice therefore changes nothing the second time.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import Any

from .bookmark import (
    BOOKMARK_ROWS,
    EXCERPT_ROWS,
    INSERT_ROW,
    Rows,
    add_tags,
    join_notes,
    now,
    row_values,
    set_note,
)
from .excerpt import ExcerptIndex, insert_excerpt
from .matching import Matcher, Prepared
from .validate import EntryProblem, Incoming, incoming, incoming_excerpt


@dataclass
class ImportReport:
    """What an import did, for a one-line summary and the list of joined notes."""

    added: int = 0
    merged: int = 0
    unchanged: int = 0
    joined_notes: list[str] = field(default_factory=list)
    """Headlines of bookmarks whose note now holds both the old and the imported text."""
    skipped: list[str] = field(default_factory=list)
    """Entries of the file that could not be read, with the reason."""
    excerpts_added: int = 0
    excerpts_merged: int = 0
    excerpts_unchanged: int = 0

    def summary(self) -> str:
        text = (f"{self.added} added, {self.merged} merged, {self.unchanged} already there")
        if self.excerpts_added or self.excerpts_merged or self.excerpts_unchanged:
            text += (f"; excerpts: {self.excerpts_added} added, {self.excerpts_merged} "
                     f"merged, {self.excerpts_unchanged} already there")
        if self.joined_notes:
            text += f", {len(self.joined_notes)} notes kept side by side"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text


class _NewRows:
    """The bookmarks an import adds, written a batch at a time. Ids are given here, as
    AUTOINCREMENT gives them (above every id the store ever used), so that the matcher and
    the tags know them before the rows are written."""

    BATCH = 2_000

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'bookmarks'"
                           ).fetchone()
        top = conn.execute("SELECT max(id) FROM bookmarks").fetchone()[0]
        self.next_id = max(int(seq[0]) if seq else 0, int(top or 0)) + 1
        self.stamp = now().isoformat()
        self.rows: list[tuple[Any, ...]] = []
        self.tags: list[tuple[int, str]] = []
        self.pending: set[int] = set()

    def add(self, item: Incoming, uid: str) -> int:
        bookmark_id = self.next_id
        self.next_id += 1
        self.rows.append(row_values(bookmark_id, item.ref, item.note, uid=uid,
                                    added=item.added, stamp=self.stamp))
        self.tags += [(bookmark_id, t) for t in item.tags]
        self.pending.add(bookmark_id)
        if len(self.rows) >= self.BATCH:
            self.flush()
        return bookmark_id

    def flush(self) -> None:
        if self.rows:
            self.conn.executemany(INSERT_ROW, self.rows)
        if self.tags:
            self.conn.executemany("INSERT OR IGNORE INTO tags (bookmark_id, tag) VALUES (?, ?)",
                                  self.tags)
        self.rows, self.tags, self.pending = [], [], set()


def merge_into(conn: sqlite3.Connection, items: list[Any], label: str) -> ImportReport:
    """Merge file entries into the store behind ``conn`` (inside the caller's transaction).

    An entry with a bad field is skipped (``report.skipped`` names it and the field); the
    others are taken. Linear in the number of entries (``Matcher``)."""
    report = ImportReport()
    matcher = Matcher(conn)
    new = _NewRows(conn)
    for n, data in enumerate(items, start=1):
        try:
            item = incoming(data)
        except EntryProblem as err:
            report.skipped.append(f"entry {n}: {err}")
            continue
        prepared = None
        found = matcher.known(item.ref, item.uid)  # most entries: by uid, without folding
        if found is None:
            prepared = Prepared(item.ref)
            found = matcher.find(prepared, item.uid)
        if found is None:
            assert prepared is not None
            uid = item.uid or uuid.uuid4().hex
            matcher.add(new.add(item, uid), uid, item.ref, prepared)
            report.added += 1
            continue
        if found in new.pending:  # the same article twice in the file: merge into the row
            new.flush()
        if _take(conn, BOOKMARK_ROWS, found, item, label, report):
            report.merged += 1
        else:
            report.unchanged += 1
    new.flush()
    return report


def _take(conn: sqlite3.Connection, rows: Rows, found: int, item: Incoming, label: str,
          report: ImportReport) -> bool:
    """Merge ``item`` into the stored row ``found``: tags united, the note kept by the rule
    (both side by side when they differ, listed in ``report``); True when it changed."""
    changed = bool(item.tags) and add_tags(conn, found, item.tags, rows) > 0
    theirs = item.note.strip()
    if not theirs:
        return changed
    row = conn.execute(f"SELECT note, display_title FROM {rows.table} WHERE id = ?",
                       (found,)).fetchone()
    mine = str(row["note"]).strip()
    if theirs in mine:
        return changed
    if not mine:
        set_note(conn, found, theirs, rows)
    else:
        set_note(conn, found, join_notes(mine, theirs, f"导入的笔记（{label}）"), rows)
        report.joined_notes.append(str(row["display_title"]))
    return True


def merge_excerpts(conn: sqlite3.Connection, items: list[Any], label: str,
                   report: ImportReport) -> None:
    """Merge the excerpt entries of a file into the store behind ``conn`` (inside the
    caller's transaction), counting in ``report``; linear in the number of entries."""
    index = ExcerptIndex(conn)
    for n, data in enumerate(items, start=1):
        try:
            item = incoming_excerpt(data)
        except EntryProblem as err:
            report.skipped.append(f"excerpt {n}: {err}")
            continue
        found = index.find(item.ref, item.passage.text, item.uid)
        if found is None:
            uid = item.uid or uuid.uuid4().hex
            new = insert_excerpt(conn, item.ref, item.passage, item.note, uid=uid,
                                 added=item.added)
            add_tags(conn, new, item.tags, EXCERPT_ROWS)
            index.add(new, uid, item.ref, item.passage.text)
            report.excerpts_added += 1
        elif _take(conn, EXCERPT_ROWS, found, item, label, report):
            report.excerpts_merged += 1
        else:
            report.excerpts_unchanged += 1
