"""The bookmarks panel: a filter by text and tag over the bookmarks, opened by double-click."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..models import BookmarkRole
from ..models.bookmarks import BookmarkFilterProxy, BookmarkModel
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
        self.filter.setPlaceholderText(self.tr("Filter by headline, note or tag"))
        self.filter.setClearButtonEnabled(True)
        self.tag = QComboBox(self)
        self.tag.setToolTip(self.tr("Show the bookmarks with one tag"))
        self.count = QLabel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("bookmarkTree")
        self.tree.setModel(self.proxy)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(1, 130)
        header.resizeSection(2, 70)
        header.resizeSection(3, 90)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self.set_tags([])
        self.filter.textChanged.connect(self._refilter)
        self.tag.currentIndexChanged.connect(self._refilter)
        self.tree.activated.connect(self._on_activated)
        self.tree.doubleClicked.connect(self._on_activated)
        self.model.modelReset.connect(self._update_count)

    def set_tags(self, tags: list[str]) -> None:
        fill_choices(self.tag, self.tr("All tags"), tags)
        self._refilter()

    def show_unavailable(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def selected_bookmarks(self) -> list[object]:
        rows = self.tree.selectionModel().selectedRows()
        return [i.data(BookmarkRole) for i in rows if i.data(BookmarkRole) is not None]

    def visible_bookmarks(self) -> list[object]:
        return [self.proxy.index(r, 0).data(BookmarkRole) for r in range(self.proxy.rowCount())]

    @Slot()
    def _refilter(self) -> None:
        self.proxy.set_filter(self.filter.text(), self.tag.currentData() or "")
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%n bookmark(s)", "", total)
        if shown != total:
            text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", text)
        self.count.setText(text)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        bookmark = index.data(BookmarkRole)
        if bookmark is not None:
            self.openBookmarkRequested.emit(bookmark)
