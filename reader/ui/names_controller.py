"""The names to show, apart from the widgets: the most frequent names among all hits of the
search shown (facets), and the names of the article open. Both are read off the GUI thread;
an answer to an older question is dropped. The names are found here too, after each update
of the index (``update``): the window searches first, the names follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from .workers import TaskRunner

FACETS_PER_KIND = 5


class NamesController(QObject):
    """Asks the index's names for facets and an article's names, in the runner's threads."""

    facetsReady = Signal(object)  # [NameCount], of every kind
    articleNamesReady = Signal(str, object)  # article id, [Name]
    namesUpdated = Signal(int)  # articles whose names were found anew

    def __init__(self, runner: TaskRunner, index: Callable[[], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.index = index
        self._facet_serial = 0
        self._article_serial = 0
        self._updating = False

    def update(self, source: Any) -> None:
        """Find the names of what the last index update added (one update at a time; one
        asked meanwhile runs after it)."""
        index = self.index()
        if index is None:
            return
        if self._updating:
            self._again = source
            return
        self._updating = True

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return index.update_names(source, cancelled=cancelled).tagged

        # Bound methods, not lambdas: Qt drops the connections if this object goes first.
        self.runner.run(job, "names", finished=self._updated, failed=self._update_failed)

    _again: Any = None

    @Slot(object)
    def _updated(self, tagged: Any) -> None:
        self._updating = False
        if self._again is not None:
            source, self._again = self._again, None
            self.update(source)
        self.namesUpdated.emit(int(tagged or 0))

    @Slot(str)
    def _update_failed(self, _message: str) -> None:
        self._updated(0)

    def ask_facets(self, params: Any) -> None:
        """The names of the hits of a search (``SearchParams``), all of them, not one page."""
        self._facet_serial += 1
        serial = self._facet_serial
        index = self.index()
        if index is None or params is None:
            self.facetsReady.emit([])
            return

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            from ..search import IndexNotReady, QueryError

            if cancelled() or serial != self._facet_serial:
                return serial, None  # overtaken before it started
            try:
                return serial, index.top_names(
                    params.query, limit=FACETS_PER_KIND, papers=list(params.papers) or None,
                    date_from=params.date_from, date_to=params.date_to)
            except (QueryError, IndexNotReady):
                return serial, []

        self.runner.run(job, "facets", finished=self._facets)

    @Slot(object)
    def _facets(self, answer: Any) -> None:
        serial, names = answer
        if serial == self._facet_serial and names is not None:
            self.facetsReady.emit(names)

    def ask_article(self, article_id: str) -> None:
        self._article_serial += 1
        serial = self._article_serial
        index = self.index()
        if index is None:
            self.articleNamesReady.emit(article_id, [])
            return

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return serial, article_id, index.names.names_of(article_id)

        self.runner.run(job, "article names", finished=self._article_names)

    @Slot(object)
    def _article_names(self, answer: Any) -> None:
        serial, article_id, names = answer
        if serial == self._article_serial:
            self.articleNamesReady.emit(article_id, names)
