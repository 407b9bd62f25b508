"""The search in flight, apart from the widgets: which query is shown (its serial, so that
late answers of older ones are dropped), a query waiting for the index, the index being
built or rebuilt, and the occurrences asked for an opened hit. The window renders what the
signals say; this object never touches a widget.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from .search_service import SearchParams, SearchService


class SearchState(enum.Enum):
    IDLE = "idle"  # nothing asked yet
    WAITING = "waiting"  # a query waits for the index to be ready
    RUNNING = "running"  # asked; its first page has not come
    SHOWN = "shown"  # its first page came (more pages come on demand)
    FAILED = "failed"  # the query could not be read or the search could not be done


class IndexState(enum.Enum):
    NOT_BUILT = "not-built"
    BUILDING = "building"  # taking what the last sync found
    REBUILDING = "rebuilding"  # the index on disk could not be used and is built anew
    READY = "ready"
    FAILED = "failed"


class SearchController(QObject):
    """Speaks to the ``SearchService`` for the window and keeps the state of its search."""

    waiting = Signal(str)  # a query that runs when the index is ready
    resultsArrived = Signal(object)  # the first page of the shown search (Results)
    moreResultsArrived = Signal(int, object)  # offset, a further page of hits
    failed = Signal(object, bool)  # message (a Problem when the query is at fault), at fault
    occurrencesArrived = Signal(str, object)  # article id, spans of the asked occurrences
    indexRebuilding = Signal(str)  # why the index is built anew
    indexReady = Signal(str)  # the reason it was rebuilt for ("" when it was not)
    indexFailed = Signal(str)
    pendingQuery = Signal(str)  # the query that waited, to be run now (after indexReady)

    def __init__(self, service: SearchService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.state = SearchState.IDLE
        self.index_state = IndexState.NOT_BUILT
        self.rebuild_reason = ""  # while the index is rebuilt
        self.params: SearchParams | None = None  # the search shown (or asked last)
        self.pending_query = ""
        self._serial = 0
        self._occurrence_serial = 0
        service.resultsReady.connect(self._on_results)
        service.searchFailed.connect(self._on_failed)
        service.occurrencesReady.connect(self._on_occurrences)
        service.indexRebuilding.connect(self._on_rebuilding)
        service.indexReady.connect(self._on_index_ready)
        service.indexFailed.connect(self._on_index_failed)
        service.indexUpdated.connect(self._on_index_updated)

    @property
    def building(self) -> bool:
        """The index is being built or rebuilt."""
        return self.index_state in (IndexState.BUILDING, IndexState.REBUILDING)

    @property
    def query(self) -> str:
        return self.params.query if self.params is not None else ""

    def build_index(self) -> None:
        self.index_state = IndexState.BUILDING
        self.service.build()

    def wait_for_index(self, query: str) -> bool:
        """Hold ``query`` until the index is ready; False when it is ready now."""
        if self.service.ready:
            return False
        self.pending_query = query
        self.state = SearchState.WAITING
        self.waiting.emit(query)
        return True

    def run(self, params: SearchParams) -> None:
        self.params = params
        self.state = SearchState.RUNNING
        self._serial = self.service.search(params)

    def fetch_more(self, offset: int) -> None:
        if self.params is not None:
            self.service.fetch_more(self._serial, self.params, offset)

    def ask_occurrences(self, article_id: str, query: str) -> None:
        self._occurrence_serial = self.service.occurrences(article_id, query)

    @Slot(int, object, int)
    def _on_results(self, serial: int, results: Any, offset: int) -> None:
        if serial != self._serial:
            return
        if offset == 0:
            self.state = SearchState.SHOWN
            self.resultsArrived.emit(results)
        else:
            self.moreResultsArrived.emit(offset, results)

    @Slot(int, object, bool)
    def _on_failed(self, serial: int, message: object, query_at_fault: bool) -> None:
        if serial != self._serial:
            return
        self.state = SearchState.FAILED
        self.failed.emit(message, query_at_fault)

    @Slot(int, str, object)
    def _on_occurrences(self, serial: int, article_id: str, spans: Any) -> None:
        if serial == self._occurrence_serial:
            self.occurrencesArrived.emit(article_id, spans)

    @Slot(str)
    def _on_rebuilding(self, reason: str) -> None:
        self.index_state = IndexState.REBUILDING
        self.rebuild_reason = reason
        self.indexRebuilding.emit(reason)

    @Slot()
    def _on_index_ready(self) -> None:
        rebuilt, self.rebuild_reason = self.rebuild_reason, ""
        self.index_state = IndexState.READY
        self.indexReady.emit(rebuilt)
        if self.pending_query:
            query, self.pending_query = self.pending_query, ""
            self.pendingQuery.emit(query)

    @Slot(str)
    def _on_index_failed(self, message: str) -> None:
        self.index_state = IndexState.FAILED
        self.rebuild_reason = ""
        self.indexFailed.emit(message)

    @Slot(object)
    def _on_index_updated(self, stats: Any) -> None:
        """After a change in the library the search shown follows (quietly)."""
        changed = stats is None or bool(stats.added or stats.changed or stats.removed)
        if changed and self.params is not None and self.service.ready:
            self._serial = self.service.search(self.params)
