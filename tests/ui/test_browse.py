"""Browsing: calendar → issue → article; the issue list; pages and guide entries; undated
pages given a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor

from reader.corpus import sidecar as sidecar_module
from reader.ui.dialogs.assign_date import AssignDateDialog
from reader.ui.models import KindRole

from .conftest import day_position

pytestmark = pytest.mark.gui


def dated_issue(window, paper=None):  # type: ignore[no-untyped-def]
    issues = [i for i in window.issues().values() if i.date and (paper is None or i.paper == paper)]
    return issues[0]


def test_choosing_a_day_in_the_calendar_opens_its_issue_and_first_article(window, qtbot):
    issue = dated_issue(window)
    calendar = window.calendar_panel.calendar
    day = QDate(issue.date.year, issue.date.month, issue.date.day)
    pos = day_position(calendar, day)
    with qtbot.waitSignal(window.articleShown) as shown:
        qtbot.mouseClick(calendar._table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.page_model.issue().key == issue.key
    first = window.catalog.page(issue.pages[0][1]).articles[0]
    assert shown.args == [first.id]
    assert first.display_title in window.article_view.plain_text()
    assert window.article_title.text() == first.display_title
    # The issue list follows: the issue's row is the current one.
    assert window.issue_list.current_key() == issue.key


def test_calendar_marks_issue_days_and_tells_lunar_date(window):
    calendar = window.calendar_panel.calendar
    days = calendar.issue_days()
    assert sorted(i.date for i in window.issues().values() if i.date) == days
    text = calendar.describe(QDate(2022, 8, 10))
    assert "壬寅年七月十三" in text
    assert window.locale().dayName(3) in text  # a Wednesday
    empty_day = QDate(2022, 8, 11)
    assert calendar.issues_on(empty_day) == []


def test_month_jumps_go_to_months_with_issues(window):
    panel = window.calendar_panel
    calendar = panel.calendar
    months = sorted({(d.year, d.month) for d in calendar.issue_days()})
    calendar.setCurrentPage(*months[0])
    assert not panel.previous_button.isEnabled()
    for month in months[1:]:
        panel.next_button.click()
        assert (calendar.yearShown(), calendar.monthShown()) == month
    assert not panel.next_button.isEnabled()


def test_day_with_two_papers_lets_the_user_choose(window, qtbot, small_library: Path, open_window):
    # Give the undated 钱塘新区报 page the date of the 上城报 issue: two papers on one day.
    shangcheng = dated_issue(window, "上城报")
    undated = next(i for i in window.issues().values() if i.undated)
    sidecar_module.write_sidecar(small_library / undated.pages[0][1], {"date": shangcheng.date})
    with qtbot.waitSignal(window.catalogReady, timeout=20000):
        window.start_sync()
    calendar = window.calendar_panel.calendar
    day = QDate(shangcheng.date.year, shangcheng.date.month, shangcheng.date.day)
    assert len(calendar.issues_on(day)) == 2
    opened = []
    window.articleShown.connect(opened.append)
    qtbot.mouseClick(calendar._table.viewport(), Qt.MouseButton.LeftButton,
                     pos=day_position(calendar, day))
    assert opened == []  # nothing opened: the user is asked to choose
    info = window.calendar_panel.info.text()
    assert "上城报" in info and "钱塘新区报" in info
    key = calendar.issues_on(day)[0].key
    with qtbot.waitSignal(window.articleShown):
        window.calendar_panel.info.linkActivated.emit(f"issue:{key}")
    assert window.page_model.issue().key == key


def test_issue_list_groups_and_filters_by_paper(window):
    proxy = window.issue_list.proxy
    tops = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert "上城报" in tops and "钱塘新区报" in tops
    undated_row = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(KindRole) == "undated"]
    assert undated_row == [proxy.rowCount() - 1]
    combo = window.issue_list.paper
    combo.setCurrentIndex(combo.findData("上城报"))
    tops = [proxy.index(r, 0).data(KindRole) for r in range(proxy.rowCount())]
    assert tops == ["paper"]
    assert proxy.index(0, 0).data() == "上城报"
    paper = proxy.index(0, 0)
    year = proxy.index(0, 0, paper)
    month = proxy.index(0, 0, year)
    issue = proxy.index(0, 0, month)
    assert issue.data(KindRole) == "issue"
    assert "1492" in issue.data() and "2020-04-21" in issue.data()


def test_issue_pages_show_articles_guide_and_absent_pages(window, qtbot):
    issue = dated_issue(window, "上城报")
    window.open_issue(issue.key)
    model = window.page_model
    page = model.index(0, 0)
    kinds = [model.index(r, 0, page).data(KindRole) for r in range(model.rowCount(page))]
    parsed = window.catalog.page(issue.pages[0][1])
    assert kinds.count("article") == len(parsed.articles)
    assert kinds.count("guide") == len(parsed.guide)
    absent = model.index(model.rowCount() - 1, 0)
    assert absent.data(KindRole) == "absent"
    # A guide entry points at pages the library does not hold: a message, not an error.
    guide = model.index(kinds.index("guide"), 0, page)
    window.issue_view._on_activated(guide)
    assert "2" in window.status_text.text()
    byline = model.index(0, 1, page).data()
    assert byline == (parsed.articles[0].byline or "")


def test_article_continuing_on_an_absent_page_says_so(window, qtbot):
    article = next(a for a in window.catalog.articles() if a.continues_on)
    window.open_article(article.id)
    assert window.article_view.article.id == article.id
    window.article_view.openPageRequested.emit(article.continues_on)
    assert str(article.continues_on) in window.status_text.text()


def test_previous_and_next_article_in_page_order(window, qtbot):
    issue = dated_issue(window)
    window.open_issue(issue.key)
    ids = window.page_model.article_ids()
    assert window.article_view.article.id == ids[0]
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.article_view.article.id == ids[1]
    window.prev_article_action.trigger()
    assert window.article_view.article.id == ids[0]
    assert not window.prev_article_action.isEnabled()


def test_assigning_a_date_moves_the_undated_page_to_its_issue(window, qtbot, monkeypatch,
                                                               small_library: Path):
    undated = next(i for i in window.issues().values() if i.undated)
    monkeypatch.setattr(AssignDateDialog, "exec", lambda self: AssignDateDialog.DialogCode.Accepted)
    monkeypatch.setattr(AssignDateDialog, "date", lambda self: dt.date(2022, 5, 6))
    with qtbot.waitSignal(window.catalogReady, timeout=20000):
        window.assign_date(undated.key)
    sidecar = sidecar_module.sidecar_path(small_library / undated.pages[0][1])
    assert "2022-05-06" in sidecar.read_text(encoding="utf-8")
    assert not any(i.undated for i in window.issues().values())
    assert dt.date(2022, 5, 6) in window.calendar_panel.calendar.issue_days()


def test_assigning_a_date_in_a_read_only_folder_keeps_it_in_ones_own_data_and_says_so(
        window, qtbot, monkeypatch, refuse_sidecar):
    undated = next(i for i in window.issues().values() if i.undated)
    side = sidecar_module.sidecar_path(window.catalog.root / undated.pages[0][1])
    refuse_sidecar(side)
    monkeypatch.setattr(AssignDateDialog, "exec", lambda self: AssignDateDialog.DialogCode.Accepted)
    monkeypatch.setattr(AssignDateDialog, "date", lambda self: dt.date(2022, 5, 6))
    window.assign_date(undated.key)
    qtbot.waitUntil(lambda: not any(i.undated for i in window.issues().values()),
                    timeout=20000)
    assert not side.exists()
    bar = window.notice("corrections-overlay")
    assert bar is not None and "cannot be written" in bar.text()
    assert window.page_model.issue().date == dt.date(2022, 5, 6)


def test_article_continuing_on_a_page_in_the_library_goes_there(open_window, qtbot,
                                                                small_library: Path):
    # Add page 2 of the issue whose front-page article says (下转第2版).
    page2 = small_library / "pages" / "page2.txt"
    page2.write_text(
        "钱塘新区报 2021年11月26日 星期五 第2版\n\n## 书记履新“第一站”\n\n■首席记者 郁佳炜\n\n"
        "(上接第1版)区委书记来到医药港小镇,参观小镇展厅,看展板、听汇报。\n",
        encoding="utf-8")
    window = open_window(small_library)
    article = next(a for a in window.catalog.articles() if a.continues_on == 2)
    window.open_article(article.id)
    target = window.catalog.page("pages/page2.txt").articles[0]
    # Click the jump line at the end of the article, as a reader does.
    view = window.article_view
    text = view.plain_text()
    at = text.rindex("2", 0, len(text))
    cursor = QTextCursor(view.document())
    cursor.setPosition(at)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    point = view.cursorRect(cursor).center()
    with qtbot.waitSignal(window.articleShown) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.args == [target.id]
    assert window.article_view.article.page == 2


def test_a_first_start_opens_the_newest_issue_not_empty_panes(window):
    """No article read before: the newest issue is open, its first article shown, and the
    calendar on its month."""
    article = window.current_article()
    assert article is not None
    assert article.date is not None and article.date.isoformat() == "2022-10-31"
    assert article.title == "发挥科技型骨干企业引领支撑作用 集中力量打好扩大有效投资攻坚战"
    assert window.page_model.issue().date.isoformat() == "2022-10-31"
    shown = window.calendar_panel.calendar
    assert (shown.yearShown(), shown.monthShown()) == (2022, 10)


def test_the_window_has_the_readers_icon(window):
    icon = window.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(32, 32).toImage()
    assert image.pixelColor(16, 3).red() > 120  # the red frame, not a blank default
