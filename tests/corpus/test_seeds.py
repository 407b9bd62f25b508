"""Regression tests on the five seed pages, written from a careful reading of each page.

For every article: kicker, title, subtitle, byline, the first and the last words of its body;
for every page: the masthead fields it states; and words that a column break cut in two.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from reader.corpus import parse_page
from reader.corpus.accounting import difference


class A(NamedTuple):
    title: str | None
    byline: str | None
    first: str
    last: str
    kicker: str | None = None
    subtitle: str | None = None


SEED_000 = [
    A("全省各级人大常委会主任学习会与区领导来我区考察", "首席记者 吴宇翔",
      "本报讯 9日上午", "贡献智慧和力量。"),
    A("切实织密疫情防控网 为经济稳进提质筑牢安全底线", "首席记者 郁佳炜",
      "本报讯 9日下午", "全面提升我区疫情防控能力。",
      kicker="金承涛在全区新冠肺炎疫情防控工作推进会上强调"),
    A("凝聚共识把握重点 加快发展现代服务业", "首席记者 郁佳炜",
      "本报讯 8日下午", "推动我区现代服务业实现更高质量发展。",
      kicker="金承涛在全区服务业高质量发展推进会上强调"),
    A("清凉“关怀”", "文/摄影记者 童志忠 朱晟", "杭州连日高温", "“骑手”们有序等待通行。"),
    A("“红色楼道长”基层治理“一面旗”", "见习记者 沈霖 通讯员 陆佳丽",
      "“给冬平点赞”", "营造人居环境更为靓丽的新面貌。", subtitle="钱塘幸福里 出发!"),
    A("居有定所更住得舒心 稳进提质“人气足”", "首席记者 吴宇翔 通讯员 饶亦晴 刘莹 罗依莲",
      "自6月下旬起", "为稳定宏观经济大盘注入“新鲜血液”。", subtitle="全面打赢经济稳进提质攻坚战"),
]

SEED_001 = [
    A("慎终如始抓好常态化疫情防控", "首席记者 郁佳炜", "本报讯 5日,全区疫情防控工作推进会议召开",
      "区领导潘伟红陪同参加调研检查。", kicker="金承涛在全区疫情防控工作推进会上强调"),
    A(None, "首席记者 吴宇翔 赵一霖", "本报讯 5月1日-2日", "切实守好风险防控的红线。"),
    A("区政协党组(扩大)会议学习贯彻习近平总书记重要讲话精神", "记者 陈霞",
      "本报讯 4月28日", "以高质量履职服务助力民生福祉改善。"),
    A("区政府党组(扩大)会议和区政府常务会议召开", "首席记者 赵一霖", "本报讯 5日上午",
      "相关内容进行了集体学习。", subtitle="传达学习贯彻中央省市有关会议精神"),
    A("以更大力度更实举措 帮扶民营企业渡过难关健康发展", "首席记者 赵一霖",
      "本报讯 5月4日上午", "提振信心,共同努力,共渡难关。",
      kicker="沈燕俊在开展“大走访、大服务”调研服务活动时强调"),
    A("我区总体排名全市第一 四个单项位居前列", "首席记者 赵一霖 通讯员 蔡姣丽",
      "本报讯 日前", "精准搭建校企合作平台。", kicker="全市3月“开门红、开门稳”赛马评比结果出炉"),
]

SEED_002 = [
    A("充分发挥战斗堡垒作用 望江街道奋力打造产城融合的望江新城", "本报讯（望江街道）",
      "4月16日晚，市委以视频会议形式", "为全市夺取“双战双赢”作出应有的贡献。"),
    A("努力打造杭州国际化现代化时代地标", "本报讯（综合报道）", "日前，市委副书记、代市长刘忻",
      "让绿水青山成为发展最宝贵的资源。", kicker="刘忻在我区调研时强调"),
    A("我区召开招商引资工作推进会", "本报讯（记者 季辰欣）", "4月15日，我区召开",
      "牢固树立税收为经济发展提供支撑的思想。"),
    A("打造“红星联盟”入驻楼宇助力复工复产", "本报讯（通讯员 童佳晨）", "为助力企业快而有序复工复产",
      "帮助协调解决问题159个。"),
    A("区人大召开信息宣传工作会议", "本报讯（区人大办）", "4月17日下午",
      "要促融合、聚合力，构建宣传工作大格局。"),
    A("打造西湖边的“晴雨客厅”", None, "湖滨街道青年路社区紧邻美丽的西子湖畔",
      "取名“晴雨客厅”。"),
]

SEED_003 = [
    A("展现新气象 奋进新征程 在新的赶考路上交出优异答卷", "杭州日报首席记者 赵芳洲 本报记者 赵一霖",
      "本报讯 全市乡镇(街道)党(工)委书记工作交流会昨日下午召开", "在主会场或我区分会场参加会议。",
      kicker="全市乡镇(街道)党(工)委书记工作交流会召开"),
    A("刘忻在钱塘区宣讲党的十九届六中全会精神", "杭州日报首席记者 赵芳洲", "杭州日报讯 24日下午",
      "共建美好家园、共创幸福生活。", kicker="学习宣传贯彻党的十九届六中全会精神"),
    A("书记履新“第一站” 聚焦产业平台“国际范”", "首席记者 郁佳炜", "24日下午,区委召开全区领导干部会议",
      "联能科技(杭州)有限公司……"),
    A("坚持改革开放创新发展 打造产业高地一流新区", "首席记者 郁佳炜", "本报讯 25日上午",
      "助力钱塘实现更高质量发展。", kicker="金承涛在调研产业平台、科研机构和企业时强调"),
]

SEED_004 = [
    A("发挥科技型骨干企业引领支撑作用 集中力量打好扩大有效投资攻坚战", "杭州日报记者 齐航",
      "本报讯 29日和30日", "区领导金承涛、沈燕俊参加。", kicker="刘忻赴钱塘区临平区调研"),
    A("持续提升文化软实力 打造具有辨识度的钱塘文化金名片", "记者 郁佳炜", "本报讯 10月29日上午",
      "真正打造钱塘文化金名片。"),
    A("我区带队赴龙游、江山考察山海协作工作", "首席记者 吴宇翔", "本报讯 10月28日",
      "看望慰问了钱塘区在江山挂职干部。"),
    A("河庄1500余户居民抽号分房 预计今日全面完成", "记者 董笑瑜 通讯员 高佳美",
      "本报讯 对河庄街道的安置户们来说", "剩余安置户将于今日抽号分房。"),
    A("市人大钱塘代表小组 定向视察市投资促进局工作", "首席记者 吴宇翔",
      "本报讯 根据杭州市人大定向视察活动安排", "为投资促进、高质量发展作出贡献。"),
    A("区政协召开部门工作通报会", "记者 董笑瑜", "本报讯 26日上午", "推动产业转型升级等提出意见建议。"),
]

EXPECTED = {"000": SEED_000, "001": SEED_001, "002": SEED_002, "003": SEED_003, "004": SEED_004}

MASTHEADS = {
    "000": ("钱塘新区报", dt.date(2022, 8, 10), "星期三", "农历壬寅年七月十三", 391, 8),
    "001": ("钱塘新区报", None, None, None, None, None),
    "002": ("上城报", dt.date(2020, 4, 21), "星期二", "农历庚子年三月廿九", 1492, 4),
    "003": ("钱塘新区报", dt.date(2021, 11, 26), "星期五", "农历辛丑年十月廿二", 285, 8),
    "004": ("钱塘新区报", dt.date(2022, 10, 31), "星期一", "农历壬寅年十月初七", 423, 8),
}

# Words that a column break cut in two on the page, which must come out whole.
JOINED = {
    "000": ["“饭后站里聊,有事找代表”", "以全过程人民民主基层单元建设", "紧抓工业4.0时代发展契机",
            "推动生产性服务业", "要助企纾困,持续发挥助企服务专员", "托起钱塘产业工人的“安居梦”",
            "区域集团保障房公司相关负责人", "筹集保障性租住房1.66万套"],
    "001": ["组织开展再检查再培训", "要打好疫苗,加快推动疫苗接种", "更加务实的作风",
            "最大限度减少对经济社会发展的影响", "要做优服务,坚持分类施策", "帮扶民营企业渡过难关",
            "沈燕俊对企业创新发展", "更高效的服务保障,努力实现", "项目建设跑出“加速度”", "比学赶超热潮"],
    "002": ["奋力打造产城融合的望江新城。", "施工队，望江地区累计", "开启拥江发展新时代。",
            "区电子机械功能区管委会", "在全区已上报的产业链项目中", "要提高站位、充分认识招商引资",
            "复工咨询热线", "对2020年区人大信息宣传重点工作", "必然要求，是推进", "“双线作战”的必胜信心"],
    "003": ["筑牢基层基础", "促进共同富裕上奋勇争先", "在建设宜居宜居环境上", "持续发展动能",
            "深入各分中心踏勘项目情况", "跨境贸易便利化和自由化"],
    "004": ["刘忻十分关心省市重大项目", "早投产、早达产", "助推服装行业加快转型升级",
            "双方要坚持更高站位", "山海协作“产业飞地”合作", "接下来双方能在更大范围",
            "河庄街道准备的分房礼品", "拆迁户及2017年度", "是河庄街道一项重要的民生工程",
            "区发展改革委主要负责人通报"],
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_articles_match_a_careful_reading(seed: str, seed_text) -> None:
    page = parse_page(seed_text(seed), f"{seed}.txt")
    expected = EXPECTED[seed]
    got = [(a.title, a.byline) for a in page.articles]
    assert got == [(e.title, e.byline) for e in expected]
    for article, want in zip(page.articles, expected, strict=True):
        assert article.kicker == want.kicker, article.title
        assert article.subtitle == want.subtitle, article.title
        assert article.body.startswith(want.first), (article.title, article.body[:40])
        assert article.body.endswith(want.last), (article.title, article.body[-40:])


@pytest.mark.parametrize("seed", sorted(MASTHEADS))
def test_masthead_fields_as_stated(seed: str, seed_text) -> None:
    page = parse_page(seed_text(seed), f"{seed}.txt")
    paper, day, weekday, lunar, issue_no, page_count = MASTHEADS[seed]
    assert (page.paper, page.date, page.weekday, page.lunar, page.issue_no, page.page_count) == (
        paper, day, weekday, lunar, issue_no, page_count,
    )
    assert page.page == 1  # every seed is a front page
    assert not any(line in a.body for a in page.articles for line in page.masthead)
    # Hotline, mailbox and publisher lines are masthead, not articles.
    assert all("热线" not in (a.title or "") for a in page.articles)


@pytest.mark.parametrize("seed", sorted(JOINED))
def test_words_cut_by_column_breaks_are_whole(seed: str, seed_text) -> None:
    page = parse_page(seed_text(seed), f"{seed}.txt")
    bodies = "\n".join(a.body for a in page.articles)
    for phrase in JOINED[seed]:
        assert phrase in bodies, phrase


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_nothing_is_lost(seed: str, seed_text) -> None:
    text = seed_text(seed)
    page = parse_page(text, f"{seed}.txt")
    missing, extra = difference(text, page)
    assert not missing and not extra
    assert set(page.removed) <= {"#", "■"}


def test_undated_page_is_read_with_a_warning_and_a_suggested_date(seed_text) -> None:
    page = parse_page(seed_text("001"), "001.txt")
    assert page.date is None
    assert any("no date" in w.text for w in page.warnings)
    assert page.suggested_date is not None
    assert (page.suggested_date.year, page.suggested_date.month) == (2022, 5)
    lost = page.articles[1]
    assert lost.title is None and lost.title_is_derived
    assert lost.display_title == "区委书记金承涛专题调研区属国企工作"


def test_headlines_printed_after_their_body_go_to_that_article(seed_text) -> None:
    # 000: the second report's headline follows its body; 002: the 刘忻 report's; 003: the last.
    p000 = parse_page(seed_text("000"), "000.txt")
    assert p000.articles[1].body.startswith("本报讯 9日下午,全区新冠肺炎疫情防控工作推进会召开")
    assert p000.articles[1].title == "切实织密疫情防控网 为经济稳进提质筑牢安全底线"
    p002 = parse_page(seed_text("002"), "002.txt")
    assert "刘忻" in p002.articles[1].body and p002.articles[1].kicker == "刘忻在我区调研时强调"
    assert p002.articles[2].title == "我区召开招商引资工作推进会"
    p003 = parse_page(seed_text("003"), "003.txt")
    assert p003.articles[-1].title == "坚持改革开放创新发展 打造产业高地一流新区"


def test_section_heads_stay_inside_their_article(seed_text) -> None:
    page = parse_page(seed_text("002"), "002.txt")
    heads = [p.text for p in page.articles[0].paragraphs if p.kind == "heading"]
    assert heads == [
        "化“危”为“机” 防疫复工双战双赢",
        "破“旧”立“新” 征迁安置提速升级",
        "承“前”启“后” 望江新城未来可期",
    ]
    red_star = [p.text for p in page.articles[3].paragraphs if p.kind == "heading"]
    assert red_star == [
        "“云端”共享 “一事一议”互通有无",
        "“智能”派单 “一企一策”动态解难",
        "“驻场”服务 “一楼一长”专员覆盖",
    ]


def test_guide_entries_point_to_their_pages(seed_text) -> None:
    p002 = parse_page(seed_text("002"), "002.txt")
    assert [(e.titles, e.pages) for e in p002.guide] == [
        (("建设“重要窗口”展示制度优势", "“宝典”亮相数字统战直播间 中小企业迎来“及时雨”"), (2, 3)),
    ]
    p004 = parse_page(seed_text("004"), "004.txt")
    assert [(e.text, e.pages) for e in p004.guide] == [
        ("区经信科技局:加快推进制造业高质量发展", (4,)),
        ("区产业集团:砥砺奋进新征程 扬帆起航正当时", (5,)),
        ("杭州综合保税区:奋力书写钱塘高水平开放发展篇章", (8,)),
    ]


def test_continuation_marker_sets_continues_on(seed_text) -> None:
    page = parse_page(seed_text("003"), "003.txt")
    article = page.articles[2]
    assert article.continues_on == 2
    assert "下转" not in article.body
    assert article.jumps == ["(下转第2版)"]


def test_ids_are_stable_across_reads(seed_text) -> None:
    for seed in EXPECTED:
        first = [a.id for a in parse_page(seed_text(seed), f"{seed}.txt").articles]
        again = [a.id for a in parse_page(seed_text(seed), f"moved/{seed}.txt").articles]
        assert first == again
        assert len(set(first)) == len(first)
