"""The results panel: the total, sort and filters, the hits, and what to say when there are
none (no match, a query error, the index still being built)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..models import ArticleIdRole
from ..models.search_hits import SearchHitModel
from ..search_service import SearchParams
from .calendar import to_date
from .card_delegate import CardDelegate
from .choices import fill_choices


def query_dates(query: str) -> tuple[dt.date | None, dt.date | None] | None:
    """The dates a ``date:`` in ``query`` allows (first, last), or None without one."""
    if "date:" not in query.lower():
        return None
    from ...search.query import QueryError, parse_query  # only for a query that has date:

    try:
        ranges = parse_query(query).dates
    except QueryError:
        return None
    if not ranges:
        return None
    starts = [r.start for r in ranges if r.start is not None]
    ends = [r.end for r in ranges if r.end is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


class ResultsPanel(QWidget):
    """Hits of the current search; asks the window to re-run it when a filter changes."""

    openArticleRequested = Signal(str)
    filtersChanged = Signal()

    def __init__(self, model: SearchHitModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.total = QLabel(self)
        self.total.setObjectName("resultsTotal")
        self.sort = QComboBox(self)
        self.sort.addItem(self.tr("Best match first"), "relevance")
        self.sort.addItem(self.tr("Newest first"), "date")
        self.sort.setToolTip(self.tr("Order of the hits"))
        self.paper = QComboBox(self)
        self.paper.setToolTip(self.tr("Show hits from one paper"))
        self.dated = QCheckBox(self.tr("From"), self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.list = QListView(self)
        self.list.setObjectName("resultsList")
        self.list.setModel(model)
        self.list.setItemDelegate(CardDelegate(parent=self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.message = QLabel(self)
        self.message.setObjectName("resultsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a query error quotes the query
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(self.total, 1)
        top.addWidget(self.sort)
        filters = QHBoxLayout()
        filters.addWidget(self.dated)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.paper)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        self.set_papers([])
        self.show_message(self.tr("Type words to look for in the search box above."))

        self.sort.currentIndexChanged.connect(self.filtersChanged)
        self.paper.currentIndexChanged.connect(self.filtersChanged)
        self.dated.toggled.connect(self._on_dated)
        self.date_from.dateChanged.connect(self._on_dates)
        self.date_to.dateChanged.connect(self._on_dates)
        # Moving through the hits (mouse or arrow keys) shows each article, as a mail reader does.
        self.list.selectionModel().currentChanged.connect(self._on_activated)
        self.list.activated.connect(self._on_activated)

    def add_facets(self, facets: QWidget) -> None:
        """The names of the hits (``NameFacets``), between the filters and the hits."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.stack), facets)

    def set_papers(self, papers: list[str]) -> None:
        fill_choices(self.paper, self.tr("All papers"), papers)

    def set_date_span(self, first: dt.date, last: dt.date) -> None:
        """The dates of the library; a from/to date the reader chose is kept when the library
        grows (only the ends that still sat on the old span's ends follow it)."""
        old: tuple[QDate, QDate] | None = getattr(self, "_span", None)
        start, end = QDate(first.year, first.month, first.day), QDate(last.year, last.month,
                                                                       last.day)
        follow_from = old is None or self.date_from.date() == old[0]
        follow_to = old is None or self.date_to.date() == old[1]
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDateRange(QDate(first.year, 1, 1), QDate(last.year, 12, 31))
        if follow_from:
            self.date_from.setDate(start)
        if follow_to:
            self.date_to.setDate(end)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(False)
        self._span = (start, end)

    def params(self, query: str) -> SearchParams:
        paper = self.paper.currentData()
        in_query = query_dates(query)
        self._show_query_dates(in_query)
        dated = self.dated.isChecked() and in_query is None
        return SearchParams(
            query=query,
            sort=self.sort.currentData() or "relevance",
            papers=(paper,) if paper else (),
            date_from=to_date(self.date_from.date()) if dated else None,
            date_to=to_date(self.date_to.date()) if dated else None,
        )

    def _show_query_dates(self, span: tuple[dt.date | None, dt.date | None] | None) -> None:
        """A ``date:`` in the query sets the dates: the date filter shows them, checked and
        greyed; without one, the filter is the user's again, as it was."""
        widgets = (self.dated, self.date_from, self.date_to)
        if span is None:
            if self._user_dates is not None:
                checked, first, last = self._user_dates
                self._user_dates = None
                for widget in widgets:
                    widget.blockSignals(True)
                self.dated.setChecked(checked)
                self.date_from.setDate(first)
                self.date_to.setDate(last)
                for widget in widgets:
                    widget.blockSignals(False)
                self.dated.setEnabled(True)
                self.dated.setToolTip("")
                self._on_dated_enabled(checked)
            return
        if self._user_dates is None:
            self._user_dates = (self.dated.isChecked(), self.date_from.date(),
                                self.date_to.date())
        for widget in widgets:
            widget.blockSignals(True)
        self.dated.setChecked(True)
        start, end = span
        if start is not None:
            self.date_from.setDate(QDate(start.year, start.month, start.day))
        if end is not None:
            self.date_to.setDate(QDate(end.year, end.month, end.day))
        for widget in widgets:
            widget.blockSignals(False)
            widget.setEnabled(False)
        self.dated.setToolTip(self.tr("The date: in the search sets the dates."))

    _user_dates: tuple[bool, QDate, QDate] | None = None

    def _on_dated_enabled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def show_results(self, total: int) -> None:
        count = self.tr("%n hit(s)", "", total)
        self.total.setText(count)
        if total:
            self.stack.setCurrentWidget(self.list)
            if self._enter_when_shown:
                self.enter_hits()
        else:
            self.show_message(self.tr("No article matches this search."), count)
        self._enter_when_shown = False

    _enter_when_shown = False

    @Slot()
    def enter_when_shown(self) -> None:
        """Enter in the search box: move into the hits of its search when they arrive."""
        self._enter_when_shown = True

    @Slot()
    def enter_hits(self) -> None:
        """Focus the hits, the first one current (and so opened) when none is."""
        if self.stack.currentWidget() is not self.list or not self.model.rowCount():
            return
        # Before the focus: a list that gets focus makes its first row current unselected.
        current = self.list.currentIndex()
        if not current.isValid():
            current = self.model.index(0, 0)
        self.list.selectionModel().setCurrentIndex(
            current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.setFocus()

    def show_message(self, text: str, total: str = "") -> None:
        self._enter_when_shown = False
        self.message.setText(text)
        self.total.setText(total)
        self.stack.setCurrentWidget(self.message)

    def selected_article_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [self.model.index(r, 0).data(ArticleIdRole) for r in rows]

    @Slot(bool)
    def _on_dated(self, on: bool) -> None:
        self._on_dated_enabled(on)
        self.filtersChanged.emit()

    @Slot()
    def _on_dates(self) -> None:
        if self.dated.isChecked():
            self.filtersChanged.emit()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        article_id = index.data(ArticleIdRole)
        if article_id:
            self.openArticleRequested.emit(article_id)
