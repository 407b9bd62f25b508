"""The other corrections of the window, as a user makes them: the headline dialog, a line's
role, words of a paragraph, the page's fields; a merge across a 下转/上接 jump; a library that
cannot be written; a correction the page no longer fits; a bookmark on a split article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from reader.corpus.sidecar import sidecar_path

from ..cli.test_corrections_cmd import _jump_library
from .conftest import ONE_PAGE
from .test_corrections import (
    ALT,
    CTRL,
    MEETING,
    TAIL,
    VISIT,
    click_article,
    click_into,
    corrected,
    listed,
    menu_action,
)
from .test_window_actions import click_bookmark

pytestmark = pytest.mark.gui
KICKER = "全市乡镇(街道)党(工)委书记工作交流会召开"  # the meeting article's kicker


def in_dialog(qtbot, fill) -> None:  # type: ignore[no-untyped-def]
    """Once the dialog opens, let ``fill`` type into it, then press Enter (OK)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        fill(dialog)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(100, act)


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    edit.insert(text)  # as an input method commits Chinese


def test_the_headline_dialog_sets_title_and_byline_as_one_undo(open_window, one_page, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, VISIT)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        retype(qtbot, dialog.fields["title"], "打造产业高地一流新区")
        retype(qtbot, dialog.fields["byline"], "首席记者 郁佳炜 通讯员 张三")

    in_dialog(qtbot, fill)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_H,
                                                    CTRL | ALT))
    article = window.current_article()
    assert (article.title, article.byline) == ("打造产业高地一流新区", "首席记者 郁佳炜 通讯员 张三")
    assert listed(window)[-1] == "打造产业高地一流新区"
    text = window.article_view.plain_text()
    assert "the title set to “打造产业高地一流新区”" in text and "the byline set to" in text
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL))
    assert listed(window)[-1] == VISIT  # both fields back with one Ctrl+Z
    assert not sidecar_path(one_page / ONE_PAGE).exists()


def test_a_line_becomes_the_subtitle_through_the_menu(open_window, one_page, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)
    click_into(window, qtbot, KICKER)
    action = menu_action(window.menus.edit_menu, "the Subtitle")
    corrected(window, qtbot, action.trigger)
    article = window.current_article()
    assert (article.kicker, article.subtitle) == (None, KICKER)


def test_fix_words_takes_the_selected_words(open_window, one_page, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)
    view = window.article_view
    view.setTextCursor(view.document().find("昨日下午召开"))  # as a drag over the words
    seen: list[str] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append(dialog.old.text())
        retype(qtbot, dialog.new, "昨日下午在杭州召开")

    in_dialog(qtbot, fill)
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_W, CTRL | ALT))
    assert seen == ["昨日下午召开"]
    assert "昨日下午在杭州召开" in window.current_article().body


def test_the_page_dialog_corrects_the_issue_number(open_window, one_page, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.issue.setFocus()
        dialog.issue.selectAll()
        qtbot.keyClicks(dialog.issue, "286")

    in_dialog(qtbot, fill)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_P,
                                                    CTRL | ALT))
    assert window.current_article().issue_no == 286
    assert "issue 286" in window.article_view.plain_text()
    assert "issue_no = 286" in sidecar_path(one_page / ONE_PAGE).read_text("utf-8")


def test_merge_next_on_the_last_article_of_its_page_follows_its_jump(
        open_window, tmp_path: Path, qtbot):
    root, day = _jump_library(tmp_path)
    page = day / "第1版.txt"
    masthead, jumps, other = page.read_text("utf-8").split("## ")
    page.write_text(f"{masthead}## {other.rstrip()}\n\n## {jumps}", "utf-8")  # it goes last
    window = open_window(root)
    click_article(window, qtbot, "凝聚共识 加快发展现代服务业 (continued on p. 2)")
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_J,
                                                    CTRL | ALT))
    article = window.current_article()
    assert article.page == 1 and "主引擎" in article.body
    assert listed(window) == ["区政协召开部门工作通报会", "凝聚共识 加快发展现代服务业",
                              "社区里的晴雨客厅"]


def test_across_a_jump_the_continuation_joins_its_first_part(open_window, tmp_path: Path,
                                                             qtbot):
    root, day = _jump_library(tmp_path)
    window = open_window(root)
    click_article(window, qtbot, "凝聚共识 加快发展现代服务业 (continued on p. 2)")
    action = menu_action(window.menus.edit_menu, "Merge with Its Continuation (下转/上接)")
    corrected(window, qtbot, action.trigger)
    article = window.current_article()
    assert article.page == 1 and "主引擎" in article.body
    assert (day / "第1版.meta.toml").exists() and (day / "第2版.meta.toml").exists()
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL))
    assert not list(day.glob("*.meta.toml"))  # both halves undone by one Ctrl+Z


def test_a_read_only_library_keeps_corrections_in_the_overlay(open_window, one_page, qtbot,
                                                               refuse_sidecar):
    side = sidecar_path(one_page / ONE_PAGE)
    refuse_sidecar(side)
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_J,
                                                    CTRL | ALT))
    assert not side.exists()
    bar = window.notice("corrections-overlay")
    assert bar is not None and "cannot be written" in bar.text()
    assert "刘忻指出" in window.current_article().body  # corrected all the same
    assert "kept in your own data folder" in window.article_view.plain_text()
    assert len(listed(window)) == 3


def test_a_correction_that_no_longer_applies_is_said_and_kept(open_window, one_page, qtbot):
    side = sidecar_path(one_page / ONE_PAGE)
    side.write_text('schema = 2\n\n[[corrections]]\nop = "split"\narticle = "本报讯25日上午"\n'
                    'text = "这段话不在版面上"\nold = "这段话不在版面上"\nby = "wang"\n'
                    'at = "2026-12-01T22:14:42Z"\n', "utf-8")
    kept = side.read_bytes()
    window = open_window(one_page)
    click_article(window, qtbot, VISIT)
    bar = window.notice("corrections-missing")
    assert bar is not None and "no longer applies" in bar.text() and "这段话不在版面上" in bar.text()
    assert side.read_bytes() == kept
    assert window.problems_button.isVisible()  # among the problem files (Library Information)
    click_article(window, qtbot, MEETING)
    assert window.notice("corrections-missing") is not None  # it is the page's, not the article's


def test_a_bookmark_on_a_split_article_still_opens(open_window, one_page, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, VISIT)
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, CTRL)  # bookmark it
    click_into(window, qtbot, TAIL)
    corrected(window, qtbot, lambda: qtbot.keyClick(window.article_view, Qt.Key.Key_Return,
                                                    CTRL | ALT))
    click_article(window, qtbot, MEETING)
    click_bookmark(window, qtbot, 0)
    with qtbot.waitSignal(window.articleShown, timeout=5000):
        qtbot.keyClick(window.bookmarks_panel.tree, Qt.Key.Key_Return)
    article = window.current_article()
    assert article.title == VISIT and TAIL not in article.body


def test_an_undo_of_a_sidecar_changed_since_is_refused_and_kept(open_window, one_page, qtbot):
    window = open_window(one_page)
    click_article(window, qtbot, MEETING)
    view = window.article_view
    corrected(window, qtbot, lambda: qtbot.keyClick(view, Qt.Key.Key_J, CTRL | ALT))
    side = sidecar_path(one_page / ONE_PAGE)
    side.write_text(side.read_text("utf-8") + "# a colleague's note\n", "utf-8")
    changed = side.read_bytes()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.notice("correction-refused") is not None)
    assert "changed after" in window.notice("correction-refused").text()
    assert side.read_bytes() == changed  # the colleague's change is not lost
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
