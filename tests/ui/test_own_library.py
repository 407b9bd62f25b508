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


def hits(window, qtbot, query: str) -> int:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
        window.run_search(query)
    return int(shown.args[0])


@pytest.fixture
def library_without_shangcheng(small_library: Path) -> tuple[Path, Path]:
    """The small library without its 上城报 page (kept aside to arrive later)."""
    page = next((small_library / "pages").glob("002_*.txt"))
    aside = small_library.parent / page.name
    page.rename(aside)
    return small_library, aside


def test_page_written_by_another_process_appears_then_goes(open_window, qtbot,
                                                          library_without_shangcheng, capsys):
    import subprocess
    import sys
    import time

    root, page = library_without_shangcheng
    window = open_window(root)
    assert "上城报" not in {i.paper for i in window.issues().values()}
    assert hits(window, qtbot, "望江街道") == 0

    # Another program files a new day's page into a folder of its own.
    target = root / "上城报" / "2020" / "04-21" / page.name
    start = time.monotonic()
    subprocess.run([sys.executable, "-c",
                    "import pathlib, sys; t = pathlib.Path(sys.argv[2]); "
                    "t.parent.mkdir(parents=True); t.write_bytes(pathlib.Path(sys.argv[1])"
                    ".read_bytes())", str(page), str(target)], check=True)
    qtbot.waitUntil(lambda: any(i.paper == "上城报" for i in window.issues().values()),
                    timeout=15000)
    shown_after = time.monotonic() - start
    key = next(k for k, i in window.issues().items() if i.paper == "上城报")
    assert window.issue_model.index_of(key).isValid()  # in the issue list
    assert window.calendar_panel.calendar.issues_on(
        window.issues()[key].date)  # and in the calendar
    # The search that is shown follows the index.
    qtbot.waitUntil(lambda: window.hit_model.total > 0, timeout=15000)
    searchable_after = time.monotonic() - start
    window.open_issue(key)
    article = window.current_article()
    assert article is not None and article.paper == "上城报"
    with capsys.disabled():
        print(f"\n[watch] issue list {shown_after:.2f} s, search {searchable_after:.2f} s "
              "after the write")

    # Removed by hand: the issue goes, and the open article says its file is gone.
    target.unlink()
    qtbot.waitUntil(lambda: key not in window.issues(), timeout=15000)
    qtbot.waitUntil(lambda: window.notice("article-gone") is not None, timeout=5000)
    assert target.name in window.notice("article-gone").text()
    assert window.current_article() is article  # still shown, not a crash
    qtbot.waitUntil(lambda: window.hit_model.total == 0, timeout=15000)
    assert hits(window, qtbot, "望江街道") == 0


def test_page_rewritten_in_place_is_read_again(open_window, qtbot, small_library: Path):
    window = open_window(small_library)
    page = next((small_library / "pages").glob("002_*.txt"))
    key = next(k for k, i in window.issues().items() if i.paper == "上城报")
    window.open_issue(key)
    qtbot.waitUntil(lambda: str(page) in window.watcher.watched()[1], timeout=5000)
    text = page.read_text(encoding="utf-8")
    with page.open("w", encoding="utf-8") as fh:  # in place: the folder says nothing
        fh.write(text.replace("望江街道", "望江新街道"))
    with qtbot.waitSignal(window.libraryChanged, timeout=15000) as changed:
        pass
    assert changed.args[0].changed == ["pages/" + page.name]
    assert hits(window, qtbot, "望江新街道") > 0


def test_watch_set_prefers_folders_of_folders_and_the_newest_pages(tmp_path: Path):
    import os

    from reader.ui.library_watch import watch_set

    for n, day in enumerate(("01-01", "01-02", "01-03")):
        folder = tmp_path / "报" / "2020" / day
        folder.mkdir(parents=True)
        (folder / "page.txt").write_text("x", encoding="utf-8")
        (folder / "notes.json").write_text("{}", encoding="utf-8")
        os.utime(folder, (1000 + n, 1000 + n))
        os.utime(folder / "page.txt", (1000 + n, 1000 + n))
    (tmp_path / ".hidden").mkdir()
    ws = watch_set(tmp_path, dir_budget=4, file_budget=1)
    assert ws.dirs[:3] == (str(tmp_path), str(tmp_path / "报"), str(tmp_path / "报" / "2020"))
    assert ws.dirs[3] == str(tmp_path / "报" / "2020" / "01-03")  # the newest day
    assert ws.files == (str(tmp_path / "报" / "2020" / "01-03" / "page.txt"),)
    assert not ws.complete
