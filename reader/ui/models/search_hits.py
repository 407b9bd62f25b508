"""SearchHitModel: the ranked hits of the current search, a page at a time.

The model holds the hits received so far and the total. When the view scrolls to the end it
asks for more (``fetchMoreRequested``); the search service answers on its thread and
``add_page`` appends the rows, so scrolling through 100,000 hits never blocks the window.
Each row gives the hit object under ``HitRole`` for the delegate that paints the snippet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..plain import literal
from . import NO_PARENT, ArticleIdRole, HitRole

if TYPE_CHECKING:  # the search core is imported when the index opens, not with the window
    from ...search import Hit

Index = QModelIndex | QPersistentModelIndex


def hit_meta(hit: Hit) -> str:
    """``钱塘新区报 · 2022-08-10 · 第1版`` for a hit (the line under its headline)."""
    from .page_articles import page_label

    parts = [hit.paper or ""]
    if hit.date:
        parts.append(hit.date.isoformat())
    if hit.page:
        parts.append(page_label(hit.page))
    return " · ".join(p for p in parts if p)


class SearchHitModel(QAbstractListModel):
    """Hits of one search, in the order the index ranked them."""

    fetchMoreRequested = Signal(int)  # offset of the next page

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._total = 0
        self._waiting = False

    def clear(self) -> None:
        self.beginResetModel()
        self._hits = []
        self._total = 0
        self._waiting = False
        self.endResetModel()

    def set_results(self, total: int, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._total = max(total, len(self._hits))
        self._waiting = False
        self.endResetModel()

    def add_page(self, offset: int, hits: list[Hit]) -> None:
        self._waiting = False
        if offset != len(self._hits) or not hits:
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()

    @property
    def total(self) -> int:
        return self._total

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    # -- QAbstractListModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._waiting and len(self._hits) < self._total

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._waiting = True
            self.fetchMoreRequested.emit(len(self._hits))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(f"{hit.title}\n{hit_meta(hit)}")
        if role == HitRole:
            return hit
        if role == ArticleIdRole:
            return hit.id
        return None
