"""Work a window starts once it has been painted the first time.

The first look at the library folder and the index's check run in background threads, but
they hold the interpreter's lock for tenths of a second on a large library: started before
the first paint, they share those tenths with it, and the window shows later. So they wait
for the window's first paint event (or ``WAIT_MS``, for a window that is not shown, or whose
platform paints nothing), in the order they were asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

WAIT_MS = 300
"""Start anyway this long after being asked, painted or not."""


class _FirstPaint(QObject):
    """Runs the callbacks of one window after its first paint (or ``WAIT_MS``), once."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.callbacks: list[Callable[[], None]] = []
        self.done = False
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WAIT_MS)
        self.timer.timeout.connect(self._run)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self._run)  # after this paint is on the screen
        return super().eventFilter(watched, event)

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.timer.stop()
        self.window.removeEventFilter(self)
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``window`` has been painted (at once if it was already)."""
    waiting = window.findChild(_FirstPaint, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if waiting is None:
        waiting = _FirstPaint(window)
    if waiting.done:
        QTimer.singleShot(0, callback)
        return
    waiting.callbacks.append(callback)
