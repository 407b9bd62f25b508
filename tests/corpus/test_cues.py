"""One test per layout cue of pages whose paragraphs are whole lines (e-paper text).

The texts are written for these tests: made-up reports in the national style (indented
paragraphs, flush headlines, datelines such as 本报某地3月2日电（记者某某）).
"""

from __future__ import annotations

import pytest

from reader.corpus import parse_page
from reader.corpus.accounting import difference
from reader.corpus.model import Page
from reader.corpus.serialize import page_from_dict, page_to_dict

IND = "\u3000\u3000"
BODY_A = "河谷里的试验田今年第一次种上了耐旱的新品种，村里的老人说这是几十年来最好的收成。"
BODY_B = "合作社把收来的粮食存进新修的仓库，账目每个月都贴在村委会门口的公告栏里。"
BODY_C = "技术员每周进村两次，从播种到收割都有人手把手地教，年轻人也愿意回来种地了。"
BODY_D = "县里还打算在明年春天修通进山的公路，让山里的农产品更快地运到城里的市场。"


def parse(text: str) -> Page:
    page = parse_page(text, "cues.txt")
    missing, extra = difference(text, page)
    assert not missing and not extra, (missing, extra)
    return page


def titles(page: Page) -> list[str | None]:
    return [a.title for a in page.articles]


def stripped(text: str) -> str:
    return "\n".join(line.lstrip("\u3000 ") for line in text.replace("\r", "").split("\n"))


# --- indentation ---------------------------------------------------------------------------


def test_flush_lines_are_headlines_and_indented_lines_text() -> None:
    # Three reports, the first opened by a dateline, none with a byline line of its own.
    text = (
        f"山谷里的新收成\n\n{IND}新华社云岭3月2日电（记者林小禾）{BODY_A}\n{IND}{BODY_B}\n\n"
        f"进山公路明年修通（田间笔记）\n{IND}{BODY_C}\n\n"
        f"仓库里的账本\n{IND}{BODY_D}\n"
    )
    page = parse(text)
    assert titles(page) == ["山谷里的新收成", "进山公路明年修通（田间笔记）", "仓库里的账本"]
    assert page.articles[1].body == BODY_C


def test_an_indented_short_line_is_a_section_head_not_an_article() -> None:
    text = f"\n山谷里的新收成\n\n{IND}{BODY_A}\n{IND}仓库修起来了\n{IND}{BODY_B}\n{IND}{BODY_C}\n"
    page = parse(text)
    assert titles(page) == ["山谷里的新收成"]
    assert [(p.kind, p.text) for p in page.articles[0].paragraphs][1] == ("heading", "仓库修起来了")


# --- final punctuation and blank lines (no indentation left) --------------------------------


def test_without_indentation_two_blank_lines_open_an_article() -> None:
    text = (
        f"山谷里的新收成\n\n新华社云岭3月2日电（记者林小禾）{BODY_A}\n{BODY_B}\n\n\n"
        f"进山公路明年修通\n\n{BODY_C}\n\n\n仓库里的账本\n\n{BODY_D}\n"
    )
    assert titles(parse(text)) == ["山谷里的新收成", "进山公路明年修通", "仓库里的账本"]


def test_without_indentation_a_line_under_one_blank_line_is_a_section_head() -> None:
    text = f"山谷里的新收成\n\n{BODY_A}\n{BODY_B}\n\n仓库修起来了\n{BODY_C}\n{BODY_D}\n"
    page = parse(text)
    assert titles(page) == ["山谷里的新收成"]
    assert ("heading", "仓库修起来了") in [(p.kind, p.text) for p in page.articles[0].paragraphs]


def test_a_two_line_headline_set_off_by_blank_lines_opens_an_article() -> None:
    text = (
        f"山谷里的新收成\n\n{BODY_A}\n{BODY_B}\n\n"
        f"云岭县西坡村——\n进山公路明年修通\n\n{BODY_C}\n{BODY_D}\n"
    )
    page = parse(text)
    assert titles(page) == ["山谷里的新收成", "进山公路明年修通"]
    assert page.articles[1].kicker == "云岭县西坡村——"


def test_a_page_that_double_spaces_its_lines() -> None:
    # A blank line after every line: only a wider gap parts articles; a headline stays whole.
    text = (
        f"云岭县西坡村——\n\n山谷里的新收成\n\n{IND}{BODY_A}\n\n{IND}{BODY_B}\n\n\n\n"
        f"进山公路明年修通\n\n——西坡村的路走了三十年\n\n{IND}{BODY_C}\n\n{IND}{BODY_D}\n"
    )
    page = parse(text)
    assert [(a.kicker, a.title, a.subtitle) for a in page.articles] == [
        ("云岭县西坡村——", "山谷里的新收成", None),
        (None, "进山公路明年修通", "——西坡村的路走了三十年"),
    ]


def test_crlf_reads_the_same_as_lf() -> None:
    text = (
        f"\n山谷里的新收成\n\n{IND}新华社云岭3月2日电（记者林小禾）{BODY_A}\n{IND}{BODY_B}\n\n\n"
        f"进山公路明年修通\n\n{IND}{BODY_C}\n\n\n仓库里的账本\n\n{IND}{BODY_D}\n"
    )
    lf, crlf = parse(text), parse(text.replace("\n", "\r\n"))
    assert [(a.title, a.body) for a in crlf.articles] == [(a.title, a.body) for a in lf.articles]
    assert titles(crlf) == ["山谷里的新收成", "进山公路明年修通", "仓库里的账本"]


# --- datelines, bylines, credits ------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "byline", "filing"),
    [
        # a dateline with its credit in brackets, opening the first paragraph
        (f"本报云岭3月2日电\xa0（记者林小禾）{BODY_A}", BODY_B, "记者林小禾", "云岭 3月2日"),
        # a news agency's dateline with no credit: the agency is credited
        (f"新华社云岭10月7日电\xa0 {BODY_A}", BODY_B, "新华社", "云岭 10月7日"),
        # roles and names after the dateline with no brackets, ended by a space
        (f"本报讯 记者 林小禾 通讯员 王大山 {BODY_A}", BODY_B, "记者 林小禾 通讯员 王大山", None),
        # the paper's own dateline names nobody
        (f"本报讯 {BODY_A}", BODY_B, None, None),
        # a credit in brackets closing the last paragraph
        (BODY_A, f"{BODY_B}（本报记者 林小禾）", "本报记者 林小禾", None),
        # a dateline in brackets on a line of its own after the text
        (BODY_A, f"{BODY_B}\n{IND}（新华社云岭10月26日电）", "新华社", "云岭 10月26日"),
    ],
)
def test_datelines_and_credits_give_the_byline_and_stay_in_the_text(
    first: str, last: str, byline: str | None, filing: str | None
) -> None:
    article = parse(f"山谷里的新收成\n\n{IND}{first}\n{IND}{last}\n").articles[0]
    assert (article.byline, article.filing) == (byline, filing)
    # The text is as printed: the scorer's probes and a reader's quotation both run across it.
    assert article.body == f"{first}\n{last}".replace(f"\n{IND}", "\n")
    assert article.byline_in_text == byline


def test_a_byline_line_over_the_text_is_not_counted_twice() -> None:
    text = f"山谷里的新收成\n\n{IND}记者 林小禾\n{IND}本报云岭3月2日电 {BODY_A}\n{IND}{BODY_B}（本报记者 王大山）\n"
    article = parse(text).articles[0]  # parse() checks that every character is held once
    assert article.byline == "记者 林小禾 本报记者 王大山"
    assert article.filing == "云岭 3月2日"  # a dateline under a credit line is still read
    assert article.body.startswith("记者 林小禾\n本报云岭3月2日电")


def test_a_dateline_inside_the_body_stays_text() -> None:
    # A second report under the same headline keeps its own dateline where it is printed, and
    # gives the article neither byline nor filing line.
    second = f"本报云岭3月3日电（记者王大山）{BODY_C}"
    text = f"山谷里的新收成\n\n{IND}本报云岭3月2日电（记者林小禾）{BODY_A}\n{IND}{second}\n"
    article = parse(text).articles[0]
    assert article.body == f"本报云岭3月2日电（记者林小禾）{BODY_A}\n{second}"
    assert (article.byline, article.filing) == ("记者林小禾", "云岭 3月2日")


def test_photo_credits_join_the_byline() -> None:
    text = (
        f"\n\n图片报道\n\n{IND}{BODY_A}\n{IND}林小禾摄（影像中国）\n\n\n"
        f"进山公路明年修通\n\n{IND}{BODY_C}\n{IND}{BODY_D}\n{IND}新华社记者 王大山 摄\n"
    )
    page = parse(text)
    assert titles(page) == ["图片报道", "进山公路明年修通"]
    assert [a.byline for a in page.articles] == ["林小禾摄（影像中国）", "新华社记者 王大山 摄"]
    assert page.articles[0].body == f"{BODY_A}\n林小禾摄（影像中国）"


def test_a_signature_is_not_the_next_articles_headline() -> None:
    text = (
        f"致西坡村乡亲们的信\n\n{BODY_A}\n{BODY_B}\n林小禾\n2019年10月6日\n\n\n"
        f"进山公路明年修通\n\n{BODY_C}\n{BODY_D}\n"
    )
    page = parse(text)
    assert titles(page) == ["致西坡村乡亲们的信", "进山公路明年修通"]
    assert page.articles[0].body.endswith("林小禾\n2019年10月6日")


# --- headlines --------------------------------------------------------------------------------


def test_kicker_ending_in_a_colon_and_subtitle_opening_with_a_dash() -> None:
    text = (
        f"山谷里的新收成\n\n{IND}{BODY_A}\n{IND}{BODY_B}\n\n"
        f"云岭县交通局：\n进山公路明年修通\n——西坡村的路走了三十年\n{IND}{BODY_C}\n{IND}{BODY_D}\n"
    )
    article = parse(text).articles[1]
    assert (article.kicker, article.title, article.subtitle) == (
        "云岭县交通局：", "进山公路明年修通", "——西坡村的路走了三十年"
    )


def test_a_column_tag_marks_the_title_of_a_two_line_headline() -> None:
    text = (
        f"山谷里的新收成\n\n{IND}{BODY_A}\n{IND}{BODY_B}\n\n\n"
        f"西坡村的路走了三十年\n进山公路明年修通（田间笔记）\n\n{IND}{BODY_C}\n{IND}{BODY_D}\n"
    )
    article = parse(text).articles[1]
    assert (article.kicker, article.title) == ("西坡村的路走了三十年", "进山公路明年修通（田间笔记）")


def test_a_speech_title_over_its_date_is_not_a_masthead() -> None:
    text = f"\n在西坡村丰收节上的讲话\n（2019年10月6日）\n乡亲们：\n{IND}{BODY_A}\n{IND}{BODY_B}\n"
    page = parse(text)
    assert page.masthead == []
    assert (page.articles[0].title, page.articles[0].subtitle) == ("在西坡村丰收节上的讲话", "（2019年10月6日）")


def test_a_kicker_ending_in_an_ellipsis_without_indentation() -> None:
    text = (
        f"山谷里的新收成\n\n{BODY_A}\n{BODY_B}\n\n"
        f"修了路、建了仓库……\n进山公路明年修通\n\n{BODY_C}\n{BODY_D}\n"
    )
    page = parse(text)
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "山谷里的新收成"), ("修了路、建了仓库……", "进山公路明年修通")
    ]


def test_a_core_reading_block_stays_inside_its_article() -> None:
    text = (
        f"\n\n山谷里的新收成\n——西坡村种粮记\n核心阅读\n{IND}{BODY_A}\n\n"
        f"{IND}{BODY_B}\n{IND}{BODY_C}\n"
    )
    stripped_page = parse(stripped(text))
    for page in (parse(text), stripped_page):
        assert titles(page) == ["山谷里的新收成"]
        article = page.articles[0]
        assert article.subtitle == "——西坡村种粮记"
        assert article.paragraphs[0].text == "核心阅读"
        assert article.body.endswith(BODY_C)


def test_numbered_section_heads_do_not_open_articles() -> None:
    text = (
        f"\n\n山谷里的新收成\n\n{BODY_A}\n\n一、种子选对了\n{BODY_B}\n\n"
        f"二、仓库修好了\n{BODY_C}\n{BODY_D}\n"
    )
    assert titles(parse(text)) == ["山谷里的新收成"]


# --- the filing line in the JSON shape ------------------------------------------------------


def test_filing_goes_to_json_and_back() -> None:
    text = f"山谷里的新收成\n\n{IND}本报云岭3月2日电（记者林小禾）{BODY_A}\n{IND}{BODY_B}\n"
    data = page_to_dict(parse(text))
    assert data["articles"][0]["filing"] == "云岭 3月2日"
    assert page_from_dict(data).articles[0].filing == "云岭 3月2日"
