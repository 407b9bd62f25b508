"""The current reader's bookmarks in the archive: notes and tags of ``current_user``, private
unless put in a collection shared with a group role (read-only or writable).

The database enforces who sees what (row-level security, see ``schema``); this module only
asks. Bookmarks are the desktop's ``Bookmark`` objects, their ``ArticleRef`` kept as JSON.
Adding is idempotent (the client gives each new bookmark its uid), so an add whose answer was
lost with the connection is tried again without making two; any other write that fails
raises ``ServerError`` and is never reported as done. The errors are also ``StoreError``s
(``BookmarkServerError``), as the bookmark store's are, so that the window and the commands
treat both stores alike.

Excerpts are kept beside the bookmarks under the same rules (``excerpts.ServerExcerpts``).
"""

from __future__ import annotations

import builtins
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from psycopg.types.json import Jsonb

from ..bookmarks.bookmark import Bookmark, clean_tags
from ..bookmarks.errors import BookmarkNotFound
from ..bookmarks.identity import ArticleRef
from ..corpus.model import Article
from .connection import ServerError
from .excerpts import ServerExcerpts
from .rows import BookmarkServerError

__all__ = ["BookmarkServerError", "Collection", "ServerBookmarks"]

_COLUMNS = "id, uid, ref, created, updated, note, tags, owner, collection_id"


@dataclass(frozen=True)
class Collection:
    id: int
    name: str
    owner: str
    shared_with: str | None
    writable: bool


def _bookmark(row: tuple[Any, ...]) -> Bookmark:
    bid, uid, ref, created, updated, note, tags, *_ = row
    return Bookmark(id=bid, uid=str(uid), ref=ArticleRef.from_dict(ref), added=created,
                    updated=updated, note=note, tags=tuple(tags))


class ServerBookmarks(ServerExcerpts):
    """What ``BookmarkStore`` offers the faces, for the archive's current role."""

    backup_problem: str | None = None
    """The server keeps its own backups (``pg_dump``): there is no rolling copy to fail."""

    def __enter__(self) -> ServerBookmarks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.archive.close()

    def data_version(self) -> int:
        """A number that changes when the bookmarks or excerpts the role sees change (here
        or in another reader's window)."""
        seen = " || ':' || ".join(
            f"(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || "
            f"coalesce(max(updated)::text, '') FROM reader.{table})"
            for table in ("bookmarks", "excerpts"))
        (row,) = self._rows(f"SELECT {seen}")
        return zlib.crc32(str(row[0]).encode())

    def list(self, tag: str | None = None, text: str | None = None, sort: str = "added",
             collection: int | None = None) -> list[Bookmark]:
        """The bookmarks the current role may see, newest first (or by article date)."""
        where, params = self._where(tag, text, ("note", "ref->>'display_title'"), collection)
        order = ("ref->>'date' DESC NULLS LAST, id DESC" if sort == "article_date"
                 else "created DESC, id DESC")
        return [_bookmark(r) for r in self._rows(
            f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE {where} "
            f"ORDER BY {order}", params)]

    def __len__(self) -> int:
        return int(self._rows("SELECT count(*) FROM reader.bookmarks")[0][0])

    def get(self, bookmark_id: int) -> Bookmark | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE id = %s",
                          (bookmark_id,))
        return _bookmark(rows[0]) if rows else None

    def tags(self) -> builtins.list[str]:
        """Every tag in use (by bookmarks and excerpts), sorted."""
        return [r[0] for r in self._rows(
            "SELECT unnest(tags) FROM reader.bookmarks UNION "
            "SELECT unnest(tags) FROM reader.excerpts ORDER BY 1")]

    def find_for_article(self, article: Article) -> Bookmark | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE article_id = %s "
                          "AND owner = current_user AND collection_id IS NULL", (article.id,))
        return _bookmark(rows[0]) if rows else None

    def add(self, article: Article, note: str = "", tags: Iterable[str] = (),
            collection: int | None = None) -> Bookmark:
        """Bookmark ``article`` for the current role (in ``collection``, with the role's
        excerpts of it); the existing bookmark when there is one. Raises ``ServerError``
        unless it was saved."""
        ref = ArticleRef.of(article)
        uid = uuid.uuid4()
        self._rows(
            "INSERT INTO reader.bookmarks (uid, article_id, ref, note, tags, collection_id) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING", (
                uid, article.id, Jsonb(ref.to_dict()), note, list(clean_tags(tags)),
                collection))
        found = self._rows(
            f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE owner = current_user "
            "AND article_id = %s AND coalesce(collection_id, 0) = %s", (
                article.id, collection or 0))
        if not found:  # pragma: no cover - the insert succeeded or raised
            raise ServerError(f"{self.archive.shown}: the bookmark was not saved")
        if collection is not None:
            self._carry_excerpts(article.id, collection)
        return _bookmark(found[0])

    def _carry_excerpts(self, article_id: str, collection: int) -> None:
        """An article put in a collection takes the role's excerpts of it along: a copy of
        each private one, as its bookmark is copied (those there already are not)."""
        self._rows(
            "INSERT INTO reader.excerpts (uid, article_id, ref, text, before_text, after_text, "
            "note, tags, collection_id) SELECT gen_random_uuid(), article_id, ref, text, "
            "before_text, after_text, note, tags, %s FROM reader.excerpts mine "
            "WHERE owner = current_user AND collection_id IS NULL AND article_id = %s "
            "AND NOT EXISTS (SELECT 1 FROM reader.excerpts there WHERE there.owner = "
            "current_user AND there.collection_id = %s AND there.article_id = mine.article_id "
            "AND there.text = mine.text)", (collection, article_id, collection))

    def update(self, bookmark_id: int, *, note: str | None = None,
               tags: Iterable[str] | None = None) -> Bookmark:
        return _bookmark(self._set_note_tags("bookmarks", _COLUMNS, bookmark_id, note, tags,
                                             BookmarkNotFound))

    def remove(self, bookmark_id: int) -> bool:
        return self._remove_row("bookmarks", bookmark_id)

    def relink(self, bookmark_id: int, article: Article) -> Bookmark:
        """Point the bookmark at ``article`` (its article reads differently now)."""
        return _bookmark(self._relink_row("bookmarks", _COLUMNS, bookmark_id, article,
                                           BookmarkNotFound))

    # -- collections ------------------------------------------------------------------

    def create_collection(self, name: str, shared_with: str | None = None,
                          writable: bool = False) -> Collection:
        """A collection of the current role, shared with the group role ``shared_with``."""
        if shared_with is not None:
            self._require_role(shared_with)
        rows = self._rows(
            "INSERT INTO reader.collections (name, shared_with, writable) VALUES (%s, %s, %s) "
            "RETURNING id, name, owner, shared_with, writable", (name, shared_with, writable),
            retry=False)
        return Collection(*rows[0])

    def _require_role(self, role: str) -> None:
        if not self._rows("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)):
            raise ServerError(f"{self.archive.shown}: there is no role {role!r} to share with")

    def collections(self) -> builtins.list[Collection]:
        return [Collection(*r) for r in self._rows(
            "SELECT id, name, owner, shared_with, writable FROM reader.collections "
            "ORDER BY owner, name")]

    def share(self, collection_id: int, shared_with: str | None, writable: bool = False
              ) -> None:
        if shared_with is not None:
            self._require_role(shared_with)
        if not self._rows("UPDATE reader.collections SET shared_with = %s, writable = %s "
                          "WHERE id = %s RETURNING id", (shared_with, writable, collection_id),
                          retry=False):
            raise ServerError(f"{self.archive.shown}: collection {collection_id} is not yours")

    def role(self) -> str:
        return str(self._rows("SELECT current_user")[0][0])
