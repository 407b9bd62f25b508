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
    ("金承涛 OR date:2022", "date: 不能用 OR 连接"),
    ("金承涛 OR paper:上城报", "不能把词语与 paper: 相连"),
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
        assert "cannot" not in message and "OR joins" not in message
    finally:
        remove_translators(qapp, translators)


def test_library_information_tells_damaged_pages_in_chinese(qapp, open_window, qtbot,
                                                            small_library: Path):
    """The problems the core stores in the catalog (kind and parameters) are worded in the
    window's language, the wrong lunar date of a page read from its masthead too."""
    pages = small_library / "pages"
    (pages / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 16)
    (pages / "empty.txt").write_text("  \n", encoding="utf-8")
    seed = next(pages.glob("001_*.txt"))
    seed.with_name(seed.stem + ".meta.toml").write_text("date = [", encoding="utf-8")
    first = next(pages.glob("000_*.txt"))
    first.write_text(first.read_text("utf-8").replace("农历壬寅年七月十三", "农历壬寅年七月十九"),
                     encoding="utf-8")
    translators = install_translators(qapp, "zh_CN")
    try:
        window = open_window(small_library)
        window.search_box.setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier)  # Library Information
        dialog = window.library.info_dialog
        assert dialog is not None and dialog.isVisible()
        rows = dict(dialog.problem_rows())
        dialog.close()
    finally:
        remove_translators(qapp, translators)
    assert rows["pages/scan.txt"] == "这是PDF 文档，不是版面文本"
    assert rows["pages/empty.txt"] == "文件是空的"
    assert rows[f"pages/{seed.name}"].startswith(f"其附注文件 {seed.stem}.meta.toml 未被采用：")
    assert rows[f"pages/{first.name}"] == \
        "报头的农历日期 农历壬寅年七月十九 与 2022-08-10 不符（应为农历壬寅年七月十三）"


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


def test_the_add_report_says_why_in_chinese(qapp, open_window, qtbot, monkeypatch,
                                            small_library: Path, tmp_path: Path):
    """The pages not added, and the note on a page added, in the Chinese report."""
    from PySide6.QtWidgets import QFileDialog

    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 16)
    seed = next((small_library / "pages").glob("000_*.txt"))
    wrong = scans / "wrong-lunar.txt"
    wrong.write_text(seed.read_text("utf-8").replace("农历壬寅年七月十三", "农历壬寅年七月十九"),
                     encoding="utf-8")
    seed.unlink()  # so that the page is added, not found already there
    files = [str(scans / "scan.txt"), str(wrong)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    translators = install_translators(qapp, "zh_CN")
    try:
        window = open_window(small_library)
        window.search_box.setFocus()
        with qtbot.waitSignal(window.library.added, timeout=15000):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I,
                           Qt.KeyboardModifier.ControlModifier)  # Add Pages…
        rows = window.library.report_dialog.rows()
        window.library.report_dialog.close()
    finally:
        remove_translators(qapp, translators)
    why = {result: detail for _, result, detail in rows}
    assert why["未添加"] == "这是PDF 文档，不是版面文本"
    assert why["已添加，附说明"] == \
        "报头的农历日期 农历壬寅年七月十九 与 2022-08-10 不符（应为农历壬寅年七月十三）"
