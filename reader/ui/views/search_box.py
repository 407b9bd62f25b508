"""The search box: Enter searches at once, typing searches after a pause; recent queries drop
down under it."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QWidget

TYPING_PAUSE_MS = 350


class SearchBox(QComboBox):
    """An editable combo box whose list holds the recent queries."""

    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(24)
        self.lineEdit().setPlaceholderText(
            self.tr("Search the archive: words, \"phrases\", -exclude, paper:, date:2022-08"))
        self.lineEdit().setClearButtonEnabled(True)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        self.lineEdit().textEdited.connect(self._on_edited)
        self.lineEdit().returnPressed.connect(self._emit)
        self.textActivated.connect(lambda _: self._emit())

    def text(self) -> str:
        return self.currentText()

    def set_history(self, queries: list[str]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(queries)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        if text.strip():
            self._pause.start()
        else:
            self._pause.stop()

    @Slot()
    def _emit(self) -> None:
        self._pause.stop()
        text = self.currentText().strip()
        if text:
            self.searchRequested.emit(text)
