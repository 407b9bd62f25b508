"""IssueTreeModel: the library's issues grouped paper → year → month → issue.

Undated pages form their own group at the end, one row per page, so the user can give each a
date. The tree is built from the catalog's ``IssueInfo`` list (no article is read); the rows
of a month's issues are made when the view first asks for them (an archive of 1,000,000
articles holds some 23,000 issues, and a start shows the papers). ``PaperFilterProxy`` shows
one paper.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...corpus.catalog import IssueInfo
from ..dialogs.library_info import origin_text
from ..plain import literal
from . import NO_PARENT, DateRole, IssueKeyRole, KindRole, PaperRole

Index = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("children", "issue", "kind", "label", "paper", "parent", "pending", "row",
                 "value")

    def __init__(
        self,
        kind: str,
        parent: _Node | None,
        paper: str | None = None,
        value: int = 0,
        issue: IssueInfo | None = None,
    ) -> None:
        self.kind = kind  # root, paper, year, month, undated, issue
        self.parent = parent
        self.paper = paper
        self.value = value
        self.issue = issue
        self.children: list[_Node] = []
        self.pending: list[IssueInfo] = []
        """The issues of a month (or of the undated group) whose rows are not made yet."""
        self.row = 0
        if parent is not None:
            self.row = len(parent.children)
            parent.children.append(self)

    def count(self) -> int:
        return len(self.children) + len(self.pending)


class IssueTreeModel(QAbstractItemModel):
    """Papers, their years and months, and the issues in them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("root", None)
        self._by_key: dict[str, _Node] = {}
        self._holder: dict[str, _Node] = {}
        """The month (or undated group) of every issue, its row made or not."""

    # -- content --------------------------------------------------------------------------

    def set_issues(self, issues: list[IssueInfo]) -> None:
        self.beginResetModel()
        self._root = _Node("root", None)
        self._by_key = {}
        self._holder = {}
        papers: dict[str, _Node] = {}
        undated: list[IssueInfo] = []
        for issue in sorted(issues, key=lambda i: (i.paper, i.date or dt.date.max, i.key)):
            if issue.date is None:
                undated.append(issue)
                continue
            paper = papers.get(issue.paper)
            if paper is None:
                paper = papers[issue.paper] = _Node("paper", self._root, issue.paper)
            year = paper.children[-1] if paper.children else None
            if year is None or year.value != issue.date.year:
                year = _Node("year", paper, issue.paper, issue.date.year)
            month = year.children[-1] if year.children else None
            if month is None or month.value != issue.date.month:
                month = _Node("month", year, issue.paper, issue.date.month)
            month.pending.append(issue)
            self._holder[issue.key] = month
        if undated:
            group = _Node("undated", self._root)
            group.pending = undated
            self._holder.update((issue.key, group) for issue in undated)
        self.endResetModel()

    def _children(self, node: _Node) -> list[_Node]:
        """The rows under ``node``, those of its issues made now if they were not yet."""
        if node.pending:
            pending, node.pending = node.pending, []
            for issue in pending:
                self._by_key[issue.key] = _Node("issue", node, issue.paper, issue=issue)
        return node.children

    def issue(self, index: Index) -> IssueInfo | None:
        node = self._node(index)
        return node.issue if node is not None else None

    def index_of(self, key: str) -> QModelIndex:
        holder = self._holder.get(key)
        if holder is None:
            return QModelIndex()
        self._children(holder)
        node = self._by_key[key]
        return self.createIndex(node.row, 0, node)

    # -- QAbstractItemModel ---------------------------------------------------------------

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        node = self._node(parent) or self._root
        children = self._children(node)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        node = self._node(parent) or self._root
        return node.count()

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(node)
        if role == Qt.ItemDataRole.ToolTipRole and node.issue is not None:
            return literal(self._tooltip(node.issue))
        if role == KindRole:
            return node.kind
        if role == PaperRole:
            return node.paper
        if role == IssueKeyRole and node.issue is not None:
            return node.issue.key
        if role == DateRole and node.issue is not None and node.issue.date is not None:
            return node.issue.date.isoformat()
        return None

    def _label(self, node: _Node) -> str:
        if node.kind == "paper":
            return node.paper or ""
        if node.kind == "year":
            return str(node.value)
        if node.kind == "month":
            return QLocale().standaloneMonthName(node.value)
        if node.kind == "undated":
            return self.tr("Undated pages (%n)", "", node.count())
        issue = node.issue
        assert issue is not None
        return issue_label(issue)

    def _tooltip(self, issue: IssueInfo) -> str:
        present = ", ".join(dict.fromkeys(str(p) for p, _ in issue.pages if p))
        text = (
            self.tr("%1 %2\nPages in the library: %3")
            .replace("%1", issue.paper)
            .replace("%2", issue.date.isoformat() if issue.date else self.tr("undated"))
            .replace("%3", present or "?")
        )
        if issue.date_from:
            text += "\n" + self.tr("Date from: %1").replace("%1", origin_text(issue.date_from))
        if issue.paper_from:
            text += "\n" + self.tr("Paper from: %1").replace("%1", origin_text(issue.paper_from))
        return text


def issue_label(issue: IssueInfo, paper: bool = True) -> str:
    """``2022-08-10 · 第391期 · 1/8版`` (or its English), for lists and choosers; an undated
    issue is named by its paper (unless ``paper`` is false: shown beside it) and file."""
    if issue.date is not None:
        day = issue.date.isoformat()
    else:
        name = issue.pages[0][1].rsplit("/", 1)[-1]
        day = issue.paper + " · " + name if paper else name
    parts = [day]
    if issue.issue_no:
        parts.append(
            QCoreApplication.translate("IssueTreeModel", "No. %1").replace(
                "%1", str(issue.issue_no)
            )
        )
    numbered = {p for p, _ in issue.pages if p is not None}  # a page's article files count once
    have = len(numbered) + sum(1 for p, _ in issue.pages if p is None)
    if issue.page_count:
        parts.append(
            QCoreApplication.translate("IssueTreeModel", "%1/%2 pages")
            .replace("%1", str(have))
            .replace("%2", str(issue.page_count))
        )
    else:
        pages = QCoreApplication.translate("IssueTreeModel", "pages: %1")
        parts.append(pages.replace("%1", str(have)))
    return " · ".join(parts)


class PaperFilterProxy(QSortFilterProxyModel):
    """Shows the issues of one paper (all papers when the filter is empty)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paper = ""
        self.setRecursiveFilteringEnabled(True)

    def set_paper(self, paper: str) -> None:
        self.beginFilterChange()
        self._paper = paper
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def paper(self) -> str:
        return self._paper

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._paper:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(PaperRole) == self._paper)
