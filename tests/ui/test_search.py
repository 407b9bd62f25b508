"""Searching from the window: hits with marked snippets, occurrences in the article, F3."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.ui.models import HitRole

from .conftest import type_chinese

pytestmark = pytest.mark.gui

QUERY = "金承涛"


def search(window, qtbot, text: str) -> int:  # type: ignore[no-untyped-def]
    window.search_box.setFocus()
    type_chinese(window.search_box.lineEdit(), text)
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
        qtbot.keyClick(window.search_box.lineEdit(), Qt.Key.Key_Return)
    return shown.args[0]


def test_query_lists_hits_with_marked_snippets_and_marks_every_occurrence(window, qtbot):
    total = search(window, qtbot, QUERY)
    truth = [a for a in window.catalog.articles() if QUERY in a.headline + "\n" + a.body]
    assert total == len(truth) > 0
    model = window.hit_model
    assert model.rowCount() == len(truth)
    assert str(total) in window.results.total.text()
    for row in range(model.rowCount()):
        hit = model.index(row, 0).data(HitRole)
        assert hit.highlights, hit.title
        assert all(hit.snippet[s:e] == QUERY for s, e in hit.highlights)

    # Open the first hit as a user would: click it in the list.
    view = window.results.list
    rect = view.visualRect(model.index(0, 0))
    with qtbot.waitSignal(window.occurrencesShown, timeout=10000) as marked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    article = window.catalog.article(model.index(0, 0).data(HitRole).id)
    fields = (article.kicker, article.title, article.subtitle, article.byline, article.body)
    expected = sum((text or "").count(QUERY) for text in fields)
    assert marked.args == [expected]
    assert window.article_view.highlighted_texts() == [QUERY] * expected
    assert window.article_view.current_visible()
    assert window.find_bar.isVisible()
    assert window.find_bar.count.text() == f"1 / {expected}"

    qtbot.keyClick(window.article_view, Qt.Key.Key_F3)
    assert window.article_view.current_occurrence() == 2
    assert window.find_bar.count.text() == f"2 / {expected}"
    assert window.article_view.current_visible()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.article_view.current_occurrence() == 1


def test_query_without_match_says_so(window, qtbot):
    assert search(window, qtbot, "无此词语之检索") == 0
    assert window.results.stack.currentWidget() is window.results.message
    assert window.results.message.text() == window.results.tr("No article matches this search.")


def test_malformed_query_is_explained(window, qtbot):
    assert search(window, qtbot, '"疫情防控') == -1
    message = window.results.message.text()
    assert window.results.stack.currentWidget() is window.results.message
    assert "quote" in message or "引号" in message


def test_typing_searches_without_enter(window, qtbot):
    window.search_box.setFocus()
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
        type_chinese(window.search_box.lineEdit(), "疫情")
    assert shown.args[0] > 0


def test_filter_by_paper_narrows_hits(window, qtbot):
    total = search(window, qtbot, "区")
    combo = window.results.paper
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
        combo.setCurrentIndex(combo.findData("上城报"))
    narrowed = shown.args[0]
    assert 0 < narrowed < total
    papers = {window.hit_model.hit(r).paper for r in range(window.hit_model.rowCount())}
    assert papers == {"上城报"}


def test_history_remembers_recent_queries(window, qtbot):
    search(window, qtbot, "疫情")
    window.search_box.lineEdit().clear()
    search(window, qtbot, QUERY)
    items = [window.search_box.itemText(i) for i in range(window.search_box.count())]
    assert items[:2] == [QUERY, "疫情"]


def test_find_in_article_without_a_search(window, qtbot):
    article = next(a for a in window.catalog.articles() if a.body.count("发展") >= 2)
    window.open_article(article.id)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    type_chinese(window.find_bar.edit, "发展")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    shown = window.article_view.plain_text().count("发展")
    assert window.article_view.occurrence_count() == shown >= 2
    assert window.find_bar.count.text() == f"1 / {shown}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 / {shown}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.article_view.occurrence_count() == 0
