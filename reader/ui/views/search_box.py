"""The search box: Enter searches at once (and moves into the hits when they come), typing
searches after a pause, Down moves into the hits; recent queries drop down under it
(Alt+Down or F4)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QSizePolicy, QWidget

TYPING_PAUSE_MS = 350


class SearchBox(QComboBox):
    """An editable combo box whose list holds the recent queries."""

    searchRequested = Signal(str)
    hitsRequested = Signal()  # Down: move into the hits
    enterPressed = Signal()  # after its search: move into the hits when they arrive

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(24)
        line = self.lineEdit()
        completer = self.completer()
        assert line is not None and completer is not None  # an editable combo box has both
        self.field: QLineEdit = line  # the combo box's line edit, typed
        line.setPlaceholderText(
            self.tr("Search the archive: words, \"phrases\", -exclude, paper:, date:2022-08"))
        line.setClearButtonEnabled(True)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        line.textEdited.connect(self._on_edited)
        line.returnPressed.connect(self._on_enter)
        self.textActivated.connect(self._on_activated)

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.hitsRequested.emit()
            return
        super().keyPressEvent(event)

    @Slot()
    def _on_enter(self) -> None:
        if self._entered:
            return  # the same Enter, passed on from the line edit to the box
        self._entered = True  # the combo box reports the same Enter as textActivated next
        QTimer.singleShot(0, lambda: setattr(self, "_entered", False))
        self._emit()
        if self.currentText().strip():
            self.enterPressed.emit()

    _entered = False
    _last = ""

    @Slot(str)
    def _on_activated(self, text: str) -> None:
        """A query chosen in the history list (the box also reports Enter, and leaving it
        with a query of the history, this way: those searched already)."""
        if not self._entered and text.strip() != self._last:
            self._emit()

    @Slot()
    def _emit(self) -> None:
        self._pause.stop()
        text = self.currentText().strip()
        if text:
            self._last = text
            self.searchRequested.emit(text)
