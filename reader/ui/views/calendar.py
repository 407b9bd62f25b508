"""The calendar: marks the days that have an issue, and opens them.

``IssueCalendar`` paints a dot under each day with an issue (two for two papers) and tells the
lunar date and weekday of the day under the mouse. ``CalendarPanel`` adds the jumps to the
previous/next month that has issues and a line about the chosen day, where the user picks the
paper when several appeared that day.
"""

from __future__ import annotations

import datetime as dt
import functools
import html

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...corpus.catalog import IssueInfo
from ...corpus.masthead import lunar_of
from ..models.issue_tree import issue_label
from ..plain import literal, plain_label


@functools.lru_cache(maxsize=4096)
def lunar(day: dt.date) -> str | None:
    """The lunar date (computing one costs milliseconds: hovering asks for it often)."""
    return lunar_of(day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class IssueCalendar(QCalendarWidget):
    """A month calendar whose issue days are marked."""

    dayHovered = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(False)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self._by_day: dict[dt.date, list[IssueInfo]] = {}
        self._months: list[tuple[int, int]] = []
        self.mark = QColor("#b3261e")
        self._table = self.findChild(QTableView)
        if self._table is not None:
            self._table.setMouseTracking(True)
            self._table.viewport().setMouseTracking(True)
            self._table.viewport().installEventFilter(self)

    def set_issues(self, issues: list[IssueInfo]) -> None:
        self._by_day = {}
        for issue in issues:
            if issue.date is not None:
                self._by_day.setdefault(issue.date, []).append(issue)
        self._months = sorted({(d.year, d.month) for d in self._by_day})
        if self._by_day:
            self.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
        self.updateCells()

    def issues_on(self, day: QDate | dt.date) -> list[IssueInfo]:
        key = to_date(day) if isinstance(day, QDate) else day
        return self._by_day.get(key, [])

    def issue_days(self) -> list[dt.date]:
        return sorted(self._by_day)

    def month_with_issues(self, step: int) -> tuple[int, int] | None:
        """The nearest month before (step -1) or after (step 1) the shown one with issues."""
        shown = (self.yearShown(), self.monthShown())
        if step < 0:
            earlier = [m for m in self._months if m < shown]
            return earlier[-1] if earlier else None
        later = [m for m in self._months if m > shown]
        return later[0] if later else None

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        issues = self._by_day.get(to_date(date)) if date.isValid() else None
        if not issues:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.mark)
        count = min(len({i.paper for i in issues}), 3)
        radius = max(2.0, rect.height() / 14)
        spacing = radius * 3
        x0 = rect.center().x() - (count - 1) * spacing / 2
        y = rect.bottom() - radius * 2.2
        for n in range(count):
            painter.drawEllipse(QPoint(round(x0 + n * spacing), round(y)), radius, radius)
        painter.restore()

    def date_at(self, pos: QPoint) -> QDate:
        """The day under ``pos`` in the table's viewport (an invalid date elsewhere)."""
        if self._table is None:
            return QDate()
        index = self._table.indexAt(pos)
        day = index.data() if index.isValid() else None
        if not isinstance(day, int):
            return QDate()
        shown = QDate(self.yearShown(), self.monthShown(), 1)
        if index.row() <= 2 and day > 20:
            shown = shown.addMonths(-1)
        elif index.row() >= 4 and day < 15:
            shown = shown.addMonths(1)
        return QDate(shown.year(), shown.month(), day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            day = self.date_at(event.position().toPoint())
            if day.isValid():
                self.dayHovered.emit(day)
        elif event.type() == QEvent.Type.Leave:
            self.dayHovered.emit(QDate())  # the pointer left: no day is hovered any more
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.date_at(event.pos())
            if day.isValid():
                QToolTip.showText(event.globalPos(), literal(self.describe(day)), self._table)
                return True
        return super().eventFilter(watched, event)

    def describe(self, day: QDate) -> str:
        """``2022-08-10 星期三 · 农历壬寅年七月十三`` and the issues of that day."""
        d = to_date(day)
        lines = [f"{d.isoformat()} {self.locale().dayName(day.dayOfWeek())}"]
        text = lunar(d)
        if text:
            lines[0] += " · " + self.tr("lunar %1").replace("%1", text)
        lines += [f"{i.paper} {issue_label(i)}" for i in self.issues_on(d)]
        return "\n".join(lines)


class CalendarPanel(QWidget):
    """The calendar with its month jumps and the line about the chosen day."""

    openIssueRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = IssueCalendar(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("«")
        self.previous_button.setToolTip(self.tr("Previous month with issues"))
        self.next_button = QToolButton(self)
        self.next_button.setText("»")
        self.next_button.setToolTip(self.tr("Next month with issues"))
        self.jump_label = plain_label(QLabel(self.tr("Months with issues"), self))
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setOpenExternalLinks(False)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.info.setMinimumHeight(self.fontMetrics().height() * 3)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        jumps = QHBoxLayout()
        jumps.setContentsMargins(0, 0, 0, 0)
        jumps.addWidget(self.previous_button)
        jumps.addStretch(1)
        jumps.addWidget(self.jump_label)
        jumps.addStretch(1)
        jumps.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(jumps)
        layout.addWidget(self.calendar)
        layout.addWidget(self.info)

        self.previous_button.clicked.connect(lambda: self.jump(-1))
        self.next_button.clicked.connect(lambda: self.jump(1))
        self.calendar.clicked.connect(self._on_clicked)
        self.calendar.activated.connect(self._on_clicked)
        self.calendar.selectionChanged.connect(self._on_selection)
        self.calendar.currentPageChanged.connect(self._update_jumps)
        self.calendar.dayHovered.connect(self._on_hovered)
        self.info.linkActivated.connect(self._on_link)

    def set_issues(self, issues: list[IssueInfo]) -> None:
        self.calendar.set_issues(issues)
        self._update_jumps()

    @Slot()
    def jump(self, step: int) -> None:
        target = self.calendar.month_with_issues(step)
        if target is not None:
            self.calendar.setCurrentPage(*target)

    def show_date(self, day: dt.date) -> None:
        """Select ``day`` and show its month (when an issue is opened elsewhere)."""
        self.calendar.setSelectedDate(to_qdate(day))  # selectionChanged describes the day

    @Slot()
    def _update_jumps(self, *_: int) -> None:
        self.previous_button.setEnabled(self.calendar.month_with_issues(-1) is not None)
        self.next_button.setEnabled(self.calendar.month_with_issues(1) is not None)

    @Slot(QDate)
    def _on_clicked(self, day: QDate) -> None:
        issues = self.calendar.issues_on(day)
        if len(issues) == 1:
            self.openIssueRequested.emit(issues[0].key)
        self._describe(day, choose=len(issues) > 1)

    @Slot()
    def _on_selection(self) -> None:
        self._describe(self.calendar.selectedDate(), choose=False)

    @Slot(QDate)
    def _on_hovered(self, day: QDate) -> None:
        self.calendar.setToolTip("")
        self.jump_label.setText(self.calendar.describe(day).split("\n", 1)[0]
                                if day.isValid() else self.tr("Months with issues"))

    @Slot(str)
    def _on_link(self, link: str) -> None:
        if link.startswith("issue:"):
            self.openIssueRequested.emit(link[len("issue:"):])

    def _describe(self, day: QDate, choose: bool) -> None:
        head, *_ = self.calendar.describe(day).split("\n")
        issues = self.calendar.issues_on(day)
        parts = [f"<b>{html.escape(head)}</b>"]
        if not issues:
            parts.append(html.escape(self.tr("No issue on this day.")))
        else:
            if choose:
                parts.append(html.escape(self.tr("Several papers appeared; choose one:")))
            links = [
                f'<a href="issue:{html.escape(i.key, quote=True)}">{html.escape(i.paper)}</a>'
                f" {html.escape(issue_label(i))}"
                for i in issues
            ]
            parts.append("<br>".join(links))
        self.info.setText("<br>".join(parts))
