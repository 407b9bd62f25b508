"""Correcting a page in the window, as a librarian does: a new article starts at a
paragraph, two articles are one; the issue list, the search, an exported Word file and a new
window show the corrected articles; Ctrl+Z and Ctrl+Shift+Z take it back and do it again
(and, in a dialog's text field, the typing there); a correction made by the command line
shows in the open article."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from reader.corpus.sidecar import sidecar_path
from reader.ui.dialogs.bookmark_dialog import BookmarkDialog
from reader.ui.views.message_bar import MessageBar

from .conftest import ONE_PAGE as SEED  # 钱塘新区报 2021-11-26 第1版, four articles
from .conftest import type_chinese

pytestmark = pytest.mark.gui

VISIT = "坚持改革开放创新发展 打造产业高地一流新区"  # the fourth article: 金承涛 visits
TAIL = "在综合保税区,金承涛调研全球中心仓"  # its fourth paragraph: the new article's start
MEETING = "展现新气象 奋进新征程 在新的赶考路上交出优异答卷"  # the first article
LECTURE = "刘忻在钱塘区宣讲党的十九届六中全会精神"  # the second one
JUMP = "书记履新“第一站” 聚焦产业平台“国际范” (continued on p. 2)"  # the third
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def listed(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The headlines of the open issue as the issue list shows them."""
    model = window.page_model
    out = []
    for r in range(model.rowCount()):
        page = model.index(r, 0)
        window.issue_view.tree.expand(page)
        out += [model.index(n, 0, page).data() for n in range(model.rowCount(page))]
    return out


def click_article(window, qtbot, title: str) -> None:  # type: ignore[no-untyped-def]
    """Click the article's row in the issue list."""
    model, tree = window.page_model, window.issue_view.tree
    window.tabs.setCurrentWidget(window.issue_view)
    rows = [(model.index(n, 0, model.index(r, 0))) for r in range(model.rowCount())
            for n in range(model.rowCount(model.index(r, 0)))]
    index = next(i for i in rows if i.data() == title)
    tree.scrollTo(index)
    with qtbot.waitSignal(window.articleShown, timeout=5000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=tree.visualRect(index).center())
    assert title.startswith(window.current_article().display_title)


def click_into(window, qtbot, words: str) -> None:  # type: ignore[no-untyped-def]
    """Scroll to ``words`` in the article and click into them."""
    view = window.article_view
    found = view.document().find(words)
    assert not found.isNull(), words
    probe = QTextCursor(found)
    probe.setPosition(found.selectionStart() + 2)
    rect = view.cursorRect(probe)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + rect.center().y() - view.viewport().height() // 2)
    rect = view.cursorRect(probe)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.textCursor().block().text().find(words) >= 0


def corrected(window, qtbot, do) -> None:  # type: ignore[no-untyped-def]
    """Do ``do`` and wait until the page has been read again and re-indexed."""
    with qtbot.waitSignal(window.search.indexReady, timeout=30000), \
            qtbot.waitSignal(window.libraryChanged, timeout=30000):
        do()
    qtbot.waitUntil(lambda: window.current_article() is not None)
    window.activateWindow()  # back from a dialog, as the window manager does
    qtbot.waitUntil(window.isActiveWindow)


def menu_action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    """The item of ``menu`` (or of its submenus) that reads ``text``."""
    for action in menu.actions():
        if action.menu() is not None:
            found = menu_action(action.menu(), text)
            if found is not None:
                return found
        elif action.text().replace("&", "") == text:
            return action
    return None


def search_titles(window, qtbot, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    box = window.search_box.lineEdit()
    window.search_box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    type_chinese(box, query)
    with qtbot.waitSignal(window.resultsShown, timeout=10000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    model = window.hit_model
    return [model.hit(n).title for n in range(model.rowCount())]


def test_split_and_merge_through_the_window_show_everywhere_and_stay(
        open_window, one_page: Path, qtbot, tmp_path: Path):
    window = open_window(one_page)
    assert listed(window) == [MEETING, LECTURE, JUMP, VISIT]

    # Split: click into the paragraph, then Ctrl+Alt+Return (Edit → A New Article Starts Here).
    click_article(window, qtbot, VISIT)
    click_into(window, qtbot, TAIL)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_Return,
                                                    CTRL | ALT))
    titles = listed(window)
    assert len(titles) == 5 and titles[3] == VISIT
    shown = window.current_article()  # the new article is opened
    assert shown.body.startswith(TAIL) and not shown.has_headline
    new_title = shown.display_title  # derived from its first sentence: no headline printed
    assert titles[4] == f"{new_title} (derived)" and "全球中心仓" in new_title
    visit = next(a for a in window.catalog.articles() if a.title == VISIT)
    assert TAIL not in visit.body  # the first part ends before it

    # Merge: the first article with the next one, through the Edit menu.
    click_article(window, qtbot, MEETING)
    action = menu_action(window.menus.edit_menu, "Merge with the Next Article")
    corrected(window, qtbot, action.trigger)
    titles = listed(window)
    assert titles[0] == MEETING and LECTURE not in titles and len(titles) == 4
    merged = window.current_article()
    assert merged.title == MEETING and "刘忻指出" in merged.body
    assert any(LECTURE in p.text for p in merged.paragraphs if p.kind == "heading")

    # The corrected article says so, quietly, with its corrections listed at its end.
    text = window.article_view.plain_text()
    assert "corrected" in text and "Corrections of this article" in text
    assert "and the article after it are one" in text

    # Search: the split-off part is an article of its own now, the lecture part of the meeting.
    hits = search_titles(window, qtbot, "全球中心仓")
    assert hits == [new_title]
    assert MEETING in search_titles(window, qtbot, "刘忻")

    # Export the issue to Word and read it back.
    import docx

    from .test_bookmarks_export import _choose_scope, _export, _open_export_dialog, _type_path

    window.tabs.setCurrentWidget(window.issue_view)
    window.issue_view.tree.setFocus()
    qtbot.keyClick(window.issue_view.tree, Qt.Key.Key_A, CTRL)  # every article of the issue
    dialog = _open_export_dialog(window, qtbot)
    _choose_scope(qtbot, dialog, "selection")
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    _type_path(qtbot, dialog, tmp_path / "issue.docx")
    assert _export(qtbot, dialog) == [tmp_path / "issue.docx"]
    dialog.close()
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "issue.docx")).paragraphs]
    assert paragraphs[0].endswith("（4篇）")  # four articles: split one, merged two
    contents = [p for p in paragraphs if p.startswith("2021-11-26 第1版")]
    assert [c.split("  ", 1)[1] for c in contents] == [
        MEETING, JUMP.split(" (")[0], VISIT, f"[{new_title}]"]  # derived titles in brackets
    assert any(p.startswith(TAIL) for p in paragraphs)
    assert any("刘忻指出" in p for p in paragraphs)

    # A new window on the library: still corrected.
    window.close()
    again = open_window(one_page)
    assert listed(again) == [MEETING, JUMP, VISIT, f"{new_title} (derived)"]


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_to_the_byte(open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    side = sidecar_path(one_page / SEED)
    click_article(window, qtbot, VISIT)
    click_into(window, qtbot, TAIL)
    view = window.article_view
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_Return, CTRL | ALT))
    after_split = side.read_bytes()
    click_article(window, qtbot, MEETING)
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    after_merge = side.read_bytes()
    assert len(listed(window)) == 4
    assert window.undo_action.text().replace("&", "").startswith("Undo")

    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL))
    assert side.read_bytes() == after_split and len(listed(window)) == 5
    assert window.current_article().title == MEETING  # the article shown before the merge
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL))
    assert not side.exists()  # the first correction made the sidecar: it is gone again
    assert len(listed(window)) == 4 and not window.undo_action.isEnabled()

    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT))
    assert side.read_bytes() == after_split
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT))
    assert side.read_bytes() == after_merge and len(listed(window)) == 4
    assert not window.redo_action.isEnabled()


def test_ctrl_z_in_the_search_box_undoes_the_typing_there(open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    side = sidecar_path(one_page / SEED)
    click_article(window, qtbot, MEETING)
    view = window.article_view
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_Z, CTRL))
    saved = side.read_bytes()  # one merge done, one undone: both keys have work to do
    assert window.undo_action.isEnabled() and window.redo_action.isEnabled()
    box = window.search_box.lineEdit()
    window.search_box.setFocus()
    qtbot.keyClicks(box, "abc")
    field = QApplication.focusWidget()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert box.text() != "abc"  # the typing was undone …
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert box.text() == "abc"  # … and done again …
    qtbot.wait(200)
    assert side.read_bytes() == saved  # … not the corrections
    assert window.undo_action.isEnabled() and window.redo_action.isEnabled()


def test_the_mark_corrected_leads_to_the_list(open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)
    view = window.article_view
    assert "corrected" not in view.plain_text()  # nothing to say before a correction
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    mark = view.document().find("corrected")
    probe = QTextCursor(mark)
    probe.setPosition(mark.selectionStart() + 2)
    assert view.verticalScrollBar().value() == 0
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.cursorRect(probe).center())
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_the_context_menu_splits_at_the_paragraph_clicked(open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, VISIT)
    view = window.article_view
    found = view.document().find(TAIL)
    probe = QTextCursor(found)
    probe.setPosition(found.selectionStart() + 3)
    view.setTextCursor(probe)
    view.ensureCursorVisible()  # scrolled there
    view.moveCursor(QTextCursor.MoveOperation.Start)  # the cursor itself elsewhere
    pos = view.cursorRect(probe).center()
    offered: list[str] = []

    def choose() -> None:  # the user picks Correct This Article → A New Article Starts Here
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(a.text().replace("&", "") for a in menu.actions())
        menu_action(menu, "A New Article Starts Here").trigger()
        menu.close()

    QTimer.singleShot(50, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    corrected(window, qtbot, lambda: QApplication.sendEvent(view.viewport(), event))
    assert "Correct This Article" in offered
    assert window.current_article().body.startswith(TAIL)


def test_a_refused_correction_says_why_and_changes_nothing(open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, VISIT)  # the last article of the page: no next one
    qtbot.keyClick(window.article_view, Qt.Key.Key_J, CTRL | ALT)
    bar = window.notice("correction-refused")
    assert isinstance(bar, MessageBar) and "no article after this one" in bar.text()
    assert not sidecar_path(one_page / SEED).exists()
    assert not window.undo_action.isEnabled()


def test_the_keyboard_shortcuts_list_has_the_corrections(window):
    from reader.ui.dialogs.shortcuts import menu_shortcuts

    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    groups = dict(menu_shortcuts(menus))
    keys = dict(groups["Correct This Article"])
    assert keys["A New Article Starts Here"] == "Ctrl+Alt+Return"
    assert keys["Merge with the Next Article"] == "Ctrl+Alt+J"
    assert dict(groups["Edit"])["Undo"] == "Ctrl+Z"


def test_the_search_shown_follows_a_correction(open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    assert search_titles(window, qtbot, "全球中心仓") == [VISIT]
    click_article(window, qtbot, VISIT)
    click_into(window, qtbot, TAIL)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_Return,
                                                    CTRL | ALT))
    model = window.hit_model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.hit(0).title != VISIT)
    assert model.hit(0).title == window.current_article().display_title  # the new article


def test_copy_with_citation_leaves_out_the_list_of_corrections(open_window, one_page: Path,
                                                               qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)
    view = window.article_view
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    assert "Corrections of this article" in view.plain_text()
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL | ALT)
    copied = QApplication.clipboard().text()
    assert "刘忻指出" in copied and MEETING in copied
    assert "Corrections of this article" not in copied and "corrected" not in copied


def test_ctrl_z_in_the_note_editor_undoes_the_typing_not_a_correction(
        open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    side = sidecar_path(one_page / SEED)
    click_article(window, qtbot, MEETING)
    view = window.article_view
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    saved = side.read_bytes()  # a merge on the undo stack, behind the dialog
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)  # Bookmark This Article
    qtbot.waitUntil(window.bookmark_action.isChecked)
    seen: dict[str, str] = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BookmarkDialog)
        qtbot.mouseClick(dialog.note.viewport(), Qt.MouseButton.LeftButton)
        type_chinese(dialog.note, "写进报告")
        seen["typed"] = dialog.note.toPlainText()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
        seen["undone"] = dialog.note.toPlainText()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
        seen["redone"] = dialog.note.toPlainText()
        dialog.reject()

    QTimer.singleShot(100, in_the_dialog)
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL | SHIFT)  # Edit Note and Tags…: modal
    assert seen["typed"] == "写进报告"
    assert "写进报告" not in seen["undone"]  # the typing was undone in the editor …
    assert seen["redone"] == "写进报告"
    qtbot.wait(300)
    assert side.read_bytes() == saved  # … and the merge behind it stayed
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert len(listed(window)) == 3


def test_a_correction_by_the_command_line_shows_in_the_open_article(
        open_window, one_page: Path, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, LECTURE)
    before = window.current_article()
    view = window.article_view
    done = subprocess.run(
        [sys.executable, "-m", "reader", "correct", "--library", str(one_page), before.id,
         "set-title", "刘忻宣讲六中全会精神"], capture_output=True, text=True,
        env=os.environ.copy(), timeout=60)
    assert done.returncode == 0, done.stderr
    # The window notices the sidecar by itself (no F5) and shows the corrected text.
    qtbot.waitUntil(lambda: window.current_article().title == "刘忻宣讲六中全会精神",
                    timeout=20000)
    assert "刘忻宣讲六中全会精神" in view.toPlainText()
    assert LECTURE not in view.toPlainText()
    assert window.current_article().id != before.id  # a new id, followed on its page
    assert window.current_article().body == before.body
    assert window.notice("article-gone") is None
    assert window.issue_view.selected_article_ids() == [window.current_article().id]


def test_a_page_read_elsewhere_during_the_re_read_does_not_keep_the_old_article_open(
        open_window, one_page: Path, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """A worker (the hit's occurrences, the index) reads the corrected page from the catalog
    just as the correction's re-read stores it again: the page as it was must not be kept in
    the catalog's page cache, or the window cannot find the new article and leaves the one
    it was split from open."""
    import threading

    from reader.corpus.catalog import Catalog

    window = open_window(one_page)
    assert search_titles(window, qtbot, "全球中心仓") == [VISIT]
    click_article(window, qtbot, VISIT)
    click_into(window, qtbot, TAIL)
    catalog = window.catalog
    source = window.current_article().source
    read, forgot = threading.Event(), threading.Event()
    real_load, real_forget = Catalog._load_page, Catalog._forget

    def slow_load(self, name):  # type: ignore[no-untyped-def]
        page = real_load(self, name)  # the row before the re-read
        if threading.current_thread() is not threading.main_thread() and not read.is_set():
            read.set()
            forgot.wait(10)  # handed back after the re-read stored the page and forgot it
        return page

    def forget(self, sources):  # type: ignore[no-untyped-def]
        real_forget(self, sources)
        if source in sources:
            forgot.set()

    monkeypatch.setattr(Catalog, "_load_page", slow_load)
    monkeypatch.setattr(Catalog, "_forget", forget)
    with catalog._pages_lock:
        catalog._pages.clear()
    worker = threading.Thread(target=catalog.page, args=(source,))
    worker.start()
    assert read.wait(10)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_Return,
                                                    CTRL | ALT))
    worker.join()
    model = window.hit_model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.hit(0).title != VISIT)
    assert model.hit(0).title == window.current_article().display_title
