"""The current reader's excerpts in the archive: passages kept from articles, with a note
and tags, as the desktop's bookmark store keeps them (``reader.bookmarks.excerpt``).

An excerpt belongs to ``current_user`` and is private unless put in a collection shared
with a group role, under the bookmarks' rules (row-level security, schema version 4). The
same passage of the same article kept again is the same excerpt: its tags are added and a
new note goes after the old one (nothing is replaced). The client gives each new excerpt its
uid, so that an add whose answer was lost with the connection is tried again without making
two; any write the archive did not make raises ``BookmarkServerError``.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable
from typing import Any

from psycopg.types.json import Jsonb

from ..bookmarks.bookmark import clean_tags, join_notes
from ..bookmarks.errors import ExcerptNotFound, StoreError
from ..bookmarks.excerpt import Excerpt, same_passage
from ..bookmarks.identity import ArticleRef
from ..bookmarks.passage import Passage
from ..corpus.model import Article
from .rows import RoleRows

_COLUMNS = ("id, uid, ref, created, updated, note, tags, text, before_text, after_text, "
            "owner, collection_id")


def _excerpt(row: tuple[Any, ...]) -> Excerpt:
    eid, uid, ref, created, updated, note, tags, text, before, after, *_ = row
    return Excerpt(id=eid, uid=str(uid), ref=ArticleRef.from_dict(ref), added=created,
                   updated=updated, note=note, tags=tuple(tags),
                   passage=Passage(text, before, after))


class ServerExcerpts(RoleRows):
    """What ``BookmarkStore`` offers of excerpts, for the archive's current role."""

    def excerpts(self, tag: str | None = None, text: str | None = None,
                 collection: int | None = None) -> builtins.list[Excerpt]:
        """The excerpts the role may see, newest first; ``tag`` keeps those with that tag,
        ``text`` those whose passage, note or headline holds it."""
        where, params = self._where(tag, text, ("text", "note", "ref->>'display_title'"),
                                    collection)
        return [_excerpt(r) for r in self._rows(
            f"SELECT {_COLUMNS} FROM reader.excerpts WHERE {where} "
            "ORDER BY created DESC, id DESC", params)]

    def get_excerpt(self, excerpt_id: int) -> Excerpt | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM reader.excerpts WHERE id = %s",
                          (excerpt_id,))
        return _excerpt(rows[0]) if rows else None

    def add_excerpt(self, article: Article, passage: Passage, note: str = "",
                    tags: Iterable[str] = (), collection: int | None = None) -> Excerpt:
        """Keep ``passage`` of ``article`` for the current role (in ``collection``); the
        same passage kept again is the same excerpt, its tags added and a new note appended.
        Raises ``StoreError`` unless it was saved."""
        if not passage.text.strip():
            raise StoreError("an excerpt needs some text: select a passage of the article")
        kept = self._same_passage(article, passage, collection)
        tags = clean_tags(tags)
        if kept is not None:
            new = note.strip()
            if new and new not in kept.note:
                note = join_notes(kept.note, new, "补充") if kept.note.strip() else new
            else:
                note = kept.note
            rows = self._rows(
                f"UPDATE reader.excerpts SET note = %s, tags = ARRAY(SELECT DISTINCT unnest("
                f"tags || %s::text[]) ORDER BY 1), updated = now() WHERE id = %s "
                f"RETURNING {_COLUMNS}", (note, list(tags), kept.id))
            if not rows:
                raise ExcerptNotFound(kept.id)
            return _excerpt(rows[0])
        uid = uuid.uuid4()
        ref = ArticleRef.of(article)
        self._rows(
            "INSERT INTO reader.excerpts (uid, article_id, ref, text, before_text, after_text, "
            "note, tags, collection_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (uid) DO NOTHING", (
                uid, article.id, Jsonb(ref.to_dict()), passage.text, passage.before,
                passage.after, note.strip(), list(tags), collection))
        found = self._rows(f"SELECT {_COLUMNS} FROM reader.excerpts WHERE uid = %s", (uid,))
        if not found:  # pragma: no cover - the insert succeeded or raised
            raise StoreError(f"{self.archive.shown}: the excerpt was not saved")
        return _excerpt(found[0])

    def _same_passage(self, article: Article, passage: Passage, collection: int | None
                      ) -> Excerpt | None:
        """The role's excerpt of this passage of this article (folded alike), if any."""
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM reader.excerpts WHERE owner = current_user "
            "AND article_id = %s AND coalesce(collection_id, 0) = %s ORDER BY id",
            (article.id, collection or 0))
        return next((e for e in map(_excerpt, rows) if same_passage(e.text, passage.text)),
                    None)

    def update_excerpt(self, excerpt_id: int, *, note: str | None = None,
                       tags: Iterable[str] | None = None) -> Excerpt:
        """Replace the note and/or the tags of an excerpt (what the user typed)."""
        return _excerpt(self._set_note_tags("excerpts", _COLUMNS, excerpt_id, note, tags,
                                            ExcerptNotFound))

    def relink_excerpt(self, excerpt_id: int, article: Article) -> Excerpt:
        """Point an excerpt at ``article`` (its passage found there after ids changed); the
        passage's text, the note and the tags stay."""
        return _excerpt(self._relink_row("excerpts", _COLUMNS, excerpt_id, article,
                                          ExcerptNotFound))

    def remove_excerpt(self, excerpt_id: int) -> bool:
        """Delete an excerpt; False when the role has none with this id (or may not)."""
        return self._remove_row("excerpts", excerpt_id)
