"""The timeline's bar chart, painted with QPainter from the core's ``ChartLayout``.

Hovering a bar shows its period, query and count (as plain text); clicking one emits
``barClicked(series, period)``. The same layout makes the SVG export, so the picture saved
is the picture seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..plain import literal

if TYPE_CHECKING:  # the search core loads with the index, not with the window
    from ...search.timeline_chart import ChartLayout


def _chart() -> Any:
    from ...search import timeline_chart

    return timeline_chart


class TimelineChart(QWidget):
    """Bars per period, one colour per query; empty until a timeline is set."""

    barClicked = Signal(int, object)  # series index, Period
    barHovered = Signal(str)  # the text shown for the bar under the mouse ("" off the bars)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setMouseTracking(True)
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.timeline: Any = None
        self.measure = "articles"
        self.message = ""
        self.colours: list[int] = []
        self._layout: ChartLayout | None = None

    def sizeHint(self) -> QSize:
        return QSize(800, 220)

    def set_timeline(self, timeline: Any, measure: str, colours: list[int] | None = None
                     ) -> None:
        """Show ``timeline``; ``colours[i]`` is series ``i``'s palette index (that of its
        query field, which keeps its colour when a field before it is empty)."""
        self.colours = colours or list(range(len(timeline.series)))
        self.timeline, self.measure, self.message = timeline, measure, ""
        self._layout = None
        self.update()

    def set_message(self, text: str) -> None:
        """Say something instead of the bars (no query, the index being built, an error)."""
        self.timeline, self.message, self._layout = None, text, None
        self.update()

    def chart_layout(self) -> ChartLayout | None:
        if self.timeline is None or not self.timeline.periods:
            return None
        if self._layout is None or (self._layout.width, self._layout.height) != (
                self.width(), self.height()):
            fm = self.fontMetrics()
            self._layout = _chart().layout(self.timeline, self.measure, self.width(), self.height(),
                                  char_width=fm.horizontalAdvance("0"),
                                  line_height=fm.height(), legend_height=fm.height() + 8)
        return self._layout

    def bar_text(self, series: int, period: int) -> str:
        tl = self.timeline
        value = tl.values(series, self.measure)[period]
        return (f"{tl.periods[period].label} · {tl.series[series].query}: "
                f"{_chart().format_value(value, self.measure)}")

    def bar_centre(self, series: int, period: int) -> QPointF:
        """Where the bar of ``series`` in ``period`` is (its middle), for pointing at it."""
        chart = self.chart_layout()
        assert chart is not None
        bar = next(b for b in chart.bars if (b.series, b.period) == (series, period))
        y = bar.y + bar.height / 2 if bar.height > 4 else chart.bottom - 2
        return QPointF(bar.x + bar.width / 2, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        chart = self.chart_layout()
        if chart is None:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.message)
            return
        grid = QColor(text)
        grid.setAlpha(40)
        fm = self.fontMetrics()
        self._paint_legend(painter, chart, text)
        for tick in chart.ticks:
            y = chart.value_y(tick)
            painter.setPen(grid)
            painter.drawLine(QPointF(chart.left, y), QPointF(chart.right, y))
            painter.setPen(text)
            label = _chart().format_value(tick, self.measure)
            painter.drawText(QRectF(0, y - fm.height() / 2, chart.left - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(Qt.PenStyle.NoPen)
        for bar in chart.bars:
            if bar.height > 0:
                painter.setBrush(QColor(_chart().colour(self.colours[bar.series])))
                painter.drawRect(QRectF(bar.x, bar.y, max(bar.width, 1.0), bar.height))
        painter.setPen(text)
        painter.drawLine(QPointF(chart.left, chart.bottom), QPointF(chart.right, chart.bottom))
        for x, label in chart.labels:
            w = fm.horizontalAdvance(label) + 4
            painter.drawText(QRectF(x - w / 2, chart.bottom + 2, w, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, label)

    def _paint_legend(self, painter: QPainter, chart: ChartLayout, text: QColor) -> None:
        """A swatch and the query of each series along the top, then what is counted."""
        fm = self.fontMetrics()
        x, box = chart.left, fm.height() * 0.7
        for i, series in enumerate(self.timeline.series):
            painter.fillRect(QRectF(x, 4 + (fm.height() - box) / 2, box, box),
                             QColor(_chart().colour(self.colours[i])))
            painter.setPen(text)
            painter.drawText(QPointF(x + box + 4, 4 + fm.ascent()), series.query)
            x += box + 4 + fm.horizontalAdvance(series.query) + fm.height()
        painter.drawText(QRectF(x, 4, max(0.0, chart.right - x), fm.height()),
                         Qt.AlignmentFlag.AlignRight, self.caption)

    caption = ""
    """What the bars count, per what (set by the view, in the window's language)."""

    def _bar_at(self, event: QMouseEvent) -> tuple[int, int] | None:
        chart = self.chart_layout()
        if chart is None:
            return None
        pos = event.position()
        bar = chart.bar_at(pos.x(), pos.y())
        return (bar.series, bar.period) if bar is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self._bar_at(event)
        if found is None:
            QToolTip.hideText()
            self.barHovered.emit("")
            return
        text = self.bar_text(*found)
        QToolTip.showText(event.globalPosition().toPoint(), literal(text), self)
        self.barHovered.emit(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self._bar_at(event)
        if event.button() == Qt.MouseButton.LeftButton and found is not None:
            self.barClicked.emit(found[0], self.timeline.periods[found[1]])
            return
        super().mousePressEvent(event)
