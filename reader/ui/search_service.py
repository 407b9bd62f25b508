"""The search index on its own thread, spoken to by signals.

Every call into the index (building it, searching, paging, finding occurrences) happens on
one QThread, so an index that keeps an SQLite connection is only used by the thread that made
it, and the GUI thread never waits for it. Requests carry a serial number; a search that has
been overtaken by a newer one (the user is still typing) is skipped before it runs.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..corpus.catalog import Catalog
from .search_backend import Backend, open_index

PAGE_SIZE = 50
log = logging.getLogger("reader.ui")


@dataclass(frozen=True)
class SearchParams:
    """What the user asked for: the query and the filters of the results panel."""

    query: str
    sort: str = "relevance"
    papers: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class _SearchWorker(QObject):
    """Lives on the search thread; its slots run there."""

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

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.backend: Backend | None = None
        self.latest = 0
        self.cancel_event = threading.Event()

    @Slot()
    def build(self) -> None:
        try:
            backend = self.backend or open_index(self.catalog)
            self.backend = backend
            reason = backend.rebuild_reason()
            if reason:
                log.warning("the search index of %s is rebuilt: %s", self.catalog.root, reason)
                self.indexRebuilding.emit(reason)
            stats = backend.update(self.catalog, self.indexProgress.emit,
                                   self.cancel_event.is_set, self.indexWaiting.emit)
        except Exception as err:
            log.exception("the search index could not be built")
            self.indexFailed.emit(str(err) or type(err).__name__)
            return
        self.indexUpdated.emit(stats)
        # Also after a cancel: the index then searches what it holds so far.
        self.indexReady.emit()

    @Slot(int, object, int)
    def search(self, serial: int, params: SearchParams, offset: int) -> None:
        if serial < self.latest or self.backend is None:
            return
        try:
            results = self.backend.index.search(
                params.query, limit=PAGE_SIZE, offset=offset, sort=params.sort,
                papers=list(params.papers) or None,
                date_from=params.date_from, date_to=params.date_to,
            )
        except self.backend.query_error as err:
            self.searchFailed.emit(serial, getattr(err, "problem", str(err)), True)
            return
        except self.backend.not_ready as err:
            self.searchFailed.emit(serial, str(err), False)
            return
        except Exception as err:
            log.exception("search for %r failed", params.query)
            self.searchFailed.emit(serial, f"{type(err).__name__}: {err}", False)
            return
        self.resultsReady.emit(serial, results, offset)

    @Slot(int, str, str)
    def occurrences(self, serial: int, article_id: str, query: str) -> None:
        if self.backend is None:
            return
        article = self.catalog.article(article_id)
        if article is None:
            return
        try:
            spans = self.backend.occurrences(article, query)
        except self.backend.query_error:
            spans = []
        self.occurrencesReady.emit(serial, article_id, spans)


class SearchService(QObject):
    """The GUI side: ask by calling methods, hear back by signals (all on the GUI thread)."""

    indexProgress = Signal(int, int)
    indexReady = Signal()
    indexFailed = Signal(str)
    indexUpdated = Signal(object)
    indexRebuilding = Signal(str)
    indexWaiting = Signal()
    resultsReady = Signal(int, object, int)
    searchFailed = Signal(int, object, bool)
    occurrencesReady = Signal(int, str, object)

    _buildRequested = Signal()
    _searchRequested = Signal(int, object, int)
    _occurrencesRequested = Signal(int, str, str)

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ready = False
        self._serial = 0
        self._thread = QThread()
        self._thread.setObjectName("search")
        self._worker = _SearchWorker(catalog)
        self._worker.moveToThread(self._thread)
        self._buildRequested.connect(self._worker.build)
        self._searchRequested.connect(self._worker.search)
        self._occurrencesRequested.connect(self._worker.occurrences)
        for name in ("indexProgress", "indexFailed", "indexUpdated", "indexRebuilding",
                     "indexWaiting", "resultsReady", "searchFailed", "occurrencesReady"):
            getattr(self._worker, name).connect(getattr(self, name))
        self._worker.indexReady.connect(self._on_ready)
        self._thread.start()

    @Slot()
    def _on_ready(self) -> None:
        self.ready = True
        self.indexReady.emit()

    def build(self) -> None:
        """Bring the index up to date in the background (only what changed since the last
        update is indexed); ``indexReady`` says when searches work."""
        self._worker.cancel_event.clear()  # a Cancel pressed earlier stopped an earlier build
        self._buildRequested.emit()

    def search(self, params: SearchParams) -> int:
        """Queue a fresh search, which overtakes older ones; returns its serial."""
        self._serial += 1
        self._worker.latest = self._serial
        self._searchRequested.emit(self._serial, params, 0)
        return self._serial

    def fetch_more(self, serial: int, params: SearchParams, offset: int) -> None:
        """Queue the next page of the results of search ``serial``."""
        self._searchRequested.emit(serial, params, offset)

    def occurrences(self, article_id: str, query: str) -> int:
        self._serial += 1
        self._occurrencesRequested.emit(self._serial, article_id, query)
        return self._serial

    def all_hit_ids(self, params: SearchParams, cancelled: Callable[[], bool]) -> list[str]:
        """Every hit of a search, in order. Runs on the calling thread (an export worker): the
        index serves several threads at once, each with its own connection."""
        backend = self._worker.backend
        ids: list[str] = []
        if backend is None:
            return ids
        while not cancelled():
            page = backend.index.search(
                params.query, limit=500, offset=len(ids), sort=params.sort,
                papers=list(params.papers) or None,
                date_from=params.date_from, date_to=params.date_to,
            )
            ids += [h.id for h in page.hits]
            if not page.hits or len(ids) >= page.total:
                break
        return ids

    def cancel_indexing(self) -> None:
        """Stop building the index (searches then use what the index holds, if anything)."""
        self._worker.cancel_event.set()

    def shutdown(self) -> None:
        self._worker.cancel_event.set()
        self._worker.latest = 1 << 62
        self._thread.quit()
        self._thread.wait()
