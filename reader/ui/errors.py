"""Unexpected exceptions in the window: logged with their traceback, shown as a sentence.

``ErrorReporter.install()`` replaces ``sys.excepthook`` and ``threading.excepthook``. PySide
hands an exception raised in a slot (or a virtual method, or a timer's callback) to
``sys.excepthook`` and then carries on with the event loop, so the program keeps running;
the hook writes the traceback to the log file (``reader.logsetup.log_path()``) and shows a
dialog with a plain message and the log's path. The dialog is opened from the event loop
(a queued signal), never inside the failing slot, and only one is open at a time: errors
that follow while it is open are counted in it.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..logsetup import log_path, setup_logging

log = logging.getLogger("reader.ui")


def plain_message(exc: BaseException) -> str:
    """``ZeroDivisionError: division by zero`` (the type alone when it has no message)."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class ErrorReporter(QObject):
    """Logs unexpected exceptions and tells the user about them in a dialog."""

    _report = Signal(str)
    shown = Signal(object)  # the dialog, when one opens (for tests)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self.count = 0
        self.log_file = setup_logging()
        self._previous = (sys.excepthook, threading.excepthook)
        # Queued even on the GUI thread: the dialog opens after the failing slot returned.
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = self.thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def hook(self, exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            QApplication.quit()
            return
        if getattr(exc, "shown_by_window", False):  # a shared archive out of reach: its bar
            log.warning("%s", exc)                      # says so already (shared_archive.py)
            return
        log.error("unexpected error in the window", exc_info=(exc_type, exc, tb))
        if self.log_file is None:  # no log file: the terminal is the only record
            sys.__excepthook__(exc_type, exc, tb)
        else:
            print(f"reader: unexpected error: {plain_message(exc)} (details in "
                  f"{self.log_file})", file=sys.stderr)
        self._report.emit(plain_message(exc))

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, message: str) -> None:
        self.count += 1
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.setText(self._text(message, self.count))
            return
        self.count = 1
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Something Went Wrong"),
                          self._text(message, 1), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("errorDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)  # an error may quote a page
        if self.log_file is not None:
            box.setInformativeText(self.tr(
                "The reader keeps running. If something looks wrong, restart it.\n\n"
                "The details were written to the log file:\n%1").replace(
                "%1", str(self.log_file)))
            folder = box.addButton(self.tr("Open the Log Folder"),
                                   QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(log_path().parent))))
        else:
            box.setInformativeText(self.tr(
                "The reader keeps running. If something looks wrong, restart it.\n\n"
                "No log file could be written in %1; the details were printed on the "
                "terminal.").replace("%1", str(log_path().parent)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_dialog)
        self.dialog = box
        box.open()
        self.shown.emit(box)

    def _text(self, message: str, count: int) -> str:
        text = self.tr("An unexpected error occurred: %1").replace("%1", message)
        if count > 1:
            text += "\n" + self.tr("(%n error(s) so far)", "", count)
        return text

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None
