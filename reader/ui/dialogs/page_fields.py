"""Correcting what a page says of itself: its paper, date, page number and issue number (the
sidecar's fields), for a page whose masthead was misread. The date field is the one of
"Assign a Date"; a page without a date keeps none unless the box is ticked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...corpus.model import Page
from ..plain import plain_label
from .assign_date import date_editor, edited_date
from .buttons import ok_cancel


class PageFieldsDialog(QDialog):
    """The four fields of ``page``; ``changes()`` gives those the user changed."""

    def __init__(self, page: Page, page_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the Page"))
        self.page = page
        form = QFormLayout(self)
        intro = QLabel(self.tr("What the page %1 says of itself. A change is kept with the "
                               "page (Ctrl+Z takes it back).").replace("%1", page_name), self)
        intro.setWordWrap(True)
        plain_label(intro)  # the page's file name
        form.addRow(intro)
        self.paper = QLineEdit(page.paper or "", self)
        self.paper.setObjectName("paperEdit")
        form.addRow(self.tr("&Paper:"), self.paper)
        self.dated = QCheckBox(self.tr("&Dated:"), self)
        self.dated.setChecked(page.date is not None)
        self.date = date_editor(page.date or page.suggested_date or dt.date.today(), self)
        self.date.setEnabled(self.dated.isChecked())
        self.dated.toggled.connect(self.date.setEnabled)
        form.addRow(self.dated, self.date)
        self.number = self._spin(page.page, self.tr("unknown"))
        form.addRow(self.tr("Page &number:"), self.number)
        self.issue = self._spin(page.issue_no, self.tr("unknown"))
        form.addRow(self.tr("&Issue number:"), self.issue)
        form.addRow(ok_cancel(self))

    def _spin(self, value: int | None, unknown: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, 999_999)
        spin.setSpecialValueText(unknown)  # 0: not known
        spin.setValue(value or 0)
        return spin

    def changes(self) -> dict[str, object]:
        """The page fields the user changed: name → value (a date, a number, a name).
        A field cannot be emptied here: a page keeps what it said."""
        out: dict[str, object] = {}
        paper = self.paper.text().strip()
        if paper and paper != (self.page.paper or ""):
            out["paper"] = paper
        if self.dated.isChecked() and edited_date(self.date) != self.page.date:
            out["date"] = edited_date(self.date)
        for key, spin, was in (("page", self.number, self.page.page),
                               ("issue_no", self.issue, self.page.issue_no)):
            if spin.value() and spin.value() != (was or 0):
                out[key] = spin.value()
        return out
