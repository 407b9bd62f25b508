"""The archive ranks as the reader expects: a headline match above a body match, a whole
word above the same characters inside a longer word, newer before older on a tie; and its
hits carry snippets with the query marked, as the desktop's do."""

from __future__ import annotations

import datetime as dt

from reader.corpus.model import Article, Page, Paragraph
from reader.search.segment import segmenter
from reader.server.connection import Archive
from reader.server.importer import write_page
from reader.server.schema import migrate
from reader.server.search import ServerSearch

WHOLE = "我们要发展民主,保障人民当家作主。"
INSIDE = "各民主党派人士参加了会议。"


def _page(source: str, day: dt.date, title: str, body: str) -> Page:
    article = Article(id=source[:12].ljust(12, "0"), title=title,
                      paragraphs=[Paragraph(body)], paper="测试报", date=day, page=1,
                      source=source, position=0)
    return Page(source=source, paper="测试报", date=day, page=1, articles=[article])


def test_headline_then_whole_word_then_inside_a_word_then_newer_first(database: str) -> None:
    assert "民主" in segmenter().cut(WHOLE) and "民主" not in segmenter().cut(INSIDE)
    archive = Archive.open(database)
    migrate(archive)
    pages = [
        _page("inside-new", dt.date(2022, 5, 1), "会议召开", INSIDE * 3),
        _page("whole-old", dt.date(2020, 1, 1), "一篇报道", WHOLE),
        _page("whole-new", dt.date(2021, 1, 1), "一篇报道", WHOLE),
        _page("title", dt.date(2019, 1, 1), "民主协商", "会议召开了。"),
    ]
    for page in pages:
        with archive.transaction() as conn:
            write_page(conn, "stamp", page, None)
    res = ServerSearch(archive).search("民主")
    assert [h.source for h in res.hits] == ["title", "whole-new", "whole-old", "inside-new"]
    for hit in res.hits:
        assert hit.highlights and all(hit.snippet[s:e] == "民主" for s, e in hit.highlights)
    assert res.hits[0].title_highlights == [(0, 2)]
    by_date = ServerSearch(archive).search("民主", sort="date")
    assert [h.source for h in by_date.hits] == ["inside-new", "whole-new", "whole-old", "title"]
    assert ServerSearch(archive).search("民主", limit=2, offset=3).total == 4
    archive.close()


def test_odd_text_is_stored_and_found(database: str) -> None:
    """A 5,000-letter run (no word PostgreSQL would index) and a NUL are kept and found."""
    archive = Archive.open(database)
    migrate(archive)
    body = "开头" + "x" * 5000 + "中间\x00结尾"
    with archive.transaction() as conn:
        write_page(conn, "stamp", _page("odd", dt.date(2022, 1, 1), "奇怪的文字", body), None)
    search = ServerSearch(archive)
    for query in ["xxxx", "中间", "结尾", "间\ufffd结"]:
        (hit,) = search.search(query).hits
        assert hit.source == "odd"
    archive.close()
