"""PageArticleModel: one issue as the reader meets it — pages (第1版 …) holding articles.

Top-level rows are the issue's pages in the library (the article records of one page make
one row), then one row naming the pages the issue has that the library lacks. A page's rows
(its articles, then its 导读 entries) are read from the catalog only when the view asks for
them (``canFetchMore``/``fetchMore``). Rows hold article ids and the few fields shown, never
the article text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...corpus.catalog import IssueInfo
from ...corpus.model import Page
from ..plain import literal
from . import NO_PARENT, ArticleIdRole, KindRole, TargetPagesRole

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 3  # headline, byline, length


@dataclass
class _Row:
    kind: str  # page, absent, article, guide
    parent: _Row | None
    row: int
    page_no: int | None = None
    source: str = ""
    article_id: str = ""
    title: str = ""
    derived: bool = False
    byline: str = ""
    length: int = 0
    continues_on: int | None = None
    continued_from: int | None = None
    targets: tuple[int, ...] = ()
    children: list[_Row] = field(default_factory=list)
    fetched: bool = False
    more: list[str] = field(default_factory=list)
    """Further files of the same page: the records of an article-per-file archive."""


def page_label(page_no: int | None) -> str:
    if page_no is None:
        return QCoreApplication.translate("PageArticleModel", "Page ?")
    return QCoreApplication.translate("PageArticleModel", "Page %1").replace("%1", str(page_no))


class PageArticleModel(QAbstractItemModel):
    """The pages of one issue and their articles and guide entries."""

    def __init__(self, load_page: Callable[[str], Page | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._pages: list[_Row] = []
        self._issue: IssueInfo | None = None
        self._fonts: dict[tuple[bool, bool], QFont] = {}

    # -- content --------------------------------------------------------------------------

    def set_issue(self, issue: IssueInfo | None) -> None:
        self.beginResetModel()
        self._issue = issue
        self._pages = []
        if issue is not None:
            for page_no, source in issue.pages:
                if page_no is not None and self._pages and self._pages[-1].page_no == page_no:
                    self._pages[-1].more.append(source)
                    continue
                self._pages.append(_Row("page", None, len(self._pages), page_no, source))
            absent = self.absent_pages()
            if absent:
                self._pages.append(_Row("absent", None, len(self._pages), targets=absent))
        self.endResetModel()

    def issue(self) -> IssueInfo | None:
        return self._issue

    def absent_pages(self) -> tuple[int, ...]:
        """Pages the issue states it has (共8版) that are not in the library."""
        issue = self._issue
        if issue is None or not issue.page_count:
            return ()
        present = {p for p, _ in issue.pages}
        return tuple(n for n in range(1, issue.page_count + 1) if n not in present)

    def page_index(self, page_no: int) -> QModelIndex:
        for row in self._pages:
            if row.kind == "page" and row.page_no == page_no:
                return self.createIndex(row.row, 0, row)
        return QModelIndex()

    def article_index(self, article_id: str) -> QModelIndex:
        for page in self._pages:
            self._ensure(page)
            for row in page.children:
                if row.article_id == article_id:
                    return self.createIndex(row.row, 0, row)
        return QModelIndex()

    def page_article_ids(self, page_no: int) -> list[str]:
        """The articles of one page of the issue, in page order."""
        for page in self._pages:
            if page.kind == "page" and page.page_no == page_no:
                self._ensure(page)
                return [r.article_id for r in page.children if r.kind == "article"]
        return []

    def article_ids(self) -> list[str]:
        """Every article of the issue in page order (reads the pages not yet read)."""
        out = []
        for page in self._pages:
            self._ensure(page)
            out += [r.article_id for r in page.children if r.kind == "article"]
        return out

    def _ensure(self, page: _Row) -> None:
        if page.kind == "page" and not page.fetched:
            self.fetchMore(self.createIndex(page.row, 0, page))

    # -- fetching on demand ---------------------------------------------------------------

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        row = self._row(parent)
        if row is None:
            return bool(self._pages) and parent.column() <= 0
        return row.kind == "page" and parent.column() == 0 and (
            not row.fetched or bool(row.children))

    def canFetchMore(self, parent: Index) -> bool:
        row = self._row(parent)
        return row is not None and row.kind == "page" and not row.fetched

    def fetchMore(self, parent: Index) -> None:
        row = self._row(parent)
        if row is None or row.kind != "page" or row.fetched:
            return
        row.fetched = True
        children: list[_Row] = []
        for source in (row.source, *row.more):
            page = self._load_page(source)
            if page is None:
                continue
            for a in page.articles:
                children.append(_Row(
                    "article", row, len(children), row.page_no, source, a.id,
                    a.display_title, a.title_is_derived, a.byline or "", a.length,
                    a.continues_on, a.continued_from,
                ))
            for entry in page.guide:
                children.append(_Row("guide", row, len(children), row.page_no, source,
                                     title=" / ".join(entry.titles), targets=entry.pages))
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            row.children = children
            self.endInsertRows()

    # -- QAbstractItemModel ---------------------------------------------------------------

    def _row(self, index: Index) -> _Row | None:
        if not index.isValid():
            return None
        row = index.internalPointer()
        return row if isinstance(row, _Row) else None

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not 0 <= column < COLUMNS:
            return QModelIndex()
        if not parent.isValid():
            rows = self._pages
        else:
            owner = self._row(parent)
            if owner is None or parent.column() != 0:
                return QModelIndex()
            rows = owner.children
        if not 0 <= row < len(rows):
            return QModelIndex()
        return self.createIndex(row, column, rows[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        row = self._row(index)
        if row is None or row.parent is None:
            return QModelIndex()
        return self.createIndex(row.parent.row, 0, row.parent)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._pages)
        row = self._row(parent)
        if row is None or parent.column() != 0:
            return 0
        return len(row.children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Headline"), self.tr("Byline"), self.tr("Length"))[section] \
                if 0 <= section < COLUMNS else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self._row(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        if row.kind == "absent":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row)
            return literal(tip) if tip is not None else None
        if role == Qt.ItemDataRole.FontRole and (row.kind == "page" or row.derived):
            return self._font(row.kind == "page", row.derived)
        if role == Qt.ItemDataRole.ForegroundRole and (row.kind in ("absent", "guide")
                                                      or column > 0):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KindRole:
            return row.kind
        if role == ArticleIdRole and row.article_id:
            return row.article_id
        if role == TargetPagesRole:
            if row.kind == "article" and row.continues_on:
                return [row.continues_on]
            return list(row.targets)
        return None

    def _font(self, bold: bool, italic: bool) -> QFont:
        """Fonts made once per look: views ask for them on every paint."""
        font = self._fonts.get((bold, italic))
        if font is None or font.family() != QApplication.font().family():
            font = QFont(QApplication.font())
            font.setBold(bold)
            font.setItalic(italic)
            self._fonts[(bold, italic)] = font
        return font

    def _display(self, row: _Row, column: int) -> str | None:
        if row.kind == "page":
            if column:
                return None
            # Articles only: the page's 导读 entries point elsewhere.
            count = sum(c.kind == "article" for c in row.children) if row.fetched else None
            label = page_label(row.page_no)
            if count is not None:
                label += " · " + self.tr("%n article(s)", "", count)
            return label
        if row.kind == "absent":
            if column:
                return None
            pages = "、".join(str(p) for p in row.targets)
            return self.tr("Not in the library: pages %1").replace("%1", pages)
        if row.kind == "guide":
            if column == 0:
                return self.tr("Guide: %1").replace("%1", row.title)
            if column == 1:
                return self._pages_text(row.targets)
            return None
        if column == 0:
            title = row.title + (" " + self.tr("(derived)") if row.derived else "")
            if row.continued_from:
                title = self.tr("(from p. %1) ").replace("%1", str(row.continued_from)) + title
            if row.continues_on:
                title += self.tr(" (continued on p. %1)").replace("%1", str(row.continues_on))
            return title
        if column == 1:
            return row.byline
        return self.tr("%n char(s)", "", row.length)

    def _pages_text(self, targets: tuple[int, ...]) -> str:
        present = {p for p, _ in self._issue.pages} if self._issue else set()
        parts = []
        for p in targets:
            label = page_label(p)
            parts.append(label if p in present else self.tr("%1 (absent)").replace("%1", label))
        return ", ".join(parts)

    def _tooltip(self, row: _Row) -> str | None:
        if row.kind == "article":
            tip = row.title
            if row.derived:
                tip += "\n" + self.tr("The page lost this headline; it is derived from the text.")
            return tip
        if row.kind == "guide":
            return self.tr("Guide entry pointing to: %1").replace(
                "%1", self._pages_text(row.targets))
        if row.kind == "absent":
            return self.tr("These pages of the issue are not in the library.")
        return None
