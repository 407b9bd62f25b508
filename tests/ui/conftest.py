"""Fixtures for the window tests: a window on a copy of the seeds, ready to search."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint
from PySide6.QtGui import QFontDatabase

from reader.corpus.catalog import Catalog
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import Preferences, WindowState
from reader.ui.views.calendar import IssueCalendar


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot pass window size hints on and says so once per window;
    # that is the test platform talking, not the app.
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


def has_cjk_font() -> bool:
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return any(chinese in QFontDatabase.writingSystems(f) for f in QFontDatabase.families())


@pytest.fixture
def open_window(qtbot):  # type: ignore[no-untyped-def]
    """Opens a window on a library folder and waits until its search is ready."""
    windows: list[MainWindow] = []

    def make(root: Path) -> MainWindow:
        window = MainWindow(Catalog(root), Preferences.load(), WindowState.load())
        qtbot.addWidget(window)
        # The small library's index is built in a second or two; a loaded machine has taken
        # over 30 s (while the 1,000,000-article benchmark ran beside the tests).
        with qtbot.waitSignal(window.search.indexReady, timeout=90000):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


ONE_PAGE = "003_7b8eb04012f19e9f.txt"


@pytest.fixture
def one_page(tmp_path: Path) -> Path:
    """A library of one real page, a copy of the seed ``ONE_PAGE`` (four articles)."""
    from ..conftest import CORPUS

    (tmp_path / "lib").mkdir()
    return Path(shutil.copy(CORPUS / ONE_PAGE, tmp_path / "lib" / ONE_PAGE)).parent


@pytest.fixture
def window(open_window, small_library: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    return open_window(small_library)


@pytest.fixture
def refuse_sidecar(monkeypatch):  # type: ignore[no-untyped-def]
    """Make the library's folder refuse the sidecar file given, as a read-only share does:
    corrections of that page then go to the user's overlay."""
    import errno

    from reader.corpus import correction_store

    real = correction_store._write_into

    def refuse(side: Path) -> None:
        def read_only(file: Path, *args):  # type: ignore[no-untyped-def]
            if file == side:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real(file, *args)

        monkeypatch.setattr(correction_store, "_write_into", read_only)

    return refuse


def day_position(calendar: IssueCalendar, day: QDate) -> QPoint:
    """Where a user clicks to choose ``day`` in the calendar's grid (viewport coordinates)."""
    calendar.setCurrentPage(day.year(), day.month())
    table = calendar._table
    assert table is not None
    model = table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            rect = table.visualRect(model.index(row, column))
            if calendar.date_at(rect.center()) == day:
                return rect.center()
    raise AssertionError(f"{day.toString()} is not shown in the calendar")


def type_chinese(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` as a Chinese input method does: one committed string per character."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def choose_in_context_menu(qtbot, viewport, label: str,  # type: ignore[no-untyped-def]
                           pos: QPoint | None = None) -> list[str]:
    """Right-click in ``viewport`` at ``pos`` and choose ``label`` from the menu with the
    keyboard; returns the labels the menu offered."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    offered: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        actions = [a for a in menu.actions() if not a.isSeparator()]
        offered.extend(a.text().replace("&", "") for a in actions)
        menu.setActiveAction(next(a for a in actions if a.text().replace("&", "") == label))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose)
    pos = pos if pos is not None else QPoint(60, 60)
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    return offered


def choose_in_article_menu(qtbot, view, label: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Right-click in the article view and choose ``label`` from its menu."""
    return choose_in_context_menu(qtbot, view.viewport(), label)
