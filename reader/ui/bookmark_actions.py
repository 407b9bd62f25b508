"""The bookmark actions kept in step with the store and the open article.

The star (Bookmark This Article) shows whether the open article is bookmarked and stays
enabled when the store cannot be used, so that pressing it says why and where; Edit Note and
Remove are enabled only when there is something they can change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from .actions import WindowActions
from .bookmarks_controller import BookmarksController


class BookmarkActions(QObject):
    """Checks the star and enables Edit Note and Remove as the bookmarks controller says."""

    def __init__(self, actions: WindowActions, bookmarks: BookmarksController,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        for action in (actions.edit_bookmark_action, actions.remove_bookmarks_action):
            action.setEnabled(bookmarks.store is not None)
        bookmarks.starChanged.connect(self._show_star)
        bookmarks.storeRestored.connect(self._usable)

    @Slot(bool)
    def _show_star(self, marked: bool) -> None:
        a = self.actions
        a.bookmark_action.setChecked(marked)
        a.bookmark_action.setIconText("★" if marked else "☆")
        a.edit_bookmark_action.setEnabled(marked)

    @Slot()
    def _usable(self) -> None:
        for action in (self.actions.edit_bookmark_action, self.actions.remove_bookmarks_action):
            action.setEnabled(True)
