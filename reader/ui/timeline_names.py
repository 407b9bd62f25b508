"""The timeline and the names of the results, wired to the search: the chart follows the
search box, a clicked bar or name narrows the search, the facets and the article's names
follow the index.

``TimelineNames`` gets the two controllers (``TimelineController``, ``NamesController``),
the widgets they show in (``TimelineNamesViews``) and what it asks of the rest of the window
(the search, the reading column, the status line) in its constructor; MainWindow only builds
it and routes View → Timeline to ``show_timeline``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter

from ..corpus.catalog import Catalog
from ..problems import Problem
from .core_messages import problem_text
from .names_controller import NamesController
from .reading import Reading
from .search_controller import SearchController
from .search_presenter import SearchPresenter
from .search_service import SearchService
from .timeline_controller import TimelineController
from .views.article_view import ArticleView
from .views.name_facets import NameFacets
from .views.search_box import SearchBox
from .views.timeline_view import TimelineView


@dataclass(frozen=True)
class TimelineNamesViews:
    """The widgets the timeline and the names are shown in and read from."""

    timeline_view: TimelineView
    facets: NameFacets  # the names among all hits, above the results
    article_names: NameFacets  # the open article's names, under its headline
    article_view: ArticleView
    search_box: SearchBox
    splitter: QSplitter  # the panes above, the timeline below
    timeline_action: QAction


class TimelineNames(QObject):
    """The timeline and the name facets, following the search and narrowing it."""

    def __init__(self, timeline: TimelineController, names: NamesController,
                 views: TimelineNamesViews, search: SearchService,
                 search_control: SearchController, searching: SearchPresenter,
                 reading: Reading, catalog: Catalog, show_status: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline, self.names, self.views = timeline, names, views
        self.search_control, self.searching, self.catalog = search_control, searching, catalog
        tl, view = timeline, views.timeline_view
        views.search_box.searchRequested.connect(view.follow)
        view.requestChanged.connect(tl.ask)
        view.periodClicked.connect(self.search_period)
        view.exported.connect(lambda path: show_status(self.tr("Saved %1").replace("%1", path)))
        tl.ready.connect(view.show_timeline)
        tl.failed.connect(lambda problem: view.show_message(
            self.tr("This query cannot be read: %1").replace("%1", problem_text(problem)
                                                              if isinstance(problem, Problem)
                                                              else str(problem))))
        tl.waiting.connect(lambda: view.show_message(
            self.tr("The search index is being prepared; the timeline follows.")))
        tl.cleared.connect(lambda: view.show_message(
            self.tr("Type a query to see when it was written about.")))
        search.indexReady.connect(tl.refresh)  # after every update of the index
        search_control.resultsArrived.connect(
            lambda _results: names.ask_facets(search_control.params))
        search_control.failed.connect(lambda *_: views.facets.set_names([]))
        names.facetsReady.connect(views.facets.set_names)
        views.facets.nameClicked.connect(self.search_name)
        views.article_names.nameClicked.connect(self.search_name)
        reading.articleShown.connect(names.ask_article)
        names.articleNamesReady.connect(self._show_article_names)
        search.indexReady.connect(lambda: names.update(self.catalog))
        names.namesUpdated.connect(self._on_names_updated)

    @Slot(bool)
    def show_timeline(self, on: bool = True) -> None:
        """View → Timeline: show the chart under the panes (a third of the height when it
        had none) and count the search box's query; or hide it."""
        view, splitter = self.views.timeline_view, self.views.splitter
        view.setVisible(on)
        self.views.timeline_action.setChecked(on)
        if on:
            if splitter.sizes()[1] < 120:
                total = sum(splitter.sizes())
                splitter.setSizes([total - total // 3, total // 3])
            view.follow(self.views.search_box.text().strip())
            view.edits[0].setFocus()

    def _search_for(self, query: str) -> None:
        self.views.search_box.setEditText(query)
        self.searching.run(query)

    @Slot(str, object)
    def search_period(self, query: str, period: Any) -> None:
        """A bar was clicked: the hits of its query in its period."""
        self._search_for(f"{query} {period.query_filter()}")

    @Slot(str, str)
    def search_name(self, kind: str, name: str) -> None:
        """A name was clicked: the search gains it as a filter (``person:金承涛``)."""
        token = f"{kind}:{name}"
        query = self.views.search_box.text().strip()
        if token not in query.split():
            query = f"{query} {token}".strip()
        self._search_for(query)

    def _on_names_updated(self, tagged: int) -> None:
        """New names: the facets of the search shown and the article's names follow."""
        if tagged and self.search_control.params is not None:
            self.names.ask_facets(self.search_control.params)
        article = self.views.article_view.article
        if tagged and article is not None:
            self.names.ask_article(article.id)

    def _show_article_names(self, article_id: str, names: list[Any]) -> None:
        current = self.views.article_view.article
        if current is not None and current.id == article_id:
            self.views.article_names.set_names(names)
