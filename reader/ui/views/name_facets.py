"""Names as buttons, by kind: the facets of the search's hits (with their counts) above the
results, and the names of the open article under its headline. Clicking one asks for it as a
filter (``nameClicked(kind, name)``); names are shown as written, never read as markup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from ..plain import literal
from .flow_layout import FlowLayout

KINDS = ("person", "place", "org")


def kind_label(kind: str) -> str:
    return {
        "person": QCoreApplication.translate("NameFacets", "Persons:"),
        "place": QCoreApplication.translate("NameFacets", "Places:"),
        "org": QCoreApplication.translate("NameFacets", "Organisations:"),
    }[kind]


class NameFacets(QWidget):
    """Name buttons, each kind after its label, wrapped to the width; hidden while empty."""

    nameClicked = Signal(str, str)  # kind, name

    def __init__(self, counts: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = counts
        self.buttons: dict[tuple[str, str], QToolButton] = {}
        self._flow = FlowLayout(self)
        self._flow.setContentsMargins(2, 2, 2, 2)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.hide()

    def set_names(self, names: list[Any]) -> None:
        """``names``: NameCount (with counts) or Name objects, each with kind and name."""
        while self._flow.count():
            item = self._flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        for kind in KINDS:
            of_kind = [n for n in names if n.kind == kind]
            if not of_kind:
                continue
            label = QToolButton(self)  # a button's height, to sit on the names' line
            label.setText(kind_label(kind))
            label.setObjectName("facetKind")
            label.setAutoRaise(True)
            label.setEnabled(False)  # greyed: a heading, not a name
            self._flow.addWidget(label)
            for n in of_kind:
                button = QToolButton(self)
                button.setAutoRaise(True)
                text = f"{n.name} {n.articles}" if self.counts else n.name
                button.setText(text.replace("&", "&&"))  # an & would make a mnemonic
                button.setToolTip(literal(f"{kind}:{n.name}"))
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(
                    lambda _checked=False, k=kind, name=n.name: self.nameClicked.emit(k, name))
                self._flow.addWidget(button)
                self.buttons[(kind, n.name)] = button
        self.setVisible(bool(self.buttons))
        self.updateGeometry()
