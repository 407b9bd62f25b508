"""A message across the top of the window: a sentence, a few buttons, and × to close it.

For news that must not interrupt reading (a settings file set aside, how to open one's own
archive, a damaged bookmark file with what can be done about it). Each bar has a key; showing
a message under a key that is shown already replaces the old one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

COLORS = {"info": "#3d7cc9", "warning": "#d08a00", "error": "#c0392b"}


class MessageBar(QFrame):
    """One message: its text, its action buttons and a close button."""

    closed = Signal(str)  # the key

    def __init__(self, key: str, text: str, kind: str = "info",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.kind = kind
        self.setObjectName("messageBar")
        color = COLORS.get(kind, COLORS["info"])
        # A tint of the kind's colour over whatever the theme's window colour is.
        self.setStyleSheet(
            f"#messageBar {{ border-left: 4px solid {color}; "
            f"background: rgba({_rgb(color)}, 38); }}")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # names of files, headlines
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.clicked.connect(self.dismiss)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 4, 4, 4)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.close_button)
        self.buttons: list[QPushButton] = []

    def text(self) -> str:
        return self.label.text()

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: slot())
        self._layout.insertWidget(self._layout.count() - 1, button)
        self.buttons.append(button)
        return button

    def button(self, text: str) -> QPushButton | None:
        """The button whose text (without its ``&``) is ``text``."""
        for button in self.buttons:
            if button.text().replace("&", "") == text.replace("&", ""):
                return button
        return None

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit(self.key)
        self.deleteLater()


def _rgb(color: str) -> str:
    value = color.lstrip("#")
    return ", ".join(str(int(value[i:i + 2], 16)) for i in (0, 2, 4))
