"""Bookmarks, citations and export for the window: the star, the panel's requests, the dialog.

Kept apart from ``mainwindow`` so that the window arranges and wires while this speaks to the
bookmark store and the exporter (through ``user_data``). The store is polled for changes made
by another window or the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from ..corpus.model import Article
from . import user_data
from .dialogs.bookmark_dialog import BookmarkDialog
from .dialogs.export_dialog import ExportDialog, Scopes
from .models.bookmarks import BookmarkModel

if TYPE_CHECKING:
    from .mainwindow import MainWindow

POLL_MS = 2000


class BookmarksController(QObject):
    """Owns the bookmark store and model; answers the bookmark and export actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store, self.message = user_data.open_store()
        self.model = BookmarkModel(self)
        self._store_version = -1
        # Another window or the command line may change the bookmarks: look now and then.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        if self.store is not None:
            self._poll.start()

    def shutdown(self) -> None:
        self._poll.stop()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _bookmark_of(self, article: Article | None) -> Any | None:
        if article is None or self.store is None:
            return None
        try:
            return self.store.find_for_article(article)
        except user_data.library.StoreError as err:  # type: ignore[union-attr]
            self.window.show_status(str(err))
            return None

    def update_star(self) -> None:
        marked = self._bookmark_of(self.window.article_view.article) is not None
        self.window.bookmark_action.setChecked(marked)
        self.window.bookmark_action.setIconText("★" if marked else "☆")
        self.window.edit_bookmark_action.setEnabled(marked)

    @Slot()
    def refresh(self, force: bool = False) -> None:
        """Reload the bookmarks when the store changed (here or in another process)."""
        if self.store is None:
            return
        try:
            version = self.store.data_version()
            if not force and version == self._store_version:
                return
            self._store_version = version
            self.model.set_bookmarks(self.store.list())
            self.window.bookmarks_panel.set_tags(self.store.tags())
        except user_data.library.StoreError as err:  # type: ignore[union-attr]
            self.window.show_status(str(err))
            return
        if self.window.article_view.article is not None:
            self.update_star()

    @Slot()
    def toggle_bookmark(self) -> None:
        article = self.window.article_view.article
        if article is None or self.store is None:
            self.update_star()
            return
        existing = self._bookmark_of(article)
        try:
            if existing is None:
                self.store.add(article)
                self.window.show_status(
                    self.tr("Bookmarked: %1").replace("%1", article.display_title))
            else:
                if existing.note and QMessageBox.question(
                        self.window, self.tr("Remove Bookmark"),
                        self.tr("Remove the bookmark and its note?\n\n%1").replace(
                            "%1", existing.note)) != QMessageBox.StandardButton.Yes:
                    self.update_star()
                    return
                self.store.remove(existing.id)
                self.window.show_status(self.tr("Bookmark removed."))
        except user_data.library.StoreError as err:  # type: ignore[union-attr]
            QMessageBox.warning(self.window, self.tr("Bookmarks"), str(err))
        self.refresh(force=True)

    @Slot()
    def edit_bookmark(self, bookmark: Any = None) -> None:
        if self.store is None:
            return
        if not bookmark:
            panel = self.window.bookmarks_panel
            selected = panel.selected_bookmarks() \
                if self.window.tabs.currentWidget() is panel else []
            bookmark = selected[0] if selected else self._bookmark_of(
                self.window.article_view.article)
        if bookmark is None:
            return
        dialog = BookmarkDialog(bookmark.title, bookmark.note, list(bookmark.tags),
                                list(self.store.tags()), self.window)
        if dialog.exec() != BookmarkDialog.DialogCode.Accepted:
            return
        note, tags = dialog.values()
        try:
            self.store.update(bookmark.id, note=note, tags=tags)
        except user_data.library.StoreError as err:  # type: ignore[union-attr]
            QMessageBox.warning(self.window, self.tr("Bookmarks"), str(err))
        self.refresh(force=True)

    @Slot()
    def remove_bookmarks(self) -> None:
        chosen = self.window.bookmarks_panel.selected_bookmarks()
        if self.store is None or not chosen:
            return
        if QMessageBox.question(
                self.window, self.tr("Remove Bookmarks"), self.tr(
                "Remove %n bookmark(s) with their notes?", "", len(chosen))) \
                != QMessageBox.StandardButton.Yes:
            return
        for bookmark in chosen:
            self.store.remove(bookmark.id)
        self.refresh(force=True)

    @Slot(object)
    def open_bookmark(self, bookmark: Any) -> None:
        article = self.window.catalog.article(bookmark.article_id)
        if article is not None:
            self.window.open_article(article.id)
            return
        # The id changed (a better parser, a date set later): look for what it remembers.
        self.window.show_status(self.tr("Looking for the bookmarked article…"))
        catalog = self.window.catalog
        self.window.runner.run(lambda progress, cancelled: user_data.resolve(bookmark, catalog),
                        name="resolve",
                        finished=lambda found: self._on_bookmark_resolved(bookmark, found))

    def _on_bookmark_resolved(self, bookmark: Any, article: Article | None) -> None:
        if article is None:
            QMessageBox.information(
                self.window, self.tr("Bookmark"), self.tr(
                "The article of this bookmark can no longer be found in the library:\n%1\n\n"
                "The bookmark and its note are kept.").replace("%1", bookmark.title))
            return
        if self.store is not None:
            self.store.relink(bookmark.id, article)
        self.window.open_article(article.id)
        self.refresh(force=True)

    @Slot()
    def copy_citation(self) -> None:
        article = self.window.article_view.article
        if article is None or user_data.export is None:
            return
        text = user_data.citation(article)
        QGuiApplication.clipboard().setText(text)
        self.window.show_status(self.tr("Citation copied: %1").replace("%1", text))

    def export_scopes(self) -> Scopes:
        """What the export dialog offers, with the functions that gather the articles."""
        catalog = self.window.catalog
        scopes: Scopes = {}
        article = self.window.article_view.article
        if article is not None:
            scopes["article"] = (self.tr("The open article: %1").replace(
                "%1", article.display_title), lambda: [article])
        current = self.window.tabs.currentWidget()
        if current is self.window.bookmarks_panel:
            chosen = self.window.bookmarks_panel.selected_bookmarks()
            if chosen:
                scopes["selection"] = (
                    self.tr("The %n selected bookmark(s)", "", len(chosen)),
                    lambda: [user_data.resolve(b, catalog) for b in chosen])
        else:
            view = self.window.results if current is self.window.results else self.window.issue_view
            ids = view.selected_article_ids()
            if ids:
                scopes["selection"] = (
                    self.tr("The %n selected article(s)", "", len(ids)),
                    lambda: [catalog.article(i) for i in ids])
        if self.model.rowCount():
            marks = [self.model.bookmark(r)
                     for r in range(self.model.rowCount())]
            scopes["bookmarks"] = (
                self.tr("All %n bookmark(s)", "", len(marks)),
                lambda: [user_data.resolve(b, catalog) for b in marks])
        if self.window._search_params is not None and self.window.hit_model.total:
            params, search = self.window._search_params, self.window.search
            scopes["results"] = (
                self.tr("All %n hit(s) of the search %1", "", self.window.hit_model.total).replace(
                    "%1", params.query),
                lambda: [catalog.article(i)
                         for i in search.all_hit_ids(params, lambda: False)])
        return scopes

    @Slot()
    def export(self) -> ExportDialog | None:
        if user_data.export is None:
            return None
        scopes = self.export_scopes()
        if not scopes:
            self.window.show_status(self.tr("Open an article, select some, or search first."))
            return None
        dialog = ExportDialog(scopes, self.window.runner, Path.home(), self.window)
        dialog.exported.connect(lambda paths: self.window.show_status(self.tr(
            "Exported to %1").replace("%1", str(paths[0]))))
        dialog.open()
        return dialog
