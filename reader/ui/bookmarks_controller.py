"""Bookmarks in the window: the star, Edit Note, Remove, the list kept up to date.

Kept apart from ``mainwindow`` so that the window arranges and wires while this speaks to the
bookmark store (through ``user_data``). It owns the store (``bookmark_access``), the list's
model and the helpers beside it: ``bookmark_rescue`` (a store that cannot be used, a damaged
file), ``excerpts_controller`` (Save Excerpt, opening an excerpt) and ``bookmark_opening``
(opening in the library a bookmark was made in). The store is polled for changes made by
another window or the command line, and bookmarks follow their article when the library's
pages are read again (``bookmark_follow``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from .. import bookmarks as bookmark_core
from ..backend import LibraryBookmarks
from ..corpus.catalog import Catalog
from ..corpus.model import Article
from . import user_data
from .bookmark_access import BookmarkAccess
from .bookmark_follow import BookmarkFollower
from .bookmark_opening import BookmarkOpener
from .bookmark_places import BookmarkPlaces
from .bookmark_rescue import BookmarkRescue
from .dialogs.bookmark_dialog import BookmarkDialog
from .excerpts_controller import ExcerptsController
from .library_controller import library_name, same_folder
from .models.bookmarks import BookmarkModel
from .plain import literal
from .views.article_view import ArticleView
from .views.bookmarks_panel import BookmarksPanel
from .workers import TaskRunner

POLL_MS = 2000


@dataclass(frozen=True)
class BookmarkViews:
    """What the bookmark actions read of the window: the article shown and its selection,
    the bookmarks panel and the pane in front."""

    article_view: ArticleView
    panel: BookmarksPanel
    tabs: QTabWidget


class BookmarksController(QObject):
    """Owns the bookmark store and model; answers the bookmark actions. It speaks to the
    window by signals (status, notices, articles and libraries to open)."""

    statusMessage = Signal(str)
    noticeRequested = Signal(str, str, str, object)  # key, text, kind, ((label, slot), …)
    openArticleRequested = Signal(str)
    # A library's folder, and what to open there: a bookmark's id, an excerpt's id (or 0).
    openLibraryRequested = Signal(object, int, int)
    starChanged = Signal(bool)  # the open article is bookmarked
    storeRestored = Signal()  # a damaged store was replaced by its backup: usable again

    def __init__(self, catalog: Catalog, runner: TaskRunner, model: BookmarkModel,
                 views: BookmarkViews, recent_libraries: Callable[[], list[Path]],
                 parent: QWidget,
                 open_store: Callable[[], LibraryBookmarks] = (
                     bookmark_core.BookmarkStore.open)) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # of the dialogs and message boxes
        self.catalog = catalog
        self.views = views
        self.access = BookmarkAccess(open_store, self)
        self.access.written.connect(lambda: self.refresh(force=True))
        self.access.failed.connect(self._failed)
        self.model = model
        self.places = BookmarkPlaces()
        self._store_version = -1
        self.rescue = BookmarkRescue(self.access, views.panel, parent)
        self.rescue.restored.connect(self._restored)
        self.excerpts = ExcerptsController(catalog, runner, self.access, self.places,
                                           views.article_view, parent)
        self.opener = BookmarkOpener(catalog, runner, self.access, self.places, self.excerpts,
                                     recent_libraries, parent)
        for child in (self.rescue, self.excerpts, self.opener):
            child.statusMessage.connect(self.statusMessage)
        self.rescue.noticeRequested.connect(self.noticeRequested)
        for child in (self.excerpts, self.opener):
            child.openArticleRequested.connect(self.openArticleRequested)
        self.opener.openLibraryRequested.connect(self.openLibraryRequested)
        # Another window or the command line may change the bookmarks: look now and then.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.timeout.connect(self.follow_catalog)
        self.follower = BookmarkFollower(catalog, runner, self)
        self.follower.moved.connect(self._relink)

    @property
    def store(self) -> LibraryBookmarks | None:
        """The open store, None when it cannot be used (``access.message`` says why)."""
        return self.access.store

    def start(self) -> None:
        self.refresh()
        if self.store is not None:
            self._poll.start()
        else:
            self.rescue.report_unusable()

    def shutdown(self) -> None:
        self._poll.stop()
        self.access.close()

    def _failed(self, err: Exception) -> None:
        """A store operation failed: a damaged file turns bookmarks off (and says so); any
        other error (a full disk, a read-only folder) is said as it is, with its place."""
        if user_data.is_damaged(err) and self.store is not None:
            self.access.lose(err)
            self._poll.stop()
            self.model.set_bookmarks([])
            self.rescue.report_unusable()
            return
        QMessageBox.warning(self.parent_widget, self.tr("Bookmarks"), self.tr(
            "The bookmarks could not be saved: %1").replace("%1", str(err)))

    @Slot()
    def _restored(self) -> None:
        self.storeRestored.emit()
        self._poll.start()
        self.refresh(force=True)

    def open_when_read(self, entry_id: int, read: SignalInstance | None,
                       excerpt: bool = False) -> None:
        """Open a bookmark or an excerpt (its id) once this library may hold it."""
        self.opener.open_when_read(entry_id, read, excerpt)

    @Slot(object)
    def open_bookmark(self, bookmark: bookmark_core.Bookmark | bookmark_core.Excerpt) -> None:
        """Open a bookmark or an excerpt in its own library (``bookmark_opening``)."""
        self.opener.open_bookmark(bookmark)

    def _bookmark_of(self, article: Article | None) -> bookmark_core.Bookmark | None:
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

    def _library_labels(self) -> dict[str, str]:
        """uid → the name of the library a bookmark belongs to, for those of other libraries."""
        here = self.catalog.root
        return {uid: library_name(root) for uid, root in self.places.items()
                if not same_folder(root, here)}

    @Slot()
    def toggle_bookmark(self) -> None:
        article = self.views.article_view.article
        store = self.store
        if store is None:
            self.update_star()
            QMessageBox.warning(self.parent_widget, self.tr("Bookmarks"), self.tr(
                "This article cannot be bookmarked: %1").replace("%1", self.access.message))
            return
        if article is None:
            self.update_star()
            return
        existing = self._bookmark_of(article)
        try:
            if existing is None:
                added = store.add(article)
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
                store.remove(existing.id)
                self.statusMessage.emit(self.tr("Bookmark removed."))
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)
        self.update_star()

    @Slot()
    def edit_bookmark(self, bookmark: Any = None) -> None:
        store = self.store
        if store is None:
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
                                list(store.tags()), self.parent_widget,
                                passage=bookmark.text if excerpt else "")
        if dialog.exec() != BookmarkDialog.DialogCode.Accepted:
            return
        note, tags = dialog.values()
        update = store.update_excerpt if excerpt else store.update
        try:
            update(bookmark.id, note=note, tags=tags)
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)

    @Slot()
    def remove_bookmarks(self) -> None:
        chosen = self.views.panel.selected_bookmarks()
        store = self.store
        if store is None or not chosen:
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
                remove = store.remove_excerpt if user_data.is_excerpt(bookmark) \
                    else store.remove
                remove(bookmark.id)
        except bookmark_core.StoreError as err:
            self._failed(err)
        self.refresh(force=True)

    @Slot()
    def follow_catalog(self) -> None:
        """Relink the bookmarks of this library whose article reads differently since the
        library's pages were read again (``bookmark_follow``)."""
        store = self.store
        if store is not None:
            here = self.catalog.root
            try:
                self.follower.look(lambda: [
                    b for b in store.list()
                    if (place := self.places.get(b.uid)) is None or same_folder(place, here)])
            except bookmark_core.StoreError as err:  # a shared archive out of reach
                self.statusMessage.emit(str(err))

    @Slot(object)
    def _relink(self, moved: list[tuple[bookmark_core.Bookmark, Article]]) -> None:
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
