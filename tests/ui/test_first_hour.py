"""What a new user runs into in the first hour: the article reopened at start, stale state
after moving on, the issue header and the window title."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from reader.ui.models import KindRole

from .conftest import day_position, type_chinese

pytestmark = pytest.mark.gui
# The history's completer pops up while typing: the offscreen platform says it cannot raise
# or grab for it.
popups = pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")


def longest_article(window):  # type: ignore[no-untyped-def]
    return max(window.catalog.articles(), key=lambda a: len(a.body))


def test_the_article_reopened_at_start_shows_its_beginning(open_window, qtbot,
                                                           small_library: Path):
    first = open_window(small_library)
    article = longest_article(first)
    first.open_article(article.id)
    first.close()
    again = open_window(small_library)
    qtbot.waitUntil(lambda: again.current_article() is not None)
    assert again.current_article().id == article.id
    bar = again.article_view.verticalScrollBar()
    qtbot.wait(50)
    assert bar.maximum() > 0  # longer than the view: there is an end to be scrolled to
    assert bar.value() == 0


def test_the_calendar_line_forgets_the_hovered_day(window, qtbot):
    panel = window.calendar_panel
    calendar = panel.calendar
    resting = panel.jump_label.text()
    day = QDate(2022, 8, 10)
    viewport = calendar._table.viewport()
    qtbot.mouseMove(viewport, day_position(calendar, day))
    assert panel.jump_label.text().startswith("2022-08-10")
    qtbot.mouseMove(window.article_view.viewport(), QPoint(20, 20))
    assert panel.jump_label.text() == resting


def test_the_missing_pages_message_goes_when_moving_on(window, qtbot):
    issue = next(i for i in window.issues().values() if i.paper == "上城报" and i.date)
    window.open_issue(issue.key)
    model = window.page_model
    page = model.index(0, 0)
    kinds = [model.index(r, 0, page).data(KindRole) for r in range(model.rowCount(page))]
    guide = model.index(kinds.index("guide"), 0, page)
    tree = window.issue_view.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(guide).center())
    assert "not in the library" in window.status_text.text()
    qtbot.keyClick(tree, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)  # next issue
    assert window.page_model.issue().key != issue.key
    assert "not in the library" not in window.status_text.text()


def search(window, qtbot, text: str) -> int:  # type: ignore[no-untyped-def]
    window.search_box.setFocus()
    window.search_box.lineEdit().clear()
    type_chinese(window.search_box.lineEdit(), text)
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return shown.args[0]


@popups
def test_a_new_search_takes_the_old_marks_and_find_bar_away(window, qtbot):
    assert search(window, qtbot, "金承涛") > 0
    qtbot.waitUntil(lambda: window.article_view.highlighted_texts() != [])
    assert window.find_bar.isVisible()
    assert search(window, qtbot, "无此词语之检索") == 0
    assert not window.find_bar.isVisible()
    assert window.article_view.highlighted_texts() == []


@popups
def test_a_date_in_the_query_shows_in_the_date_filter(window, qtbot):
    results = window.results
    assert not results.dated.isChecked()
    search(window, qtbot, "金承涛 date:2022-08")
    assert results.dated.isChecked() and not results.dated.isEnabled()
    assert results.date_from.date() == QDate(2022, 8, 1)
    assert results.date_to.date() == QDate(2022, 8, 31)
    search(window, qtbot, "金承涛")
    assert not results.dated.isChecked() and results.dated.isEnabled()


@popups
def test_only_searches_that_found_something_and_were_kept_enter_the_history(window, qtbot):
    window.search_box.setFocus()
    type_chinese(window.search_box.lineEdit(), "金承")
    with qtbot.waitSignal(window.resultsShown, timeout=10000):
        pass  # the search as one types, after the pause
    type_chinese(window.search_box.lineEdit(), "涛")
    with qtbot.waitSignal(window.resultsShown, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    search(window, qtbot, "金承涛无此")  # a typo: nothing found
    assert window.state.history == ["金承涛"]
    box = window.search_box
    assert [box.itemText(n) for n in range(box.count())] == ["金承涛"]


def test_the_page_line_counts_articles_not_guide_entries(window, qtbot):
    issue = next(i for i in window.issues().values() if i.paper == "上城报" and i.date)
    parsed = window.catalog.page(issue.pages[0][1])
    assert parsed.guide  # the page has 导读 entries besides its articles
    window.open_issue(issue.key)
    label = window.page_model.index(0, 0).data()
    assert label.split(" · ")[-1].split()[0] == str(len(parsed.articles)), label


def test_the_undated_issue_header_names_its_paper_once(window, qtbot):
    undated = next(i for i in window.issues().values() if i.undated)
    window.open_issue(undated.key)
    doc = QTextDocument()
    doc.setHtml(window.issue_view.title.text())
    header = doc.toPlainText()
    assert header.count(undated.paper) == 1, header
    assert undated.pages[0][1].rsplit("/", 1)[-1] in header


def test_the_window_title_names_the_library_and_leaves_the_app_name_to_qt(window,
                                                                         small_library):
    # Qt's platforms add the application's display name to every window title.
    assert window.windowTitle() == small_library.name
