"""A bookmark store that cannot be used, explained, and the two ways out of a damaged one.

A folder that cannot be written (or a full disk) is said above the panes, with its place; a
damaged bookmark file is announced with "Restore from Backup" and "Export What Can Be
Read…". The damaged file itself is never overwritten: a restore keeps it aside, an export
reads it only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import bookmarks as bookmark_core
from . import user_data
from .bookmark_access import BookmarkAccess
from .views.bookmarks_panel import BookmarksPanel

NOTICE = "bookmarks"


class BookmarkRescue(QObject):
    """Says why there are no bookmarks, and restores or rescues a damaged file."""

    statusMessage = Signal(str)
    noticeRequested = Signal(str, str, str, object)  # key, text, kind, ((label, slot), …)
    restored = Signal()  # the backup is in place and the store usable again

    def __init__(self, access: BookmarkAccess, panel: BookmarksPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.access = access
        self.panel = panel
        self.parent_widget = parent  # of the dialogs and message boxes

    def report_unusable(self) -> None:
        """Say above the panes why there are no bookmarks, and what can be done."""
        err = self.access.error
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
            self.panel.show_unavailable(text)
            return
        text = self.tr("Bookmarks cannot be saved: %1. Reading works as usual; bookmarking is "
                       "off until that folder can be written (then start the reader "
                       "again).").replace("%1", self.access.message)
        self.noticeRequested.emit(NOTICE, text, "warning", ())
        self.panel.show_unavailable(text)

    @Slot()
    def restore_backup(self) -> bool:
        """Put the last good backup in place of the damaged file (which is kept aside)."""
        err = self.access.error
        lib = bookmark_core
        if not user_data.is_damaged(err):
            return False
        try:
            aside = lib.restore_backup(err.path)
        except (lib.StoreError, OSError) as problem:
            QMessageBox.warning(self.parent_widget, self.tr("Restore from Backup"), self.tr(
                "The backup could not be restored: %1").replace("%1", str(problem)))
            return False
        if not self.access.reopen():
            self.report_unusable()
            return False
        self.panel.message.hide()
        self.noticeRequested.emit(NOTICE, self.tr(
            "The bookmarks were restored from the backup of their last good state. The "
            "damaged file was kept as %1.").replace("%1", str(aside)), "info", ())
        self.restored.emit()
        return True

    @Slot()
    def export_readable(self) -> Path | None:
        """Save what can still be read from the damaged file as bookmarks JSON."""
        err = self.access.error
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
