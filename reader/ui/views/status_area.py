"""The window's news: message bars above the panes (one per key; a new one under a key
replaces the old), and in the status bar the status line, progress with its Cancel button,
and the button that lists the files that could not be read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QToolButton, QVBoxLayout

from ..plain import plain_label
from .message_bar import MessageBar


class StatusArea(QObject):
    """The message bars in ``notices`` and the widgets of ``window``'s status bar."""

    def __init__(self, window: QMainWindow, notices: QVBoxLayout) -> None:
        super().__init__(window)
        self.window = window
        self.notices = notices
        self._bars: dict[str, MessageBar] = {}
        self.status_text = plain_label(QLabel(window))
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(window)
        self.cancel_button.setText(QCoreApplication.translate("MainWindow", "Cancel"))
        self.cancel_button.hide()
        self.problems_button = QToolButton(window)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolTip(QCoreApplication.translate(
            "MainWindow", "Show the files that could not be read"))
        self.problems_button.hide()
        bar = window.statusBar()
        bar.addWidget(self.status_text, 1)
        bar.addPermanentWidget(self.problems_button)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def show_status(self, text: str) -> None:
        self.status_text.setText(text)

    def show_notice(self, key: str, text: str, kind: str = "info",
                    buttons: tuple[tuple[str, Callable[..., Any]], ...] = ()) -> MessageBar:
        """Show a message above the panes (replacing the one under the same key)."""
        self.close_notice(key)
        bar = MessageBar(key, text, kind, self.window)
        for label, slot in buttons:
            bar.add_button(label, slot)
        bar.closed.connect(lambda k: self._bars.pop(k, None))
        self._bars[key] = bar
        self.notices.addWidget(bar)
        return bar

    def notice(self, key: str) -> MessageBar | None:
        return self._bars.get(key)

    def notices_shown(self) -> list[MessageBar]:
        return list(self._bars.values())

    def close_notice(self, key: str) -> None:
        old = self._bars.pop(key, None)
        if old is not None:
            old.hide()
            old.deleteLater()

    def show_progress(self, text: str, done: int, total: int) -> None:
        self.status_text.setText(text)
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()

    def hide_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
