"""``SearchIndex``: the one object the window and the command line use.

Thread safety: every thread gets its own SQLite connection; ``update`` may run in one thread
while ``search`` runs in others (a search sees the index as it was before the update until
the update publishes). Updates from several threads or processes take turns (``UpdateLock``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..corpus.encoding import escaped_name
from ..corpus.library import PageSource
from ..corpus.model import Article, Paragraph
from ..paths import cache_dir
from . import store
from .engine import (
    TERM_FIELDS,
    BoolArray,
    PostingCache,
    Reader,
    Snapshot,
    evaluate,
    load_snapshot,
    match_text,
    rank,
)
from .names import NameCount, NameIndex, NameStats, NameTable, names_path_for, rows_in
from .query import NameFilter, Query, parse_query
from .snippets import SNIPPET_CHARS, Span, find_all, make_snippet, terms_for
from .update import Cancelled, Progress, UpdateStats, run_update

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


@dataclass(frozen=True)
class DatedMatches:
    """The dates of a query's matches, for counting them by period (``timeline``)."""

    dates: np.ndarray
    """``YYYYMMDD`` of each matching article (0 when undated), as int32."""
    counts: np.ndarray | None
    """The query's occurrences in each matching article (headline, byline and body), when
    asked for."""
    all_dates: np.ndarray
    """``YYYYMMDD`` of every article in the index."""


def index_path(root: Path) -> Path:
    """Where the index of the library at ``root`` lives: named for the app, the schema version
    and the library's absolute folder."""
    digest = hashlib.sha1(os.fsencode(Path(root).resolve())).hexdigest()[:16]
    return cache_dir() / "search" / f"{store.APP}-search-v{store.SCHEMA_VERSION}-{digest}.sqlite3"


def _day(value: int | None) -> dt.date | None:
    if not value:
        return None
    return dt.date(value // 10000, value // 100 % 100, value % 100)


class SearchIndex:
    """The search index of one library folder (a cache: rebuilt whenever it is not sound)."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path = Path(path)
        self.root = Path(root)
        self._root_key = escaped_name(str(self.root.resolve()))  # valid text for SQLite
        self._local = threading.local()
        self._epoch = 0
        self._snapshot: Snapshot | None = None
        self._cache = PostingCache()
        self._update_lock = store.UpdateLock(self.path)
        self._thread_lock = threading.Lock()
        self.names = NameIndex(names_path_for(self.path))
        """The person, place and organisation names of the articles, kept beside the index."""
        self.name_stats = NameStats()
        """What the last ``update`` did to the names."""
        self._name_table: NameTable | None = None
        self._name_table_lock = threading.Lock()  # (not the update's: facets during updates)

    @classmethod
    def for_library(cls, root: Path) -> SearchIndex:
        """The index of the library folder ``root``, under the user's cache folder."""
        return cls(index_path(root), Path(root))

    # ----------------------------------------------------------------------------------------
    # Connections

    def _conn(self) -> sqlite3.Connection:
        """This thread's connection, opened anew after the file was recreated."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and self._local.epoch != self._epoch:
            conn.close()
            conn = None
        if conn is None:
            if not self.path.exists():
                raise IndexNotReady("the search index has not been built yet")
            conn = store.connect(self.path)
            self._local.conn, self._local.epoch = conn, self._epoch
        return conn

    def _forget_connections(self) -> None:
        """Make every thread reconnect (connections can only be closed by their thread)."""
        self._epoch += 1
        self._snapshot = None

    def close(self) -> None:
        """Close this thread's connection (others close with their threads)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # ----------------------------------------------------------------------------------------
    # Updating

    def update(
        self,
        source: PageSource,
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
        with self._thread_lock:
            if not self._update_lock.acquire(is_cancelled, waiting):
                return UpdateStats(cancelled=True)
            try:
                reason = "asked to rebuild" if rebuild else self._unsound()
                if reason:
                    self._forget_connections()
                    store.create(self.path, self._root_key)
                conn = store.connect(self.path)
                try:
                    stats = run_update(conn, source, progress, is_cancelled, workers)
                finally:
                    conn.close()
                if names and not stats.cancelled:
                    self.name_stats = self._update_names(source, progress, is_cancelled,
                                                         workers)
            finally:
                self._update_lock.release()
        return UpdateStats(**{**stats.__dict__, "rebuilt": reason or None,
                              "seconds": time.perf_counter() - start})

    def update_names(self, source: PageSource, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> NameStats:
        """Find the names of the articles that are new since the names were last updated
        (after an ``update(..., names=False)``)."""
        self.name_stats = self._update_names(source, progress, cancelled or (lambda: False),
                                             None)
        return self.name_stats

    def _update_names(self, source: PageSource, progress: Progress | None,
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
            return store.check(conn, self._root_key)
        finally:
            conn.close()

    @property
    def ready(self) -> bool:
        """True when a complete build has been published (searching will not raise)."""
        try:
            self._read_snapshot()
        except IndexNotReady:
            return False
        finally:
            self._end_read()
        return True

    # ----------------------------------------------------------------------------------------
    # Reading

    def _read_snapshot(self) -> Snapshot:
        """Begin a read transaction and return the snapshot of what it sees."""
        try:
            conn = self._conn()
            conn.execute("BEGIN")
            if store.check(conn, self._root_key) is not None:
                raise IndexNotReady("the search index must be rebuilt")
            if store.get_meta(conn, "published") != "1":
                raise IndexNotReady("the search index is still being built")
            gen = int(store.get_meta(conn, "gen"))
            snap = self._snapshot
            if snap is None or snap.gen != gen:
                snap = load_snapshot(conn, gen)
                self._snapshot = snap
            return snap
        except (sqlite3.DatabaseError, store.IndexDamaged) as err:
            raise IndexNotReady(f"the search index is damaged ({err}); update rebuilds it") from err

    def _end_read(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and conn.in_transaction:
            conn.execute("COMMIT")

    def _match(
        self, query: str | Query, sort: str, count: int | None,
        papers: Sequence[str] | None, date_from: dt.date | None, date_to: dt.date | None,
    ) -> tuple[Query, Reader, BoolArray, np.ndarray]:
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        parsed = parse_query(query) if isinstance(query, str) else query
        snap = self._read_snapshot()
        reader = Reader(self._conn(), snap, self._cache)
        matched, scores = evaluate(reader, parsed, papers, date_from, date_to)
        if parsed.names or parsed.excluded_names:
            matched &= self._names_mask(reader, parsed)
        ranked = rank(snap, matched, scores, sort, count)
        reader.scores = scores
        return parsed, reader, matched, ranked

    def _names_mask(self, reader: Reader, query: Query) -> BoolArray:
        """The documents that hold every ``person:``/``place:``/``org:`` name of the query
        and none of its excluded ones."""
        mask = np.ones(reader.snap.size, dtype=bool)

        def docs(name: NameFilter) -> BoolArray:
            ids = sorted(self.names.article_ids(name.kind, name.name))
            found = np.zeros(reader.snap.size, dtype=bool)
            hit = np.array([r[0] for r in rows_in(
                reader.conn, "SELECT docid FROM docs WHERE article_id IN ({marks})", ids, 900)],
                dtype=np.int64)
            found[hit[hit < reader.snap.size]] = True
            return found

        for name in query.names:
            mask &= docs(name)
        for name in query.excluded_names:
            mask &= ~docs(name)
        return mask

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
        try:
            parsed, reader, matched, ranked = self._match(
                query, sort, offset + limit, papers, date_from, date_to)
            total = int(matched.sum())
            page = ranked[offset : offset + limit].tolist()
            hits = self._hits(reader, parsed, page, snippet_chars)
        finally:
            self._end_read()
        return Results(parsed, total, hits, time.perf_counter() - start)

    def matching_ids(
        self,
        query: str | Query,
        sort: str = "relevance",
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[str]:
        """The ids of every matching article, in order, without snippets (cheap)."""
        try:
            _, reader, _, ranked = self._match(query, sort, None, papers, date_from, date_to)
            return self._ids(reader.conn, ranked.tolist())
        finally:
            self._end_read()

    def dated_matches(
        self,
        query: str | Query,
        occurrences: bool = False,
        papers: Sequence[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> DatedMatches:
        """The dates of every matching article (and its occurrences of the query, when asked)
        beside the dates of all articles: what a timeline counts. No ids, no snippets."""
        try:
            parsed, reader, matched, _ = self._match(
                query, "relevance", 0, papers, date_from, date_to)
            snap = reader.snap
            counts = None
            if occurrences:
                per_doc = np.zeros(snap.size, dtype=np.int64)
                for term in parsed.terms:
                    for fld in TERM_FIELDS[term.field]:
                        docs, tfs = match_text(reader, term.text, fld)
                        np.add.at(per_doc, docs, tfs)
                counts = per_doc[matched]
            return DatedMatches(snap.dates[matched], counts, snap.dates[snap.alive])
        finally:
            self._end_read()

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
        try:
            _, reader, matched, _ = self._match(
                query, "relevance", 0, papers, date_from, date_to)
            key = (reader.snap.gen, self.names.generation())
            with self._name_table_lock:
                table = self._name_table
            if table is None or table.key != key:
                table = NameTable(self.names, reader.conn.execute(
                    "SELECT docid, article_id FROM docs"), reader.snap.size)
                table.key = key
                with self._name_table_lock:
                    self._name_table = table
            return table.top(matched, kind, limit)
        finally:
            self._end_read()

    def _ids(self, conn: sqlite3.Connection, docids: list[int]) -> list[str]:
        found: dict[int, str] = dict(rows_in(
            conn, "SELECT docid, article_id FROM docs WHERE docid IN ({marks})", docids, 900))
        return [found[d] for d in docids]

    def _hits(self, reader: Reader, query: Query, docids: list[int], width: int) -> list[Hit]:
        if not docids:
            return []
        marks = ",".join("?" * len(docids))
        rows = {r[0]: r for r in reader.conn.execute(
            "SELECT docid, article_id, paper_id, date, page, kicker, title, subtitle, byline, "
            f"display_title, body, source FROM docs WHERE docid IN ({marks})", docids)}
        scores = reader.scores
        hits = []
        for docid in docids:
            (_, article_id, paper_id, date, page, kicker, title, subtitle, byline,
             display_title, body_blob, source) = rows[docid]
            body = zlib.decompress(body_blob).decode("utf-8")
            headline = " ".join(x for x in (kicker, title, subtitle) if x)
            snippet, spans = make_snippet(headline, byline or "", body, query.terms, width)
            hits.append(Hit(
                id=article_id, paper=reader.snap.paper_names.get(paper_id, ""),
                date=_day(date), page=page, title=display_title, snippet=snippet,
                highlights=spans, score=round(float(scores[docid]), 4),
                title_highlights=_title_spans(display_title, query), source=source,
            ))
        return hits

    def article(self, article_id: str) -> Article | None:
        """The article with this id as indexed (paragraph kinds are not kept: all text)."""
        try:
            snap = self._read_snapshot()
            row = None
            for r in self._conn().execute(
                "SELECT docid, source, position, paper_id, date, page, kicker, title, subtitle, "
                "byline, body FROM docs WHERE article_id=?", (article_id,)
            ):
                if r[0] < snap.size and snap.alive[r[0]]:
                    row = r
                    break
        finally:
            self._end_read()
        if row is None:
            return None
        (_, source, position, paper_id, date, page, kicker, title, subtitle, byline, body) = row
        text = zlib.decompress(body).decode("utf-8")
        return Article(
            id=article_id, kicker=kicker, title=title, subtitle=subtitle, byline=byline,
            paragraphs=[Paragraph(p) for p in text.split("\n")] if text else [],
            paper=snap.paper_names.get(paper_id), date=_day(date), page=page,
            source=source, position=position,
        )


def _title_spans(title: str, query: Query) -> list[Span]:
    from .fold import fold

    return find_all(fold(title), terms_for(query.terms, "title"))

