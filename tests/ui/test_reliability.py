"""The window when things go wrong (issue 6): damaged settings, folders that cannot be
written, unexpected errors, damaged bookmark and search files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.settings import Preferences, WindowState

pytestmark = pytest.mark.gui


def test_unparsable_preferences_are_set_aside_and_the_window_says_so(open_window, small_library):
    path = Preferences.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    window = open_window(small_library)  # loads the preferences
    assert window.prefs == Preferences()
    assert not path.exists()
    aside = path.with_name("preferences.json.bad")
    assert aside.read_text(encoding="utf-8") == "{not json"
    shown = [bar.text() for bar in window.notices_shown()]
    assert any(str(aside) in text for text in shown)
    # The next save writes a fresh file and leaves the bad one alone.
    window.change_font(1)
    assert Preferences.load().font_size == window.prefs.font_size
    assert aside.read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00binary",       # garbage: QSettings reads nothing
    b"[General\ngeometry=@ByteArray(\n",           # a broken section header
    b"[General]\ngeometry=plain text\n",           # a geometry QSettings did not write
])
def test_unparsable_window_state_is_set_aside(content: bytes, open_window, small_library, qtbot):
    path = WindowState.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    window = open_window(small_library)
    aside = path.with_name("window.ini.bad")
    assert aside.read_bytes() == content
    assert any(str(aside) in bar.text() for bar in window.notices_shown())
    bar = window.notices_shown()[0]
    bar.close_button.click()
    assert window.notices_shown() == []
    window.close()
    assert WindowState.load().geometry is not None  # a good file was written anew


def test_config_folder_that_cannot_be_created(monkeypatch, tmp_path: Path, qtbot,
                                              small_library: Path):
    """A config folder under a plain file (cannot be created, even by root): the window opens
    with its defaults, says settings cannot be saved and where, and closes cleanly."""
    from reader.ui import app

    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(blocker / "config"))
    state = WindowState.load()
    window = app.open_library_window(small_library, Preferences.load(), state)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.catalogReady, timeout=20000):
            pass
        assert any(str(blocker / "config") in bar.text() for bar in window.notices_shown())
        window.change_font(1)
        assert str(blocker / "config") in window.status_text.text()
        window.close()  # saving the window state fails quietly
    finally:
        window.shutdown()
        app._windows.remove(window)


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_shows_a_dialog_with_the_log_and_the_window_keeps_running(
        window, qtbot, monkeypatch):
    import sys

    from PySide6.QtCore import QTimer

    from reader.logsetup import log_path
    from reader.ui.errors import ErrorReporter

    reporter = ErrorReporter(window)
    monkeypatch.setattr(sys, "excepthook", reporter.hook)

    def broken_slot() -> None:
        raise ZeroDivisionError("division by zero")

    with qtbot.waitSignal(reporter.shown, timeout=5000) as shown:
        QTimer.singleShot(0, broken_slot)  # raised inside Qt's event loop, as a slot would
    dialog = shown.args[0]
    assert "ZeroDivisionError: division by zero" in dialog.text()
    assert str(log_path()) in dialog.informativeText()
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken_slot" in logged
    # A second error while the dialog is open is counted there, not a second dialog.
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: reporter.count == 2)
    assert reporter.dialog is dialog and "2" in dialog.text()
    dialog.accept()
    # The window goes on working.
    window.open_issue(next(iter(window.issues())))
    assert window.current_article() is not None


def _warnings(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(
        text) or QMessageBox.StandardButton.Ok)
    return said


def test_data_folder_that_cannot_be_created(monkeypatch, tmp_path: Path, open_window,
                                            small_library: Path):
    """Bookmarks live in the data folder; one that cannot be made (under a plain file, which
    stops root too) leaves the window reading, and the star says why and where."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    data = blocker / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(data))
    window = open_window(small_library)
    notice = window.notice("bookmarks")
    assert notice is not None and str(data) in notice.text()
    window.open_issue(next(iter(window.issues())))
    said = _warnings(monkeypatch)
    window.bookmark_action.trigger()
    assert said and str(data) in said[0]
    assert not window.bookmark_action.isChecked()


def test_full_disk_when_bookmarking_says_so_and_keeps_the_window(monkeypatch, window):
    from reader.bookmarks import StoreError

    store = window.bookmarks.store
    full = StoreError(f"cannot save bookmarks in {store.path}: database or disk is full")

    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise full

    monkeypatch.setattr(store, "add", fail)
    window.open_issue(next(iter(window.issues())))
    said = _warnings(monkeypatch)
    window.bookmark_action.trigger()
    assert said and "disk is full" in said[0] and str(store.path) in said[0]
    assert not window.bookmark_action.isChecked()
    assert window.bookmarks.store is store  # still usable once there is room


def _damaged_store_with(articles) -> Path:  # type: ignore[no-untyped-def]
    """A bookmark store holding ``articles`` whose tags table is wrecked (the rest readable),
    with its backup of the last good state beside it."""
    import sqlite3

    from reader.bookmarks import BookmarkStore

    with BookmarkStore.open() as store:
        for n, article in enumerate(articles):
            store.add(article, note=f"笔记{n}", tags=["防疫"])
        path = store.path
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tags'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)
    return path


def test_damaged_bookmark_file_offers_export_and_restore(monkeypatch, tmp_path: Path,
                                                         open_window, small_library: Path):
    import json

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reader.corpus.catalog import Catalog

    catalog = Catalog(small_library)
    catalog.sync()
    articles = [a for a in catalog.articles() if a.title][:3]
    path = _damaged_store_with(articles)
    damaged = path.read_bytes()

    window = open_window(small_library)
    notice = window.notice("bookmarks")
    assert notice is not None and notice.kind == "error" and str(path) in notice.text()
    assert window.bookmarks.store is None
    assert path.read_bytes() == damaged  # nothing written over it

    out = tmp_path / "rescued.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: told.append(text))
    notice.button("Export What Can Be Read…").click()
    saved = json.loads(out.read_text(encoding="utf-8"))["bookmarks"]
    assert sorted(b["note"] for b in saved) == ["笔记0", "笔记1", "笔记2"]
    assert told and "3 bookmark" in told[0] and str(out) in told[0]

    notice.button("Restore from Backup").click()
    restored = window.notice("bookmarks")
    assert restored is not None and restored.kind == "info"
    assert window.bookmarks.store is not None
    assert window.bookmarks_panel.proxy.rowCount() == 3
    aside = [p for p in path.parent.glob("bookmarks.damaged-*.sqlite3")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    window.open_article(articles[0].id)
    assert window.bookmark_action.isChecked()  # the star works again


def test_damaged_search_index_is_rebuilt_with_a_message_and_progress(
        open_window, qtbot, small_library: Path):
    from reader.corpus.catalog import Catalog
    from reader.search import index_path
    from reader.ui.mainwindow import MainWindow

    first = open_window(small_library)  # builds the index
    first.close()
    path = index_path(small_library)
    assert path.exists()
    with open(path, "r+b") as fh:  # garbage over the middle of the index file
        fh.seek(8192)
        fh.write(b"\x00garbage\xff" * 4096)

    window = MainWindow(Catalog(small_library), Preferences.load(), WindowState.load())
    qtbot.addWidget(window)
    seen: list[tuple[str, str, bool]] = []
    window.search.indexRebuilding.connect(lambda reason: seen.append(
        (reason, window.status_text.text(), window.progress.isVisible())))
    try:
        with qtbot.waitSignal(window.search.indexReady, timeout=30000):
            window.show()
        assert seen, "the damage was not noticed"
        reason, status, progress = seen[0]
        assert reason and "rebuilt" in status and progress
        assert "rebuilt" in window.status_text.text()
        with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
            window.run_search("金承涛")
        assert shown.args[0] > 0
    finally:
        window.shutdown()


def test_config_and_folder_messages_are_shown_once(monkeypatch, qtbot, small_library: Path):
    """A config.json set aside, and a folder the core replaced by a temporary one (when the
    core says so: ``reader.paths.notices``), appear in the first window, not in every one."""
    import reader.paths
    from reader.ui import app
    from reader.userconfig import config_file

    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("{broken", encoding="utf-8")
    moved = "the cache folder /x cannot be written; kept in /tmp/y instead"
    monkeypatch.setattr(reader.paths, "notices", lambda: [moved], raising=False)
    monkeypatch.setattr(app, "_told", set())
    first = app.open_library_window(small_library)
    qtbot.addWidget(first)
    shown = [bar.text() for bar in first.notices_shown()]
    assert any("config.json" in text for text in shown) and moved in shown, shown
    second = app.open_library_window(small_library)
    qtbot.addWidget(second)
    assert second.notices_shown() == []
    for window in (first, second):
        window.shutdown()
        app._windows.remove(window)


def test_index_held_by_another_reader_is_waited_for(open_window, qtbot, small_library: Path):
    """Two readers on one library: the index is updated by one at a time; the window says it
    waits, and carries on when the other is done."""
    from reader.corpus.catalog import Catalog
    from reader.search import index_path
    from reader.search.store import UpdateLock
    from reader.ui.mainwindow import MainWindow

    other = UpdateLock(index_path(small_library))  # as another process holding it
    assert other.acquire(lambda: False)
    window = MainWindow(Catalog(small_library), Preferences.load(), WindowState.load())
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.search.indexWaiting, timeout=20000):
            window.show()
        assert "waits" in window.status_text.text() and window.progress.isVisible()
        assert not window.search.ready
        with qtbot.waitSignal(window.search.indexReady, timeout=20000):
            other.release()
    finally:
        other.release()
        window.shutdown()


def test_cache_folder_that_cannot_be_written_is_replaced_and_said(monkeypatch, qtbot,
                                                                  tmp_path: Path,
                                                                  small_library: Path):
    import reader.paths
    from reader.ui import app

    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(app, "_told", set())
    monkeypatch.setattr(reader.paths, "_notices", [])  # process-wide: not for later tests
    window = app.open_library_window(small_library)  # the catalog asks for the cache folder
    qtbot.addWidget(window)
    try:
        assert any(str(blocker / "cache") in bar.text() for bar in window.notices_shown())
        qtbot.waitUntil(lambda: window.search.ready, timeout=20000)  # and it all works
    finally:
        window.shutdown()
        app._windows.remove(window)
