"""Dates, pages, positions and papers read from where a file lives (issue 18)."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.corpus.pathmeta import folder_layout, is_record_name, read_path

FEB_1 = dt.date(2019, 2, 1)


@pytest.mark.parametrize(("source", "date", "page"), [
    ("renmin-2019-02-01-p01.txt", FEB_1, 1),          # YYYY-MM-DD and p01
    ("2019/02/01/03.txt", FEB_1, 3),                   # YYYY/MM/DD, bare page beside a date
    ("20190201-05.txt", FEB_1, 5),                     # YYYYMMDD and -05
    ("钱塘新区报/2022年8月10日/第2版.txt", dt.date(2022, 8, 10), 2),  # 年月日 and 第2版
    ("上城报/2020/04-21/01版.txt", dt.date(2020, 4, 21), 1),  # YYYY/MM-DD and 01版
    ("shangcheng_2020.04.21_A03.txt", dt.date(2020, 4, 21), 3),  # A03
    ("第十二版.txt", None, 12),                          # a page needs no date when marked
])
def test_each_name_form_gives_its_date_and_page(source: str, date: dt.date | None,
                                                page: int) -> None:
    meta = read_path(source)
    assert (meta.date, meta.page) == (date, page)


def test_a_paper_comes_from_a_folder_named_like_a_paper_only() -> None:
    assert read_path("钱塘新区报/2022年8月10日/第2版.txt").paper == "钱塘新区报"
    assert read_path("archive/人民日报/2019/02/01/03.txt").paper == "人民日报"
    # a month folder, a Latin name, a generic folder are no papers
    meta = read_path("pages/2019-02/renmin-2019-02-01-p01.txt")
    assert meta.paper is None and meta.date == FEB_1 and meta.page == 1
    assert read_path("renmin/2019/02/01/03.txt").paper is None


def test_names_without_a_date_give_no_bogus_date_or_page() -> None:
    assert read_path("001_7373efc8816d55bd.txt") == read_path("")
    meta = read_path("corpus/004_f21dfc14c585a82d.txt")
    assert (meta.date, meta.page, meta.paper) == (None, None, None)
    # a bare number is a page only beside a date
    assert read_path("scans/03.txt").page is None
    # a month is not a date; an impossible date is no date
    assert read_path("2019-02/notes.txt").date is None
    assert read_path("20191301-02.txt").date is None
    assert read_path("2019/02/30/01.txt").date is None


def test_the_date_nearest_the_file_wins() -> None:
    meta = read_path("2019/02/01/renmin-2019-02-02-p04.txt")
    assert (meta.date, meta.page) == (dt.date(2019, 2, 2), 4)


def test_article_records_are_named_with_date_page_and_position() -> None:
    meta = read_path("2019-02/20190201/20190201-07-03.txt")
    assert (meta.date, meta.page, meta.position) == (FEB_1, 7, 3)
    assert is_record_name("20190201-07-03.txt")
    assert not is_record_name("20190201-07.txt") and not is_record_name("renmin-p01.txt")
    assert folder_layout(["20190201-01-01.txt", "20190201-01-02.txt", "notes.txt"]) == "articles"
    assert folder_layout(["renmin-2019-02-01-p01.txt", "20190201-01-01.txt"]) == "pages"
    assert folder_layout([]) == "pages"
