"""The timeline asked for, apart from the widgets: which queries, by what period, counting
what; the counts computed off the GUI thread, a moment after the last change (typing), and
only the newest answer kept. States: ``IDLE`` (no query), ``WAITING`` (for the index),
``COMPUTING``, ``SHOWN``, ``FAILED``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from .workers import TaskRunner

PAUSE_MS = 250


class TimelineState(enum.Enum):
    IDLE = "idle"
    WAITING = "waiting"
    COMPUTING = "computing"
    SHOWN = "shown"
    FAILED = "failed"


@dataclass(frozen=True)
class TimelineRequest:
    queries: tuple[str, ...]
    by: str = "year"
    measure: str = "articles"


class TimelineController(QObject):
    """Computes the timeline of the queries asked, in the runner's threads."""

    ready = Signal(object, str)  # Timeline, the measure it is to be shown in
    failed = Signal(object)  # a Problem (a query that cannot be read) or a message
    waiting = Signal()  # the index is not ready yet: the timeline comes when it is
    cleared = Signal()  # no query to count

    def __init__(self, runner: TaskRunner, index: Callable[[], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.index = index  # the open SearchIndex, or None before it is opened
        self.state = TimelineState.IDLE
        self.request = TimelineRequest(())
        self.timeline: Any = None
        self._serial = 0
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._compute)

    def ask(self, request: TimelineRequest) -> None:
        """Count ``request`` a moment from now (a newer request replaces it)."""
        self.request = request
        self._pause.start()

    @Slot()
    def refresh(self) -> None:
        """Count again (the index was updated, or became ready)."""
        if self.request.queries:
            self._pause.start()

    @Slot()
    def _compute(self) -> None:
        request = self.request
        queries = tuple(q for q in request.queries if q.strip())
        self._serial += 1
        serial = self._serial
        if not queries:
            self.state = TimelineState.IDLE
            self.cleared.emit()
            return
        index = self.index()
        if index is None or not index.ready:
            self.state = TimelineState.WAITING
            self.waiting.emit()
            return
        self.state = TimelineState.COMPUTING

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            from ..search.query import QueryError
            from ..search.timeline import timeline

            try:
                result: Any = timeline(index, queries, by=request.by,  # type: ignore[arg-type]
                                       occurrences=request.measure == "occurrences")
            except QueryError as err:
                result = err
            return serial, request, result

        # Bound methods, not lambdas: Qt drops the connection if this object is deleted first.
        self.runner.run(job, "timeline", finished=self._on_done, failed=self._on_error)

    @Slot(object)
    def _on_done(self, answer: Any) -> None:
        serial, request, result = answer
        if serial != self._serial:
            return  # overtaken by a newer request
        if isinstance(result, Exception):
            self._fail(getattr(result, "problem", str(result)))
            return
        self.state = TimelineState.SHOWN
        self.timeline = result
        self.ready.emit(result, request.measure)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._fail(message)

    def _fail(self, message: object) -> None:
        self.state = TimelineState.FAILED
        self.failed.emit(message)
