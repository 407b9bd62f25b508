"""The issue list: paper → year → month → issue, filterable by paper; undated pages in a group
of their own with an "Assign date…" action."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QMenu, QTreeView, QVBoxLayout, QWidget

from ..models import IssueKeyRole, KindRole, PaperRole
from ..models.issue_tree import IssueTreeModel, PaperFilterProxy
from .choices import fill_choices


class IssueList(QWidget):
    """The tree of issues with the paper filter above it."""

    openIssueRequested = Signal(str)
    assignDateRequested = Signal(str)

    def __init__(self, model: IssueTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = PaperFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.paper = QComboBox(self)
        self.paper.setToolTip(self.tr("Show the issues of one paper"))
        self.tree = QTreeView(self)
        self.tree.setObjectName("issueTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        # An issue sits three levels deep (paper, year, month): narrow steps, and a width
        # that shows its whole line (2022-10-31 · 第423期 · 1/8版).
        self.tree.setIndentation(14)
        line = self.fontMetrics().horizontalAdvance("2022-10-31 · 第423期 · 1/8版")
        self.tree.setMinimumWidth(line + 4 * 14 + 24)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.assign_action = QAction(self.tr("Assign Date…"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.paper)
        layout.addWidget(self.tree, 1)
        self.set_papers([])
        self.paper.currentIndexChanged.connect(self._on_paper)
        self.tree.activated.connect(self._on_activated)
        self.tree.clicked.connect(self._on_activated)
        self.tree.customContextMenuRequested.connect(self._on_menu)
        self.assign_action.triggered.connect(self._on_assign)
        # The list is rebuilt when the library changes: keep what the reader had opened.
        self._kept: tuple[set[tuple[object, ...]], int] = (set(), 0)
        self.proxy.modelAboutToBeReset.connect(self._keep_expanded)
        self.proxy.modelReset.connect(self._restore_expanded)

    def set_papers(self, papers: list[str]) -> None:
        fill_choices(self.paper, self.tr("All papers"), papers)
        self.proxy.set_paper(self.paper.currentData() or "")

    def select_issue(self, key: str) -> None:
        """Show and select the row of issue ``key`` (without opening it again)."""
        index = self.proxy.mapFromSource(self.model.index_of(key))
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.blockSignals(True)
        self.tree.setCurrentIndex(index)
        self.tree.blockSignals(False)
        self.tree.scrollTo(index)

    def current_key(self) -> str:
        index = self.tree.currentIndex()
        return index.data(IssueKeyRole) or "" if index.isValid() else ""

    def current_is_undated(self) -> bool:
        index = self.tree.currentIndex()
        return bool(index.isValid() and index.data(KindRole) == "issue"
                    and index.parent().data(KindRole) == "undated")

    @staticmethod
    def _node_path(index: QModelIndex) -> tuple[object, ...]:
        """A name for a row that survives rebuilding the model (paper, year, month …)."""
        parts: list[object] = []
        while index.isValid():
            kind = index.data(KindRole)
            name = "" if kind == "undated" else index.data(IssueKeyRole) or index.data()
            parts.append((kind, index.data(PaperRole), name))
            index = index.parent()
        return tuple(reversed(parts))

    def _expanded(self, parent: QModelIndex, out: set[tuple[object, ...]]) -> None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.tree.isExpanded(index):
                out.add(self._node_path(index))
                self._expanded(index, out)

    @Slot()
    def _keep_expanded(self) -> None:
        expanded: set[tuple[object, ...]] = set()
        self._expanded(QModelIndex(), expanded)
        self._kept = (expanded, self.tree.verticalScrollBar().value())

    @Slot()
    def _restore_expanded(self) -> None:
        expanded, scroll = self._kept
        if not expanded:
            return
        todo = [QModelIndex()]
        while todo:
            parent = todo.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self._node_path(index) in expanded:
                    self.tree.expand(index)
                    todo.append(index)
        self.tree.verticalScrollBar().setValue(scroll)

    @Slot(int)
    def _on_paper(self, _: int) -> None:
        self.proxy.set_paper(self.paper.currentData() or "")

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        key = index.data(IssueKeyRole)
        if key:
            self.openIssueRequested.emit(key)

    @Slot(QPoint)
    def _on_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid() or index.parent().data(KindRole) != "undated":
            return
        self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.assign_action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    @Slot()
    def _on_assign(self) -> None:
        if self.current_is_undated():
            self.assignDateRequested.emit(self.current_key())
