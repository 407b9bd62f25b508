"""Hard-wrapped pages (one line per printed line, as a PDF's text layer gives them) are joined
back into paragraphs before they are read. The texts are written for these tests."""

from __future__ import annotations

from reader.corpus import parse_page
from reader.corpus.accounting import difference
from reader.corpus.model import Page
from reader.corpus.unwrap import unwrap

IND = "\u3000\u3000"
PARAS_A = [
    "河谷里的试验田今年第一次种上了耐旱的新品种，村里的老人说这是几十年来最好的收成。",
    "合作社把收来的粮食存进新修的仓库，账目每个月都贴在村委会门口的公告栏里。",
    "技术员每周进村两次，从播种到收割都有人手把手地教，年轻人也愿意回来种地了。",
]
PARAS_B = [
    "县里还打算在明年春天修通进山的公路，让山里的农产品更快地运到城里的市场。",
    "修路的钱一部分来自省里的专项资金，一部分由沿线的几个乡镇共同筹集，账目公开。",
    "施工队已经进山勘测，沿线的村民说，路通了，孩子们上学也不用再走两个小时的山路。",
]


def wrapped(paragraphs: list[str], chars: int, *, indent: bool = True) -> list[str]:
    """Each paragraph cut into lines of ``chars`` characters (its first line indented)."""
    lines = []
    for p in paragraphs:
        text = (IND if indent else "") + p
        lines += [text[i : i + chars] for i in range(0, len(text), chars)]
    return lines


def page(*, indent: bool = True) -> str:
    return "\n".join([
        "山谷里的新收成", "", *wrapped(PARAS_A, 13, indent=indent), "", "",
        "进山公路明年修通", "", *wrapped(PARAS_B, 11, indent=indent), "",
    ])


def parse(text: str) -> Page:
    parsed = parse_page(text, "wrapped.txt")
    missing, extra = difference(text, parsed)
    assert not missing and not extra, (missing, extra)
    return parsed


def test_lines_filled_to_the_column_are_joined_into_paragraphs() -> None:
    articles = parse(page()).articles
    assert [a.title for a in articles] == ["山谷里的新收成", "进山公路明年修通"]
    assert [a.body for a in articles] == ["\n".join(PARAS_A), "\n".join(PARAS_B)]


def test_without_indentation_a_short_last_line_still_ends_the_paragraph() -> None:
    articles = parse(page(indent=False)).articles
    assert [a.title for a in articles] == ["山谷里的新收成", "进山公路明年修通"]
    assert [a.body for a in articles] == ["\n".join(PARAS_A), "\n".join(PARAS_B)]


def test_a_page_of_whole_paragraphs_is_left_as_it_is() -> None:
    text = "\n".join(["山谷里的新收成", "", *(IND + p for p in PARAS_A + PARAS_B)])
    assert unwrap(text) is None


def test_latin_words_cut_at_a_line_end_keep_their_space() -> None:
    # Four printed lines of one width (a Chinese character is two Latin letters wide).
    lines = [f"{IND}新版本支持了一种Open", "Source格式，也能读取旧的", "文档和表格，用户可以自", "己选择。"]
    text = "\n".join(["软件更新", "", *(lines * 3)])
    joined = unwrap(text)
    assert joined is not None
    body = joined.split("\n")[2:]
    assert body == [IND + "新版本支持了一种Open Source格式，也能读取旧的文档和表格，用户可以自己选择。"] * 3
