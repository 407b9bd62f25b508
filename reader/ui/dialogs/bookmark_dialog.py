"""Edit the note and tags of a bookmark, or of an excerpt (its passage shown above them)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

PASSAGE_SHOWN = 300
"""Characters of an excerpt's passage the dialog shows (a long one is cut)."""


def split_tags(text: str) -> list[str]:
    """Tags typed as ``防疫, 人物；经济`` (commas of either width, semicolons)."""
    return [t.strip() for t in re.split(r"[,，;；、]", text) if t.strip()]


class BookmarkDialog(QDialog):
    """Note (free text) and tags (separated by commas) of one bookmark, or of one excerpt
    (``passage``: its text, shown as written)."""

    def __init__(self, title: str, note: str, tags: list[str], known_tags: list[str],
                 parent: QWidget | None = None, *, passage: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Excerpt") if passage else self.tr("Bookmark"))
        heading = QLabel(f"<b>{html.escape(title)}</b>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        shown = passage.strip()
        shown = shown if len(shown) <= PASSAGE_SHOWN else shown[:PASSAGE_SHOWN] + "…"
        self.passage = QLabel(f"“{shown}”", self)
        self.passage.setTextFormat(Qt.TextFormat.PlainText)
        self.passage.setWordWrap(True)
        self.passage.setVisible(bool(passage))
        self.note = QPlainTextEdit(note, self)
        self.note.setTabChangesFocus(True)
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags.setCompleter(QCompleter(known_tags, self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.passage)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow(buttons)

    def values(self) -> tuple[str, list[str]]:
        return self.note.toPlainText().strip(), split_tags(self.tags.text())
