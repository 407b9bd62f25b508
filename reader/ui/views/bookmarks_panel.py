"""The bookmarks panel: a filter by text and tag over the bookmarks and the excerpts under
them, opened by double-click (an excerpt with its passage marked); a context menu opens,
edits or removes them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ..models import BookmarkRole
from ..models.bookmarks import BookmarkFilterProxy, BookmarkModel
from .card_delegate import CardDelegate, bookmark_card
from .choices import fill_choices


class BookmarksPanel(QWidget):
    """Lists bookmarks with notes and tags; asks the window to open, edit or remove them."""

    openBookmarkRequested = Signal(object)
    editBookmarkRequested = Signal(object)
    removeBookmarksRequested = Signal(list)

    def __init__(self, model: BookmarkModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = BookmarkFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by headline, note, tag or excerpt"))
        self.filter.setClearButtonEnabled(True)
        self.tag = QComboBox(self)
        self.tag.setToolTip(self.tr("Show the bookmarks with one tag"))
        self.count = QLabel(self)
        self.sort = QComboBox(self)
        self.sort.addItem(self.tr("Newest bookmark first"), -1)
        self.sort.addItem(self.tr("By article date"), 1)
        self.sort.addItem(self.tr("By headline"), 0)
        # A list of cards (headline, where printed and tags, the note): the panel is narrow.
        self.tree = QListView(self)
        self.tree.setObjectName("bookmarkList")
        self.tree.setModel(self.proxy)
        self.tree.setItemDelegate(CardDelegate(bookmark_card, self.tree))
        self.tree.setUniformItemSizes(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        counts = QHBoxLayout()
        counts.addWidget(self.count, 1)
        counts.addWidget(self.sort)
        layout.addLayout(counts)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self.set_tags([])
        self.filter.textChanged.connect(self._refilter)
        self.tag.currentIndexChanged.connect(self._refilter)
        self.sort.currentIndexChanged.connect(self._resort)
        self.tree.activated.connect(self._on_activated)
        self.model.modelReset.connect(self._update_count)
        self.menu_actions: list[QAction] = []  # the window's, after Open and Edit
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)

    def set_tags(self, tags: list[str]) -> None:
        fill_choices(self.tag, self.tr("All tags"), tags)
        self._refilter()

    def show_unavailable(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def selected_bookmarks(self) -> list[Any]:
        # The list shows the model's first column only: selectedRows() (every column
        # selected) would always be empty.
        rows = [i for i in self.tree.selectionModel().selectedIndexes() if i.column() == 0]
        rows.sort(key=lambda i: i.row())
        return [i.data(BookmarkRole) for i in rows if i.data(BookmarkRole) is not None]

    @Slot(QPoint)
    def _show_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():
            return
        if not self.tree.selectionModel().isSelected(index):
            self.tree.setCurrentIndex(index)
        bookmark = index.data(BookmarkRole)
        menu = QMenu(self)
        menu.addAction(self.tr("&Open"), lambda: self.openBookmarkRequested.emit(bookmark))
        menu.addAction(self.tr("&Edit Note and Tags…"),
                       lambda: self.editBookmarkRequested.emit(bookmark))
        menu.addSeparator()
        for action in self.menu_actions:
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    @Slot()
    def _resort(self) -> None:
        column = self.sort.currentData()
        self.proxy.sort(column, Qt.SortOrder.AscendingOrder)

    @Slot()
    def _refilter(self) -> None:
        self.proxy.set_filter(self.filter.text(), self.tag.currentData() or "")
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        marks, excerpts = self.model.counts()
        text = self.tr("%n bookmark(s)", "", marks)
        if excerpts:
            text += self.tr(", %n excerpt(s)", "", excerpts)
        if shown != total:
            text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", text)
        self.count.setText(text)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        bookmark = index.data(BookmarkRole)
        if bookmark is not None:
            self.openBookmarkRequested.emit(bookmark)
