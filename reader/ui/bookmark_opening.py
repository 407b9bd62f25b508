"""Opening a bookmark or an excerpt in the library it was made in.

Bookmarks of every library are listed; each opens in its own library (``bookmark_places``).
One of another library says which library holds it and asks to open that library, where
it is then opened; when that folder cannot be found it says where it was and how to open it
once it is back. One not found here under its id is looked for in the other libraries read
before, then here by what it remembers (a better parser, a date set later), and relinked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import bookmarks as bookmark_core
from ..bookmarks import Bookmark, Excerpt
from ..corpus.catalog import Catalog
from ..corpus.model import Article
from . import user_data
from .bookmark_access import BookmarkAccess
from .bookmark_places import BookmarkPlaces, library_holding
from .excerpts_controller import ExcerptsController
from .library_controller import library_name, same_folder
from .plain import literal
from .workers import TaskRunner


class BookmarkOpener(QObject):
    """Opens bookmarks and excerpts here, or asks for the library that holds them."""

    statusMessage = Signal(str)
    openArticleRequested = Signal(str)
    # A library's folder, and what to open there: a bookmark's id, an excerpt's id (or 0).
    openLibraryRequested = Signal(object, int, int)

    def __init__(self, catalog: Catalog, runner: TaskRunner, access: BookmarkAccess,
                 places: BookmarkPlaces, excerpts: ExcerptsController,
                 recent_libraries: Callable[[], list[Path]], parent: QWidget) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self.access = access
        self.places = places
        self.excerpts = excerpts
        self.recent_libraries = recent_libraries
        self.parent_widget = parent
        excerpts.foundElsewhere.connect(self._found_elsewhere)

    def open_when_read(self, entry_id: int, read: SignalInstance | None,
                       excerpt: bool = False) -> None:
        """Open a bookmark (or an excerpt: its id in the store) now, or once ``read`` (the
        library read for the first time) says its article may be there: it may be new in
        this library."""
        store = self.access.store
        entry: Bookmark | Excerpt | None = None if store is None else next(
            (e for e in store.excerpts() if e.id == entry_id), None) if excerpt \
            else store.get(entry_id)
        if entry is None:
            return
        if read is None or self.catalog.article(entry.article_id) is not None:
            self.open_bookmark(entry)
            return

        def once() -> None:
            read.disconnect(once)
            self.open_bookmark(entry)

        read.connect(once)

    @Slot(object)
    def open_bookmark(self, bookmark: Bookmark | Excerpt) -> None:
        """Open a bookmark's (or an excerpt's) article in its own library, asking to switch
        when it is in another one."""
        here = self.catalog.root
        place = self.places.get(bookmark.uid)
        if place is not None and not same_folder(place, here):
            self._offer_library(bookmark, place)
            return
        others = self._others if place is None else list
        if isinstance(bookmark, Excerpt):
            self.excerpts.open_excerpt(bookmark, others)
            return
        article = self.catalog.article(bookmark.article_id)
        if article is not None:
            self.places.set(bookmark.uid, here)
            self.openArticleRequested.emit(article.id)
            return
        self.statusMessage.emit(self.tr("Looking for the bookmarked article…"))
        catalog = self.catalog
        elsewhere_roots = others()

        def find(progress: Any, cancelled: Any) -> tuple[Path | None, Article | None]:
            elsewhere = library_holding(bookmark.article_id, elsewhere_roots)
            if elsewhere is not None:
                return elsewhere, None
            return None, user_data.resolve(bookmark, catalog)

        self.runner.run(find, name="resolve",
                        finished=lambda found: self._on_found(bookmark, found))

    def _others(self) -> list[Path]:
        here = self.catalog.root
        return [r for r in self.recent_libraries() if not same_folder(r, here)]

    def _on_found(self, bookmark: Bookmark, found: tuple[Path | None, Article | None]) -> None:
        elsewhere, article = found
        if elsewhere is not None:
            self._found_elsewhere(bookmark, elsewhere)
            return
        if article is None:
            QMessageBox.information(
                self.parent_widget, self.tr("Bookmark"), literal(self.tr(
                    "The article of this bookmark can no longer be found in the library:\n%1"
                    "\n\nThe bookmark and its note are kept.").replace("%1", bookmark.title)))
            return
        store = self.access.store
        if store is not None:
            try:
                store.relink(bookmark.id, article)
            except bookmark_core.StoreError as err:
                self.access.fail(err)
        self.places.set(bookmark.uid, self.catalog.root)
        self.openArticleRequested.emit(article.id)
        self.access.wrote()

    @Slot(object, object)
    def _found_elsewhere(self, entry: Bookmark | Excerpt, root: Path) -> None:
        self.places.set(entry.uid, root)
        self.access.wrote()  # the list names its library now
        self._offer_library(entry, root)

    def _offer_library(self, entry: Bookmark | Excerpt, root: Path) -> None:
        """The bookmark or excerpt belongs to the library at ``root``: open it there, or say
        which library it is and how to open it."""
        name = library_name(root)
        excerpt = user_data.is_excerpt(entry)
        if not root.is_dir():
            text = self.tr(
                "The excerpt “%1” was kept in the library “%2” (%3), which cannot be found "
                "now. The excerpt, its text and its note are kept; open that library with "
                "File → Open Library Folder… (Ctrl+O) once its folder is back.") \
                if excerpt else self.tr(
                "“%1” was bookmarked in the library “%2” (%3), which cannot be found now. "
                "The bookmark and its note are kept; open that library with File → Open "
                "Library Folder… (Ctrl+O) once its folder is back.")
            QMessageBox.information(
                self.parent_widget, self.tr("Excerpt") if excerpt else self.tr("Bookmark"),
                literal(text.replace("%1", entry.title).replace("%2", name)
                        .replace("%3", str(root))))
            return
        question = self.tr("The excerpt “%1” is in the library “%2” (%3), not in the one "
                           "open here.\n\nOpen that library?") if excerpt else self.tr(
            "“%1” is in the library “%2” (%3).\n\nOpen that library?")
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Excerpt in Another Library") if excerpt
            else self.tr("Bookmark in Another Library"),
            literal(question.replace("%1", entry.title).replace("%2", name)
                    .replace("%3", str(root))))
        if answer == QMessageBox.StandardButton.Yes:
            self.openLibraryRequested.emit(root, 0 if excerpt else entry.id,
                                           entry.id if excerpt else 0)
        else:
            self.statusMessage.emit(self.tr(
                "“%1” is in the library “%2” (%3): open it with File → Open Library Folder… "
                "(Ctrl+O).")
                .replace("%1", entry.title).replace("%2", name).replace("%3", str(root)))
