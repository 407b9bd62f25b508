"""Property tests: the parser never raises, and nothing of the input is ever lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.corpus import parse_page
from reader.corpus.accounting import difference

FRAGMENTS = [
    "# 钱塘新区报", "钱塘发布 钱塘新区报", "热线电话 82987136", "2022年8月10日 星期三",
    "农历壬寅年七月十三", "今日8版 总第391期", "QIANTANG NEW AREA DAILY", "## 全省各级人大常委会主任学习会",
    "### 金承涛在全区服务业高质量发展推进会上强调", "■首席记者 吴宇翔", "■", "通讯员 饶亦晴 刘莹",
    "本报讯 9日上午,全省各级人大常委会主任学习会组织来钱塘区考察。", "本报讯（记者 季辰欣）4月15日，我区召开",
    "要打好疫", "苗,加快推动疫苗接种工作。", "化“危”为“机” 防疫复工双战双赢", "导读", ">>>详见第2、3版",
    "(下转第2版)", "文/摄影记者 童志忠 朱晟", "清凉“关怀”", "杭州日报讯 24日下午,市委副书记", "第3版",
    "上城报", "总第", "#", "##", "■■ ■", "（上接第1版）", "2022年13月40日", "农历", "本报讯（", ">>>",
]

line = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(min_size=0, max_size=60),
    st.text(alphabet="#■ 　\t本报讯记者（）()第版期年月日导读>，。、“”0123456789", max_size=30),
)
page_text = st.lists(line, max_size=40).map(
    lambda lines: "\n".join(lines)
).flatmap(lambda text: st.sampled_from([text, text.replace("\n", "\n\n"), text.replace("\n", "\r\n")]))


def assert_nothing_lost(text: str) -> None:
    page = parse_page(text, "fuzz.txt")
    missing, extra = difference(text, page)
    assert not missing, missing
    assert not extra, extra
    assert all(a.id for a in page.articles)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text)
def test_parser_never_raises_and_loses_nothing(text: str) -> None:
    assert_nothing_lost(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_at_all(text: str) -> None:
    page = parse_page(text, "any.txt")
    missing, extra = difference(text, page)
    assert not missing and not extra


# Pages whose paragraphs are whole lines: indented or flush, LF or CRLF, with the datelines,
# credits and labels of the national style.
PARAGRAPHS = [
    "\u3000\u3000技术员每周进村两次，从播种到收割都有人手把手地教，年轻人也愿意回来种地了。",
    "\u3000\u3000县里还打算在明年春天修通进山的公路，让山里的农产品更快地运到城里的市场。",
]
PROSE_LINES = [*PARAGRAPHS,
    "山谷里的新收成", "云岭县西坡村——", "——西坡村种粮记", "核心阅读", "图片报道", "编者按", "一、种子选对了",
    "\u3000\u3000本报云岭3月2日电\xa0（记者林小禾）河谷里的试验田今年第一次种上了耐旱的新品种。",
    "\u3000\u3000新华社云岭10月7日电\xa0 合作社把收来的粮食存进新修的仓库，账目每个月都公开。",
    "\u3000\u3000县里还打算修通进山的公路。（本报记者 林小禾）", "\u3000\u3000林小禾摄（影像中国）",
    "（新华社云岭10月26日电）", "新华社记者 王大山 摄", "林小禾", "2019年10月6日", "版式设计：王大山",
    "云岭县交通局：", "山谷里的新收成（田间笔记）", "本报电", "本报云岭3月2日电（", "",
]
# Lines of the kind around two paragraphs (so that the page reads as prose), short random
# lines between them.
prose_line = st.sampled_from(PROSE_LINES) | st.sampled_from(PROSE_LINES) | st.text(max_size=12)
prose_page = st.tuples(
    st.lists(prose_line, max_size=20), st.lists(prose_line, max_size=20)
).map(lambda parts: "\n".join([*parts[0], PARAGRAPHS[0], *parts[1], PARAGRAPHS[1]])).flatmap(
    lambda text: st.sampled_from([text, text.replace("\n", "\r\n")])
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose_page)
def test_prose_pages_lose_nothing(text: str) -> None:
    assert_nothing_lost(text)
