"""BookmarkModel: the user's bookmarks (headline, where printed, tags, note), and a proxy that
filters them by text and tag.

Rows are the store's ``Bookmark`` values (plain frozen data with an id), refreshed from the
store when it changes, also when another window or the command line changed it. A bookmark
whose stored row cannot be read in full (``Bookmark.problem``) is shown flagged with ⚠.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...corpus.model import UNKNOWN_PAPER
from ..plain import literal
from . import NO_PARENT, ArticleIdRole, BookmarkRole, DateRole, LibraryRole
from .page_articles import page_label

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 4  # headline, printed, tags, note


def printed(bookmark: Any) -> str:
    """``2022-08-10 · 钱塘新区报 · 第1版``."""
    ref = bookmark.ref
    parts = [ref.date.isoformat() if ref.date else "", ref.paper or UNKNOWN_PAPER]
    if ref.page:
        parts.append(page_label(ref.page))
    return " · ".join(p for p in parts if p)


class BookmarkModel(QAbstractTableModel):
    """All bookmarks of the store, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._libraries: dict[str, str] = {}

    def set_libraries(self, names: dict[str, str]) -> None:
        """uid → name of the library, for bookmarks made in another library than this one."""
        self._libraries = dict(names)

    def set_bookmarks(self, bookmarks: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(bookmarks)
        self.endResetModel()

    def bookmark(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Headline"), self.tr("Printed"), self.tr("Tags"), self.tr("Note"))
        return names[section] if 0 <= section < COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        column = index.column()
        problem = getattr(b, "problem", "")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"⚠ {b.title}" if problem else b.title
            if column == 1:
                return printed(b)
            if column == 2:
                return ", ".join(b.tags)
            return " ".join(b.note.split())
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            # The store's reason as it is (like the core's other messages), then what could
            # be read; escaped, as a field that cannot be read may hold anything.
            text = f"⚠ {problem}\n\n{b.title}\n{printed(b)}" + (f"\n\n{b.note}" if b.note else "")
            return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = self.data(index, LibraryRole)
            return literal(f"{b.title}\n{printed(b)}" + (f" · {where}" if where else "")
                           + (f"\n\n{b.note}" if b.note else ""))
        if role == BookmarkRole:
            return b
        if role == ArticleIdRole:
            return b.article_id
        if role == LibraryRole:
            name = self._libraries.get(b.uid, "")
            return self.tr("in the library “%1”").replace("%1", name) if name else ""
        if role == DateRole:
            return b.ref.date.isoformat() if b.ref.date else ""
        return None


class BookmarkFilterProxy(QSortFilterProxyModel):
    """Keeps the bookmarks with a tag and whose headline, note or tags hold a text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._tag = ""
        self.setSortRole(Qt.ItemDataRole.DisplayRole)

    def set_filter(self, text: str, tag: str) -> None:
        self.beginFilterChange()
        self._text, self._tag = text.strip().casefold(), tag
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        b = model.index(source_row, 0, source_parent).data(BookmarkRole)
        if b is None:
            return False
        if self._tag and self._tag not in b.tags:
            return False
        if self._text:
            hay = " ".join((b.title, b.note, " ".join(b.tags), printed(b))).casefold()
            return self._text in hay
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.column() == 1:  # by the date printed, not by the text
            return str(left.data(DateRole)) < str(right.data(DateRole))
        return str(left.data() or "") < str(right.data() or "")
