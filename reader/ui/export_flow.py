"""Export and Copy Citation: what the export dialog offers, gathered from the window's views.

The scopes follow what the user is looking at: the open article (and the text selected in
it), the selected rows of the pane in front (bookmarks, search results or the issue's
articles), all bookmarks, all hits of the last search. The dialog (``dialogs/export_dialog``)
asks for format and file and writes in the background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from ..corpus.catalog import Catalog
from . import user_data
from .dialogs.export_dialog import ExportDialog, Scopes
from .models.bookmarks import BookmarkModel
from .models.search_hits import SearchHitModel
from .search_controller import SearchController
from .views.article_view import ArticleView
from .views.bookmarks_panel import BookmarksPanel
from .views.issue_view import IssueView
from .views.results_panel import ResultsPanel
from .workers import TaskRunner


@dataclass(frozen=True)
class ExportViews:
    """What an export reads of the window: the article shown and its selection, the pane in
    front and the lists whose selection can be exported."""

    article_view: ArticleView
    panel: BookmarksPanel
    tabs: QTabWidget
    results: ResultsPanel
    issue_view: IssueView


class ExportFlow(QObject):
    """Answers Export… and Copy Citation; says what it did by ``statusMessage``."""

    statusMessage = Signal(str)

    def __init__(self, catalog: Catalog, runner: TaskRunner, search: SearchController,
                 hit_model: SearchHitModel, bookmark_model: BookmarkModel, views: ExportViews,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self.search = search
        self.hit_model = hit_model
        self.bookmark_model = bookmark_model
        self.views = views
        self.parent_widget = parent

    @Slot()
    def copy_citation(self) -> None:
        article = self.views.article_view.article
        if article is None:
            return
        text = user_data.citation(article)
        QGuiApplication.clipboard().setText(text)
        self.statusMessage.emit(self.tr("Citation copied: %1").replace("%1", text))

    def export_scopes(self) -> Scopes:
        """What the export dialog offers, with the functions that gather the articles."""
        catalog = self.catalog
        views = self.views
        scopes: Scopes = {}
        article = views.article_view.article
        if article is not None:
            scopes["article"] = (self.tr("The open article: %1").replace(
                "%1", article.display_title), lambda: [article])
            selected = user_data.selection_item(
                article, views.article_view.textCursor().selectedText())
            if selected is not None:  # a quotation, as excerpts and Copy with Citation give
                scopes["text"] = (self.tr("The selected text (%n character(s))", "",
                                          selected[2]), lambda: [selected[:2]])
        current = views.tabs.currentWidget()
        if current is views.panel:
            chosen = views.panel.selected_bookmarks()
            if chosen:
                scopes["selection"] = (
                    self.tr("The %n selected bookmark(s)", "", len(chosen)),
                    lambda: user_data.kept_items(chosen, catalog))
        else:
            view = views.results if current is views.results else views.issue_view
            ids = view.selected_article_ids()
            if ids:
                scopes["selection"] = (
                    self.tr("The %n selected article(s)", "", len(ids)),
                    lambda: [catalog.article(i) for i in ids])
        model = self.bookmark_model
        if model.rowCount():
            marks = [b for r in range(model.rowCount()) if (b := model.bookmark(r)) is not None]
            scopes["bookmarks"] = (
                self.tr("All %n bookmark(s)", "", len(marks)),
                lambda: user_data.kept_items(marks, catalog))
        if self.search.params is not None and self.hit_model.total:
            params, search = self.search.params, self.search.service
            scopes["results"] = (
                self.tr("All %n hit(s) of the search %1", "", self.hit_model.total).replace(
                    "%1", params.query),
                lambda: [catalog.article(i)
                         for i in search.all_hit_ids(params, lambda: False)])
        return scopes

    @Slot()
    def export(self) -> ExportDialog | None:
        scopes = self.export_scopes()
        if not scopes:
            self.statusMessage.emit(self.tr("Open an article, select some, or search first."))
            return None
        dialog = ExportDialog(scopes, self.runner, user_data.export_folder(),
                              self.parent_widget)
        dialog.exported.connect(lambda paths: self.statusMessage.emit(self.tr(
            "Exported to %1").replace("%1", str(paths[0]))))
        dialog.open()
        return dialog
