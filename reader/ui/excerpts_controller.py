"""Excerpts in the window: Save Excerpt from the article view, and opening one.

An excerpt is the passage selected in the article view (its body only), kept with a note and
tags; opened, its article is shown with the passage marked and in view. When its article
changed (a correction, a new parser), it is looked for in the background and relinked; one
that cannot be found here is looked for in the other libraries read before (its library
then asked to open), and one found nowhere says so and keeps its text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import bookmarks as bookmark_core
from ..bookmarks import Excerpt, Placed
from ..corpus.catalog import Catalog
from . import user_data
from .bookmark_access import BookmarkAccess
from .bookmark_places import BookmarkPlaces, library_holding
from .dialogs.bookmark_dialog import BookmarkDialog
from .plain import literal
from .views.article_view import ArticleView
from .workers import TaskRunner


class ExcerptsController(QObject):
    """Saves the selected passage as an excerpt; opens an excerpt at its passage."""

    statusMessage = Signal(str)
    openArticleRequested = Signal(str)
    foundElsewhere = Signal(object, object)  # the excerpt, the folder of the library holding it

    def __init__(self, catalog: Catalog, runner: TaskRunner, access: BookmarkAccess,
                 places: BookmarkPlaces, article_view: ArticleView, parent: QWidget) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self.access = access
        self.places = places
        self.article_view = article_view
        self.parent_widget = parent

    @Slot()
    def save_excerpt(self) -> None:
        """Keep the passage selected in the article as an excerpt, with a note and tags."""
        view = self.article_view
        article = view.article
        span = view.selected_body_span()
        if article is None or span is None:
            self.statusMessage.emit(self.tr(
                "Select a passage of the article's text first, then save it as an excerpt."))
            return
        store = self.access.store
        if store is None:
            QMessageBox.warning(self.parent_widget, self.tr("Excerpts"), self.tr(
                "This passage cannot be saved: %1").replace("%1", self.access.message))
            return
        passage = user_data.passage(article, *span)
        try:
            known_tags = list(store.tags())
        except bookmark_core.StoreError as err:  # a shared archive out of reach
            self.access.fail(err)
            return
        dialog = BookmarkDialog(article.display_title, "", [], known_tags,
                                self.parent_widget, passage=passage.text)
        if dialog.exec() != BookmarkDialog.DialogCode.Accepted:
            return
        note, tags = dialog.values()
        try:
            kept = store.add_excerpt(article, passage, note=note, tags=tags)
        except bookmark_core.StoreError as err:
            self.access.fail(err)
            return
        self.places.set(kept.uid, self.catalog.root)
        self.statusMessage.emit(self.tr("Excerpt saved (%n character(s)) from %1", "",
                                        len(kept.text)).replace("%1", article.display_title))
        self.access.wrote()

    def open_excerpt(self, excerpt: Excerpt,
                     others: Callable[[], list[Path]] = list) -> None:
        """Open an excerpt's article with the passage marked and in view; look for it in
        the background when its article changed, then in ``others`` (library folders)."""
        placed = user_data.quick_place(excerpt, self.catalog)
        if placed is not None:
            self._show_excerpt(excerpt, (None, placed))
            return
        self.statusMessage.emit(self.tr("Looking for the excerpt…"))
        catalog = self.catalog
        elsewhere = others()

        def find(progress: Any, cancelled: Any) -> tuple[Path | None, Placed]:
            placed = user_data.place(excerpt, catalog)
            if placed.article is None and elsewhere:
                return library_holding(excerpt.article_id, elsewhere), placed
            return None, placed

        self.runner.run(find, name="place",
                        finished=lambda found: self._show_excerpt(excerpt, found))

    def _show_excerpt(self, excerpt: Excerpt, found: tuple[Path | None, Placed]) -> None:
        elsewhere, placed = found
        if elsewhere is not None:
            self.foundElsewhere.emit(excerpt, elsewhere)
            return
        article = placed.article
        if article is None:
            QMessageBox.information(self.parent_widget, self.tr("Excerpt"), literal(self.tr(
                "The article of this excerpt can no longer be found in the library:\n%1\n\n"
                "The excerpt, its text and its note are kept.").replace("%1", excerpt.title)))
            return
        store = self.access.store
        if article.id != excerpt.article_id and store is not None:
            try:
                store.relink_excerpt(excerpt.id, article)
            except bookmark_core.StoreError as err:
                self.access.fail(err)
        self.places.set(excerpt.uid, self.catalog.root)
        self.openArticleRequested.emit(article.id)
        if placed.span is None:
            self.statusMessage.emit(self.tr(
                "The passage of this excerpt is no longer in the article; the excerpt keeps "
                "its text: “%1”").replace("%1", excerpt.text))
        else:
            self.article_view.show_passage(placed.span.start, placed.span.end)
            if not placed.span.exact:
                self.statusMessage.emit(self.tr(
                    "The passage was found changed: the article was corrected since."))
        if article.id != excerpt.article_id:
            self.access.wrote()
