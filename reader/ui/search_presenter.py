"""The search as the window shows it: the search box's queries run (or wait for the index),
the hits listed page by page, a hit opened with its occurrences marked and the find bar
holding its query, find in article, and the history of the queries that were meant.
``SearchController`` keeps the state; this renders it in the views it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QTabWidget

from ..problems import Problem
from .core_messages import problem_text
from .models.search_hits import SearchHitModel
from .search_controller import SearchController
from .settings import WindowState
from .views.article_view import ArticleView
from .views.find_bar import FindBar
from .views.results_panel import ResultsPanel
from .views.search_box import SearchBox


@dataclass(frozen=True)
class SearchViews:
    search_box: SearchBox
    results: ResultsPanel
    hit_model: SearchHitModel
    find_bar: FindBar
    article_view: ArticleView
    tabs: QTabWidget


class SearchPresenter(QObject):
    """Answers the search box, the results panel and the find bar."""

    resultsShown = Signal(int)  # total of the search whose first page arrived (-1: failed)
    occurrencesShown = Signal(int)  # number of occurrences marked for an opened hit
    openArticleRequested = Signal(str, str)  # article id, the query whose hit it is

    def __init__(self, control: SearchController, views: SearchViews, state: WindowState,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = control
        self.views = views
        self.state = state  # the history of queries
        self.hit_query = ""  # the query whose occurrences are marked in the article
        self.entered_query = ""  # the query Enter was pressed on: kept in the history
        v = views
        v.results.openArticleRequested.connect(self.open_hit)
        v.results.filtersChanged.connect(self.rerun)
        v.search_box.searchRequested.connect(self.run)
        v.search_box.enterPressed.connect(v.results.enter_when_shown)
        v.search_box.enterPressed.connect(self._on_enter)
        v.search_box.hitsRequested.connect(v.results.enter_hits)
        v.article_view.occurrencesChanged.connect(v.find_bar.set_count)
        v.find_bar.findRequested.connect(self._find_in_article)
        v.find_bar.nextRequested.connect(v.article_view.next_occurrence)
        v.find_bar.previousRequested.connect(v.article_view.previous_occurrence)
        v.find_bar.closed.connect(self._on_find_closed)
        v.hit_model.fetchMoreRequested.connect(control.fetch_more)
        control.waiting.connect(self._on_waiting)
        control.pendingQuery.connect(self.run)
        control.resultsArrived.connect(self._on_results)
        control.moreResultsArrived.connect(
            lambda offset, results: v.hit_model.add_page(offset, list(results.hits)))
        control.failed.connect(self._on_failed)
        control.occurrencesArrived.connect(self._on_occurrences)

    @Slot()
    def _on_enter(self) -> None:
        self.entered_query = self.views.search_box.text().strip()

    @Slot()
    def focus_search(self) -> None:
        focus = QApplication.focusWidget()
        if self.views.article_view.hasFocus() or (
                focus is not None and self.views.find_bar.isAncestorOf(focus)):
            self.find_in_article()
            return
        self.views.search_box.setFocus()
        self.views.search_box.field.selectAll()

    @Slot()
    def find_in_article(self) -> None:
        bar = self.views.find_bar
        bar.open_with(bar.edit.text() or self.hit_query)
        if bar.edit.text():
            self._find_in_article(bar.edit.text())

    @Slot(str)
    def _find_in_article(self, text: str) -> None:
        self.hit_query = ""
        self.views.article_view.find_text(text)

    @Slot()
    def _on_find_closed(self) -> None:
        self.views.article_view.clear_highlights()
        self.views.article_view.setFocus()

    def article_opened(self, article_id: str, query: str) -> None:
        """An article was opened (as a hit of ``query``, or not): mark what is asked."""
        self.hit_query = query
        bar = self.views.find_bar
        if query:
            bar.open_with(query, focus=False)
            self.control.ask_occurrences(article_id, query)
        elif bar.isVisible() and bar.edit.text().strip():
            self.views.article_view.find_text(bar.edit.text())

    @Slot(str)
    def run(self, query: str) -> None:
        v = self.views
        if self.hit_query and self.hit_query != query:
            # The marks and the find bar of the previous search's hit go with it.
            self.hit_query = ""
            v.find_bar.hide()
            v.article_view.clear_highlights()
        v.tabs.setCurrentWidget(v.results)
        if self.control.wait_for_index(query):
            return
        self.control.run(v.results.params(query))
        v.results.total.setText(QCoreApplication.translate("MainWindow", "Searching…"))

    @Slot(str)
    def _on_waiting(self, query: str) -> None:
        self.views.results.show_message(QCoreApplication.translate(
            "MainWindow",
            "The search index is being prepared; your search runs when it is ready."))

    @Slot()
    def rerun(self) -> None:
        if self.control.params is not None:
            self.run(self.control.query)

    @Slot(object)
    def _on_results(self, results: Any) -> None:
        if results.total and self.control.params is not None \
                and self.control.query == self.entered_query:
            self._remember_query(self.entered_query)
        self.views.hit_model.set_results(results.total, list(results.hits))
        self.views.results.show_results(results.total)
        self.resultsShown.emit(results.total)

    @Slot(object, bool)
    def _on_failed(self, message: object, query_at_fault: bool) -> None:
        self.views.hit_model.clear()
        text = QCoreApplication.translate("MainWindow", "This query cannot be read: %1") \
            if query_at_fault \
            else QCoreApplication.translate("MainWindow", "The search could not be done: %1")
        self.views.results.show_message(text.replace(
            "%1", problem_text(message) if isinstance(message, Problem) else str(message)))
        self.resultsShown.emit(-1)

    def _remember_query(self, query: str) -> None:
        """Into the history: a query the user pressed Enter on or opened a hit of, not
        every prefix typed on the way, nor a query that found nothing."""
        if query and (not self.state.history or self.state.history[0] != query):
            self.state.remember_query(query)
            self.views.search_box.set_history(self.state.history)

    @Slot(str)
    def open_hit(self, article_id: str) -> None:
        query = self.control.query
        self._remember_query(query)
        current = self.views.article_view.article
        if current is not None and current.id == article_id and self.hit_query == query:
            return
        self.openArticleRequested.emit(article_id, query)

    @Slot(str, object)
    def _on_occurrences(self, article_id: str, spans: list[Any]) -> None:
        view = self.views.article_view
        current = view.article
        if current is None or current.id != article_id:
            return
        view.highlight_spans(spans)
        self.occurrencesShown.emit(view.occurrence_count())
