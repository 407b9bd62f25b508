"""Citations of every seed article, written by hand from reading the pages.

GB/T 7714-2015 for newspaper articles: ``作者. 题名[N]. 报纸名, 出版日期(版次).`` — roles are
not names, more than three authors become three and ``, 等``, no byline starts at the title,
本报讯（望江街道） credits the office, 综合报道 credits nobody, the undated 001 page gives
``[出版日期不详]`` and its article without a headline a bracketed title taken from the body.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.corpus.model import Article, Paragraph
from reader.export import csl_json, gbt7714, imprint_line, ris

EXPECTED = {
    # 000: 钱塘新区报 2022-08-10, ■-marked credits with roles.
    "3123ebb50c5f": "吴宇翔. 全省各级人大常委会主任学习会与区领导来我区考察[N]. 钱塘新区报, 2022-08-10(1).",
    "0f419ca80aa8": "郁佳炜. 切实织密疫情防控网 为经济稳进提质筑牢安全底线[N]. 钱塘新区报, 2022-08-10(1).",
    "7b34ed456574": "郁佳炜. 凝聚共识把握重点 加快发展现代服务业[N]. 钱塘新区报, 2022-08-10(1).",
    "af2e007aee6d": "童志忠, 朱晟. 清凉“关怀”[N]. 钱塘新区报, 2022-08-10(1).",
    "361fe4978621": "沈霖, 陆佳丽. “红色楼道长”基层治理“一面旗”[N]. 钱塘新区报, 2022-08-10(1).",
    "88451668b0af": "吴宇翔, 饶亦晴, 刘莹, 等. 居有定所更住得舒心 稳进提质“人气足”[N]. 钱塘新区报, 2022-08-10(1).",
    # 001: the page states no date; article 2 lost its headline.
    "d8a437e4abf5": "郁佳炜. 慎终如始抓好常态化疫情防控[N]. 钱塘新区报, [出版日期不详](1).",
    "1367d4048e37": "吴宇翔, 赵一霖. [区委书记金承涛专题调研区属国企工作][N]. 钱塘新区报, [出版日期不详](1).",
    "e6d3e0782d56": "陈霞. 区政协党组(扩大)会议学习贯彻习近平总书记重要讲话精神[N]. 钱塘新区报, [出版日期不详](1).",
    "b576303a8c2b": "赵一霖. 区政府党组(扩大)会议和区政府常务会议召开[N]. 钱塘新区报, [出版日期不详](1).",
    "b31be445cc3d": "赵一霖. 以更大力度更实举措 帮扶民营企业渡过难关健康发展[N]. 钱塘新区报, [出版日期不详](1).",
    "e32f0cfd90d8": "赵一霖, 蔡姣丽. 我区总体排名全市第一 四个单项位居前列[N]. 钱塘新区报, [出版日期不详](1).",
    # 002: 上城报 2020-04-21, 本报讯（…） credits.
    "d72c54c81242": "望江街道. 充分发挥战斗堡垒作用 望江街道奋力打造产城融合的望江新城[N]. 上城报, 2020-04-21(1).",
    "45b1a60248ba": "努力打造杭州国际化现代化时代地标[N]. 上城报, 2020-04-21(1).",
    "7aafc7f2f744": "季辰欣. 我区召开招商引资工作推进会[N]. 上城报, 2020-04-21(1).",
    "996d23204079": "童佳晨. 打造“红星联盟”入驻楼宇助力复工复产[N]. 上城报, 2020-04-21(1).",
    "0cef1b32063b": "区人大办. 区人大召开信息宣传工作会议[N]. 上城报, 2020-04-21(1).",
    "4e35fbaaaeec": "打造西湖边的“晴雨客厅”[N]. 上城报, 2020-04-21(1).",
    # 003: 钱塘新区报 2021-11-26, 杭州日报首席记者 + 本报记者.
    "661c93f18119": "赵芳洲, 赵一霖. 展现新气象 奋进新征程 在新的赶考路上交出优异答卷[N]. 钱塘新区报, 2021-11-26(1).",
    "c4490fcce952": "赵芳洲. 刘忻在钱塘区宣讲党的十九届六中全会精神[N]. 钱塘新区报, 2021-11-26(1).",
    "5e71fb9b75b7": "郁佳炜. 书记履新“第一站” 聚焦产业平台“国际范”[N]. 钱塘新区报, 2021-11-26(1).",
    "6dea3083828c": "郁佳炜. 坚持改革开放创新发展 打造产业高地一流新区[N]. 钱塘新区报, 2021-11-26(1).",
    # 004: 钱塘新区报 2022-10-31.
    "8c2c841b8570": "齐航. 发挥科技型骨干企业引领支撑作用 集中力量打好扩大有效投资攻坚战[N]. 钱塘新区报, 2022-10-31(1).",
    "e231f6d7d5ae": "郁佳炜. 持续提升文化软实力 打造具有辨识度的钱塘文化金名片[N]. 钱塘新区报, 2022-10-31(1).",
    "98d201f5e720": "吴宇翔. 我区带队赴龙游、江山考察山海协作工作[N]. 钱塘新区报, 2022-10-31(1).",
    "c1071d23355c": "董笑瑜, 高佳美. 河庄1500余户居民抽号分房 预计今日全面完成[N]. 钱塘新区报, 2022-10-31(1).",
    "2dff2c9c53a9": "吴宇翔. 市人大钱塘代表小组 定向视察市投资促进局工作[N]. 钱塘新区报, 2022-10-31(1).",
    "1f4db1f1d6b5": "董笑瑜. 区政协召开部门工作通报会[N]. 钱塘新区报, 2022-10-31(1).",
}


def test_every_seed_article_is_cited_by_the_rules(seed_articles: list[Article]) -> None:
    got = {a.id: gbt7714(a) for a in seed_articles}
    assert got == EXPECTED


def article(byline: str | None, **fields: object) -> Article:
    base: dict[str, object] = dict(
        id="x", title="标题", paper="钱塘新区报", date=dt.date(2022, 8, 10), page=3,
        paragraphs=[Paragraph("本报讯 正文第一句。")],
    )
    base.update(fields)
    return Article(byline=byline, **base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("本报讯 记者 张三", "张三. "),  # a bare 本报讯 lead is not an author
        ("（记者 季辰欣）", "季辰欣. "),  # a credit wrapped in parentheses
        ("杭州日报讯（记者 齐航 通讯员 王五）", "齐航, 王五. "),
        ("本报讯（综合报道）", ""),
        ("新华社记者 王小明 李大 赵四 钱五 孙六", "王小明, 李大, 赵四, 等. "),
        ("本报讯", ""),
    ],
)
def test_credits_become_authors_without_roles(byline: str, authors: str) -> None:
    assert gbt7714(article(byline)) == f"{authors}标题[N]. 钱塘新区报, 2022-08-10(3)."


def test_an_unknown_page_and_paper_still_give_a_citation() -> None:
    cited = gbt7714(article("记者 张三", page=None, paper=None, date=None))
    assert cited == "张三. 标题[N]. [未知报纸], [出版日期不详]."


def test_an_unknown_paper_has_one_name_in_citation_imprint_line_bookmark_and_catalog(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.bookmarks.identity import ArticleRef, Resolution
    from reader.corpus.catalog import Catalog
    from reader.corpus.model import UNKNOWN_PAPER
    from reader.export.citation import imprint_line

    unnamed = article("记者 张三", paper=None)
    assert f"[{UNKNOWN_PAPER}]" in gbt7714(unnamed)
    assert imprint_line(unnamed).startswith(UNKNOWN_PAPER + " ")
    gone = Resolution(None).message(ArticleRef.of(unnamed))
    assert UNKNOWN_PAPER in gone and "?" not in gone
    page = tmp_path / "lib" / "2019-02-11-p01.txt"
    page.parent.mkdir()
    page.write_text("## 一篇文章\n\n本报讯 正文写在这里。\n", "utf-8")
    catalog = Catalog(tmp_path / "lib", db_path=tmp_path / "catalog.sqlite")
    catalog.sync()
    assert [i.paper for i in catalog.issues()] == [UNKNOWN_PAPER] == catalog.papers()


def test_the_kicker_is_not_part_of_the_title_but_stands_in_when_alone() -> None:
    assert gbt7714(article(None, kicker="引题", title="主题")).startswith("主题[N]")
    assert gbt7714(article(None, kicker="只有引题", title=None)).startswith("只有引题[N]")


def test_ris_records_carry_the_same_facts(seed_articles: list[Article]) -> None:
    records = ris(seed_articles).strip().split("ER  - ")
    records = [r.strip() for r in records if r.strip()]
    assert len(records) == len(seed_articles)
    by_id = {a.id: a for a in seed_articles}
    for record in records:
        tags: dict[str, list[str]] = {}
        for line in record.splitlines():
            tag, _, value = line.partition("  - ")
            tags.setdefault(tag, []).append(value)
        a = by_id[tags["ID"][0]]
        assert tags["TY"] == ["NEWS"]
        assert tags["T2"] == [a.paper]
        assert tags["SP"] == ["1"]
        assert "AU" not in tags or EXPECTED[a.id].startswith(", ".join(tags["AU"][:3]))
        if a.date:
            assert tags["DA"] == [a.date.strftime("%Y/%m/%d/")]
        else:
            assert "DA" not in tags and "PY" not in tags
    assert ris([by_id["88451668b0af"]]).count("AU  - ") == 4  # RIS keeps every author


def test_csl_json_items_are_newspaper_articles(seed_articles: list[Article]) -> None:
    items = json.loads(csl_json(seed_articles))
    assert {i["type"] for i in items} == {"article-newspaper"}
    item = next(i for i in items if i["id"] == "0f419ca80aa8")
    assert item["title"] == "切实织密疫情防控网 为经济稳进提质筑牢安全底线"
    assert item["author"] == [{"literal": "郁佳炜"}]
    assert item["container-title"] == "钱塘新区报"
    assert item["issued"] == {"date-parts": [[2022, 8, 10]]}
    undated = next(i for i in items if i["id"] == "1367d4048e37")
    assert "issued" not in undated and "note" in undated


def test_the_imprint_line_names_paper_date_page_and_file(seed_articles: list[Article]) -> None:
    lines = {a.id: imprint_line(a) for a in seed_articles}
    assert lines["0f419ca80aa8"] == "钱塘新区报 2022年8月10日 第1版（000_ad7d325a1accf8c2.txt）"
    assert lines["d8a437e4abf5"] == "钱塘新区报 日期不详 第1版（001_7373efc8816d55bd.txt）"
