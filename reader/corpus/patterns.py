"""Regular expressions shared by the page parser: masthead fields, bylines, jumps, guides.

Every pattern is anchored or bounded so that a 100,000-character line costs linear time.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
CN_DIGITS = "〇零一二三四五六七八九十"

DATE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"(?:\s*[（(]?\s*(星期[一二三四五六日天]|周[一二三四五六日天])\s*[)）]?)?"
)
LUNAR = re.compile(
    r"农历\s*(?:([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])\s*[年]?)?\s*"
    r"(?:[鼠牛虎兔龙蛇马羊猴鸡狗猪]年\s*)?"
    r"(闰?\s*(?:十一|十二|[正一二三四五六七八九十冬腊]))\s*月\s*"
    r"(初[一二三四五六七八九十]|十[一二三四五六七八九]?|廿[一二三四五六七八九十]?|二十|三十|卅)"
)
ISSUE_NO = re.compile(r"(总)?\s*第\s*(\d{1,6})\s*期")
PAGE_COUNT = re.compile(
    rf"(?:今日|本期|今天|本报今日|共)\s*(\d{{1,3}}|[{CN_DIGITS}]{{1,3}})\s*版"
)
PAGE_NO = re.compile(
    r"(?<![详见转接])第\s*([A-Z]?\d{1,3})\s*版|^([A-Z]?\d{1,2})\s*版(?:\s|$|[：:])"
)
WEEKDAYS = "一二三四五六日"

MASTHEAD_STRONG = re.compile(
    r"热线|电话|邮箱|投稿|征订|订阅|传真|邮编|社址|广告|发行"
    r"|主办|出版|主管|承办|编辑出版|责任编辑|版式|校对|美编|统一连续出版物号|CN\s*\d{2}\s*-\s*\d{4}"
    r"|扫一扫|二维码|公众号"
    r"|@[A-Za-z0-9.-]+\.[a-z]{2,}"
    r"|^\(?\d{3,4}\)?[-\s]?\d{7,8}$"
)
ENGLISH_NAMEPLATE = re.compile(r"^[A-Za-z][A-Za-z .,'&-]{5,60}$")
PAPER_NAME = re.compile(rf"^[{HAN}]{{2,12}}(?:日报|晚报|早报|时报|周报|周刊|报)$")

# Bylines: an optional organisation, a role, then names.
ROLE = (
    r"(?:[" + HAN + r"]{0,8}?(?:首席记者|见习记者|实习记者|特约记者|摄影记者|本报记者|记者|通讯员"
    r"|实习生|特约撰稿|撰稿|编辑|摄影|整理|文字))"
)
NAME = rf"[{HAN}·]{{2,5}}"
BYLINE_BODY = re.compile(rf"^(?:{ROLE}\s*{NAME}(?:\s+{NAME})*\s*)+$")
TRAIL_BYLINE = re.compile(
    rf"^(?:(?:文|图|摄|文字|图片|文图|图文)\s*[/／|｜]\s*(?:文|图|摄)?\s*(?:{ROLE})?\s*{NAME}"
    rf"|(?:摄影记者|摄影|摄|图)\s*{NAME})(?:\s+(?:{ROLE}\s*)?{NAME})*\s*$"
)
BYLINE_MARK = "■"

# 本报讯（记者 季辰欣） / 杭州日报讯 … : the dateline that opens a news report.
_DATELINE = (
    rf"(?:(?:本报|本刊|[{HAN}]{{2,8}}?(?:日报|晚报|报|网|社))讯"
    rf"|新华社[{HAN}\d]{{0,12}}?电|中新社[{HAN}\d]{{0,12}}?电)"
)
DATELINE = re.compile(rf"^{_DATELINE}")
DATELINE_CREDIT = re.compile(rf"^({_DATELINE}\s*[（(][^（()）\n]{{1,40}}[)）])\s*")
# Page furniture printed at the foot of a page: it belongs with the masthead, not an article.
FURNITURE = re.compile(
    r"^(?:责任编辑|本版编辑|编辑|美编|校对|版式设计|版式|版面设计|组版|审读)\s*[：:]"
)

JUMP_ON = re.compile(r"[（(]\s*(?:下转|转)\s*第?\s*(\d{1,3})\s*版\s*[)）]")
JUMP_FROM = re.compile(r"[（(]\s*(?:上接|接)\s*第?\s*(\d{1,3})\s*版\s*[)）]")

GUIDE_HEAD = re.compile(r"^(?:本期|今日|本版)?\s*导\s*读$")
GUIDE_POINTER = re.compile(r"^(?:>{1,3}|》{1,3}|→)\s*|^(?:详见|见)\s*(?:本报)?\s*第")
GUIDE_PAGES = re.compile(r"第?\s*([\dA-Z][\dA-Z、,，和及至\-－～~\s]*)\s*版")

MARKUP_HEADING = re.compile(r"^(#{1,6})(?=[^#])\s*")

# A headline line: short, no sentence punctuation.
SENTENCE_PUNCT = re.compile(r"[。，,；;]")
KICKER_END = re.compile(r"(?:强调|指出|表示|要求|时说|寄语|提出|致辞)$")
KICKER_INLINE = re.compile(r"^(.{4,40}?(?:时强调|上强调|强调|时指出|指出|时表示|表示))\s+(\S.*)$")
KICKER_START = re.compile(r"^(?:学习宣传贯彻|学习贯彻|深入学习贯彻)")

TERMINAL = "。！？!?…；;：:"
CLOSERS = "”’」』\"'）)》〉】"


def cn_number(text: str) -> int | None:
    """``8`` or ``八`` or ``十二`` → int; None if it is not a small number."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = digits.get(tens, 1) if tens else 1
        o = digits.get(ones, 0) if ones else 0
        return t * 10 + o
    if len(text) == 1 and text in digits:
        return digits[text]
    return None


def parse_page_list(text: str) -> tuple[int, ...]:
    """``2、3`` → (2, 3); ``2-4`` → (2, 3, 4); ``4`` → (4,)."""
    pages: list[int] = []
    for part in re.split(r"[、,，和及\s]+", text.strip()):
        if not part:
            continue
        span = re.split(r"[\-－～~至]", part)
        nums = [int(re.sub(r"\D", "", s)) for s in span if re.sub(r"\D", "", s)]
        if len(nums) == 2 and 0 < nums[1] - nums[0] < 50:
            pages.extend(range(nums[0], nums[1] + 1))
        else:
            pages.extend(nums)
    return tuple(dict.fromkeys(p for p in pages if 0 < p < 1000))


def is_open(text: str) -> bool:
    """Does a paragraph end mid-sentence (so that a column break cut it)?"""
    t = text.rstrip()
    if not t:
        return False
    last = t[-1]
    if last in TERMINAL:
        return False
    if last in CLOSERS:
        inner = t.rstrip(CLOSERS)
        return not inner or inner[-1] not in TERMINAL
    return True

# The national style of dateline that opens a report: 本报北京2月14日电（记者施芳）,
# 新华社北京10月7日电（记者 …）, 本报讯. Place and date between the source and 电/讯.
NEWS_DATELINE = re.compile(
    rf"^(?P<source>本报|本刊|新华社|中新社|[{HAN}]{{2,10}}?(?:日报|晚报|早报|报|网|社|台))"
    rf"(?P<place>[{HAN}·、]{{0,12}}?)\s*(?P<date>(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日)?\s*"
    rf"(?P<kind>电|讯)"
    rf"(?:\s*[（(](?P<credit>[^（()）\n]{{1,40}})[)）])?"
)
# Roles and names after a dateline, no brackets, ended by a space: 本报讯 记者 张三 通讯员 李四
LEAD_CREDIT = re.compile(rf"^\s+((?:{ROLE}\s*{NAME}(?:\s+{NAME})*\s*?)+)(?=\s)")
# A credit in brackets after the text: （本报记者 韩鑫）, （记者 李四 王五）, （新华社记者 …）.
TRAIL_CREDIT = re.compile(
    rf"[（(]\s*(?:[^（()）\n。]{{2,24}}?电\s*)?"
    rf"(?:本报|新华社|人民日报|[{HAN}]{{2,8}}?(?:日报|报|社))?(?:驻[{HAN}]{{1,8}}?)?"
    rf"(?:特约|见习|实习|首席)?记者[^（()）\n。]{{1,30}}[)）]$"
)
# A dateline printed in brackets after the text: （新华社北京10月26日电）, （本报柏林电）.
TRAIL_DATELINE = re.compile(
    rf"^[（(]\s*(?P<dateline>据?(?:本报|新华社|中新社|[{HAN}]{{2,10}}?(?:日报|报|网|社|台))"
    rf"[^（()）\n。]{{0,20}}?电)[^（()）\n。]{{0,30}}[)）]$"
)
# A photo credit: 余中华摄（影像中国）, 新华社记者 李贺摄, 本报记者 王某文 某某供图.
PHOTO_CREDIT = re.compile(
    rf"^[^。，,！？；;：:（(]{{1,30}}?(?:摄|供图|摄影)\s*(?:[（(][{HAN}]{{2,12}}[)）])?$"
)
