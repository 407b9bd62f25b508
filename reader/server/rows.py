"""The current reader's rows in the archive (bookmarks, excerpts), asked for as that role.

``RoleRows`` runs one statement in a transaction and words a failure as a
``BookmarkServerError``: a ``ServerError`` (the connection's) that is also a ``StoreError``
(the bookmark store's), so that the window and the commands treat both stores alike, and
``lost`` says whether the connection went.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from ..bookmarks.bookmark import clean_tags
from ..bookmarks.errors import StoreError
from ..bookmarks.identity import ArticleRef
from ..corpus.model import Article
from .connection import Archive, ConnectionLost, ServerError


class BookmarkServerError(ServerError, StoreError):
    """A bookmark read or write the archive did not do (``lost``: the connection went)."""

    def __init__(self, message: str, lost: bool = False) -> None:
        super().__init__(message)
        self.lost = lost


class RoleRows:
    """Statements on the archive as its connected role (row-level security decides)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def _rows(self, query: str, params: Iterable[Any] = (), *, retry: bool = True
              ) -> list[tuple[Any, ...]]:
        """The rows ``query`` gives (none for a statement without); ``retry``: it may be
        run once more on a new connection when the first was lost."""
        def work(conn: psycopg.Connection) -> list[tuple[Any, ...]]:
            cur = conn.execute(query.encode("utf-8"), list(params))
            return cur.fetchall() if cur.description else []

        try:
            return self.archive.run(work, retry=retry)
        except BookmarkServerError:
            raise
        except ServerError as err:
            raise BookmarkServerError(str(err), isinstance(err, ConnectionLost)) from err

    @staticmethod
    def _where(tag: str | None, text: str | None, fields: Iterable[str],
               collection: int | None) -> tuple[str, list[Any]]:
        """The ``WHERE`` of a listing and its parameters: rows with ``tag``, whose
        ``fields`` hold ``text``, in ``collection`` (each when given)."""
        where = ["true"]
        params: list[Any] = []
        if tag is not None:
            where.append("%s = ANY(tags)")
            params.append(tag)
        if text:
            fields = list(fields)
            where.append("(" + " OR ".join(f"strpos({f}, %s) > 0" for f in fields) + ")")
            params += [text] * len(fields)
        if collection is not None:
            where.append("collection_id = %s")
            params.append(collection)
        return " AND ".join(where), params

    def _set_note_tags(self, table: str, columns: str, row_id: int, note: str | None,
                       tags: Iterable[str] | None, missing: type[StoreError]
                       ) -> tuple[Any, ...]:
        """Replace the note and/or tags of row ``row_id`` of ``table`` (what the user
        typed); the row as ``columns`` give it (``missing(row_id)`` raised when the role
        has no such row, or may not change it)."""
        sets = ["updated = now()"]
        params: list[Any] = []
        if note is not None:
            sets.append("note = %s")
            params.append(note)
        if tags is not None:
            sets.append("tags = %s")
            params.append(list(clean_tags(tags)))
        rows = self._rows(f"UPDATE reader.{table} SET {', '.join(sets)} WHERE id = %s "
                          f"RETURNING {columns}", [*params, row_id], retry=False)
        return self._found(rows, row_id, missing)

    def _relink_row(self, table: str, columns: str, row_id: int, article: Article,
                    missing: type[StoreError]) -> tuple[Any, ...]:
        """Point row ``row_id`` of ``table`` at ``article`` (``missing(row_id)`` raised
        when there is none)."""
        rows = self._rows(
            f"UPDATE reader.{table} SET article_id = %s, ref = %s, updated = now() "
            f"WHERE id = %s RETURNING {columns}",
            (article.id, Jsonb(ArticleRef.of(article).to_dict()), row_id))
        return self._found(rows, row_id, missing)

    @staticmethod
    def _found(rows: list[tuple[Any, ...]], row_id: int, missing: type[StoreError]
               ) -> tuple[Any, ...]:
        if not rows:
            raise missing(row_id)
        return rows[0]

    def _remove_row(self, table: str, row_id: int) -> bool:
        return bool(self._rows(f"DELETE FROM reader.{table} WHERE id = %s RETURNING id",
                               (row_id,)))
