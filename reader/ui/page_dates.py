"""Asking for the date of an undated page: the dialog, with the date the page itself suggests.

The date is saved as a correction of the page (``CorrectionsController.assign_date``): in the
sidecar beside the page, or the user's overlay for a library that cannot be written, and on
the window's undo stack like every other correction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..corpus.catalog import Catalog
from ..corpus.sidecar import sidecar_path
from .dialogs.assign_date import AssignDateDialog


def ask_date(parent: QWidget, catalog: Catalog, source: str) -> dt.date | None:
    """Ask for the date of the page file ``source``: the date chosen, or None when the user
    cancelled."""
    page = catalog.page(source)
    dialog = AssignDateDialog(Path(source).name, sidecar_path(catalog.root / source).name,
                              page.suggested_date if page else None, parent)
    if dialog.exec() != AssignDateDialog.DialogCode.Accepted:
        return None
    day: dt.date = dialog.date()
    return day
