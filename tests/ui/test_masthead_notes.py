"""A lunar date that does not match its Gregorian date is told in the window too: in the
report of pages added and in Library Information (as `reader parse` tells it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

pytestmark = pytest.mark.gui

RIGHT, WRONG = "农历壬寅年七月十三", "农历壬寅年七月十九"


def wrong_lunar_page(folder: Path, small_library: Path) -> Path:
    seed = next((small_library / "pages").glob("000_*.txt"))
    text = seed.read_text(encoding="utf-8")
    assert RIGHT in text
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "wrong-lunar.txt"
    page.write_text(text.replace(RIGHT, WRONG), encoding="utf-8")
    return page


def menu_action(window, text: str):  # type: ignore[no-untyped-def]
    for menu in (window.file_menu, window.library_menu):
        for action in menu.actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(text)


def test_library_information_tells_the_wrong_lunar_date(open_window, qtbot,
                                                        small_library: Path):
    seed = next((small_library / "pages").glob("000_*.txt"))
    wrong_lunar_page(small_library / "pages", small_library)
    seed.unlink()  # the same page, now only with the wrong lunar date
    window = open_window(small_library)
    menu_action(window, "Library Information…").trigger()
    dialog = window.library.info_dialog
    rows = dialog.problem_rows()
    assert any(path.endswith("wrong-lunar.txt") and "七月十九" in why and "七月十三" in why
               for path, why in rows), rows
    dialog.close()


def test_the_add_report_tells_the_wrong_lunar_date(open_window, qtbot, monkeypatch,
                                                   small_library: Path, tmp_path: Path):
    window = open_window(small_library)
    page = wrong_lunar_page(tmp_path / "scans", small_library)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(page)], ""))
    with qtbot.waitSignal(window.library.added, timeout=15000):
        menu_action(window, "Add Pages…").trigger()
    rows = window.library.report_dialog.rows()
    assert any("七月十九" in detail and "七月十三" in detail for _, _, detail in rows), rows
    window.library.report_dialog.close()
