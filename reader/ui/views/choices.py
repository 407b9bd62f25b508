"""Fill a filter combo box: "All …" first, then the values (papers, tags)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def fill_choices(combo: QComboBox, everything: str, values: list[str]) -> None:
    """Offer ``everything`` (no filter) and ``values``, keeping the current choice when it is
    still there, without emitting a change."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, "")
    for value in values:
        combo.addItem(value, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
