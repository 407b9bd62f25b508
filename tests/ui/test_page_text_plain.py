"""Text from pages and sidecars is shown as written in every widget, never read as HTML
(issue 12, item 15): a paper name that is markup shows its tags as characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from reader.corpus import sidecar

from .conftest import day_position

pytestmark = pytest.mark.gui

HOSTILE = "<h1 style=color:red>X</h1><img src=/etc/x>"


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a user reads: the text itself, or what Qt makes of it when it takes it for HTML."""
    if fmt == Qt.TextFormat.PlainText or (
            fmt == Qt.TextFormat.AutoText and not QtGui.mightBeRichText(text)):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def all_tooltips(model, parent=None):  # type: ignore[no-untyped-def]
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if tip:
            yield tip
        yield from all_tooltips(model, index)


@pytest.fixture
def hostile_library(small_library: Path) -> Path:
    for page in (small_library / "pages").glob("*.txt"):
        sidecar.write_sidecar(page, {"paper": HOSTILE})
    return small_library


@pytest.mark.qt_log_ignore("does not support (raise|propagateSizeHints)")
def test_a_paper_name_that_is_markup_shows_as_text(open_window, qtbot, hostile_library: Path):
    window = open_window(hostile_library)
    qtbot.waitUntil(lambda: window.synced and window.current_article() is not None)
    issue = window.page_model.issue()
    assert issue is not None and issue.paper == HOSTILE
    assert HOSTILE in shown(window.issue_view.title.text(), window.issue_view.title.textFormat())

    # Every label of the window that holds the name shows it as written.
    labels = [w for w in window.findChildren(QLabel) if "color:red" in w.text()
              or "&lt;h1" in w.text()]
    assert labels
    for label in labels:
        assert HOSTILE in shown(label.text(), label.textFormat()), label.objectName()

    # Tooltips: the issue list, the pages, the hits and the bookmarks.
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.search_box.setFocus()
    window.search_box.setEditText("金承涛")
    with qtbot.waitSignal(window.resultsShown, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    tips = [tip for model in (window.issue_model, window.hit_model, window.bookmark_model)
            for tip in all_tooltips(model) if "color:red" in tip or "&lt;h1" in tip]
    assert len(tips) >= 3
    for tip in tips:
        assert HOSTILE in shown(tip)

    # The calendar's tooltip for the day of the issue.
    calendar = window.calendar_panel.calendar
    day = QDate(issue.date.year, issue.date.month, issue.date.day) if issue.date else None
    assert day is not None
    pos = day_position(calendar, day)
    viewport = calendar._table.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos,
                                                viewport.mapToGlobal(pos)))
    assert HOSTILE in shown(QToolTip.text())
    QToolTip.hideText()
