"""The open issue: its title line and its pages as groups of articles and guide entries."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...corpus.catalog import IssueInfo
from ..models import ArticleIdRole, KindRole, TargetPagesRole
from ..models.issue_tree import issue_label
from ..models.page_articles import PageArticleModel


class IssueView(QWidget):
    """Pages (第1版 …) with their articles; activating a row opens it or follows it."""

    openArticleRequested = Signal(str)
    openPagesRequested = Signal(list)  # page numbers a guide entry points to

    def __init__(self, model: PageArticleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = QLabel(self)
        self.title.setObjectName("issueTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # the paper's name escaped below
        self.tree = QTreeView(self)
        self.tree.setObjectName("pageTree")
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        self.tree.activated.connect(self._on_activated)
        self.tree.clicked.connect(self._on_activated)
        self.model.modelReset.connect(self._on_reset)
        self._on_reset()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The headline keeps most of the width: byline and length give way (and go when
        the pane is narrow), whatever the language makes of their headers."""
        header = self.tree.header()
        room = self.tree.viewport().width()
        narrow = room < 420
        self.tree.setColumnHidden(1, narrow)
        self.tree.setColumnHidden(2, room < 300)
        if not narrow:
            header.resizeSection(1, min(110, room // 5))
        length = self.tree.sizeHintForColumn(2)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, min(max(length, header.sectionSizeHint(2)), room // 6))

    def select_article(self, article_id: str) -> None:
        index = self.model.article_index(article_id)
        if index.isValid():
            self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def show_page(self, page_no: int) -> bool:
        index = self.model.page_index(page_no)
        if not index.isValid():
            return False
        self.tree.expand(index)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def selected_article_ids(self) -> list[str]:
        ids = [i.data(ArticleIdRole) for i in self.tree.selectionModel().selectedRows()]
        return [i for i in ids if i]

    @Slot()
    def _on_reset(self) -> None:
        issue: IssueInfo | None = self.model.issue()
        if issue is None:
            self.title.setText(html.escape(self.tr("No issue open")))
            return
        label = issue_label(issue, paper=False)
        self.title.setText(f"<b>{html.escape(issue.paper)}</b> {html.escape(label)}")
        self.tree.expandAll()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        kind = index.data(KindRole)
        if kind == "article":
            self.openArticleRequested.emit(index.data(ArticleIdRole))
        elif kind == "guide":
            self.openPagesRequested.emit(list(index.data(TargetPagesRole) or []))
