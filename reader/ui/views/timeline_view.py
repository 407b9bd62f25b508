"""The Timeline view: the queries to compare (the first follows the search box), by year,
month or week, counting articles, occurrences or the share of the period's articles; the
chart, and its export as PNG, SVG or CSV.

It asks by signals (``requestChanged``, ``periodClicked``) and is told what to show
(``show_timeline``, ``show_message``); the counting is the ``TimelineController``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..plain import plain_label
from ..timeline_controller import TimelineRequest
from .timeline_chart import TimelineChart

# The search core (numpy, jieba) loads with the index, not with the window: its modules are
# imported where they are used.
SERIES_MAX = 8
"""Queries on one chart: one per colour of ``timeline_chart.PALETTE``."""


def _swatch(index: int) -> QIcon:
    from ...search.timeline_chart import colour

    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour(index)))
    return QIcon(pixmap)


class TimelineView(QWidget):
    """The queries, the period and measure, the chart, and Export."""

    requestChanged = Signal(object)  # TimelineRequest
    periodClicked = Signal(str, object)  # the query of the bar, its Period
    exported = Signal(str)  # the file written (for the status bar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.edits: list[QLineEdit] = []
        self._queries = QHBoxLayout()
        self._queries.setSpacing(4)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("timelineAdd")
        self.add_button.setText(self.tr("+ Compare"))
        self.add_button.setToolTip(self.tr("Add a query to compare on the same chart"))
        self.add_button.clicked.connect(lambda: self.add_query(focus=True))
        self.by = QComboBox(self)
        self.by.setObjectName("timelineBy")
        for label, value in ((self.tr("By year"), "year"), (self.tr("By month"), "month"),
                             (self.tr("By week"), "week")):
            self.by.addItem(label, value)
        self.measure = QComboBox(self)
        self.measure.setObjectName("timelineMeasure")
        for label, value in ((self.tr("Articles"), "articles"),
                             (self.tr("Occurrences"), "occurrences"),
                             (self.tr("Share of all articles"), "share")):
            self.measure.addItem(label, value)
        self.export_button = QPushButton(self.tr("Export"), self)  # room for its menu's arrow
        self.export_button.setObjectName("timelineExport")
        menu = QMenu(self.export_button)
        self.export_png = QAction(self.tr("Chart as PNG…"), menu)
        self.export_svg = QAction(self.tr("Chart as SVG…"), menu)
        self.export_csv = QAction(self.tr("Numbers as CSV…"), menu)
        menu.addActions([self.export_png, self.export_svg, self.export_csv])
        self.export_button.setMenu(menu)
        self.export_png.triggered.connect(lambda: self._export("png"))
        self.export_svg.triggered.connect(lambda: self._export("svg"))
        self.export_csv.triggered.connect(lambda: self._export("csv"))
        self.status = plain_label(QLabel(self))
        self.status.setObjectName("timelineStatus")
        self.chart = TimelineChart(self)
        self.chart.barClicked.connect(self._on_bar)
        self.chart.barHovered.connect(self.status.setText)

        top = QHBoxLayout()
        top.addWidget(plain_label(QLabel(self.tr("Timeline of"), self)))
        top.addLayout(self._queries, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.by)
        top.addWidget(self.measure)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.status)
        self.add_query()
        self.by.currentIndexChanged.connect(self._changed)
        self.measure.currentIndexChanged.connect(self._changed)
        self.show_message(self.tr("Type a query to see when it was written about."))

    def sizeHint(self) -> QSize:
        return QSize(900, 260)

    # -- the queries ------------------------------------------------------------------------

    def add_query(self, text: str = "", focus: bool = False) -> QLineEdit:
        """Another query to compare (as many as there are colours)."""
        edit = QLineEdit(self)
        edit.setObjectName(f"timelineQuery{len(self.edits)}")
        edit.setClearButtonEnabled(True)
        edit.setPlaceholderText(self.tr("Query") if self.edits
                                else self.tr("Query (follows the search box)"))
        edit.addAction(_swatch(len(self.edits)), QLineEdit.ActionPosition.LeadingPosition)
        edit.setText(text)
        edit.textEdited.connect(self._changed)
        self.edits.append(edit)
        self._queries.addWidget(edit, 1)
        self.add_button.setEnabled(len(self.edits) < SERIES_MAX)
        if focus:
            edit.show()  # a widget gets the focus once it is shown
            edit.setFocus()
        if text:
            self._changed()
        return edit

    def follow(self, query: str) -> None:
        """The search box's query becomes the first one (typing there moves the chart)."""
        if self.edits[0].text() != query:
            self.edits[0].setText(query)
            self._changed()

    def queries(self) -> tuple[str, ...]:
        return tuple(e.text().strip() for e in self.edits)

    def request(self) -> TimelineRequest:
        return TimelineRequest(self.queries(), self.by.currentData(),
                               self.measure.currentData())

    @Slot()
    def _changed(self) -> None:
        if self.isVisible():  # a hidden timeline costs nothing; it is counted when shown
            self.requestChanged.emit(self.request())

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.requestChanged.emit(self.request())

    # -- what is shown ----------------------------------------------------------------------

    def show_timeline(self, timeline: Any, measure: str) -> None:
        self.chart.caption = {
            "articles": self.tr("matching articles"),
            "occurrences": self.tr("occurrences"),
            "share": self.tr("share of all articles"),
        }[measure]
        self.chart.set_timeline(timeline, measure, self._colours(timeline))
        text = self.tr("Point at a bar for its count; click it to see its hits.")
        undated = sum(s.undated for s in timeline.series)
        if undated:
            text += " " + self.tr("%n undated hit(s) are not on the chart.", "", undated)
        self.status.setText(text)

    def _colours(self, timeline: Any) -> list[int]:
        """Each series in the colour of the query field it came from."""
        fields = list(enumerate(self.queries()))
        out = []
        for n, series in enumerate(timeline.series):
            match = next((i for i, q in fields if q == series.query), n)
            fields = [(i, q) for i, q in fields if i != match]
            out.append(match)
        return out

    def show_message(self, text: str) -> None:
        self.chart.set_message(text)
        self.status.setText("")

    @Slot(int, object)
    def _on_bar(self, series: int, period: Any) -> None:
        self.periodClicked.emit(self.chart.timeline.series[series].query, period)

    # -- export -----------------------------------------------------------------------------

    def _export(self, kind: str) -> None:
        if self.chart.timeline is None:
            return
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG image (*.svg)"),
                   "csv": self.tr("CSV table (*.csv)")}
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the Timeline"), f"timeline.{kind}", filters[kind])
        if name:
            self.export_to(Path(name), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the chart (PNG as seen, SVG drawn from the same layout) or its numbers."""
        from ...search.timeline_chart import csv_text, svg

        tl = self.chart.timeline
        if kind == "png":
            self.chart.grab().save(str(path))
        elif kind == "svg":
            picture = svg(tl, self.chart.measure, colours=self.chart.colours)  # type: ignore[arg-type]
            path.write_text(picture, encoding="utf-8")
        else:
            path.write_text(csv_text(tl), encoding="utf-8-sig")  # spreadsheets read the BOM
        self.exported.emit(str(path))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.focusWidget() in self.edits:
            self.focusWidget().clearFocus()
            return
        super().keyPressEvent(event)
