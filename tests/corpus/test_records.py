"""Article-per-file archives (issue 10, part 2): one file is one article, read as laid out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.corpus.accounting import difference
from reader.corpus.catalog import Catalog
from reader.corpus.intake import add_pages
from reader.corpus.resolve import load_entry

IND = "\u3000\u3000"


def record(kicker: str, title: str, subtitle: str, *paragraphs: str) -> bytes:
    """A record as such archives keep it: three headline lines, indented body, CRLF."""
    lines = [kicker, title, subtitle, *(IND + p for p in paragraphs)]
    return "\r\n".join(lines).encode("utf-8") + b"\r\n"


def write_records(folder: Path, day: str, pages: dict[int, int]) -> None:
    """``pages`` maps a page number to how many records it holds."""
    for page, count in pages.items():
        for n in range(1, count + 1):
            path = folder / day / f"{day}-{page:02d}-{n:02d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(record(
                "迎春走基层" if n == 1 else "", f"第{page}版第{n}篇的标题",
                "——副题写在第三行" if n == 2 else "",
                f"本报讯 这是第{page}版第{n}篇文章的第一段，写得清清楚楚。",
                "小标题一则",
                "第二段接着讲，也有句号。",
            ))


def test_a_record_is_one_article_with_its_headline_lines(tmp_path: Path) -> None:
    write_records(tmp_path, "20190203", {4: 2})
    path = tmp_path / "20190203" / "20190203-04-02.txt"
    page = load_entry(path, "20190203/20190203-04-02.txt", tmp_path)
    (article,) = page.articles
    assert (page.date, page.page, page.layout) == (dt.date(2019, 2, 3), 4, "article")
    assert (article.kicker, article.title, article.subtitle) == (
        None, "第4版第2篇的标题", "——副题写在第三行")
    assert [p.kind for p in article.paragraphs] == ["text", "heading", "text"]
    assert article.paragraphs[0].text.startswith("本报讯 这是")  # indentation gone, text kept
    assert article.byline is None  # the paper's own dateline names nobody
    assert page.provenance == {"date": "path", "page": "path"}
    missing, extra = difference(path.read_text("utf-8"), page)
    assert not missing and not extra


def test_a_record_folder_lists_days_as_issues_and_every_record_as_an_article(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    write_records(root / "2019-02", "20190201", {1: 3, 2: 2})
    write_records(root / "2019-02", "20190202", {1: 1})
    (root / "library.toml").write_text('schema = 1\npaper = "示例日报"\n', "utf-8")
    catalog = Catalog(root)
    result = catalog.sync()
    assert not result.problems  # records of one page are not "the same page twice"
    issues = catalog.issues()
    assert [(i.paper, i.date) for i in issues] == [
        ("示例日报", dt.date(2019, 2, 1)), ("示例日报", dt.date(2019, 2, 2))]
    first = issues[0]
    assert [p for p, _ in first.pages] == [1, 1, 1, 2, 2]
    assert first.pages[0][1].endswith("20190201-01-01.txt")
    assert (first.date_from, first.paper_from) == ("path", "library")
    counts = catalog.counts()
    assert (counts["articles"], counts["article_records"], counts["pages"]) == (6, 6, 3)
    titles = [catalog.article_infos(src)[0].title for _, src in first.pages]
    assert titles[:2] == ["第1版第1篇的标题", "第1版第2篇的标题"]
    for _, src in first.pages:  # every record's article is found by its id
        (info,) = catalog.article_infos(src)
        found = catalog.article(info.id)
        assert found is not None and found.title == info.title and found.source == src


def test_layout_is_decided_per_folder_in_a_mixed_library(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write_records(root / "records", "20190201", {1: 2})
    page_file = root / "pages" / "renmin-2019-02-01-p03.txt"
    page_file.parent.mkdir(parents=True)
    page_file.write_text("标题一\n\n正文第一段。\n\n标题二\n\n正文第二段。\n", "utf-8")
    # a lone file named like a record among page files is read as a page
    (root / "pages" / "20190201-05-01.txt").write_text("标题\n\n正文。\n", "utf-8")
    catalog = Catalog(root)
    catalog.sync()
    layouts = {src: catalog.page(src).layout for src in catalog.stamps()}  # type: ignore[union-attr]
    assert layouts == {
        "records/20190201/20190201-01-01.txt": "article",
        "records/20190201/20190201-01-02.txt": "article",
        "pages/renmin-2019-02-01-p03.txt": "page",
        "pages/20190201-05-01.txt": "page",
    }
    (issue,) = catalog.issues()
    assert [p for p, _ in issue.pages] == [1, 1, 3, 5]


def test_reader_add_files_a_record_folder_and_keeps_identical_records(tmp_path: Path) -> None:
    source = tmp_path / "scraped"
    write_records(source, "20190201", {1: 2, 8: 1})
    twin = source / "20190201" / "20190201-09-01.txt"  # the same caption printed twice
    twin.write_bytes((source / "20190201" / "20190201-08-01.txt").read_bytes())
    (source / "library.toml").write_text('paper = "示例日报"\n', "utf-8")
    library = tmp_path / "lib"
    library.mkdir()
    report = add_pages([source], library)
    assert not report.problems and len(report.added) == 4
    assert all(rel.startswith("示例日报/2019/02-01/2019020") for rel in report.added)
    again = add_pages([source], library)
    assert not again.added and len(again.already) == 4
    catalog = Catalog(library)
    catalog.sync()
    (issue,) = catalog.issues()
    assert (issue.paper, issue.date, [p for p, _ in issue.pages]) == (
        "示例日报", dt.date(2019, 2, 1), [1, 1, 8, 9])
    assert catalog.counts()["article_records"] == 4


def test_a_records_dateline_and_closing_credit_give_its_byline_and_stay_its_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "20190305" / "20190305-02-01.txt"
    path.parent.mkdir(parents=True)
    path.write_bytes(record(
        "", "山区小学通上了网", "",
        "本报杭州3月4日电 （记者王小明）记者从省教育厅获悉，全省山区小学已全部通网。",
        "下一步，各地将为教师开设课程。（本报记者 李四）",
    ))
    page = load_entry(path, "20190305/20190305-02-01.txt", tmp_path)
    (article,) = page.articles
    assert article.byline == "记者王小明 本报记者 李四"
    assert article.filing == "杭州 3月4日"
    assert article.paragraphs[0].text.startswith("本报杭州3月4日电 （记者王小明）记者从")
    assert article.paragraphs[-1].text.endswith("开设课程。（本报记者 李四）")
    missing, extra = difference(path.read_text("utf-8"), page)
    assert not missing and not extra  # the credits are counted in the text, once
