"""The "All papers / 钱塘新区报 / …" chooser used by the issue list and the results panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def fill_papers(combo: QComboBox, papers: list[str]) -> None:
    """Offer "All papers" and ``papers``, keeping the current choice when it is still there
    (without emitting a change)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("PaperCombo", "All papers"), "")
    for name in papers:
        combo.addItem(name, name)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
