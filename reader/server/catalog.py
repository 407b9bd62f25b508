"""The archive as a catalog: what the window and the command line ask of a library folder's
``Catalog`` (issues, pages, articles, counts, problem files), answered from the database.

It stands in for ``corpus.catalog.Catalog`` (a subclass, so that code typed for the catalog
takes it): pages come from the archive's import, never from a folder, so ``sync`` only reads
the problem files. Parsed pages are kept in a small in-memory cache, as the catalog does.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg

from ..corpus.catalog import ArticleInfo, Catalog, IssueInfo, Progress, SyncResult
from ..corpus.library import pick_article
from ..corpus.model import UNKNOWN_PAPER, Article, Page
from ..corpus.serialize import page_from_dict
from ..problems import Problem
from . import schema
from .connection import Archive, ConnectionLost
from .url import archive_name

_PAGES = ("count(DISTINCT CASE WHEN position IS NULL THEN source "
          "ELSE coalesce(paper, '') || '|' || date || '|' || coalesce(page::text, '') END)")


class ArchiveRoot(type(Path())):  # type: ignore[misc]
    """The catalog's ``root``: no folder, but shown as the archive's URL (a ``Path`` would
    fold its ``//``)."""

    url = ""

    def __str__(self) -> str:
        return self.url or super().__str__()

    @property
    def name(self) -> str:
        """The database's (or service's) name, as the window's title shows it."""
        return archive_name(self.url) if self.url else str(super().name)


def archive_root(url: str) -> Path:
    root = ArchiveRoot(url)
    root.url = url
    return root


class ServerCatalog(Catalog):
    """The archive's pages and articles, read from its database. Safe to share between
    threads (each has its own connection)."""

    def __init__(self, archive: Archive) -> None:
        schema.check(archive)
        self.archive = archive
        self._last_state = ""
        super().__init__(archive_root(archive.shown))  # the page cache; no file (``_open``)
        self.root = archive_root(archive.shown)  # the catalog made a plain Path of it

    def _open(self) -> None:
        """The folder's cache file is not opened: the database is the catalog."""

    def _rows(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        def work(conn: psycopg.Connection) -> list[tuple[Any, ...]]:
            return conn.execute(query.encode("utf-8"), params).fetchall()

        return self.archive.run(work)

    def close(self) -> None:
        self.archive.close()

    def sync(self, progress: Progress | None = None, cancelled: object = None,
             workers: int | None = None, quick: bool = False) -> SyncResult:
        """Nothing to read: the archive is brought up to date by its import."""
        return SyncResult(problems=self.problems())

    def state(self) -> str:
        """A token of the archive's import; the last one known while the server cannot be
        reached (so that the pages already read stay readable)."""
        try:
            (row,) = self._rows("SELECT count(*) || ':' || coalesce(max(imported_at)::text, "
                                "'') FROM reader.pages")
        except ConnectionLost:
            return self._last_state
        self._last_state = str(row[0])
        return self._last_state

    def touched_since(self, token: str) -> dict[str, str | None] | None:
        """The archive keeps no journal of its imports: an index compares every stamp."""
        return None

    def stamps(self) -> dict[str, str]:
        return dict(self._rows("SELECT source, stamp FROM reader.pages"))

    def _load_page(self, source: str) -> Page | None:
        rows = self._rows("SELECT page_json FROM reader.pages WHERE source = %s", (source,))
        return page_from_dict(json.loads(zlib.decompress(rows[0][0]))) if rows else None

    def articles_at(self, refs: Sequence[tuple[str, int, str]]) -> list[Article | None]:
        """The articles of ``refs``, page by page (the server's search makes its own hits)."""
        out: list[Article | None] = []
        for source, position, article_id in refs:
            page = self.page(source)
            out.append(pick_article(page.articles, position, article_id) if page else None)
        return out

    def problems(self) -> list[Problem]:
        out = []
        for source, message in self._rows(
                "SELECT source, message FROM reader.problems ORDER BY source"):
            try:
                data = json.loads(message)
            except ValueError:
                data = message
            out.append(Problem.from_json(data, source))
        return out

    def issues(self) -> list[IssueInfo]:
        rows = self._rows(
            "SELECT source, coalesce(paper, %s), date, issue_no, page, page_count, "
            "origin->>'date', origin->>'paper' FROM reader.pages "
            "ORDER BY date NULLS LAST, paper, page, position, source", (UNKNOWN_PAPER,))
        groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        for row in rows:
            key = (row[1], row[2].isoformat() if row[2] else "undated:" + row[0])
            groups.setdefault(key, []).append(row)
        issues = []
        for (paper, _day), members in groups.items():
            numbers = [m[3] for m in members if m[3]]
            counts = [m[5] for m in members if m[5]]
            issues.append(IssueInfo(
                paper=paper, date=members[0][2], issue_no=numbers[0] if numbers else None,
                page_count=max(counts) if counts else None,
                pages=tuple((m[4], m[0]) for m in sorted(members, key=lambda m: m[4] or 999)),
                date_from=members[0][6], paper_from=members[0][7]))
        far = dt.date.max
        return sorted(issues, key=lambda i: (i.date or far, i.paper, i.key))

    def papers(self) -> list[str]:
        return sorted(r[0] for r in self._rows(
            "SELECT DISTINCT coalesce(paper, %s) FROM reader.pages", (UNKNOWN_PAPER,)))

    def article_infos(self, source: str) -> list[ArticleInfo]:
        return [ArticleInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9])
                for r in self._rows(
            "SELECT id, source, position, paper, date, page, display_title, title_derived, "
            "byline, length FROM reader.articles WHERE source = %s ORDER BY position",
            (source,))]

    def locate(self, article_id: str) -> tuple[str, int] | None:
        rows = self._rows("SELECT source, position FROM reader.articles WHERE id = %s "
                          "ORDER BY source LIMIT 1", (article_id,))
        return (rows[0][0], rows[0][1]) if rows else None

    def paper_summaries(self) -> list[dict[str, object]]:
        rows = self._rows(
            "SELECT coalesce(paper, %s), count(DISTINCT date), " + _PAGES + ", "
            "sum(n_articles), min(date), max(date), count(*) FILTER (WHERE date IS NULL), "
            "count(position) FROM reader.pages GROUP BY 1 ORDER BY 1", (UNKNOWN_PAPER,))
        origins: dict[tuple[str, str], dict[str, int]] = {}
        for paper, name, origin, count in self._rows(
            "SELECT coalesce(paper, %s), o.key, o.value, count(*) FROM reader.pages, "
            "jsonb_each_text(origin) o GROUP BY 1, 2, 3 ORDER BY 4 DESC", (UNKNOWN_PAPER,)
        ):
            origins.setdefault((paper, name), {})[origin] = count
        return [
            {"paper": paper, "issues": issues + undated, "pages": pages,
             "articles": int(articles or 0),
             "first_date": first.isoformat() if first else None,
             "last_date": last.isoformat() if last else None,
             "undated_pages": undated, "article_records": records,
             "date_from": origins.get((paper, "date"), {}),
             "paper_from": origins.get((paper, "paper"), {})}
            for paper, issues, pages, articles, first, last, undated, records in rows
        ]

    def unnamed_records(self) -> bool:
        return bool(self._rows("SELECT 1 FROM reader.pages WHERE position IS NOT NULL "
                               "AND paper IS NULL LIMIT 1"))

    def warned_sources(self) -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT source FROM reader.pages WHERE n_warnings > 0 ORDER BY source")]

    def undated_sources(self) -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT source FROM reader.pages WHERE date IS NULL ORDER BY source")]

    def counts(self) -> dict[str, int]:
        ((pages, undated, records),) = self._rows(
            "SELECT " + _PAGES + ", count(*) FILTER (WHERE date IS NULL), count(position) "
            "FROM reader.pages")
        ((bad,),) = self._rows("SELECT count(*) FROM reader.problems")
        ((articles,),) = self._rows("SELECT count(*) FROM reader.articles")
        return {"pages": pages, "article_records": records, "undated_pages": undated,
                "problem_files": bad, "articles": articles, "issues": len(self.issues())}
