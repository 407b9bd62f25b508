"""A library kept as a shared archive on PostgreSQL (``reader.server``): the catalog, the
search and the reader's bookmarks are the database's, so there is no folder to read, watch
or index, and nothing of it is kept on this machine.

``ServerBackend.connect(url)`` connects once (a ``ServerError`` says why it cannot); the
search (``ServerIndex``) answers what the faces ask of an index: hits with highlights from
SQL, the timeline's counts per day (from the matching articles' dates), and no names (the
archive finds none yet: the facets stay empty). Corrections are not kept in the archive
(``corrections`` is None): the faces refuse them, saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus.catalog import Catalog, Progress
from ..corpus.model import Article
from ..search.names import NameCount, NameStats
from ..search.query import Query, parse_query
from ..search.update import UpdateStats
from ..server.bookmarks import ServerBookmarks
from ..server.catalog import ServerCatalog
from ..server.connection import Archive
from ..server.search import ServerSearch
from ..server.url import without_password

if TYPE_CHECKING:
    from ..search import Results
    from ..search.matches import DatedMatches
    from . import LibraryBackend, LibraryBookmarks, LibraryCatalog, LibraryIndex

_DAY = "coalesce(to_char(date, 'YYYYMMDD')::int, 0)"
_FIELDS = {"any": ("head_f", "byline_f", "body_f"), "title": ("head_f",),
           "byline": ("byline_f",)}


class _NoNames:
    """The names of an article: none in the archive (yet)."""

    def names_of(self, article_id: str) -> list[Any]:
        return []


class ServerIndex:
    """The archive's search as the faces use an index; nothing to build on this machine."""

    name_stats = NameStats()

    def __init__(self, catalog: ServerCatalog) -> None:
        self.catalog = catalog
        self.archive: Archive = catalog.archive
        self.engine = ServerSearch(catalog.archive)
        self.names = _NoNames()

    @property
    def path(self) -> Path:
        return self.catalog.root

    @property
    def ready(self) -> bool:
        return True

    def check(self) -> str | None:
        return None

    def update(self, source: Any, progress: Progress | None = None,
               cancelled: Any = None, *, rebuild: bool = False, workers: int | None = None,
               waiting: Callable[[], None] | None = None, names: bool = True
               ) -> UpdateStats:
        """Nothing to index here (the archive's import does it): how many articles it
        holds."""
        rows = self.archive.run(
            lambda conn: conn.execute("SELECT count(*) FROM reader.articles").fetchall())
        return UpdateStats(articles=int(rows[0][0]))

    def update_names(self, source: Any, progress: Progress | None = None,
                     cancelled: Any = None) -> NameStats:
        return NameStats()

    def search(self, query: str | Query, limit: int = 20, offset: int = 0,
               sort: str = "relevance", papers: Sequence[str] | None = None,
               date_from: dt.date | None = None, date_to: dt.date | None = None) -> Results:
        return self.engine.search(query, limit=limit, offset=offset, sort=sort, papers=papers,
                                  date_from=date_from, date_to=date_to)

    def matching_ids(self, query: str | Query, sort: str = "relevance",
                     papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                     date_to: dt.date | None = None) -> list[str]:
        return self.engine.matching_ids(query, sort=sort, papers=papers,
                                        date_from=date_from, date_to=date_to)

    def dated_matches(self, query: str | Query, occurrences: bool = False,
                      papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                      date_to: dt.date | None = None) -> DatedMatches:
        """The days of the matching articles (and the query's occurrences on each) beside
        the days of every article: what a timeline counts, from the archive's dates."""
        import numpy as np

        from ..search.matches import DatedMatches
        from ..search.matches import _overlapping as overlapping  # as the desktop counts

        parsed = parse_query(query) if isinstance(query, str) else query
        ids = self.matching_ids(parsed, papers=papers, date_from=date_from, date_to=date_to)
        cols = sorted({c for t in parsed.terms for c in _FIELDS[t.field]}) if occurrences \
            else []

        def work(conn: Any) -> tuple[list[Any], list[Any]]:
            every = conn.execute(f"SELECT {_DAY}, count(*) FROM reader.articles "
                                 "GROUP BY 1 ORDER BY 1").fetchall()
            if not occurrences:
                return every, conn.execute(
                    f"SELECT {_DAY}, count(*) FROM reader.articles WHERE id = ANY(%s) "
                    "GROUP BY 1 ORDER BY 1", (ids,)).fetchall()
            picked = ", ".join(["head_f", "byline_f", "body_f"])
            return every, conn.execute(
                f"SELECT DISTINCT ON (id) {_DAY}, id, {picked} FROM reader.articles "
                "WHERE id = ANY(%s)", (ids,)).fetchall()

        every, rows = self.archive.run(work)
        counts: dict[int, list[int]] = {}
        if occurrences:
            at = {"head_f": 2, "byline_f": 3, "body_f": 4}
            for row in rows:
                day = counts.setdefault(int(row[0]), [0, 0])
                day[0] += 1
                day[1] += sum(overlapping(row[at[c]], t.text) for t in parsed.terms
                              for c in _FIELDS[t.field] if c in cols)
        else:
            counts = {int(day): [int(n), 0] for day, n in rows}
        days = sorted(counts)
        ints = np.int64
        return DatedMatches(
            np.array(days, dtype=ints), np.array([counts[d][0] for d in days], dtype=ints),
            np.array([counts[d][1] for d in days], dtype=ints) if occurrences else None,
            np.array([int(r[0]) for r in every], dtype=ints),
            np.array([int(r[1]) for r in every], dtype=ints))

    def top_names(self, query: str | Query, kind: str | None = None, limit: int = 10,
                  papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                  date_to: dt.date | None = None) -> list[NameCount]:
        return []

    def article(self, article_id: str) -> Article | None:
        return self.catalog.article(article_id)


class ServerBackend:
    """The ``LibraryBackend`` of a shared archive."""

    def __init__(self, catalog: ServerCatalog, url: str) -> None:
        self._catalog = catalog
        self.url = url

    @classmethod
    def connect(cls, url: str) -> ServerBackend:
        """The archive at ``url``, connected (``ServerError`` when it cannot be)."""
        archive = Archive.open(url)
        try:
            return cls(ServerCatalog(archive), url)
        except Exception:
            archive.close()
            raise

    @property
    def archive(self) -> Archive:
        return self._catalog.archive

    @property
    def root(self) -> Path:
        return self._catalog.root

    @property
    def location(self) -> str:
        return without_password(self.url)

    @property
    def shared(self) -> bool:
        return True

    @property
    def connection(self) -> Archive:
        return self.archive

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def corrections(self) -> None:
        return None

    def open_index(self) -> ServerIndex:
        return ServerIndex(self._catalog)

    def open_bookmarks(self) -> ServerBookmarks:
        return ServerBookmarks(self.archive)


if TYPE_CHECKING:
    def _satisfies(backend: ServerBackend, catalog: ServerCatalog, index: ServerIndex,
                   store: ServerBookmarks
                   ) -> tuple[LibraryBackend, LibraryCatalog, LibraryIndex, LibraryBookmarks]:
        """mypy checks here that the archive's classes are what the faces expect."""
        return backend, catalog, index, store
