"""Page files dropped on the window, or on one of its text fields (where Qt would paste the
path into the field): pages to add, said by ``pathsDropped``; other drops go on as usual.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

DROP_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class PageDrops(QObject):
    """Takes the drops of local files on ``window`` and on ``fields``."""

    pathsDropped = Signal(list)  # [Path]

    def __init__(self, window: QWidget, fields: list[QWidget]) -> None:
        super().__init__(window)
        window.setAcceptDrops(True)
        for widget in (window, *fields):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in DROP_EVENTS or not isinstance(event, QDropEvent):
            return super().eventFilter(watched, event)
        paths = dropped_paths(event)  # QDragEnterEvent and QDragMoveEvent are QDropEvents
        if not paths:
            return super().eventFilter(watched, event)
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.pathsDropped.emit(paths)
        return True
