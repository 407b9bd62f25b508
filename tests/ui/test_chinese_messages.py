"""The Chinese interface speaks Chinese: the search core's query errors and Qt's own file
dialog included."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui.i18n import install_translators, remove_translators

from .conftest import type_chinese

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("query", "shown"), [
    ("金承涛 date:2022-13", "没有13月"),
    ("金承涛 date:2022-02-30", "没有30日"),
    ("date:2022..2021 金承涛", "结束早于开始"),
    ('"金承涛', "引号没有闭合"),
    ("-金承涛", "不能只有排除项"),
    ("金承涛 " + "paper:甲 " * 65, "条件超过 64 个"),
])
def test_query_errors_are_in_chinese(qapp, open_window, qtbot, small_library: Path,
                                     query: str, shown: str):
    translators = install_translators(qapp, "zh_CN")
    try:
        window = open_window(small_library)
        window.search_box.setFocus()
        type_chinese(window.search_box.lineEdit(), query)
        with qtbot.waitSignal(window.resultsShown, timeout=10000) as done:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert done.args == [-1]
        message = window.results.message.text()
        assert shown in message, message
        assert "bad date" not in message and "query" not in message
    finally:
        remove_translators(qapp, translators)


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_qts_own_file_dialog_speaks_chinese(qapp, open_window, qtbot, small_library: Path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLabel

    translators = install_translators(qapp, "zh_CN")
    seen: list[str] = []
    try:
        window = open_window(small_library)

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, look)
                return
            seen.extend(label.text() for label in dialog.findChildren(QLabel)
                        if label.text())
            dialog.reject()

        QTimer.singleShot(0, look)
        next(a for a in window.file_menu.actions() if a is window.add_pages_action).trigger()
    finally:
        remove_translators(qapp, translators)
    assert seen
    assert not [t for t in seen if "Look in" in t or "Files of" in t], seen
    assert "查找范围(&L)：" in seen and "文件类型(&T)：" in seen
