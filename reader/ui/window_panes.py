"""How the window's panes share its room: three splitters, named so that their positions are
kept between sessions (``window_memory``).

Left, the calendar above the issue list; in the middle the tabs (issue, results,
bookmarks); right, the article. Narrowing the window shrinks every pane in proportion, none
below what it needs (the reading column alone once went down to ten characters a line). The
timeline spans the window's width under the panes: its chart needs the room.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

STRETCH = (3, 4, 7)  # left, middle, article
FIRST_SIZES = ([300, 400, 700], [330, 500])  # the columns; calendar and issue list


@dataclass(frozen=True)
class Splitters:
    left: QSplitter  # the calendar above the issue list
    main: QSplitter  # left, middle and article columns
    outer: QSplitter  # the columns above the timeline


def split(window: QWidget, calendar: QWidget, issues: QWidget, middle: QWidget,
          article: QWidget, timeline: QWidget) -> Splitters:
    """The panes arranged in ``window``: ``outer`` is what goes into its central widget."""
    left = QSplitter(Qt.Orientation.Vertical, window)
    left.setObjectName("leftSplitter")
    left.addWidget(calendar)
    left.addWidget(issues)
    left.setStretchFactor(1, 1)
    main = QSplitter(Qt.Orientation.Horizontal, window)
    main.setObjectName("mainSplitter")
    for pane, (widget, stretch) in enumerate(zip((left, middle, article), STRETCH,
                                                 strict=True)):
        main.addWidget(widget)
        main.setStretchFactor(pane, stretch)
        main.setCollapsible(pane, False)
    em = window.fontMetrics().horizontalAdvance("国")
    article.setMinimumWidth(em * 18)
    middle.setMinimumWidth(em * 16)
    main.setSizes(FIRST_SIZES[0])
    left.setSizes(FIRST_SIZES[1])
    outer = QSplitter(Qt.Orientation.Vertical, window)
    outer.setObjectName("outerSplitter")
    outer.addWidget(main)
    outer.addWidget(timeline)
    outer.setStretchFactor(0, 3)
    outer.setStretchFactor(1, 1)
    outer.setCollapsible(0, False)
    return Splitters(left, main, outer)
