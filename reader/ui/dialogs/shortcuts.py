"""Help → Keyboard Shortcuts (F1): every menu action with keys, by menu, in a list that
scrolls, so that the box fits any screen (the message box it replaces was 1,022 px tall)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..screen_fit import fit_to_screen


def menu_shortcuts(menus: list[QMenu]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for each menu with actions that have keys."""
    groups = []
    seen: set[tuple[str, str]] = set()
    for menu in _with_submenus(menus):
        rows = []
        for action in menu.actions():
            if action.isSeparator() or action.shortcut().isEmpty():
                continue
            row = (action.text().replace("&", ""),
                   action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            if row not in seen:
                seen.add(row)
                rows.append(row)
        if rows:
            groups.append((menu.title().replace("&", ""), rows))
    return groups


def _with_submenus(menus: list[QMenu]) -> list[QMenu]:
    """Each menu followed by its submenus (Edit → Correct This Article)."""
    out = []
    for menu in menus:
        out.append(menu)
        out += _with_submenus([m for a in menu.actions() if isinstance(m := a.menu(), QMenu)])
    return out


class ShortcutsDialog(QDialog):
    """The keys of the window's actions, grouped by menu."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rows = 0
        for title, actions in menu_shortcuts(menus):
            group = QTreeWidgetItem(self.list, [title])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for label, keys in actions:
                QTreeWidgetItem(group, [label, keys])
                rows += 1
            rows += 1
        self.list.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        line = self.list.fontMetrics().height() + 6
        fit_to_screen(self, QSize(520, rows * line + 120))

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as listed (for tests)."""
        groups = [self.list.topLevelItem(g) for g in range(self.list.topLevelItemCount())]
        return [(child.text(0), child.text(1)) for group in groups if group is not None
                for child in (group.child(n) for n in range(group.childCount()))
                if child is not None]
