"""Fixing words the extraction broke, inside one paragraph: the words as they are (the
selection, when there is one) and as they should be."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ..plain import plain_label
from .buttons import ok_cancel


class WordsDialog(QDialog):
    """Asks for the words to replace in ``paragraph`` and what they become."""

    def __init__(self, paragraph: str, selected: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fix Words"))
        form = QFormLayout(self)
        shown = paragraph if len(paragraph) <= 80 else paragraph[:80] + "…"
        context = QLabel(shown, self)
        context.setWordWrap(True)
        plain_label(context)  # text of the page
        form.addRow(self.tr("In the paragraph:"), context)
        self.old = QLineEdit(selected, self)
        self.old.setObjectName("oldWords")
        self.new = QLineEdit(selected, self)
        self.new.setObjectName("newWords")
        for edit in (self.old, self.new):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("国") * 24)
        form.addRow(self.tr("&Words as printed:"), self.old)
        form.addRow(self.tr("&Should read:"), self.new)
        form.addRow(ok_cancel(self))
        (self.new if selected else self.old).setFocus()

    def words(self) -> tuple[str, str]:
        return self.old.text(), self.new.text()
