"""The search index in the background, spoken to by signals.

Every call into the index (building it, searching, paging, finding occurrences) is a task
(``workers.py``) on a runner of its own with one thread, so the calls run one after another
in the order they were asked (the searches typed while the index is built wait for it) and
the GUI thread never waits for them. Requests carry a serial number; a search that has been
overtaken by a newer one (the user is still typing) is skipped before it runs.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ..backend import LibraryBackend
from .search_backend import IndexAccess, open_index
from .workers import TaskError, TaskRunner

if TYPE_CHECKING:
    from ..search import Results

PAGE_SIZE = 50
EXPORT_PAGE_SIZE = 500
INDEX_TASK = "index"
log = logging.getLogger("reader.ui")


@dataclass(frozen=True)
class SearchParams:
    """What the user asked for: the query and the filters of the results panel."""

    query: str
    sort: str = "relevance"
    papers: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class SearchFailure(TaskError):
    """A search the index refused: the query cannot be read, or the index is not ready."""

    def __init__(self, message: str, query_at_fault: bool, problem: object = None) -> None:
        super().__init__(message)
        self.query_at_fault = query_at_fault
        self.problem = problem  # the query's Problem (kind, parameters), worded by the window


def search_page(backend: IndexAccess, params: SearchParams, offset: int, limit: int) -> Results:
    """One page of the hits of ``params`` (the one place the window asks the index)."""
    try:
        return backend.index.search(
            params.query, limit=limit, offset=offset, sort=params.sort,
            papers=list(params.papers) or None,
            date_from=params.date_from, date_to=params.date_to,
        )
    except backend.query_error as err:
        raise SearchFailure(str(err), query_at_fault=True,
                            problem=getattr(err, "problem", None)) from None
    except backend.not_ready as err:
        raise SearchFailure(str(err), query_at_fault=False) from None


class SearchService(QObject):
    """Ask by calling methods, hear back by signals (all delivered on the GUI thread)."""

    indexProgress = Signal(int, int)
    indexReady = Signal()
    indexFailed = Signal(str)
    indexUpdated = Signal(object)  # the update's stats (None when nothing is known of them)
    indexRebuilding = Signal(str)  # why the existing index is being built anew
    indexWaiting = Signal()  # another reader (window or command) is updating this index
    resultsReady = Signal(int, object, int)  # serial, results, offset
    searchFailed = Signal(int, object, bool)  # serial, message (a Problem for a query at
    # fault, else text), the query itself is at fault
    occurrencesReady = Signal(int, str, object)  # serial, article id, [(field, start, end)]

    def __init__(self, library: LibraryBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.catalog = library.catalog
        self.ready = False
        self._serial = 0
        self._latest = 0  # searches older than this are skipped (read on the index's thread)
        self._backend: IndexAccess | None = None  # opened by the first build, on the index's thread
        self._lane = TaskRunner(self, threads=1)

    # -- the index ------------------------------------------------------------------------

    def build(self) -> None:
        """Bring the index up to date in the background (only what changed since the last
        update is indexed); ``indexReady`` says when searches work."""
        catalog, library = self.catalog, self.library

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            backend = self._backend or open_index(library)
            self._backend = backend
            reason = backend.rebuild_reason()
            if reason:
                log.warning("the search index of %s is rebuilt: %s", catalog.root, reason)
                self.indexRebuilding.emit(reason)  # a queued signal: heard on the GUI thread
            stats = backend.update(catalog, progress, cancelled, self.indexWaiting.emit)
            if not library.shared and not getattr(stats, "cancelled", False):
                # As ``reader index`` does: the command line's searches then cut their words
                # without jieba's whole dictionary (written once, in a second or so).
                from ..search.query_words import write_words

                write_words()
            return stats

        self._lane.run(job, INDEX_TASK, progress=self.indexProgress.emit,
                       finished=self._on_built, failed=self.indexFailed.emit)

    def _on_built(self, stats: Any) -> None:
        self.indexUpdated.emit(stats)
        # Also after a cancel: the index then searches what it holds so far.
        self.ready = True
        self.indexReady.emit()

    def cancel_indexing(self) -> None:
        """Stop building the index (searches then use what the index holds, if anything)."""
        self._lane.cancel_all(INDEX_TASK)

    # -- searches -------------------------------------------------------------------------

    def search(self, params: SearchParams) -> int:
        """Queue a fresh search, which overtakes older ones; returns its serial."""
        self._serial += 1
        self._latest = self._serial
        self.fetch_more(self._serial, params, 0)
        return self._serial

    def fetch_more(self, serial: int, params: SearchParams, offset: int) -> None:
        """Queue the page of the results of search ``serial`` from ``offset``."""

        def job(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            backend = self._backend
            if serial < self._latest or backend is None:
                return None
            return search_page(backend, params, offset, PAGE_SIZE)

        def failed(err: BaseException) -> None:
            if isinstance(err, SearchFailure):
                self.searchFailed.emit(serial, err.problem or str(err), err.query_at_fault)
            else:
                self.searchFailed.emit(serial, f"{type(err).__name__}: {err}", False)

        def finished(results: Results | None) -> None:
            if results is not None:  # None: overtaken, or no index yet
                self.resultsReady.emit(serial, results, offset)

        self._lane.run(job, "search", finished=finished, error=failed)

    def occurrences(self, article_id: str, query: str) -> int:
        """Queue the search for every occurrence of ``query`` in an article; its serial."""
        self._serial += 1
        serial = self._serial
        catalog = self.catalog

        def job(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            backend = self._backend
            article = catalog.article(article_id) if backend is not None else None
            if backend is None or article is None:
                return None
            try:
                return backend.occurrences(article, query)
            except backend.query_error:
                return []

        def finished(spans: list[tuple[str, int, int]] | None) -> None:
            if spans is not None:
                self.occurrencesReady.emit(serial, article_id, spans)

        self._lane.run(job, "occurrences", finished=finished)
        return serial

    def all_hit_ids(self, params: SearchParams, cancelled: Callable[[], bool]) -> list[str]:
        """Every hit of a search, in order. Runs on the calling thread (an export worker): the
        index serves several threads at once, each with its own connection."""
        backend = self._backend
        ids: list[str] = []
        if backend is None:
            return ids
        while not cancelled():
            page = search_page(backend, params, len(ids), EXPORT_PAGE_SIZE)
            ids += [h.id for h in page.hits]
            if not page.hits or len(ids) >= page.total:
                break
        return ids

    def index(self) -> Any:
        """The open ``SearchIndex`` (None before it is opened), for work on other threads:
        the index gives each thread its own connection."""
        backend = self._backend
        return backend.index if backend is not None else None

    def shutdown(self) -> None:
        self._latest = 1 << 62
        self._lane.shutdown()
