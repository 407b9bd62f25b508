"""Pages in layouts other than the seeds': the parser still finds articles and never errs."""

from __future__ import annotations

from reader.corpus import parse_page
from reader.corpus.accounting import difference


def test_headlines_only_as_markdown_no_masthead_no_bylines() -> None:
    text = (
        "## 第一篇标题\n\n这是第一篇文章的正文。内容很多。\n\n第二段。\n\n"
        "## 第二篇标题\n\n第二篇正文开始，继续。\n"
    )
    page = parse_page(text, "plain.txt")
    assert [a.title for a in page.articles] == ["第一篇标题", "第二篇标题"]
    assert page.articles[0].body == "这是第一篇文章的正文。内容很多。\n第二段。"
    assert page.paper is None and page.date is None
    assert not any(d for d in difference(text, page))


def test_inner_page_header_gives_the_page_number() -> None:
    text = "钱塘新区报 2022年8月10日 星期三 第3版\n\n## 标题\n\n■记者 张三\n\n本报讯 正文。\n"
    page = parse_page(text, "p3.txt")
    assert (page.paper, page.page, page.date.isoformat()) == ("钱塘新区报", 3, "2022-08-10")
    assert page.articles[0].byline == "记者 张三"


def test_wrong_weekday_and_lunar_are_warnings_not_failures() -> None:
    text = "钱塘新区报\n2022年8月10日 星期五\n农历壬寅年七月十四\n\n## 标题\n\n正文。\n"
    page = parse_page(text, "w.txt")
    assert page.date is not None and page.articles
    assert any("星期五" in w.text and "星期三" in w.text for w in page.warnings)
    assert any("七月十四" in w.text and "七月十三" in w.text for w in page.warnings)


def test_continued_from_marker_on_an_inner_page() -> None:
    text = "钱塘新区报 2021年11月26日 第2版\n\n（上接第1版）金承涛还调研了企业。\n"
    page = parse_page(text, "p2.txt")
    assert page.articles[0].continued_from == 1
    assert page.articles[0].body == "金承涛还调研了企业。"


def test_empty_and_whitespace_pages() -> None:
    for text in ("", "\n\n  \n", "\u3000\u3000"):
        page = parse_page(text, "e.txt")
        assert page.articles == [] and page.leftover == []


def test_authors_are_the_names_a_byline_credits() -> None:
    from reader.corpus.byline import authors

    assert authors("首席记者 吴宇翔 通讯员 饶亦晴 刘莹 罗依莲") == ["吴宇翔", "饶亦晴", "刘莹", "罗依莲"]
    assert authors("杭州日报首席记者 赵芳洲 本报记者 赵一霖") == ["赵芳洲", "赵一霖"]
    assert authors("本报讯（记者 季辰欣）") == ["季辰欣"]
    assert authors("（记者 季辰欣）") == ["季辰欣"]
    assert authors("本报讯 记者 张三") == ["张三"]
    assert authors("本报讯") == []
    assert authors("本报讯（综合报道）") == []
    assert authors("本报讯（望江街道）") == ["望江街道"]
    assert authors("文/摄影记者 童志忠 朱晟") == ["童志忠", "朱晟"]
    assert authors("新华社北京3月4日电（记者 赵六）") == ["赵六"]
