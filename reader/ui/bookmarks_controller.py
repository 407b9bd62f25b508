"""Bookmarks, excerpts, citations and export for the window: the star, Save Excerpt, the
panel's requests, the dialog.

Kept apart from ``mainwindow`` so that the window arranges and wires while this speaks to the
bookmark store and the exporter (through ``user_data``). The store is polled for changes made
by another window or the command line.

A store that cannot be used keeps the window working: a folder that cannot be written, or a
full disk, is explained (and where) when the star is pressed; a damaged bookmark file is
announced above the panes with "Restore from Backup" and "Export What Can Be Read…" (the
damaged file itself is never overwritten).

Bookmarks of every library are listed; each opens in the library it was made in
(``bookmark_places``): one of another library asks to open that library, and says which
library it is in when it cannot be opened.

An excerpt is the passage selected in the article view (its body only), kept with a note and
tags; opened from the panel, its article is shown with the passage marked and in view. When
its article changed (a correction, a new parser), it is looked for in the background and
relinked; one that cannot be found again says so, and keeps its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QWidget

from .. import bookmarks as bookmark_core
from ..backend import LibraryBookmarks
from ..corpus.catalog import Catalog
from ..corpus.model import Article
from . import user_data
from .bookmark_follow import BookmarkFollower
from .bookmark_places import BookmarkPlaces, library_holding
from .dialogs.bookmark_dialog import BookmarkDialog
from .dialogs.export_dialog import ExportDialog, Scopes
from .library_controller import library_name, same_folder
from .models.bookmarks import BookmarkModel
from .models.search_hits import SearchHitModel
from .plain import literal
from .search_controller import SearchController
from .views.article_view import ArticleView
from .views.bookmarks_panel import BookmarksPanel
from .views.issue_view import IssueView
from .views.results_panel import ResultsPanel
from .workers import TaskRunner

POLL_MS = 2000
NOTICE = "bookmarks"


@dataclass(frozen=True)
class BookmarkViews:
    """What the bookmark actions read of the window: the article shown and its selection,
    the bookmarks panel, the pane in front, the lists whose selection can be exported."""

    article_view: ArticleView
    panel: BookmarksPanel
    tabs: QTabWidget
    results: ResultsPanel
    issue_view: IssueView


class BookmarksController(QObject):
    """Owns the bookmark store and model; answers the bookmark and export actions. It
    speaks to the window by signals (status, notices, articles and libraries to open)."""

    statusMessage = Signal(str)
    noticeRequested = Signal(str, str, str, object)  # key, text, kind, ((label, slot), …)
    openArticleRequested = Signal(str)
    openLibraryRequested = Signal(object, int)  # a library's folder, the bookmark to open
    starChanged = Signal(bool)  # the open article is bookmarked
    storeRestored = Signal()  # a damaged store was replaced by its backup: usable again

    def __init__(self, catalog: Catalog, runner: TaskRunner, search: SearchController,
                 hit_model: SearchHitModel, model: BookmarkModel, views: BookmarkViews,
                 recent_libraries: Callable[[], list[Path]], parent: QWidget,
                 open_store: Callable[[], LibraryBookmarks] = (
                     bookmark_core.BookmarkStore.open)) -> None:
        super().__init__(parent)
        self.open_store = open_store  # the library's door to the bookmark store
        self.parent_widget = parent  # of the dialogs and message boxes
        self.catalog = catalog
        self.runner = runner
        self.search = search
        self.hit_model = hit_model
        self.views = views
        self.recent_libraries = recent_libraries
        self.store, self.message, self.error = user_data.open_store(open_store)
        self.model = model
        self.places = BookmarkPlaces()
        self._store_version = -1
        # Another window or the command line may change the bookmarks: look now and then.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.timeout.connect(self.follow_catalog)
        self.follower = BookmarkFollower(catalog, runner, self)
        self.follower.moved.connect(self._relink)

    def start(self) -> None:
        self.refresh()
        if self.store is not None:
            self._poll.start()
        else:
            self._report_unusable()

    # -- a store that cannot be used ------------------------------------------------------

    def _report_unusable(self) -> None:
        """Say above the panes why there are no bookmarks, and what can be done."""
        err = self.error
        panel = self.views.panel
        if user_data.is_damaged(err):
            buttons: list[tuple[str, Callable[[], object]]] = []
            if err.backup is not None:
                buttons.append((self.tr("Restore from Backup"), self.restore_backup))
            buttons.append((self.tr("Export What Can Be Read…"), self.export_readable))
            backup = err.backup
            if backup is not None:
                text = self.tr("The bookmark file %1 is damaged (%2). It was kept as it is, "
                               "nothing was written over it; a backup of its last good state "
                               "is in %3. Bookmarks are off for now.").replace(
                    "%3", str(backup))
            else:
                text = self.tr("The bookmark file %1 is damaged (%2). It was kept as it is, "
                               "nothing was written over it; no backup of it was found. "
                               "Bookmarks are off for now.")
            text = text.replace("%1", str(err.path)).replace("%2", err.reason)
            self.noticeRequested.emit(NOTICE, text, "error", tuple(buttons))
            panel.show_unavailable(text)
            return
        text = self.tr("Bookmarks cannot be saved: %1. Reading works as usual; bookmarking is "
                       "off until that folder can be written (then start the reader "
                       "again).").replace("%1", self.message)
        self.noticeRequested.emit(NOTICE, text, "warning", ())
        panel.show_unavailable(text)

    def _failed(self, err: Exception) -> None:
        """A store operation failed: a damaged file turns bookmarks off (and says so); any
        other error (a full disk, a read-only folder) is said as it is, with its place."""
        if user_data.is_damaged(err) and self.store is not None:
            self.store.close()
            self.store = None
            self._poll.stop()
            self.error, self.message = err, str(err)
            self.model.set_bookmarks([])
            self._report_unusable()
            return
        QMessageBox.warning(self.parent_widget, self.tr("Bookmarks"), self.tr(
            "The bookmarks could not be saved: %1").replace("%1", str(err)))

    @Slot()
    def restore_backup(self) -> bool:
        """Put the last good backup in place of the damaged file (which is kept aside)."""
        err = self.error
        lib = bookmark_core
        if not user_data.is_damaged(err):
            return False
        try:
            aside = lib.restore_backup(err.path)
        except (lib.StoreError, OSError) as problem:
            QMessageBox.warning(self.parent_widget, self.tr("Restore from Backup"), self.tr(
                "The backup could not be restored: %1").replace("%1", str(problem)))
            return False
        self.store, self.message, self.error = user_data.open_store(self.open_store)
        if self.store is None:
            self._report_unusable()
            return False
        self.views.panel.message.hide()
        self.storeRestored.emit()
        self.noticeRequested.emit(NOTICE, self.tr(
            "The bookmarks were restored from the backup of their last good state. The "
            "damaged file was kept as %1.").replace("%1", str(aside)), "info", ())
        self._poll.start()
        self.refresh(force=True)
        return True

    @Slot()
    def export_readable(self) -> Path | None:
        """Save what can still be read from the damaged file as bookmarks JSON."""
        err = self.error
        lib = bookmark_core
        if not user_data.is_damaged(err):
            return None
        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Save What Can Be Read"),
            str(Path.home() / "bookmarks-rescued.json"), self.tr("Bookmarks (*.json)"))
        if not name:
            return None
        out = Path(name)
        try:
            salvage = lib.export_readable(err.path, out)
        except (lib.StoreError, OSError) as problem:
            QMessageBox.warning(self.parent_widget, self.tr("Export What Can Be Read"), self.tr(
                "Nothing could be saved: %1").replace("%1", str(problem)))
            return None
        text = self.tr("%n bookmark(s) saved to %1.", "", len(salvage.bookmarks)).replace(
            "%1", str(out))
        if salvage.problems:
            text += "\n" + self.tr("What could not be read:") + "\n" + "\n".join(
                salvage.problems)
        text += "\n\n" + self.tr("Import them into a bookmark file that works with "
                                   "“reader bookmarks import %1”.").replace("%1", str(out))
        QMessageBox.information(self.parent_widget, self.tr("Export What Can Be Read"), text)
        self.statusMessage.emit(self.tr("%n bookmark(s) saved to %1.", "",
                                        len(salvage.bookmarks)).replace("%1", str(out)))
        return out

    def open_when_read(self, bookmark_id: int, read: SignalInstance | None) -> None:
        """Open a bookmark (its id in the store) now, or once ``read`` (the library read for
        the first time) says its article may be there: it may be new in this library."""
        bookmark = self.store.get(bookmark_id) if self.store is not None else None
        if bookmark is None:
            return
        if read is None or self.catalog.article(bookmark.article_id) is not None:
            self.open_bookmark(bookmark)
            return

        def once() -> None:
            read.disconnect(once)
            self.open_bookmark(bookmark)

        read.connect(once)

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
        except bookmark_core.StoreError as err:
            self.statusMessage.emit(str(err))
            return None

    def update_star(self) -> None:
        self.starChanged.emit(self._bookmark_of(self.views.article_view.article) is not None)

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
            self.places.reload()
            self.model.set_libraries(self._library_labels())
            self.model.set_bookmarks(self.store.list(), self.store.excerpts())
            self.views.panel.set_tags(self.store.tags())
        except bookmark_core.StoreError as err:
            if user_data.is_damaged(err):
                self._failed(err)
            else:
                self.statusMessage.emit(str(err))
            return
        if self.views.article_view.article is not None:
            self.update_star()

    @Slot()
    def toggle_bookmark(self) -> None:
        article = self.views.article_view.article
        if self.store is None:
            self.update_star()
            QMessageBox.warning(self.parent_widget, self.tr("Bookmarks"), self.tr(
                "This article cannot be bookmarked: %1").replace("%1", self.message))
            return
        if article is None or self.store is None:
            self.update_star()
            return
        existing = self._bookmark_of(article)
        try:
            if existing is None:
                added = self.store.add(article)
                self.places.set(added.uid, self.catalog.root)
                self.statusMessage.emit(
                    self.tr("Bookmarked: %1").replace("%1", article.display_title))
            else:
                if existing.note and QMessageBox.question(
                        self.parent_widget, self.tr("Remove Bookmark"),
                        literal(self.tr("Remove the bookmark and its note?\n\n%1").replace(
                            "%1", existing.note))) != QMessageBox.StandardButton.Yes:
                    self.update_star()
                    return
                self.store.remove(existing.id)
                self.statusMessage.emit(self.tr("Bookmark removed."))
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)
        self.update_star()

    @Slot()
    def edit_bookmark(self, bookmark: Any = None) -> None:
        if self.store is None:
            return
        if not bookmark:
            panel = self.views.panel
            selected = panel.selected_bookmarks() \
                if self.views.tabs.currentWidget() is panel else []
            bookmark = selected[0] if selected else self._bookmark_of(
                self.views.article_view.article)
        if bookmark is None:
            return
        excerpt = user_data.is_excerpt(bookmark)
        dialog = BookmarkDialog(bookmark.title, bookmark.note, list(bookmark.tags),
                                list(self.store.tags()), self.parent_widget,
                                passage=bookmark.text if excerpt else "")
        if dialog.exec() != BookmarkDialog.DialogCode.Accepted:
            return
        note, tags = dialog.values()
        update = self.store.update_excerpt if excerpt else self.store.update
        try:
            update(bookmark.id, note=note, tags=tags)
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)

    @Slot()
    def save_excerpt(self) -> None:
        """Keep the passage selected in the article as an excerpt, with a note and tags."""
        view = self.views.article_view
        article = view.article
        span = view.selected_body_span()
        if article is None or span is None:
            self.statusMessage.emit(self.tr(
                "Select a passage of the article's text first, then save it as an excerpt."))
            return
        if self.store is None:
            QMessageBox.warning(self.parent_widget, self.tr("Excerpts"), self.tr(
                "This passage cannot be saved: %1").replace("%1", self.message))
            return
        passage = user_data.passage(article, *span)
        dialog = BookmarkDialog(article.display_title, "", [], list(self.store.tags()),
                                self.parent_widget, passage=passage.text)
        if dialog.exec() != BookmarkDialog.DialogCode.Accepted:
            return
        note, tags = dialog.values()
        try:
            kept = self.store.add_excerpt(article, passage, note=note, tags=tags)
        except bookmark_core.StoreError as err:
            self._failed(err)
            return
        self.places.set(kept.uid, self.catalog.root)
        self.statusMessage.emit(self.tr("Excerpt saved (%n character(s)) from %1", "",
                                        len(kept.text)).replace("%1", article.display_title))
        self.refresh(force=True)

    @Slot()
    def remove_bookmarks(self) -> None:
        chosen = self.views.panel.selected_bookmarks()
        if self.store is None or not chosen:
            return
        excerpts = [e for e in chosen if user_data.is_excerpt(e)]
        question = self.tr("Remove %n bookmark(s) with their notes?", "", len(chosen)) \
            if not excerpts else self.tr(
                "Remove %n selected bookmark(s) and excerpt(s) with their notes?", "",
                len(chosen))
        if QMessageBox.question(self.parent_widget, self.tr("Remove Bookmarks"), question) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            for bookmark in chosen:
                remove = self.store.remove_excerpt if user_data.is_excerpt(bookmark) \
                    else self.store.remove
                remove(bookmark.id)
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)

    def _library_labels(self) -> dict[str, str]:
        """uid → the name of the library a bookmark belongs to, for those of other libraries."""
        here = self.catalog.root
        return {uid: library_name(root) for uid, root in self.places.items()
                if not same_folder(root, here)}

    @Slot(object)
    def open_bookmark(self, bookmark: Any) -> None:
        """Open a bookmark's article in its own library (asking to switch when it is in
        another one)."""
        here = self.catalog.root
        place = self.places.get(bookmark.uid)
        if place is not None and not same_folder(place, here):
            self._offer_library(bookmark, place)
            return
        if user_data.is_excerpt(bookmark):
            self.open_excerpt(bookmark)
            return
        article = self.catalog.article(bookmark.article_id)
        if article is not None:
            self.places.set(bookmark.uid, here)
            self.openArticleRequested.emit(article.id)
            return
        # Not here under its id: made in another library (and not known where), or the id
        # changed (a better parser, a date set later): look in the other libraries by id,
        # then here for what it remembers.
        self.statusMessage.emit(self.tr("Looking for the bookmarked article…"))
        catalog = self.catalog
        others = [] if place is not None else [
            r for r in self.recent_libraries() if not same_folder(r, here)]

        def find(progress: Any, cancelled: Any) -> tuple[Path | None, Article | None]:
            elsewhere = library_holding(bookmark.article_id, others)
            if elsewhere is not None:
                return elsewhere, None
            return None, user_data.resolve(bookmark, catalog)

        self.runner.run(find, name="resolve",
                               finished=lambda found: self._on_bookmark_found(bookmark, found))

    @Slot()
    def follow_catalog(self) -> None:
        """Relink the bookmarks of this library whose article reads differently since the
        library's pages were read again (``bookmark_follow``)."""
        if self.store is not None:
            here = self.catalog.root
            store = self.store
            try:
                self.follower.look(lambda: [
                    b for b in store.list()
                    if (place := self.places.get(b.uid)) is None or same_folder(place, here)])
            except bookmark_core.StoreError as err:  # a shared archive out of reach
                self.statusMessage.emit(str(err))

    @Slot(object)
    def _relink(self, moved: list[tuple[Any, Article]]) -> None:
        if self.store is None or not moved:
            return
        try:
            for bookmark, article in moved:
                self.store.relink(bookmark.id, article)
        except bookmark_core.BookmarkNotFound:
            pass  # removed meanwhile (here or elsewhere): nothing to follow
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)
        self.update_star()

    def open_excerpt(self, excerpt: Any) -> None:
        """Open an excerpt's article with the passage marked and in view; look for it in
        the background when its article changed."""
        placed = user_data.quick_place(excerpt, self.catalog)
        if placed is not None:
            self._show_excerpt(excerpt, placed)
            return
        self.statusMessage.emit(self.tr("Looking for the excerpt…"))
        catalog = self.catalog
        self.runner.run(lambda progress, cancelled: user_data.place(excerpt, catalog),
                        name="place", finished=lambda found: self._show_excerpt(excerpt, found))

    def _show_excerpt(self, excerpt: Any, placed: Any) -> None:
        article = placed.article
        if article is None:
            QMessageBox.information(self.parent_widget, self.tr("Excerpt"), literal(self.tr(
                "The article of this excerpt can no longer be found in the library:\n%1\n\n"
                "The excerpt, its text and its note are kept.").replace("%1", excerpt.title)))
            return
        if article.id != excerpt.article_id and self.store is not None:
            try:
                self.store.relink_excerpt(excerpt.id, article)
            except bookmark_core.StoreError as err:
                self._failed(err)
        self.places.set(excerpt.uid, self.catalog.root)
        self.openArticleRequested.emit(article.id)
        if placed.span is None:
            self.statusMessage.emit(self.tr(
                "The passage of this excerpt is no longer in the article; the excerpt keeps "
                "its text: “%1”").replace("%1", excerpt.text))
        else:
            self.views.article_view.show_passage(placed.span.start, placed.span.end)
            if not placed.span.exact:
                self.statusMessage.emit(self.tr(
                    "The passage was found changed: the article was corrected since."))
        if article.id != excerpt.article_id:
            self.refresh(force=True)

    def _on_bookmark_found(self, bookmark: Any,
                           found: tuple[Path | None, Article | None]) -> None:
        elsewhere, article = found
        if elsewhere is not None:
            self.places.set(bookmark.uid, elsewhere)
            self.refresh(force=True)
            self._offer_library(bookmark, elsewhere)
            return
        self._on_bookmark_resolved(bookmark, article)

    def _offer_library(self, bookmark: Any, root: Path) -> None:
        """The bookmark belongs to the library at ``root``: open it there, or say where."""
        name = library_name(root)
        if not root.is_dir():
            QMessageBox.information(self.parent_widget, self.tr("Bookmark"), literal(self.tr(
                "“%1” was bookmarked in the library “%2” (%3), which cannot be found now. "
                "The bookmark and its note are kept.").replace("%1", bookmark.title)
                .replace("%2", name).replace("%3", str(root))))
            return
        answer = QMessageBox.question(self.parent_widget, self.tr("Bookmark in Another Library"),
                                      literal(self.tr("“%1” is in the library “%2” (%3).\n\n"
                                                      "Open that library?").replace(
                                          "%1", bookmark.title).replace("%2", name)
                                          .replace("%3", str(root))))
        if answer == QMessageBox.StandardButton.Yes:
            # The other window opens a bookmark by its id; an excerpt is opened there by hand.
            self.openLibraryRequested.emit(root, 0 if user_data.is_excerpt(bookmark)
                                           else bookmark.id)
        else:
            self.statusMessage.emit(self.tr("“%1” is in the library “%2” (%3).").replace(
                "%1", bookmark.title).replace("%2", name).replace("%3", str(root)))

    def _on_bookmark_resolved(self, bookmark: Any, article: Article | None) -> None:
        if article is None:
            QMessageBox.information(
                self.parent_widget, self.tr("Bookmark"), literal(self.tr(
                "The article of this bookmark can no longer be found in the library:\n%1\n\n"
                "The bookmark and its note are kept.").replace("%1", bookmark.title)))
            return
        if self.store is not None:
            try:
                self.store.relink(bookmark.id, article)
            except bookmark_core.StoreError as err:
                self._failed(err)
        self.places.set(bookmark.uid, self.catalog.root)
        self.openArticleRequested.emit(article.id)
        self.refresh(force=True)

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
        scopes: Scopes = {}
        article = self.views.article_view.article
        if article is not None:
            scopes["article"] = (self.tr("The open article: %1").replace(
                "%1", article.display_title), lambda: [article])
            selected = user_data.selection_item(
                article, self.views.article_view.textCursor().selectedText())
            if selected is not None:  # a quotation, as excerpts and Copy with Citation give
                scopes["text"] = (self.tr("The selected text (%n character(s))", "",
                                          selected[2]), lambda: [selected[:2]])
        current = self.views.tabs.currentWidget()
        if current is self.views.panel:
            chosen = self.views.panel.selected_bookmarks()
            if chosen:
                scopes["selection"] = (
                    self.tr("The %n selected bookmark(s)", "", len(chosen)),
                    lambda: user_data.kept_items(chosen, catalog))
        else:
            views = self.views
            view = views.results if current is views.results else views.issue_view
            ids = view.selected_article_ids()
            if ids:
                scopes["selection"] = (
                    self.tr("The %n selected article(s)", "", len(ids)),
                    lambda: [catalog.article(i) for i in ids])
        if self.model.rowCount():
            marks = [b for r in range(self.model.rowCount())
                     if (b := self.model.bookmark(r)) is not None]
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
