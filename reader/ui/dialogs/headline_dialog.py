"""Correcting an article's headline fields and byline: kicker, title, subtitle, byline, each
a line of its own (an empty line removes the field)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QWidget

from ...corpus.corrections import HEAD_FIELDS
from ...corpus.model import Article
from .buttons import ok_cancel


class HeadlineDialog(QDialog):
    """The four fields of ``article``'s headline, to be corrected; ``changes()`` says which."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the Headline"))
        self.article = article
        labels = {"kicker": self.tr("&Kicker:"), "title": self.tr("&Title:"),
                  "subtitle": self.tr("&Subtitle:"), "byline": self.tr("&Byline:")}
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for name in HEAD_FIELDS:
            edit = QLineEdit(getattr(article, name) or "", self)
            edit.setObjectName(f"{name}Edit")
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("国") * 30)
            form.addRow(labels[name], edit)
            self.fields[name] = edit
        form.addRow(ok_cancel(self))
        self.fields["title"].setFocus()

    def changes(self) -> dict[str, str]:
        """The fields whose text the user changed: name → the new text."""
        return {name: edit.text().strip() for name, edit in self.fields.items()
                if edit.text().strip() != (getattr(self.article, name) or "")}
