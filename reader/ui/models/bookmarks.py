"""BookmarkModel: the user's bookmarks (headline, where printed, tags, note) with their
excerpts under them, and a proxy that filters them by text and tag.

Rows are the store's ``Bookmark`` and ``Excerpt`` values (plain frozen data with an id),
refreshed from the store when it changes, also when another window or the command line
changed it. Each excerpt follows the bookmark of its article; the excerpts of an article
that is not bookmarked follow each other. Sorting moves an article's group as one (the
excerpts stay under it). A row whose stored data cannot be read in full (``problem``) is
shown flagged with ⚠.
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
from .. import user_data
from ..plain import literal
from . import NO_PARENT, ArticleIdRole, BookmarkRole, DateRole, DepthRole, LibraryRole
from .page_articles import page_label

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 4  # headline, printed, tags, note


def excerpt_line(excerpt: Any, limit: int = 60) -> str:
    """An excerpt's passage on one line, cut at ``limit`` characters."""
    flat = " ".join(excerpt.text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def printed(bookmark: Any) -> str:
    """``2022-08-10 · 钱塘新区报 · 第1版``."""
    ref = bookmark.ref
    parts = [ref.date.isoformat() if ref.date else "", ref.paper or UNKNOWN_PAPER]
    if ref.page:
        parts.append(page_label(ref.page))
    return " · ".join(p for p in parts if p)


def is_excerpt(entry: Any) -> bool:
    return user_data.is_excerpt(entry)


def grouped(bookmarks: list[Any], excerpts: list[Any]) -> tuple[list[Any], list[int]]:
    """The rows in order (each bookmark followed by the excerpts of its article, then the
    excerpts of articles not bookmarked, by article, newest first) and, for each row, the row
    that heads its group."""
    under: dict[int, list[Any]] = {}
    alone: dict[str, list[Any]] = {}
    marked = user_data.article_finder([b.ref for b in bookmarks])
    # Under an article, in the order they were kept; the articles by their newest excerpt.
    for e in sorted(excerpts, key=lambda e: (e.added, e.id)):
        n = marked(e.ref)
        if n is not None:
            under.setdefault(n, []).append(e)
        else:
            alone.setdefault(e.article_id, []).append(e)
    rows: list[Any] = []
    heads: list[int] = []
    for n, b in enumerate(bookmarks):
        head = len(rows)
        for entry in (b, *under.get(n, [])):
            rows.append(entry)
            heads.append(head)
    for group in sorted(alone.values(), key=lambda g: max(e.added for e in g), reverse=True):
        head = len(rows)
        rows += group
        heads += [head] * len(group)
    return rows, heads


class BookmarkModel(QAbstractTableModel):
    """All bookmarks of the store, newest first, each with its excerpts under it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._heads: list[int] = []
        self._libraries: dict[str, str] = {}

    def set_libraries(self, names: dict[str, str]) -> None:
        """uid → name of the library, for bookmarks made in another library than this one."""
        self._libraries = dict(names)

    def set_bookmarks(self, bookmarks: list[Any], excerpts: list[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows, self._heads = grouped(list(bookmarks), list(excerpts or []))
        self.endResetModel()

    def bookmark(self, row: int) -> Any | None:
        """The bookmark or excerpt of ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def head(self, row: int) -> int:
        """The row heading the group of ``row`` (its article's bookmark, or first excerpt)."""
        return self._heads[row] if 0 <= row < len(self._heads) else row

    def counts(self) -> tuple[int, int]:
        """How many bookmarks and how many excerpts."""
        excerpts = sum(1 for r in self._rows if is_excerpt(r))
        return len(self._rows) - excerpts, excerpts

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
                shown = f"“{excerpt_line(b)}”" if is_excerpt(b) else b.title
                return f"⚠ {shown}" if problem else shown
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
            quoted = f"\n\n“{b.text}”" if is_excerpt(b) else ""
            return literal(f"{b.title}\n{printed(b)}" + (f" · {where}" if where else "")
                           + quoted + (f"\n\n{b.note}" if b.note else ""))
        if role == BookmarkRole:
            return b
        if role == DepthRole:
            return 1 if is_excerpt(b) else 0
        if role == ArticleIdRole:
            return b.article_id
        if role == LibraryRole:
            name = self._libraries.get(b.uid, "")
            return self.tr("in the library “%1”").replace("%1", name) if name else ""
        if role == DateRole:
            return b.ref.date.isoformat() if b.ref.date else ""
        return None


class BookmarkFilterProxy(QSortFilterProxyModel):
    """Keeps the bookmarks and excerpts with a tag and whose headline, note, tags or (an
    excerpt's) passage hold a text; sorts groups of an article as one."""

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
            passage = b.text if is_excerpt(b) else ""
            hay = " ".join((b.title, b.note, " ".join(b.tags), printed(b), passage)).casefold()
            return self._text in hay
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, BookmarkModel)
        first, second = model.head(left.row()), model.head(right.row())
        if first == second:  # one article's group: the bookmark, then its excerpts in order
            return left.row() < right.row()
        column = left.column()

        def key(row: int) -> str:
            if column == 0:  # the article's headline, for an excerpt too
                return str(getattr(model.bookmark(row), "title", ""))
            role = DateRole if column == 1 else Qt.ItemDataRole.DisplayRole  # 1: the date
            return str(model.index(row, column).data(role) or "")

        return (key(first), first) < (key(second), second)
