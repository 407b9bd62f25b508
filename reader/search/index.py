"""``SearchIndex``: the one object the window and the command line use.

The engine does not keep the articles' texts: a hit's snippet, ``article`` and the counts of
occurrences read them from the page store the index follows (``texts``): the one given when
it was made, else the one it was last updated from, else the library's catalog.

Thread safety: every thread gets its own SQLite connection to the index file; the engine
(tantivy) is shared. ``update`` may run in one thread while ``search`` runs in others (a
search sees the index as it was before the update until the update commits). Updates from
several threads or processes take turns (``UpdateLock``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tantivy

from ..corpus.encoding import escaped_name
from ..corpus.library import PageStore
from ..corpus.model import Article
from ..paths import cache_dir
from . import mapped, store
from .engine import open_index, translate
from .matches import (
    DatedMatches,
    day_counts,
    day_occurrences,
    indexed_day_occurrences,
    stored,
)
from .names import NameCount, NameIndex, NameStats, NameTable, names_path_for
from .query import NameFilter, Query, parse_query
from .snippets import SNIPPET_CHARS, Span, find_all, make_snippet, occurrences, terms_for
from .texts import Ref, read_articles
from .update import Cancelled, Progress, UpdateStats, run_update

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger("reader.search")

SORTS = ("relevance", "date", "date-asc")


class IndexNotReady(Exception):
    """The index has never been completely built (or was damaged): run ``update`` first."""


@dataclass(frozen=True)
class Hit:
    """One matching article, with its best passage and the query's spans in it."""

    id: str
    paper: str
    date: dt.date | None
    page: int | None
    title: str
    snippet: str
    highlights: list[Span]
    """[start, end) character offsets into ``snippet``."""
    score: float
    title_highlights: list[Span] = field(default_factory=list)
    """[start, end) offsets of the query's terms in ``title``."""
    source: str = ""


@dataclass(frozen=True)
class Results:
    query: Query
    total: int
    hits: list[Hit]
    seconds: float


def index_path(root: Path) -> Path:
    """Where the index of the library at ``root`` lives: named for the app, the schema version
    and the library's absolute folder."""
    digest = hashlib.sha1(os.fsencode(Path(root).resolve())).hexdigest()[:16]
    return cache_dir() / "search" / f"{store.APP}-search-v{store.SCHEMA_VERSION}-{digest}.sqlite3"


def _day(value: int | None) -> dt.date | None:
    if not value:
        return None
    return dt.date(value // 10000, value // 100 % 100, value % 100)


_ENGINE_ERRORS = (ValueError, OSError, RuntimeError)
"""What tantivy raises for a folder it cannot read (damaged, missing, half deleted)."""


class SearchIndex:
    """The search index of one library folder (a cache: rebuilt whenever it is not sound)."""

    def __init__(self, path: Path, root: Path, pages: PageStore | None = None) -> None:
        self.path = Path(path)
        self.root = Path(root)
        self._pages = pages
        """Where the hits' texts are read (``texts``); None: the last update's source."""
        self._pages_lock = threading.Lock()
        self._root_key = escaped_name(str(self.root.resolve()))  # valid text for SQLite
        # Connections by thread id, not threading.local: a QThreadPool worker runs each task
        # under a new Python thread state, which would drop a thread-local connection after
        # every search and open the file again for the next one.
        self._conns: dict[int, tuple[sqlite3.Connection, int]] = {}
        self._epoch = 0
        self._engine: tantivy.Index | None = None
        self._update_lock = store.UpdateLock(self.path)
        self._thread_lock = threading.Lock()
        self._engine_lock = threading.Lock()
        self.names = NameIndex(names_path_for(self.path))
        """The person, place and organisation names of the articles, kept beside the index."""
        self.name_stats = NameStats()
        """What the last ``update`` did to the names."""
        self._served: tuple[tuple[object, int], tantivy.Searcher] | None = None
        """The last searcher handed out, with the files' stamp and epoch it was checked at."""
        self._name_table: NameTable | None = None
        self._name_table_lock = threading.Lock()  # (not the update's: facets during updates)

    @classmethod
    def for_library(cls, root: Path, pages: PageStore | None = None) -> SearchIndex:
        """The index of the library folder ``root``, under the user's cache folder, its
        hits' texts read from ``pages`` (the library's catalog)."""
        return cls(index_path(root), Path(root), pages)

    @property
    def folder(self) -> Path:
        """The engine's folder (beside ``path``)."""
        return store.engine_folder(self.path)

    # ----------------------------------------------------------------------------------------
    # Connections

    def _conn(self) -> sqlite3.Connection:
        """This thread's connection, opened anew after the file was recreated."""
        me = threading.get_ident()
        held = self._conns.get(me)
        if held is not None and held[1] != self._epoch:
            held[0].close()
            held = None
        if held is None:
            if not self.path.exists():
                raise IndexNotReady("the search index has not been built yet")
            held = self._conns[me] = (store.connect(self.path), self._epoch)
        return held[0]

    def _engine_index(self) -> tantivy.Index:
        with self._engine_lock:
            if self._engine is None:
                self._engine = open_index(self.folder)
            return self._engine

    def _forget_connections(self) -> None:
        """Make every thread reconnect (connections can only be closed by their thread)."""
        self._epoch += 1
        with self._engine_lock:
            self._engine = None

    def close(self) -> None:
        """Close this thread's connection (others close with their threads)."""
        held = self._conns.pop(threading.get_ident(), None)
        if held is not None:
            held[0].close()

    # ----------------------------------------------------------------------------------------
    # Updating

    def update(
        self,
        source: PageStore,
        progress: Progress | None = None,
        cancelled: Cancelled | threading.Event | None = None,
        *,
        rebuild: bool = False,
        workers: int | None = None,
        waiting: Callable[[], None] | None = None,
        names: bool = True,
    ) -> UpdateStats:
        """Index what changed in ``source`` since the last update; see ``update`` module.

        ``progress(done, total)`` counts articles; ``cancelled`` (a callable or an Event) is
        polled about ten times a second. ``rebuild`` starts from an empty index.
        ``waiting()`` is called once when another process is updating this index
        and this update waits for it to finish. The names (``self.names``) are brought up to
        date after the index, unless ``names`` is False (then ``update_names`` does it later:
        the window searches before the names are found).
        """
        is_cancelled: Cancelled
        if isinstance(cancelled, threading.Event):
            is_cancelled = cancelled.is_set
        else:
            is_cancelled = cancelled or (lambda: False)
        start = time.perf_counter()
        with self._pages_lock:
            if self._pages is None:
                self._pages = source
        with self._thread_lock:
            if not self._update_lock.acquire(is_cancelled, waiting):
                return UpdateStats(cancelled=True)
            try:
                reason = "asked to rebuild" if rebuild else self._unsound()
                if reason:
                    self._forget_connections()
                    store.create(self.path, self._root_key)
                    with self._engine_lock:
                        self._engine = open_index(self.folder, create=True)
                conn = store.connect(self.path)
                try:
                    stats = run_update(conn, self._engine_index(), source, progress,
                                       is_cancelled, workers)
                finally:
                    conn.close()
                if names and not stats.cancelled:
                    self.name_stats = self._update_names(source, progress, is_cancelled,
                                                         workers)
            finally:
                self._update_lock.release()
        return UpdateStats(**{**stats.__dict__, "rebuilt": reason or None,
                              "seconds": time.perf_counter() - start})

    def update_names(self, source: PageStore, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> NameStats:
        """Find the names of the articles that are new since the names were last updated
        (after an ``update(..., names=False)``)."""
        self.name_stats = self._update_names(source, progress, cancelled or (lambda: False),
                                             None)
        return self.name_stats

    def _update_names(self, source: PageStore, progress: Progress | None,
                      cancelled: Cancelled, workers: int | None) -> NameStats:
        """Bring the names up to date; a names file that cannot be used is started anew (the
        search works without names)."""
        try:
            return self.names.update(source, progress, cancelled, workers)
        except sqlite3.Error as err:
            log.warning("the names index %s is started anew: %s", self.names.path, err)
            self.names.close()
            self.names.path.unlink(missing_ok=True)
            return self.names.update(source, progress, cancelled, workers)

    def check(self) -> str | None:
        """Why the next ``update`` will start the index anew (missing, damaged, of another
        version), or None when it can be updated in place. For a message before updating."""
        return self._unsound()

    def _unsound(self) -> str | None:
        if not self.path.exists():
            return "there was no index"
        try:
            conn = sqlite3.connect(self.path, timeout=30.0)
        except sqlite3.Error as err:
            return f"it could not be opened ({err})"
        try:
            reason = store.check(conn, self._root_key)
        finally:
            conn.close()
        if reason is None:
            try:
                engine = open_index(self.folder)
                engine.reload()
                searcher = engine.searcher()
                searcher.search(tantivy.Query.all_query(), 1, count=True)
            except _ENGINE_ERRORS as err:
                return f"its engine folder is damaged ({err})"
        return reason

    @property
    def ready(self) -> bool:
        """True when a complete build has been published (searching will not raise)."""
        try:
            self._searcher()
        except IndexNotReady:
            return False
        return True

    # ----------------------------------------------------------------------------------------
    # Reading

    def _stamp(self) -> tuple[tuple[int, int, int] | None, ...]:
        """What changes whenever an update commits: the index file, its log, the engine's
        list of segments (a few stat calls, where checking the file and reloading the engine
        took about a millisecond each, a tenth of a search)."""
        out: list[tuple[int, int, int] | None] = []
        for p in (self.path, Path(f"{self.path}-wal"), self.folder / "meta.json"):
            try:
                st = p.stat()
            except OSError:
                out.append(None)
            else:
                out.append((st.st_mtime_ns, st.st_size, st.st_ino))
        return tuple(out)

    def _searcher(self) -> tantivy.Searcher:
        """A searcher of the last commit, once the index file says it may be served (checked
        again only after the files changed)."""
        stamp = self._stamp()
        cached = self._served
        if cached is not None and cached[0] == (stamp, self._epoch):
            return cached[1]
        searcher = self._checked_searcher()
        self._served = ((stamp, self._epoch), searcher)
        return searcher

    def _checked_searcher(self) -> tantivy.Searcher:
        try:
            conn = self._conn()
            if store.check(conn, self._root_key) is not None:
                raise IndexNotReady("the search index must be rebuilt")
            if store.get_meta(conn, "published") != "1":
                raise IndexNotReady("the search index is still being built")
            try:
                engine = self._engine_index()
                engine.reload()
            except _ENGINE_ERRORS:
                # Another process's merge may have removed the files of the commit this one
                # had just read: open the engine again, once, at its newest commit.
                with self._engine_lock:
                    self._engine = None
                engine = self._engine_index()
            return engine.searcher()
        except (sqlite3.DatabaseError, store.IndexDamaged, *_ENGINE_ERRORS) as err:
            raise IndexNotReady(f"the search index is damaged ({err}); update rebuilds it") from err

    def _query(
        self, searcher: tantivy.Searcher, query: str | Query,
        papers: Sequence[str] | None, date_from: dt.date | None, date_to: dt.date | None,
    ) -> tuple[Query, tantivy.Query]:
        parsed = parse_query(query) if isinstance(query, str) else query
        names: list[str] = []
        if parsed.papers or parsed.excluded_papers:
            names = [t for t, _ in searcher.terms_with_prefix("paper", "")]
        schema = self._engine_index().schema
        return parsed, translate(schema, parsed, names, papers, date_from, date_to,
                                 self._name_ids, searcher.doc_freq)

    def _name_ids(self, name: NameFilter) -> set[str]:
        return self.names.article_ids(name.kind, name.name)

    @staticmethod
    def _order(parsed: Query, sort: str) -> dict[str, Any]:
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        if sort == "date" or (sort == "relevance" and not parsed.has_text):
            return {"order_by_field": "date", "order": tantivy.Order.Desc}
        if sort == "date-asc":
            return {"order_by_field": "date_asc", "order": tantivy.Order.Asc}
        return {}

    def _run(self, searcher: tantivy.Searcher, q: tantivy.Query, limit: int,
             **kwargs: Any) -> tantivy.SearchResult:
        try:
            return searcher.search(q, limit, **kwargs)
        except _ENGINE_ERRORS as err:
            raise IndexNotReady(f"the search index is damaged ({err}); update rebuilds it") from err
        finally:
            if mapped.too_many(self.folder):
                self._let_go_of_engine()

    def _let_go_of_engine(self) -> None:
        """Let go of the engine and its searcher, so that tantivy closes their maps once the
        searches holding them end; the next search opens the engine again (``mapped``)."""
        with self._engine_lock:
            self._engine = None
        self._served = None

    def search(
        self,
        query: str | Query,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        snippet_chars: int = SNIPPET_CHARS,
    ) -> Results:
        """Hits ``offset`` … ``offset + limit - 1`` of ``query`` and the total number of hits.

        Raises ``QueryError`` for a malformed query and ``IndexNotReady`` before the first
        complete update.
        """
        start = time.perf_counter()
        parsed = parse_query(query) if isinstance(query, str) else query
        order = self._order(parsed, sort)
        searcher = self._searcher()
        parsed, q = self._query(searcher, parsed, papers, date_from, date_to)
        res = self._run(searcher, q, max(1, limit), count=True, offset=offset, **order)
        scored = not order
        shown = res.hits[:limit]
        metas = [stored(searcher, addr) for _, addr in shown]
        texts = self._articles(metas)
        hits = [self._hit(meta, article, parsed, float(key) if scored else 0.0, snippet_chars)
                for (key, _), meta, article in zip(shown, metas, texts, strict=True)]
        return Results(parsed, _count(res), hits, time.perf_counter() - start)

    def _texts(self) -> PageStore:
        """The page store the hits' texts are read from (the library's catalog when the
        index was neither given one nor updated in this process)."""
        with self._pages_lock:
            if self._pages is None:
                from ..corpus.catalog import Catalog

                self._pages = Catalog(self.root)
            return self._pages

    def _articles(self, metas: Sequence[list[Any]]) -> list[Article | None]:
        """The articles of what the engine stores of them (``stored``), texts included."""
        refs: list[Ref] = [(m[1], m[2], m[0]) for m in metas]
        return read_articles(self._texts(), refs) if refs else []

    def matching_ids(
        self,
        query: str | Query,
        sort: str = "relevance",
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[str]:
        """The ids of every matching article, in order, without snippets."""
        parsed = parse_query(query) if isinstance(query, str) else query
        order = self._order(parsed, sort)
        searcher = self._searcher()
        parsed, q = self._query(searcher, parsed, papers, date_from, date_to)
        total = _count(self._run(searcher, q, 1, count=True))
        if total == 0:
            return []
        ranked = self._run(searcher, q, total, count=False, **order).hits
        # The ids come from the engine's column of ids, read by a search sorted on it.
        by_id = self._run(searcher, q, total, count=False, order_by_field="id",
                          order=tantivy.Order.Asc).hits
        ids = {(a.segment_ord, a.doc): key for key, a in by_id}
        return [ids[(a.segment_ord, a.doc)] for _, a in ranked]

    def dated_matches(
        self,
        query: str | Query,
        occurrences: bool = False,
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> DatedMatches:
        """The days of every matching article (and the query's occurrences on each, when
        asked) beside the days of all articles: what a timeline counts. No ids, no snippets;
        the occurrences come from the engine's scores, no article is read (``matches``)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        searcher = self._searcher()
        parsed, q = self._query(searcher, parsed, papers, date_from, date_to)
        try:
            dates, articles = day_counts(searcher, q)
            all_dates, all_articles = day_counts(searcher, tantivy.Query.all_query())
        except _ENGINE_ERRORS as err:
            raise IndexNotReady(f"the search index is damaged ({err}); update rebuilds it") from err
        counts = None
        if occurrences:
            total = int(articles.sum())
            hits = self._run(searcher, q, max(1, total), count=False, order_by_field="date")
            counts = self._day_occurrences(searcher, q, hits.hits, parsed, dates)
        return DatedMatches(dates, articles, counts, all_dates, all_articles)

    def _day_occurrences(self, searcher: tantivy.Searcher, q: tantivy.Query,
                         hits: list[tuple[Any, tantivy.DocAddress]], parsed: Query,
                         dates: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        try:
            return indexed_day_occurrences(searcher, self._engine_index().schema, q, hits,
                                           parsed.terms, dates)
        except (KeyError, IndexError, ValueError) as err:  # an explanation of another shape
            log.warning("occurrences are counted in the text: %s", err)
            return day_occurrences(searcher, hits, parsed.terms, dates, self._articles)

    def top_names(
        self,
        query: str | Query,
        kind: str | None = None,
        limit: int = 10,
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[NameCount]:
        """The names held by most of the query's matching articles (all of them, not a page):
        of ``kind``, or the ``limit`` best of each kind, with how many matches hold them."""
        import numpy as np

        searcher = self._searcher()
        _, q = self._query(searcher, query, papers, date_from, date_to)
        total = _count(self._run(searcher, q, 1, count=True))
        hits = self._run(searcher, q, max(1, total), count=False, order_by_field="number").hits
        numbers = np.array([n for n, _ in hits[:total]], dtype=np.int64)
        generation = self.names.generation()
        with self._name_table_lock:
            table = self._name_table
        if table is None or table.key != generation:
            table = NameTable(self.names, generation)
            with self._name_table_lock:
                self._name_table = table
        return table.top(numbers, kind, limit)

    def _hit(self, meta: list[Any], article: Article | None, query: Query,
             score: float, width: int) -> Hit:
        article_id, source, _, paper, date, page, display_title = meta
        if article is not None:
            headline = " ".join(x for x in (article.kicker, article.title, article.subtitle)
                                if x)
            snippet, spans = make_snippet(headline, article.byline or "", article.body,
                                          query.terms, width)
        else:  # its page is gone since the last update
            snippet, spans = "", []
        return Hit(
            id=article_id, paper=paper, date=_day(date), page=page, title=display_title,
            snippet=snippet, highlights=spans, score=round(score, 4),
            title_highlights=_title_spans(display_title, query), source=source,
        )

    def article(self, article_id: str) -> Article | None:
        """The article with this id, as the page store the index follows holds it."""
        searcher = self._searcher()
        q = tantivy.Query.term_query(self._engine_index().schema, "id", article_id)
        res = self._run(searcher, q, 1, count=False)
        if not res.hits:
            return None
        return self._articles([stored(searcher, res.hits[0][1])])[0]

    def match_counts(
        self,
        query: str | Query,
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> dict[str, int]:
        """How often the query's terms occur in each matching article (id → count, as
        ``occurrences`` counts them): for timelines of a name. It reads every matching
        article's text: fine for a name's hundreds of hits, slow for a common word's
        hundreds of thousands."""
        parsed = parse_query(query) if isinstance(query, str) else query
        searcher = self._searcher()
        parsed, q = self._query(searcher, parsed, papers, date_from, date_to)
        total = _count(self._run(searcher, q, 1, count=True))
        if total == 0:
            return {}
        counts: dict[str, int] = {}
        metas = [stored(searcher, addr) for _, addr in self._run(searcher, q, total,
                                                                  count=False).hits]
        for lo in range(0, len(metas), 1000):
            for article in self._articles(metas[lo : lo + 1000]):
                if article is not None:
                    counts[article.id] = len(occurrences(article, parsed))
        return counts


def _title_spans(title: str, query: Query) -> list[Span]:
    from .fold import fold

    return find_all(fold(title), terms_for(query.terms, "title"))


def _count(res: tantivy.SearchResult) -> int:
    """The number of matches of a search run with ``count=True``."""
    return int(getattr(res, "count", 0) or 0)
