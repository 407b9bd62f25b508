"""Giving an undated page its date: the dialog (with the date the page itself suggests),
the sidecar file saved beside the page, and what to say when the folder cannot be written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..corpus.catalog import Catalog
from ..corpus.sidecar import sidecar_path, write_sidecar
from .dialogs.assign_date import AssignDateDialog
from .plain import literal


def ask_and_save_date(parent: QWidget, catalog: Catalog, source: str) -> dt.date | None:
    """Ask for the date of the page file ``source`` and save it in its sidecar; the date
    saved, or None when the user cancelled or it could not be saved (which is said)."""
    page_file = catalog.root / source
    page = catalog.page(source)
    dialog = AssignDateDialog(Path(source).name, sidecar_path(page_file).name,
                              page.suggested_date if page else None, parent)
    if dialog.exec() != AssignDateDialog.DialogCode.Accepted:
        return None
    day: dt.date = dialog.date()
    try:
        write_sidecar(page_file, {"date": day})
    except OSError as err:
        QMessageBox.warning(parent, QCoreApplication.translate("MainWindow", "Date Not Saved"),
                            literal(QCoreApplication.translate(
            "MainWindow",
            "The date could not be saved next to the page, in %1:\n%2\n\n"
            "The library folder may be read-only. Copy the library to a folder you can "
            "write to, or ask its owner to add the file.").replace(
            "%1", str(sidecar_path(page_file))).replace("%2", err.strerror or str(err))))
        return None
    return day
