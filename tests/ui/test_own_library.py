"""One's own archive in the window (issue 7): opening library folders, the recent ones, the
first run on the sample newspapers."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from reader.paths import bundled_corpus
from reader.ui import app
from reader.ui.library_controller import HINT_KEY
from reader.ui.mainwindow import MainWindow
from reader.userconfig import load_config, save_config

pytestmark = pytest.mark.gui


@pytest.fixture
def app_windows(qtbot) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """The application's windows (``app.open_library_window``), closed after the test.
    Windows other tests opened through the application and qtbot has deleted since are let
    go first (their shutdown would touch deleted timers)."""
    app._windows[:] = [w for w in app._windows if shiboken6.isValid(w)]
    yield app._windows
    for window in list(app._windows):
        if shiboken6.isValid(window):
            window.shutdown()
        app._windows.remove(window)


def newest(qtbot, windows: list[MainWindow]) -> MainWindow:  # type: ignore[no-untyped-def]
    window = windows[-1]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.synced, timeout=20000)
    return window


def opened(qtbot, root: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window of the application on ``root``, once it has read the library."""
    window = app.open_library_window(root)
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


def test_add_pages_through_the_dialog_reports_each_file(open_window, qtbot, monkeypatch,
                                                       library_without_shangcheng, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    root, page = library_without_shangcheng
    window = open_window(root)
    present = next((root / "pages").glob("000_*.txt"))
    picture = tmp_path / "scan.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    chosen = [str(page), str(present), str(picture)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    with qtbot.waitSignal(window.library.added, timeout=15000) as done:
        window.add_pages_action.trigger()
    report = done.args[0]
    assert report.added == [f"上城报/2020/04-21/{page.name}"]
    assert report.already == [str(present)]
    assert [p.path for p in report.problems] == [str(picture)]
    assert (root / report.added[0]).read_bytes() == page.read_bytes()
    rows = window.library.report_dialog.rows()
    assert ("002_e8fc69560c1c029f.txt", "Added", report.added[0]) in rows
    assert (str(present), "Already in the library", "") in rows
    refused = [r for r in rows if r[0] == str(picture)]
    assert refused and refused[0][1] == "Not added" and refused[0][2]  # with its reason
    qtbot.waitUntil(lambda: any(i.paper == "上城报" for i in window.issues().values()),
                    timeout=15000)
    assert hits(window, qtbot, "望江街道") > 0

    # The same name with other content: never overwritten, added under a numbered name.
    other = tmp_path / "other" / page.name
    other.parent.mkdir()
    other.write_text(page.read_text(encoding="utf-8").replace("望江街道", "望江镇"),
                     encoding="utf-8")
    chosen[:] = [str(other)]
    with qtbot.waitSignal(window.library.added, timeout=15000) as done:
        window.add_pages_action.trigger()
    assert done.args[0].renamed == [f"上城报/2020/04-21/{page.stem}-2.txt"]
    assert (root / report.added[0]).read_bytes() == page.read_bytes()


def test_dropping_a_folder_adds_its_pages(open_window, qtbot, library_without_shangcheng,
                                          tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    root, page = library_without_shangcheng
    window = open_window(root)
    folder = tmp_path / "scans"
    folder.mkdir()
    page.rename(folder / page.name)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    point = window.article_view.mapTo(window, QPoint(20, 20))
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.library.added, timeout=15000) as done:
        QApplication.sendEvent(window, drop)
    assert done.args[0].added == [f"上城报/2020/04-21/{page.name}"]
    qtbot.waitUntil(lambda: any(i.paper == "上城报" for i in window.issues().values()),
                    timeout=15000)
    # Dropped on the search field: pages to add too, not a path typed into the query.
    line = window.search_box.lineEdit()
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(line, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.library.added, timeout=15000) as done:
        QApplication.sendEvent(line, drop)
    assert done.args[0].already and line.text() == ""


def test_adding_to_the_sample_newspapers_makes_a_library_of_ones_own(
        qtbot, app_windows, monkeypatch, tmp_path, small_library):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    sample = bundled_corpus()
    before = sorted(p.relative_to(sample) for p in sample.rglob("*"))
    window = app.open_library_window(sample, remember=False)  # replaced, then deleted
    qtbot.waitUntil(lambda: window.synced, timeout=20000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Ok)
    mine = tmp_path / "my archive"
    mine.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(mine))
    scans = tmp_path / "scans"
    scans.mkdir()
    page = next((small_library / "pages").glob("002_*.txt"))
    (scans / page.name).write_bytes(page.read_bytes())
    window.library.add_paths([scans])
    assert asked and "sample" in asked[0]
    own = app_windows[-1]
    qtbot.addWidget(own)
    assert own is not window and own.catalog.root == mine
    qtbot.waitUntil(lambda: own.library.last_report is not None, timeout=15000)
    assert own.library.last_report.added == [f"上城报/2020/04-21/{page.name}"]
    qtbot.waitUntil(lambda: any(i.paper == "上城报" for i in own.issues().values()),
                    timeout=15000)
    assert load_config().libraries[0] == str(mine.resolve())
    assert sorted(p.relative_to(sample) for p in sample.rglob("*")) == before


def test_library_information_shows_papers_undated_pages_and_problem_files(
        open_window, qtbot, small_library: Path):
    from reader.cli.library_cmd import library_info
    from reader.problems import Problem
    from reader.ui.core_messages import problem_text

    (small_library / "pages" / "scan.txt").write_bytes(
        b"%PDF-1.4\n" + bytes(range(256)) * 16)  # a PDF saved as .txt
    window = open_window(small_library)
    assert window.problems_button.isVisible()
    window.problems_button.click()  # the status bar's "1 problem file" opens the list
    dialog = window.library.info_dialog
    assert dialog is not None and dialog.isVisible() and dialog.tabs.currentIndex() == 2
    info = library_info(window.catalog)
    (problem,) = dialog.problem_rows()
    # The core's reason, in the window's language.
    assert problem == ("pages/scan.txt", problem_text(Problem.from_json(info["problems"][0])))
    assert "PDF" in problem[1]
    assert dialog.undated_rows() == info["undated_pages"] != []
    papers = {dialog.papers.topLevelItem(n).text(0)
              for n in range(dialog.papers.topLevelItemCount())}
    assert papers == {p["paper"] for p in info["papers"]}
    assert str(info["articles"]) in dialog.summary.text()
    assert info["date_range"][0] in dialog.summary.text()

    # The open dialog follows the folder: the bad file removed, the list empties.
    (small_library / "pages" / "scan.txt").unlink()
    qtbot.waitUntil(lambda: dialog.problem_rows() == [], timeout=15000)
    assert not window.problems_button.isVisible()

    # Assign Date… on an undated page asks the window to date it.
    asked = []
    window.assign_date = asked.append  # the dialog itself is tested with the issue list
    dialog.undated.setCurrentItem(dialog.undated.topLevelItem(0))
    dialog.assign_button.click()
    assert asked == [window.issue_of_source(info["undated_pages"][0])]


def test_a_bookmark_of_another_library_opens_that_library(qtbot, app_windows, monkeypatch,
                                                          tmp_path, small_library):
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.models import BookmarkRole, LibraryRole

    other = one_page_library(tmp_path / "other", small_library, "002")
    first = opened(qtbot, small_library)
    article = next(a for a in first.catalog.articles() if a.paper == "钱塘新区报" and a.title)
    first.open_article(article.id)
    first.bookmark_action.trigger()
    first.close()
    app_windows.remove(first)

    window = app.open_library_window(other)  # replaced by the switch below
    qtbot.waitUntil(lambda: window.synced, timeout=20000)
    panel = window.bookmarks_panel
    assert panel.proxy.rowCount() == 1  # bookmarks of every library are listed
    row = panel.proxy.index(0, 0)
    assert row.data(LibraryRole) == "in the library “library”"
    bookmark = row.data(BookmarkRole)

    # Declined: the window says which library the article is in.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.bookmarks.open_bookmark(bookmark)
    assert str(small_library.resolve()) in window.status_text.text()
    assert window.current_article() is None or window.current_article().id != article.id

    # Accepted: that library opens, on the bookmarked article.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.openBookmarkRequested.emit(bookmark)
    there = newest(qtbot, app_windows)
    assert there.catalog.root.resolve() == small_library.resolve()
    qtbot.waitUntil(lambda: there.current_article() is not None
                    and there.current_article().id == article.id, timeout=15000)
    assert there.bookmarks_panel.proxy.index(0, 0).data(LibraryRole) == ""


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_an_excerpt_of_another_library_says_which_and_opens_there(
        qtbot, app_windows, monkeypatch, tmp_path, small_library):
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.dialogs.bookmark_dialog import BookmarkDialog
    from reader.ui.models import BookmarkRole, LibraryRole

    from .test_excerpts import ARTICLE, FIRST, _drag_select, _fill, _open_row

    other = one_page_library(tmp_path / "other", small_library, "002")
    first = opened(qtbot, small_library)
    first.open_article(ARTICLE)
    body = first.current_article().body
    start = body.index(FIRST)
    passage = body[start:start + 20]
    _drag_select(qtbot, first.article_view, start, start + 20)
    monkeypatch.setattr(BookmarkDialog, "exec", _fill("原话", "引用"))
    qtbot.keyClick(first.article_view, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    first.close()
    app_windows.remove(first)

    window = app.open_library_window(other)  # replaced by the switch below
    qtbot.waitUntil(lambda: window.synced, timeout=20000)
    panel = window.bookmarks_panel
    rows = [panel.proxy.index(r, 0) for r in range(panel.proxy.rowCount())]
    (row,) = [r for r in rows if r.data(BookmarkRole).text == passage]
    assert row.data(LibraryRole) == "in the library “library”"
    excerpt = row.data(BookmarkRole)

    # Declined: the window says which library holds it, and how to open that one.
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.No)
    _open_row(qtbot, window, excerpt.id)
    assert len(asked) == 1 and "excerpt" in asked[0] and "“library”" in asked[0]
    assert str(small_library.resolve()) in asked[0]
    assert str(small_library.resolve()) in window.status_text.text()
    assert "Open Library Folder" in window.status_text.text()
    assert window.current_article() is None or window.current_article().id != ARTICLE

    # Accepted: that library opens, on the excerpt's article with its passage marked.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _open_row(qtbot, window, excerpt.id)
    there = newest(qtbot, app_windows)
    assert there.catalog.root.resolve() == small_library.resolve()
    qtbot.waitUntil(lambda: there.article_view.highlighted_texts() == [passage],
                    timeout=15000)
    assert there.current_article().id == ARTICLE


def test_an_excerpt_of_a_library_gone_says_where_it_was(
        qtbot, app_windows, monkeypatch, tmp_path, small_library):
    from PySide6.QtWidgets import QMessageBox

    from reader.bookmarks import Passage
    from reader.ui.bookmark_places import BookmarkPlaces

    from .test_excerpts import _open_row

    gone = tmp_path / "unplugged"
    shutil.copytree(small_library, gone)
    first = opened(qtbot, gone)
    article = next(a for a in first.catalog.articles() if a.title and len(a.body) > 40)
    kept = first.bookmarks.store.add_excerpt(article, Passage.cut(article.body, 0, 20))
    BookmarkPlaces().set(kept.uid, gone)
    first.close()
    app_windows.remove(first)
    shutil.rmtree(gone)

    window = opened(qtbot, small_library)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    _open_row(qtbot, window, kept.id)
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "“unplugged”" in told[0] and str(gone) in told[0]
    assert "cannot be found" in told[0] and "Open Library Folder" in told[0]
    assert window.bookmarks.store.get_excerpt(kept.id) is not None  # kept all the same


def test_a_bookmark_without_a_known_library_is_found_in_the_recent_ones(
        qtbot, app_windows, monkeypatch, tmp_path, small_library):
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.bookmark_places import places_path

    other = one_page_library(tmp_path / "other", small_library, "002")
    first = opened(qtbot, small_library)
    article = next(a for a in first.catalog.articles() if a.paper == "钱塘新区报" and a.title)
    first.bookmarks.store.add(article)  # as `reader bookmarks add` would: no library noted
    first.close()
    app_windows.remove(first)
    assert not places_path().exists()

    window = opened(qtbot, other)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.No)
    bookmark = window.bookmarks.store.list()[0]
    window.bookmarks.open_bookmark(bookmark)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "library" in asked[0] and str(small_library.resolve()) in asked[0]


def test_without_file_system_events_the_slow_look_finds_new_pages(
        monkeypatch, open_window, qtbot, library_without_shangcheng):
    """Some file systems (network shares) send no events: the periodic re-sync covers them."""
    from reader.ui import library_session, library_watch

    monkeypatch.setattr(library_session, "watch_set", lambda root: library_watch.WatchSet())
    monkeypatch.setattr(library_watch, "POLL_MIN_MS", 200)
    root, page = library_without_shangcheng
    window = open_window(root)
    assert window.watcher.watched() == ([], [])
    (root / "pages" / page.name).write_bytes(page.read_bytes())
    qtbot.waitUntil(lambda: any(i.paper == "上城报" for i in window.issues().values()),
                    timeout=15000)


def test_cancel_stops_adding_pages(monkeypatch, open_window, qtbot, small_library, tmp_path):
    import time

    from reader.corpus import intake

    folder = tmp_path / "many"
    folder.mkdir()
    text = next((small_library / "pages").glob("002_*.txt")).read_text(encoding="utf-8")
    for n in range(6):  # six different pages of the same day (different page numbers)
        (folder / f"page{n}.txt").write_text(text.replace("第1版", f"第{n + 1}版", 1),
                                             encoding="utf-8")

    def slow_add(paths, root, progress, cancelled):  # type: ignore[no-untyped-def]
        def step(done: int, total: int) -> None:
            progress(done, total)
            deadline = time.monotonic() + 10
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)  # hold after each file until the user cancels

        return real_add(paths, root, step, cancelled)

    real_add = intake.add_pages
    monkeypatch.setattr(intake, "add_pages", slow_add)  # looked up when pages are added
    window = open_window(small_library)
    window.library.add_paths([folder])
    qtbot.waitUntil(lambda: window.cancel_button.isVisible() and window.progress.value() >= 1,
                    timeout=10000)
    with qtbot.waitSignal(window.library.added, timeout=15000) as done:
        window.cancel_button.click()
    report = done.args[0]
    assert report.cancelled and 1 <= len(report.added) < 6
    assert "Cancelled" in window.library.report_dialog.summary.text()
