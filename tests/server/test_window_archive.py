"""The window on a shared archive (a real PostgreSQL with the seeds imported): it searches
and highlights, opens articles and keeps bookmarks in the archive; when the server goes
away, what is on screen stays, a bar says so, a bookmark is not reported saved, and the
window reconnects when the server is back."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.backend import open_library
from reader.bookmarks import BookmarkStore
from reader.corpus.catalog import Catalog
from reader.server.bookmarks import ServerBookmarks
from reader.server.connection import Archive
from reader.server.importer import import_library
from reader.server.schema import migrate
from reader.ui import user_data
from reader.ui.errors import ErrorReporter
from reader.ui.mainwindow import MainWindow
from reader.ui.models import BookmarkRole
from reader.ui.models.search_hits import HitRole
from reader.ui.settings import Preferences, WindowState
from reader.ui.shared_archive import NOTICE

from ..ui.conftest import type_chinese
from .cluster import Cluster
from .conftest import new_database

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture(scope="module")
def archive_url(cluster: Cluster, seed_folder: Path,
                tmp_path_factory: pytest.TempPathFactory) -> str:
    url = new_database(cluster)
    admin = Archive.open(url)
    migrate(admin)
    import_library(admin, seed_folder,
                   catalog=Catalog(seed_folder, tmp_path_factory.mktemp("c") / "c.sqlite"))
    admin.close()
    return url


@pytest.fixture
def archive_window(qtbot, archive_url: str) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(open_library(archive_url), Preferences.load(), WindowState.load())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.search.indexReady, timeout=30000):
        window.show()
    yield window
    window.shutdown()


def _search_and_open(qtbot, window: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    window.search_box.setFocus()
    type_chinese(window.search_box.field, query)
    with qtbot.waitSignal(window.occurrencesShown, timeout=20000):  # the first hit opens
        qtbot.keyClick(window.search_box.field, Qt.Key.Key_Return)


def _archive_bookmarks(url: str) -> list[str]:
    store = ServerBookmarks(Archive.open(url))
    try:
        return [b.article_id for b in store.list()]
    finally:
        store.close()


def _desktop_hits(folder: Path, place: Path, query: str) -> set[str]:
    """The ids the desktop index finds in the same pages."""
    from reader.search import SearchIndex

    index = SearchIndex(place / "index.sqlite3", folder)
    catalog = Catalog(folder, place / "catalog.sqlite3")
    catalog.sync()
    index.update(catalog)
    return {h.id for h in index.search(query, limit=1000).hits}


def test_the_window_searches_reads_and_bookmarks_in_the_archive(
        qtbot, archive_window: MainWindow, archive_url: str, seed_folder: Path,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    window = archive_window
    assert window.windowTitle().startswith("archive_")  # the database's name, not a path
    assert window.issues(), "the calendar and the issue list show the archive's issues"
    assert not window.commands.reload_action.isEnabled()  # nothing to read from a folder
    assert not window.commands.add_pages_action.isEnabled()
    _search_and_open(qtbot, window, "金承涛")
    hits = [window.hit_model.index(r, 0).data(HitRole) for r in range(window.hit_model.rowCount())]
    assert {h.id for h in hits} == _desktop_hits(seed_folder, tmp_path, "金承涛")
    for hit in hits:  # each snippet marks the name where it is
        assert hit.highlights
        assert all(hit.snippet[s:e] == "金承涛" for s, e in hit.highlights)
    article = window.current_article()
    assert article is not None and "金承涛" in article.body
    assert "金承涛" in window.article_view.toPlainText()
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmark_action.isChecked()
    assert _archive_bookmarks(archive_url) == [article.id]
    with BookmarkStore.open() as own:  # the user's own store was not touched
        assert own.list() == []
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not window.bookmark_action.isChecked()
    assert _archive_bookmarks(archive_url) == []


def test_a_lost_connection_keeps_the_screen_refuses_the_bookmark_and_comes_back(
        qtbot, monkeypatch, cluster: Cluster, archive_window: MainWindow,  # type: ignore[no-untyped-def]
        archive_url: str) -> None:
    window = archive_window
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    _search_and_open(qtbot, window, "疫情")
    article = window.current_article()
    assert article is not None
    shown_text = window.article_view.toPlainText()
    hits = window.hit_model.rowCount()
    cluster.stop()
    try:
        # the bar is shown by the event loop once it is laid out: wait until it shows
        qtbot.waitUntil(lambda: (bar := window.notice(NOTICE)) is not None
                        and bar.isVisible(), timeout=15000)
        # What was on screen stays.
        assert window.current_article() == article
        assert window.article_view.toPlainText() == shown_text
        assert window.hit_model.rowCount() == hits
        qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert not window.bookmark_action.isChecked()  # not shown as saved
        assert warned and "could not be saved" in warned[-1]
        # Going to an issue not read yet fails quietly: the bar says why, no error dialog.
        reporter = ErrorReporter(window)
        monkeypatch.setattr(sys, "excepthook", reporter.hook)
        window.article_view.setFocus()
        qtbot.keyClick(window.article_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
        qtbot.wait(200)
        assert reporter.dialog is None and window.notice(NOTICE) is not None
        assert window.current_article() == article
    finally:
        cluster.start()
    qtbot.waitUntil(lambda: window.notice(NOTICE) is None, timeout=40000)
    assert _archive_bookmarks(archive_url) == []  # the refused bookmark was not made
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmark_action.isChecked()
    assert _archive_bookmarks(archive_url) == [article.id]


def _menu_action(menu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_file_open_shared_archive_tries_the_address_then_opens_it(
        qtbot, archive_url: str, seed_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    window = MainWindow(Catalog(seed_folder, tmp_path / "c.sqlite3"), Preferences.load(),
                        WindowState.load())
    qtbot.addWidget(window)
    window.show()
    action = _menu_action(window.file_menu, "Open Shared Archive…")
    said: list[str] = []

    def type_address(address: str, then_cancel: bool) -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        field = dialog.findChild(QLineEdit, "archiveUrl")
        field.clear()
        qtbot.keyClicks(field, address)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        if then_cancel:  # the refusal is said in the dialog, which stays open
            problem = dialog.findChild(QLabel, "archiveProblem")
            qtbot.waitUntil(lambda: "could not be opened" in problem.text(), timeout=20000)
            said.append(problem.text())
            dialog.reject()

    try:
        wrong = archive_url.replace("/archive_", "/no_such_")
        QTimer.singleShot(0, lambda: type_address(wrong, True))
        action.trigger()
        assert said and "no_such_" in said[0]
        QTimer.singleShot(0, lambda: type_address(archive_url, False))
        with qtbot.waitSignal(window.openLibraryRequested, timeout=20000) as opened:
            action.trigger()
        assert opened.args[0].root == archive_url
    finally:
        window.shutdown()


def test_timeline_and_citation_on_the_archive(
        qtbot, archive_window: MainWindow, seed_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    from reader.search import SearchIndex
    from reader.search.timeline import timeline

    window = archive_window
    _search_and_open(qtbot, window, "金承涛")
    qtbot.keyClick(window.search_box.field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    assert view.isVisible()
    with qtbot.waitSignal(window.timeline.ready, timeout=15000) as ready:
        view.edits[0].selectAll()
        type_chinese(view.edits[0], "疫情")
    shown = ready.args[0]
    catalog = Catalog(seed_folder, tmp_path / "catalog.sqlite3")
    catalog.sync()
    desktop = SearchIndex(tmp_path / "index.sqlite3", seed_folder)
    desktop.update(catalog)
    core = timeline(desktop, ["疫情"], by=shown.by)
    assert [p.label for p in shown.periods] == [p.label for p in core.periods]
    assert [s.articles for s in shown.series] == [s.articles for s in core.series]
    assert sum(shown.series[0].articles) > 0
    # The citation of the article read from the archive, as on a folder.
    article = window.current_article()
    assert article is not None
    qtbot.keyClick(window.article_view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    cited = QGuiApplication.clipboard().text()
    assert article.title in cited and "钱塘新区报" in cited and "2022-08-10" in cited


def test_reader_with_an_archive_url_opens_the_window_on_it(
        cluster: Cluster, archive_url: str, tmp_path: Path) -> None:
    import os
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    reader = [sys.executable, "-m", "reader"]
    picture = tmp_path / "archive.png"
    done = subprocess.run([*reader, "--library", archive_url, "--screenshot", str(picture),
                           "--query", "金承涛", "--size", "900x600"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert picture.stat().st_size > 10_000
    gone = subprocess.run([*reader, "--library", cluster.url("no_such_archive")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert gone.returncode == 1
    assert gone.stderr.count("\n") == 1 and "no_such_archive" in gone.stderr
    assert "Traceback" not in gone.stderr


def test_library_information_shows_the_archive_and_offers_no_folder(
        qtbot, archive_window: MainWindow, archive_url: str) -> None:  # type: ignore[no-untyped-def]
    window = archive_window
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.library.info_dialog
    assert dialog is not None and dialog.isVisible()
    assert archive_url in dialog.where.text()
    assert "28" in dialog.summary.text()  # the archive's articles, as `reader server info`
    assert dialog.papers.topLevelItemCount() == 2
    for widget in (dialog.open_folder, dialog.save_settings, dialog.paper_name):
        assert not widget.isEnabled()
    dialog.close()


def test_all_hits_export_from_the_archive(
        qtbot, archive_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ..ui.test_bookmarks_export import _open_export_dialog

    window = archive_window
    _search_and_open(qtbot, window, "金承涛")
    total = window.hit_model.rowCount()
    dialog = _open_export_dialog(window, qtbot)
    folder = tmp_path / "hits"
    dialog.choose("results", "txt", folder, split=True)
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    files = sorted(folder.glob("*.txt"))
    assert len(done.args[0]) == total == len(files) > 1
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert all("钱塘新区报" in t or "上城报" in t for t in texts)  # each with its citation
    assert sum("金承涛" in t for t in texts) == total
    dialog.close()


def test_a_day_chosen_in_the_calendar_opens_the_archives_issue(
        qtbot, archive_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from ..ui.conftest import day_position

    window = archive_window
    october = next(i for i in window.issues().values() if i.date == dt.date(2022, 10, 31))
    table = window.calendar_panel.calendar._table
    where = day_position(window.calendar_panel.calendar, QDate(2022, 10, 31))
    with qtbot.waitSignal(window.articleShown) as shown:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = window.catalog.page(october.pages[0][1])
    assert page is not None and shown.args == [page.articles[0].id]
    assert (window.page_model.issue().key, window.issue_list.current_key()) == (october.key,) * 2
    assert page.articles[0].display_title in window.article_view.plain_text()


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_an_excerpt_saved_in_the_window_is_the_archives_own_and_opens_at_its_passage(
        qtbot, monkeypatch, cluster: Cluster, archive_window: MainWindow,  # type: ignore[no-untyped-def]
        archive_url: str, tmp_path: Path) -> None:
    import docx

    from reader.server.schema import grant_reader
    from reader.ui.dialogs.bookmark_dialog import BookmarkDialog

    from ..ui.test_excerpts import _drag_select, _export_all, _fill, _open_row

    window = archive_window
    assert window.commands.save_excerpt_action.isEnabled()
    _search_and_open(qtbot, window, "严防输入")
    view = window.article_view
    article = view.article
    assert article is not None
    start = article.body.index("要严防输入")
    end = article.body.index("“大门”", start) + len("“大门”")
    assert _drag_select(qtbot, view, start, end) == article.body[start:end]
    monkeypatch.setattr(BookmarkDialog, "exec", _fill("原话", "引用"))
    qtbot.keyClick(view, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    store = ServerBookmarks(Archive.open(archive_url))
    (kept,) = store.excerpts()
    store.close()
    assert (kept.text, kept.note, kept.tags, kept.article_id) == (
        article.body[start:end], "原话", ("引用",), article.id)
    with BookmarkStore.open() as own:  # kept in the archive, not on this computer
        assert own.excerpts() == []
    panel = window.bookmarks_panel
    qtbot.waitUntil(lambda: any(panel.proxy.index(r, 0).data(BookmarkRole).id == kept.id
                                and user_data.is_excerpt(panel.proxy.index(r, 0).data(
                                    BookmarkRole)) for r in range(panel.proxy.rowCount())))
    view.show_placeholder()
    with qtbot.waitSignal(window.articleShown, timeout=10000) as shown:
        _open_row(qtbot, window, kept.id)
    assert shown.args == [article.id]
    assert view.highlighted_texts() == [article.body[start:end]]
    # Exported with the bookmarks to Word: the quotation, then its citation, as on a folder.
    _export_all(window, qtbot, tmp_path / "archive-excerpts.docx")
    paragraphs = [(p.style.name, p.text) for p in
                  docx.Document(str(tmp_path / "archive-excerpts.docx")).paragraphs]
    at = paragraphs.index(("Quote", article.body[start:end]))
    assert paragraphs[at + 1] == ("Quote Citation", "——" + user_data.citation(article))

    # Another reader of the archive does not see it, even with its own SQL.
    admin = Archive.open(archive_url)
    with admin.transaction() as conn:
        conn.execute("CREATE ROLE window_neighbour LOGIN")
    grant_reader(admin, "window_neighbour")
    admin.close()
    neighbour = cluster.url(archive_url.split("/")[3].split("?")[0], "window_neighbour")
    with psycopg.connect(neighbour) as conn:
        assert conn.execute("SELECT text FROM reader.excerpts").fetchall() == []

    # The server gone while the note is typed: the passage is not reported as saved, and is
    # not made; asked again while it is down, the dialog does not even open.
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    other = article.body.index("金承涛强调")
    _drag_select(qtbot, view, other, other + len("金承涛强调"))
    typed = _fill("lost", "")
    opened: list[BookmarkDialog] = []

    def fill_while_the_server_goes(dialog: BookmarkDialog) -> int:
        opened.append(dialog)
        cluster.stop()
        return typed(dialog)

    monkeypatch.setattr(BookmarkDialog, "exec", fill_while_the_server_goes)
    try:
        for attempt in (1, 2):
            qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                           | Qt.KeyboardModifier.ShiftModifier)
            assert len(warned) == attempt and "could not be saved" in warned[-1]
            assert len(opened) == 1
            assert "Excerpt saved" not in window.statusBar().currentMessage()
    finally:
        cluster.start()
    qtbot.waitUntil(lambda: window.notice(NOTICE) is None, timeout=40000)
    store = ServerBookmarks(Archive.open(archive_url))
    assert [e.id for e in store.excerpts()] == [kept.id]
    store.close()


def test_the_archive_is_never_called_a_missing_folder(
        qtbot, archive_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.library_session import FULL_WALK_AFTER_MS
    from reader.ui.work_status import MISSING

    window = archive_window
    qtbot.wait(FULL_WALK_AFTER_MS + 1500)  # past the quiet reading that follows the first look
    assert window.notice(MISSING) is None
