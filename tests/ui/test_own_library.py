"""One's own archive in the window (issue 7): opening library folders, the recent ones, the
first run on the sample newspapers."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.paths import bundled_corpus
from reader.ui import app
from reader.ui.library_controller import HINT_KEY
from reader.ui.mainwindow import MainWindow
from reader.userconfig import load_config, save_config

pytestmark = pytest.mark.gui


@pytest.fixture
def app_windows(qtbot) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """The application's windows (``app.open_library_window``), closed after the test."""
    yield app._windows
    for window in list(app._windows):
        window.shutdown()
        app._windows.remove(window)


def newest(qtbot, windows: list[MainWindow]) -> MainWindow:  # type: ignore[no-untyped-def]
    window = windows[-1]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.synced, timeout=20000)
    return window


def one_page_library(folder: Path, small_library: Path, prefix: str) -> Path:
    folder.mkdir(parents=True)
    seed = next((small_library / "pages").glob(f"{prefix}_*.txt"))
    (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def test_first_run_opens_the_sample_and_says_how_to_open_ones_own(qtbot, app_windows):
    root, remember = app.startup_library(argparse.Namespace(library=None))
    assert root == bundled_corpus() and remember is False
    app.open_library_window(root, remember=remember)
    window = newest(qtbot, app_windows)
    hint = window.notice(HINT_KEY)
    assert hint is not None and "Ctrl+O" in hint.text()
    assert hint.button("Open Library Folder…") is not None
    assert load_config().libraries == []  # the sample is not taken for the user's library
    hint.close_button.click()
    window.close()
    again = app.open_library_window(root, remember=False)
    qtbot.addWidget(again)
    assert again.notice(HINT_KEY) is None  # dismissed once is enough


def test_no_hint_on_ones_own_library(qtbot, app_windows, small_library: Path):
    window = app.open_library_window(small_library)
    qtbot.addWidget(window)
    assert window.notice(HINT_KEY) is None
    root, remember = app.startup_library(argparse.Namespace(library=None))
    assert root.resolve() == small_library.resolve() and remember


def test_recent_libraries_switch_the_window(qtbot, app_windows, tmp_path: Path,
                                            small_library: Path):
    first = one_page_library(tmp_path / "first", small_library, "002")
    config = load_config()
    for root in (tmp_path / "gone", first, small_library):
        config.remember_library(root)
    save_config(config)
    second = app.open_library_window(small_library)  # replaced by the switch, deleted
    second.library.fill_recent()
    entries = {a.toolTip(): a for a in second.library.recent_menu.actions() if a.toolTip()}
    assert entries[str(small_library.resolve())].isChecked()
    assert not entries[str((tmp_path / "gone").resolve())].isEnabled()  # shown, not offered
    assert str(bundled_corpus()) in entries  # the sample newspapers, at the end
    entries[str(first.resolve())].trigger()
    window = newest(qtbot, app_windows)
    assert window is not second and window.catalog.root.resolve() == first.resolve()
    assert {i.paper for i in window.issues().values()} == {"上城报"}
    assert load_config().libraries[0] == str(first.resolve())
