"""The find bar under the article: what is marked, ``3 / 12``, and the steps between marks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Finds in the open article; also shows the occurrences of a search hit."""

    findRequested = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in this article"))
        self.edit.setClearButtonEnabled(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous occurrence (Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next occurrence (F3)"))
        self.count = QLabel(self)
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000"))
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.findRequested.emit(self.edit.text()))
        self.edit.textEdited.connect(lambda _: self._debounce.start())
        self.edit.returnPressed.connect(self._on_return)
        self.next_button.clicked.connect(self.nextRequested)
        self.previous_button.clicked.connect(self.previousRequested)
        self.close_button.clicked.connect(self.close_bar)
        self.set_count(0, 0)

    def open_with(self, text: str, focus: bool = True) -> None:
        """Show the bar holding ``text`` (the query of a hit, or what the user types)."""
        self.edit.setText(text)
        self.show()
        if focus:
            self.edit.setFocus()
            self.edit.selectAll()

    @Slot(int, int)
    def set_count(self, current: int, total: int) -> None:
        if total:
            self.count.setText(f"{current} / {total}")
        elif self.edit.text().strip():
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText("")
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)

    @Slot()
    def _on_return(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.findRequested.emit(self.edit.text())
        else:
            self.nextRequested.emit()

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
