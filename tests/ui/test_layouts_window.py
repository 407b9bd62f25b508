"""The two layouts in the window: pages dated by their names, and article-per-file archives
(issues 18 and 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from reader.ui.library_controller import PAPER_KEY
from reader.ui.models import KindRole

from .conftest import day_position, type_chinese

pytestmark = pytest.mark.gui

IND = "\u3000\u3000"


def write_records(root: Path) -> None:
    """Three days of a paper kept one article per file, its name in library.toml."""
    for day in ("20190204", "20190205", "20190207"):
        for page, n, title in ((1, 1, "春节前夕的问候"), (1, 2, "乡村里的新年"), (2, 1, "冰雪运动进校园")):
            path = root / "2019-02" / day / f"{day}-{page:02d}-{n:02d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            lines = ["新春走基层" if n == 1 else "", f"{title}（{day[-2:]}日）", "",
                     IND + f"{title}，这是正文的第一段，写得清清楚楚。", IND + "第二段接着讲。"]
            path.write_bytes("\r\n".join(lines).encode("utf-8"))


def test_an_article_per_file_folder_opens_as_a_library(open_window, qtbot, tmp_path: Path):
    root = tmp_path / "records"
    write_records(root)
    (root / "library.toml").write_text('schema = 1\npaper = "示例日报"\n', "utf-8")
    window = open_window(root)
    calendar = window.calendar_panel.calendar
    assert sorted(calendar.issue_days()) == [
        dt.date(2019, 2, 4), dt.date(2019, 2, 5), dt.date(2019, 2, 7)]
    proxy = window.issue_list.proxy
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["示例日报"]
    month = proxy.index(0, 0, proxy.index(0, 0, proxy.index(0, 0)))
    rows = [proxy.index(r, 0, month).data() for r in range(proxy.rowCount(month))]
    assert rows == [f"2019-02-0{d} · pages: 2" for d in (4, 5, 7)]  # three files, two pages

    pos = day_position(calendar, QDate(2019, 2, 5))
    with qtbot.waitSignal(window.articleShown):
        qtbot.mouseClick(calendar._table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    article = window.current_article()
    assert article is not None
    assert (article.kicker, article.title) == ("新春走基层", "春节前夕的问候（05日）")
    assert window.article_title.text() == "春节前夕的问候（05日）"
    assert "新春走基层" in window.article_view.plain_text()
    # The two records of page 1 are one page holding two articles, in their order.
    model = window.page_model
    pages = [model.index(r, 0) for r in range(model.rowCount())]
    assert [p.data(KindRole) for p in pages] == ["page", "page"]
    assert [model.index(r, 0, pages[0]).data() for r in range(model.rowCount(pages[0]))] == [
        "春节前夕的问候（05日）", "乡村里的新年（05日）"]
    # Clicking the second article of the page opens it.
    tree = window.issue_view.tree
    tree.expand(pages[0])
    rect = tree.visualRect(model.index(1, 0, pages[0]))
    with qtbot.waitSignal(window.articleShown):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article_title.text() == "乡村里的新年（05日）"
    assert "乡村里的新年，这是正文的第一段" in window.article_view.plain_text()


def test_pages_dated_by_their_names_mark_their_days(open_window, tmp_path: Path):
    root = tmp_path / "named"
    for rel in ("pages/2019-02/renmin-2019-02-11-p01.txt", "pages/2019-02/renmin-2019-02-11-p02.txt",
                "2019/02/12/01.txt", "钱塘新区报/2022年8月10日/第2版.txt"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("## 一篇文章\n\n本报讯 正文写在这里。\n", "utf-8")
    window = open_window(root)
    calendar = window.calendar_panel.calendar
    assert sorted(calendar.issue_days()) == [
        dt.date(2019, 2, 11), dt.date(2019, 2, 12), dt.date(2022, 8, 10)]
    issue = calendar.issues_on(dt.date(2019, 2, 11))[0]
    assert [p for p, _ in issue.pages] == [1, 2]
    tip = window.issue_list.proxy.sourceModel()._tooltip(issue)
    assert "file names and folders" in tip


def test_the_paper_is_named_once_in_library_information(open_window, qtbot, tmp_path: Path):
    root = tmp_path / "records"
    write_records(root)
    window = open_window(root)
    assert {i.paper for i in window.issues().values()} == {"未知报纸"}
    ask = window.notice(PAPER_KEY)  # the window asks for the paper's name
    assert ask is not None and "do not say which paper" in ask.text()
    ask.button("Name the Paper…").click()
    assert window.notice(PAPER_KEY) is None
    dialog = window.library.info_dialog
    assert dialog is not None and dialog.isVisible()
    assert "do not name their paper" in dialog.settings_note.text()
    type_chinese(dialog.paper_name, "示例日报")  # as an input method commits it
    qtbot.keyClick(dialog.paper_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: {i.paper for i in window.issues().values()} == {"示例日报"},
                    timeout=15000)
    assert 'paper = "示例日报"' in (root / "library.toml").read_text("utf-8")
    qtbot.waitUntil(lambda: dialog.papers.topLevelItem(0).text(0) == "示例日报", timeout=5000)
    assert window.notice(PAPER_KEY) is None  # asked once


def test_a_library_that_names_its_paper_is_not_asked(open_window, tmp_path: Path):
    root = tmp_path / "records"
    write_records(root)
    (root / "library.toml").write_text('paper = "示例日报"\n', "utf-8")
    window = open_window(root)
    assert window.notice(PAPER_KEY) is None


def test_a_masthead_that_contradicts_its_file_name_is_a_problem_file(
        qapp, open_window, tmp_path: Path):
    from reader.ui.i18n import install_translators, remove_translators

    root = tmp_path / "named"
    page = root / "2022-08-11-p01.txt"
    page.parent.mkdir(parents=True)
    page.write_text("钱塘新区报\n2022年8月10日 星期三\n第391期\n\n## 标题\n\n本报讯 正文。\n", "utf-8")
    translators = install_translators(qapp, "zh_CN")
    try:
        window = open_window(root)
        assert window.problems_button.isVisible()
        window.problems_button.click()
        dialog = window.library.info_dialog
        ((path, reason),) = dialog.problem_rows()
    finally:
        remove_translators(qapp, translators)
    assert path == "2022-08-11-p01.txt"
    assert reason.startswith("报头与文件名或文件夹所示不一致")
    assert "2022-08-10" in reason and "2022-08-11" in reason
    # the masthead's date stands: the issue is on the 10th
    assert [i.date for i in window.issues().values()] == [dt.date(2022, 8, 10)]
