"""Find the masthead zone at the top of a page and read its fields.

The masthead holds the paper's name, the date with weekday and lunar date, the issue number,
the page count, hotlines, mailbox and publisher. The weekday and lunar date are checked
against the Gregorian date; a disagreement becomes a warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..problems import Problem, ProblemKind
from . import patterns as P

MAX_MASTHEAD_LINES = 40


@dataclass
class Masthead:
    lines: list[str] = field(default_factory=list)
    paper: str | None = None
    date: dt.date | None = None
    weekday: str | None = None
    lunar: str | None = None
    issue_no: int | None = None
    page_count: int | None = None
    page: int | None = None
    warnings: list[Problem] = field(default_factory=list)


def _is_masthead_line(text: str) -> bool:
    if len(text) > 80 or "。" in text:
        return False
    if P.DATE.search(text) and len(text) <= 40:
        return True
    if P.LUNAR.search(text) or P.PAGE_COUNT.search(text):
        return True
    if P.ISSUE_NO.search(text) and len(text) <= 30:
        return True
    if P.MASTHEAD_STRONG.search(text):
        return True
    if (P.ENGLISH_NAMEPLATE.match(text) and text.upper() == text) or _title_case_nameplate(text):
        return True
    return _paper_token(text) is not None


def _title_case_nameplate(text: str) -> bool:
    words = text.split()
    return (
        bool(P.ENGLISH_NAMEPLATE.match(text))
        and 2 <= len(words) <= 6
        and all(w[:1].isupper() for w in words)
    )


def _paper_token(text: str) -> str | None:
    """The paper's name on a nameplate line (钱塘发布 钱塘新区报) or a page header line
    (钱塘新区报 2022年8月10日 第3版)."""
    tokens = text.split()
    header = bool(P.DATE.search(text) or P.PAGE_NO.search(text))
    if not tokens or len(tokens) > (8 if header else 3):
        return None
    for token in tokens if header else reversed(tokens):
        if P.PAPER_NAME.match(token):
            return token
    return None


def masthead_extent(texts: list[str], stop_at: set[int]) -> int:
    """Number of leading lines that form the masthead (0 when the page has none).

    ``texts`` are the non-empty lines without markup; ``stop_at`` holds indexes of lines that
    can never be masthead (bylines), which end the search.
    """
    last = -1
    for i, text in enumerate(texts[:MAX_MASTHEAD_LINES]):
        if i in stop_at or "。" in text or len(text) > 80:
            break
        if _is_masthead_line(text):
            last = i
    return last + 1


def _check_date(mh: Masthead) -> None:
    if mh.date is None:
        return
    if mh.weekday:
        stated = mh.weekday[-1]
        stated = "日" if stated == "天" else stated
        actual = P.WEEKDAYS[mh.date.weekday()]
        if stated != actual:
            mh.warnings.append(Problem.of(ProblemKind.WEEKDAY_MISMATCH, weekday=mh.weekday,
                                          date=mh.date.isoformat(), actual=actual))
    if mh.lunar:
        expected = lunar_of(mh.date)
        if expected and _lunar_key(mh.lunar) != _lunar_key(expected):
            mh.warnings.append(Problem.of(ProblemKind.LUNAR_MISMATCH, lunar=mh.lunar,
                                          date=mh.date.isoformat(), expected=expected))


def _lunar_key(text: str) -> str:
    key = text.replace("农历", "").replace(" ", "").replace("年", "")
    return key.replace("正月", "一月").replace("冬月", "十一月").replace("腊月", "十二月")


def lunar_of(day: dt.date) -> str | None:
    """The lunar date of ``day`` written as the mastheads do: ``壬寅年七月十三``."""
    try:
        from lunar_python import Solar
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    month = lunar.getMonthInChinese()
    leap = "闰" if lunar.getMonth() < 0 else ""
    return f"{lunar.getYearInGanZhi()}年{leap}{month.lstrip('闰')}月{lunar.getDayInChinese()}"


def read_masthead(lines: list[str]) -> Masthead:
    """Read the fields of the masthead ``lines`` (already cut out of the page)."""
    mh = Masthead(lines=list(lines))
    for text in lines:
        if mh.date is None and (m := P.DATE.search(text)):
            try:
                mh.date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                mh.warnings.append(Problem.of(ProblemKind.BAD_MASTHEAD_DATE, text=m.group(0)))
            else:
                mh.weekday = m.group(4)
        if mh.lunar is None and (m := P.LUNAR.search(text)):
            mh.lunar = m.group(0).replace(" ", "")
        if mh.issue_no is None and (m := P.ISSUE_NO.search(text)):
            mh.issue_no = int(m.group(2))
        if mh.page_count is None and (m := P.PAGE_COUNT.search(text)):
            mh.page_count = P.cn_number(m.group(1))
        if mh.page is None and (m := P.PAGE_NO.search(text)):
            raw = m.group(1) or m.group(2)
            digits = "".join(c for c in raw if c.isdigit())
            if digits:
                mh.page = int(digits)
        if mh.paper is None:
            mh.paper = _paper_token(text)
    if mh.weekday is None and mh.date is not None:
        for text in lines:
            for token in text.split():
                if token.startswith("星期") and len(token) == 3:
                    mh.weekday = token
    _check_date(mh)
    if mh.page is None and (mh.page_count or mh.issue_no or mh.paper):
        # A nameplate with the issue's number or page count is printed on the front page.
        mh.page = 1
    return mh
