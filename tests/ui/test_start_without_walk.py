"""The window on a library read before: browsing and search work before the walk finishes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.cli import main
from reader.corpus.catalog import Catalog
from reader.ui.app import open_library_window

from ..conftest import age
from .conftest import type_chinese


@pytest.fixture
def held_walk(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every walk of the library waits until the event is set, as on a slow disk."""
    release = threading.Event()
    real_sync = Catalog.sync

    def slow_sync(self: Catalog, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        release.wait(60)
        return real_sync(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Catalog, "sync", slow_sync)
    return release


def test_the_calendar_issues_and_search_work_while_the_library_is_walked(
        small_library: Path, held_walk: threading.Event, qtbot,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    held_walk.set()
    assert main(["index", "--library", str(small_library)]) == 0  # an earlier session
    capsys.readouterr()
    held_walk.clear()
    window = open_library_window(small_library, remember=False)
    qtbot.addWidget(window)
    try:
        assert window.issue_model.rowCount() > 0  # the issue list, at once
        assert window.calendar_panel.isEnabled()
        window.search_box.setFocus()
        type_chinese(window.search_box.lineEdit(), "金承涛")
        qtbot.keyClick(window.search_box.lineEdit(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.hit_model.rowCount() > 0, timeout=20000)
        assert window.runner.running("sync")  # the walk has not finished
        assert window.hit_model.rowCount() == 12
    finally:
        held_walk.set()
        window.shutdown()


def test_a_page_rewritten_in_place_before_the_start_is_read_by_the_walk_after_it(
        small_library: Path, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    """The window's first reading is a quick look; every file is read a little later. A page
    overwritten in place while the reader was closed (no folder's time moved, and the look's
    share of files left out here) shows up in the search typed before that walk."""
    import os

    from reader.corpus import changes
    from reader.ui import library_session, library_watch

    assert main(["index", "--library", str(small_library)]) == 0
    age(small_library)  # an archive kept for years (a folder time just taken is not trusted)
    assert main(["search", "翟汐澜", "--library", str(small_library)]) == 0  # its times kept
    capsys.readouterr()
    monkeypatch.setattr(changes, "CHECK_PER_LOOK", 0)
    monkeypatch.setattr(library_session, "FULL_WALK_AFTER_MS", 1500)
    for name in ("POLL_MIN_MS", "POLL_MAX_MS"):  # no look again before that walk
        monkeypatch.setattr(library_watch, name, 10**8)
    page = next((small_library / "pages").glob("000_*.txt"))
    folder_times = page.parent.stat()
    page.write_text(page.read_text("utf-8").replace("金承涛", "翟汐澜", 1), "utf-8")
    os.utime(page.parent, ns=(folder_times.st_atime_ns, folder_times.st_mtime_ns))
    window = open_library_window(small_library, remember=False)
    qtbot.addWidget(window)
    try:
        window.search_box.setFocus()
        type_chinese(window.search_box.lineEdit(), "翟汐澜")
        qtbot.keyClick(window.search_box.lineEdit(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.hit_model.rowCount() == 1, timeout=30000)
    finally:
        window.shutdown()


def test_the_index_built_in_the_window_leaves_the_words_the_command_line_cuts_with(
        small_library: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A library indexed in the window, not by `reader index`: the next `reader search` cuts
    its query with the words file (``search.query_words``), as after `reader index`, instead
    of loading jieba's whole dictionary (a second of its own) and writing the file then."""
    from reader.search import query_words, segment
    from tests.search.test_query_words import _search

    if segment._ENGINE != "rjieba":
        pytest.skip("rjieba is not installed: no words file")
    window = open_library_window(small_library, remember=False)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.names.namesUpdated, timeout=60000):  # the index, then
            pass  # the names found in it: the window's work on a new library is done
        assert window.search.ready
    finally:
        window.shutdown()
    assert query_words.words_path().exists()
    found = _search(small_library, Path(os.environ["READER_HOME"]), "金承涛")
    assert found["total"] == 12 and not found["dictionary_loaded"]
