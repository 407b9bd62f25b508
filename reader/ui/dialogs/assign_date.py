"""Ask for the date of an undated page (offering the date the parser guessed from its text)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..plain import plain_label


class AssignDateDialog(QDialog):
    """A date picker for one page, explaining where the date will be written."""

    def __init__(self, page_name: str, sidecar_name: str, suggested: dt.date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign a Date"))
        text = self.tr("The page %1 states no date. Choose the date it was printed; it is "
                       "saved in %2 beside the page, and the page moves to its issue.")
        intro = QLabel(text.replace("%1", page_name).replace("%2", sidecar_name), self)
        intro.setWordWrap(True)
        plain_label(intro)  # the page's file name
        self.edit = date_editor(suggested or dt.date.today(), self)
        hint = QLabel(self)
        if suggested:
            hint.setText(self.tr("Suggested from the dates the articles mention: %1")
                         .replace("%1", suggested.isoformat()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def date(self) -> dt.date:
        return edited_date(self.edit)


def date_editor(day: dt.date, parent: QWidget) -> QDateEdit:
    """A date field with a calendar to pick from, set to ``day``."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def edited_date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())
