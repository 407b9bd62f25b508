"""The current reader's bookmarks in the archive: notes and tags of ``current_user``, private
unless put in a collection shared with a group role (read-only or writable).

The database enforces who sees what (row-level security, see ``schema``); this module only
asks. Bookmarks are the desktop's ``Bookmark`` objects, their ``ArticleRef`` kept as JSON.
Adding is idempotent (the client gives each new bookmark its uid), so an add whose answer was
lost with the connection is tried again without making two; any other write that fails
raises ``ServerError`` and is never reported as done. The errors are also ``StoreError``s
(``BookmarkServerError``), as the bookmark store's are, so that the window and the commands
treat both stores alike.

Excerpts are not kept in the archive (yet): the store lists none, and saving one is refused
with a ``StoreError`` that says so.
"""

from __future__ import annotations

import builtins
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from ..bookmarks.bookmark import Bookmark, clean_tags
from ..bookmarks.errors import BookmarkNotFound, StoreError
from ..bookmarks.excerpt import Excerpt
from ..bookmarks.identity import ArticleRef
from ..bookmarks.passage import Passage
from ..corpus.model import Article
from .connection import Archive, ConnectionLost, ServerError

_COLUMNS = "id, uid, ref, created, updated, note, tags, owner, collection_id"


class BookmarkServerError(ServerError, StoreError):
    """A bookmark read or write the archive did not do (``lost``: the connection went)."""

    def __init__(self, message: str, lost: bool = False) -> None:
        super().__init__(message)
        self.lost = lost


class ExcerptsNotKept(StoreError):
    """The shared archive keeps no excerpts (yet)."""


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


class ServerBookmarks:
    """What ``BookmarkStore`` offers the command line, for the archive's current role."""

    backup_problem: str | None = None
    """The server keeps its own backups (``pg_dump``): there is no rolling copy to fail."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def __enter__(self) -> ServerBookmarks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.archive.close()

    def _rows(self, query: str, params: Iterable[Any] = (), *, retry: bool = True
              ) -> list[tuple[Any, ...]]:
        def work(conn: psycopg.Connection) -> list[tuple[Any, ...]]:
            cur = conn.execute(query.encode("utf-8"), list(params))
            return cur.fetchall() if cur.description else []

        try:
            return self.archive.run(work, retry=retry)
        except BookmarkServerError:
            raise
        except ServerError as err:
            raise BookmarkServerError(str(err), isinstance(err, ConnectionLost)) from err

    def data_version(self) -> int:
        """A number that changes when the bookmarks the role sees change (here or in
        another reader's window)."""
        (row,) = self._rows("SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || "
                            "coalesce(max(updated)::text, '') FROM reader.bookmarks")
        return zlib.crc32(str(row[0]).encode())

    def list(self, tag: str | None = None, text: str | None = None, sort: str = "added",
             collection: int | None = None) -> list[Bookmark]:
        """The bookmarks the current role may see, newest first (or by article date)."""
        where: builtins.list[str] = ["true"]
        params: builtins.list[Any] = []
        if tag is not None:
            where.append("%s = ANY(tags)")
            params.append(tag)
        if text:
            where.append("(strpos(note, %s) > 0 OR strpos(ref->>'display_title', %s) > 0)")
            params += [text, text]
        if collection is not None:
            where.append("collection_id = %s")
            params.append(collection)
        order = ("ref->>'date' DESC NULLS LAST, id DESC" if sort == "article_date"
                 else "created DESC, id DESC")
        return [_bookmark(r) for r in self._rows(
            f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE {' AND '.join(where)} "
            f"ORDER BY {order}", params)]

    def __len__(self) -> int:
        return int(self._rows("SELECT count(*) FROM reader.bookmarks")[0][0])

    def get(self, bookmark_id: int) -> Bookmark | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE id = %s",
                          (bookmark_id,))
        return _bookmark(rows[0]) if rows else None

    def tags(self) -> builtins.list[str]:
        return [r[0] for r in self._rows(
            "SELECT DISTINCT unnest(tags) FROM reader.bookmarks ORDER BY 1")]

    def find_for_article(self, article: Article) -> Bookmark | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM reader.bookmarks WHERE article_id = %s "
                          "AND owner = current_user AND collection_id IS NULL", (article.id,))
        return _bookmark(rows[0]) if rows else None

    def add(self, article: Article, note: str = "", tags: Iterable[str] = (),
            collection: int | None = None) -> Bookmark:
        """Bookmark ``article`` for the current role (in ``collection``); the existing
        bookmark when there is one. Raises ``ServerError`` unless it was saved."""
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
        return _bookmark(found[0])

    def update(self, bookmark_id: int, *, note: str | None = None,
               tags: Iterable[str] | None = None) -> Bookmark:
        sets = ["updated = now()"]
        params: builtins.list[Any] = []
        if note is not None:
            sets.append("note = %s")
            params.append(note)
        if tags is not None:
            sets.append("tags = %s")
            params.append(list(clean_tags(tags)))
        rows = self._rows(f"UPDATE reader.bookmarks SET {', '.join(sets)} WHERE id = %s "
                          f"RETURNING {_COLUMNS}", [*params, bookmark_id], retry=False)
        if not rows:
            raise BookmarkNotFound(bookmark_id)
        return _bookmark(rows[0])

    def remove(self, bookmark_id: int) -> bool:
        return bool(self._rows("DELETE FROM reader.bookmarks WHERE id = %s RETURNING id",
                               (bookmark_id,)))

    def relink(self, bookmark_id: int, article: Article) -> Bookmark:
        """Point the bookmark at ``article`` (its article reads differently now)."""
        rows = self._rows(
            f"UPDATE reader.bookmarks SET article_id = %s, ref = %s, updated = now() "
            f"WHERE id = %s RETURNING {_COLUMNS}",
            (article.id, Jsonb(ArticleRef.of(article).to_dict()), bookmark_id))
        if not rows:
            raise BookmarkNotFound(bookmark_id)
        return _bookmark(rows[0])

    # -- excerpts: not kept in the archive ------------------------------------------------

    def excerpts(self, tag: str | None = None, text: str | None = None
                 ) -> builtins.list[Excerpt]:
        return []

    def _no_excerpts(self) -> ExcerptsNotKept:
        return ExcerptsNotKept(f"{self.archive.shown}: the shared archive keeps bookmarks, "
                               "not excerpts (yet); bookmark the article and put the passage "
                               "in its note")

    def add_excerpt(self, article: Article, passage: Passage, note: str = "",
                    tags: Iterable[str] = ()) -> Excerpt:
        raise self._no_excerpts()

    def update_excerpt(self, excerpt_id: int, *, note: str | None = None,
                       tags: Iterable[str] | None = None) -> Excerpt:
        raise self._no_excerpts()

    def relink_excerpt(self, excerpt_id: int, article: Article) -> Excerpt:
        raise self._no_excerpts()

    def remove_excerpt(self, excerpt_id: int) -> bool:
        raise self._no_excerpts()

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
