"""The window on a shared archive (``reader.backend.server``): the connection's state, the
bar that says it was lost, reconnecting, and the actions that mean nothing there.

``ArchiveLink`` is widget-free: it hears the archive (``Archive.watch``, from whichever
thread noticed) and moves between ``CONNECTED`` and ``LOST``; while lost it tries again in
the background with a growing pause (1 s, 2 s, 4 s … up to 30 s), and any action of the
reader that reaches the server tries too. What is on screen stays as it is meanwhile: the
pages already read stay readable from the catalog's cache, and a write that could not be
made raises (the bookmark is not shown as saved).

``SharedArchiveStatus`` shows it: a bar above the panes while the connection is lost, a
line in the status bar when it is back, and the actions of a library folder (reading it
again, adding pages, corrections, dates in sidecars) disabled.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction

from .workers import TaskRunner

log = logging.getLogger("reader.ui")

NOTICE = "archive-connection"
FIRST_PAUSE_MS = 1000
LONGEST_PAUSE_MS = 30_000


class LinkState(enum.Enum):
    CONNECTED = "connected"
    LOST = "lost"


class ArchiveLink(QObject):
    """The connection to the archive as the window sees it, and reconnecting."""

    lost = Signal(str)  # why (the archive's message)
    restored = Signal()
    _heard = Signal(object)  # from any thread: the message, or None when reached again

    def __init__(self, archive: Any, runner: TaskRunner, parent: QObject | None = None,
                 first_pause_ms: int = FIRST_PAUSE_MS) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.state = LinkState.LOST if archive.lost else LinkState.CONNECTED
        self.first_pause_ms = first_pause_ms
        self.pause_ms = first_pause_ms
        self.message = archive.lost or ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._try_again)
        self._heard.connect(self._on_heard)  # queued when heard on another thread
        archive.watch(self._heard.emit)

    @Slot(object)
    def _on_heard(self, message: str | None) -> None:
        if message is not None:
            self.message = message
            if self.state is LinkState.CONNECTED:
                self.state = LinkState.LOST
                self.pause_ms = self.first_pause_ms
                log.warning("%s", message)
                self.lost.emit(message)
                self._timer.start(self.pause_ms)
            return
        if self.state is LinkState.LOST:
            self.state = LinkState.CONNECTED
            self._timer.stop()
            log.info("connected again to %s", self.archive.shown)
            self.restored.emit()

    @Slot()
    def _try_again(self) -> None:
        if self.state is not LinkState.LOST:
            return
        archive = self.archive

        def probe(_progress: Any, _cancelled: Any) -> bool:
            return bool(archive.probe())

        self.runner.run(probe, name="reconnect", finished=self._probed)

    def _probed(self, answered: bool) -> None:
        if answered or self.state is not LinkState.LOST:
            return  # the archive's listener says it is back
        self.pause_ms = min(self.pause_ms * 2, LONGEST_PAUSE_MS)
        self._timer.start(self.pause_ms)

    def stop(self) -> None:
        self._timer.stop()


class SharedArchiveStatus(QObject):
    """Says what happens to the connection, and disables what means nothing on a shared
    archive."""

    def __init__(self, link: ArchiveLink, show_notice: Callable[..., Any],
                 close_notice: Callable[[str], None], show_status: Callable[[str], None],
                 folder_actions: Iterable[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self._show_notice, self._close_notice = show_notice, close_notice
        self._show_status = show_status
        for action in folder_actions:
            action.setEnabled(False)
            action.setToolTip(self.tr("A shared archive is brought up to date by its "
                                      "administrator's import."))
        link.lost.connect(self._on_lost)
        link.restored.connect(self._on_restored)
        if link.state is LinkState.LOST:
            self._on_lost(link.message)

    @Slot(str)
    def _on_lost(self, message: str) -> None:
        self._show_notice(NOTICE, self.tr(
            "The connection to the shared archive %1 was lost. What is on screen stays; "
            "nothing is saved until it is back. Reconnecting…").replace(
                "%1", self.link.archive.shown) + "\n" + message, "warning")

    @Slot()
    def _on_restored(self) -> None:
        self._close_notice(NOTICE)
        self._show_status(self.tr("Connected again to the shared archive %1.").replace(
            "%1", self.link.archive.shown))
