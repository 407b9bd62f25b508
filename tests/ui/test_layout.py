"""The window and its boxes fit the screen they open on (a 1366×768 laptop included)."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def test_the_first_window_fits_the_available_screen(window):
    room = window.screen().availableGeometry()
    assert room.width() < 1400 or room.height() < 900  # the offscreen screen is small
    assert room.contains(window.frameGeometry())
    assert window.width() >= room.width() * 0.8  # it still takes the room there is


def test_the_shortcuts_box_fits_the_screen_and_lists_the_keys(window, qtbot):
    seen: dict[str, object] = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, look)
            return
        seen["frame"] = box.frameGeometry()
        seen["text"] = "\n".join(" ".join(row) for row in box.rows()) \
            if hasattr(box, "rows") else box.text()
        box.close()

    QTimer.singleShot(0, look)
    window.article_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "frame" in seen)
    room = window.screen().availableGeometry()
    assert seen["frame"].height() <= room.height()
    assert "Export… Ctrl+E" in seen["text"]
    assert "Remove Selected Bookmarks Ctrl+Shift+Del" in seen["text"]


def test_narrowing_the_window_shrinks_every_pane(window, qtbot):
    window.resize(1366, 740)
    window.main_splitter.setSizes([300, 400, 700])
    qtbot.wait(20)
    wide = window.main_splitter.sizes()
    window.resize(1000, 740)
    qtbot.wait(20)
    narrow = window.main_splitter.sizes()
    assert all(n < w for n, w in zip(narrow, wide, strict=True)), (wide, narrow)
    em = window.fontMetrics().horizontalAdvance("国")
    assert narrow[2] >= em * 18


def test_in_a_narrow_pane_the_headline_keeps_the_width(window, qtbot):
    window.resize(1000, 740)
    window.main_splitter.setSizes([280, 330, 390])
    qtbot.wait(20)
    tree = window.issue_view.tree
    room = tree.viewport().width()
    assert room < 420
    assert tree.columnWidth(0) >= room * 0.6
    header = tree.header()
    shown = [c for c in range(1, 3) if not tree.isColumnHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= room * 0.4


def test_issue_lines_are_not_cut_in_the_issue_list(window, qtbot):
    window.resize(900, 740)
    qtbot.wait(20)
    window.main_splitter.setSizes([1, 400, 600])  # as narrow as it goes
    qtbot.wait(20)
    tree = window.issue_list.tree
    tree.expandAll()
    model = tree.model()
    issues = []

    def walk(parent):  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.rowCount(index):
                walk(index)
            elif index.data()[:1].isdigit():  # a dated issue (an undated one shows its file)
                issues.append(index)

    from PySide6.QtCore import QModelIndex
    walk(QModelIndex())
    assert issues
    metrics = tree.fontMetrics()

    def cut() -> list[str]:
        return [index.data() for index in issues
                if tree.visualRect(index).left() + metrics.horizontalAdvance(index.data()) + 8
                > tree.viewport().width() + 24]

    # The splitter and the columns settle after a few events (more on a loaded machine).
    with contextlib.suppress(qtbot.TimeoutError):  # then the assertions say what is wrong
        qtbot.waitUntil(lambda: not cut(), timeout=3000)
    assert not cut()
