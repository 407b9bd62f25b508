"""Importing bookmarks: the merge rule, applied in one transaction (all or nothing).

Each bookmark of the file is matched to one in the store by its ``uid``, else by its article
(same id, or same paper, date and page with the same title, or the same opening of the body).

- No match: it is added with its note, tags and the time it was first added.
- A match: tags are united. The note is never replaced without a trace: when the two notes
  are the same, or one is empty, or the imported note is already contained in the stored one,
  the fuller one is kept; otherwise the imported note is appended under a line
  ``—— 导入的笔记（FILE）——`` and the bookmark is listed in ``ImportReport.joined_notes``.

Importing the same file twice therefore changes nothing the second time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .bookmark import add_tags, clean_tags, insert_row, join_notes, match_row, set_note
from .identity import ArticleRef


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

    def summary(self) -> str:
        text = (f"{self.added} added, {self.merged} merged, {self.unchanged} already there")
        if self.joined_notes:
            text += f", {len(self.joined_notes)} notes kept side by side"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text


@dataclass(frozen=True)
class Incoming:
    """One bookmark read from a file."""

    ref: ArticleRef
    uid: str | None
    note: str
    tags: tuple[str, ...]
    added: str | None

    @classmethod
    def parse(cls, data: Any) -> Incoming:
        if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
            raise ValueError("it has no article")
        ref = ArticleRef.from_dict(data["article"])
        if not (ref.article_id or ref.display_title or ref.body_prefix):
            raise ValueError("its article has neither id, title nor text")
        tags = data.get("tags") or []
        if not isinstance(tags, list):
            raise ValueError("its tags are not a list")
        return cls(ref=ref, uid=str(data["uid"]) if data.get("uid") else None,
                   note=str(data.get("note") or ""), tags=clean_tags(map(str, tags)),
                   added=str(data["added"]) if data.get("added") else None)


def merge_into(conn: sqlite3.Connection, items: list[Any], label: str) -> ImportReport:
    """Merge file entries into the store behind ``conn`` (inside the caller's transaction)."""
    report = ImportReport()
    for n, data in enumerate(items, start=1):
        try:
            item = Incoming.parse(data)
        except (ValueError, TypeError) as err:
            report.skipped.append(f"entry {n}: {err}")
            continue
        row = match_row(conn, item.ref, item.uid)
        if row is None:
            bookmark_id = insert_row(conn, item.ref, item.note, uid=item.uid, added=item.added)
            add_tags(conn, bookmark_id, item.tags)
            report.added += 1
            continue
        bookmark_id = int(row["id"])
        changed = add_tags(conn, bookmark_id, item.tags) > 0
        mine, theirs = str(row["note"]).strip(), item.note.strip()
        if theirs and theirs not in mine:
            if not mine:
                set_note(conn, bookmark_id, theirs)
            else:
                set_note(conn, bookmark_id,
                         join_notes(mine, theirs, f"导入的笔记（{label}）"))
                report.joined_notes.append(str(row["display_title"]))
            changed = True
        if changed:
            report.merged += 1
        else:
            report.unchanged += 1
    return report
