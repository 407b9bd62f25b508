"""The window and its boxes fit the screen they open on (a 1366×768 laptop included)."""

from __future__ import annotations

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
