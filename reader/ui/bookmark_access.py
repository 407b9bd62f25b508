"""The bookmark store as the window holds it, shared by the bookmark, excerpt and opening
controllers.

Three states: usable (``store`` is open), unusable (``store`` is None and ``message`` says
why: a folder that cannot be written, a newer schema) and damaged (``error`` is the store's
``DamagedStoreError``, with the file and its backup). The controllers that write report
what they wrote (``wrote``) and what failed (``fail``); the bookmarks controller, which
owns the list and the notices, answers both.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from .. import bookmarks as bookmark_core
from ..backend import LibraryBookmarks
from . import user_data


class BookmarkAccess(QObject):
    """The open store (or why there is none); says by signals when it was written or failed."""

    written = Signal()  # something was saved: the list should be read again
    failed = Signal(object)  # an operation failed (the error, a StoreError or OSError)

    def __init__(self, open_store: Callable[[], LibraryBookmarks],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_store = open_store  # the library's door to the bookmark store
        self.store: LibraryBookmarks | None = None
        self.message = ""
        self.error: bookmark_core.StoreError | Exception | None = None
        self.reopen()

    def reopen(self) -> bool:
        """Open the store (again, after a restore); whether it can be used."""
        self.store, self.message, self.error = user_data.open_store(self.open_store)
        return self.store is not None

    def lose(self, err: Exception) -> None:
        """The store turned out damaged while open: close it, keep why."""
        self.close()
        self.error, self.message = err, str(err)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def wrote(self) -> None:
        self.written.emit()

    def fail(self, err: Exception) -> None:
        self.failed.emit(err)
