"""What a file's name and folders say about it: the date, the page, the position, the paper.

Archives filed by people and scripts carry in their names what the page text may not state:
``renmin-2019-02-01-p01.txt``, ``2019/02/01/03.txt``, ``20190201-05.txt``,
``钱塘新区报/2022年8月10日/第2版.txt``, or, one article per file, ``20190201/20190201-01-02.txt``
(page 1, second article). ``read_path`` reads these from a path relative to the library.

The rules are strict on purpose: a folder ``2019-02`` is a month, not a paper; a seed name like
``001_7373efc8816d55bd.txt`` has neither a date nor a page; a bare number is a page only when
the path also holds a date. See docs/sidecar.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from . import patterns as P

Layout = Literal["pages", "articles"]

_Y = r"((?:19|20)\d{2})"
_M = r"(0?[1-9]|1[0-2])"
_D = r"(0?[1-9]|[12]\d|3[01])"
_NOT_DIGIT_BEFORE = r"(?<!\d)"
_NOT_DIGIT_AFTER = r"(?!\d)"

# Date forms, tried on the joined path ("a/b/c"); the match nearest the file wins.
_DATE_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日"),
    re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}[-_.]{_M}[-_.]{_D}{_NOT_DIGIT_AFTER}"),
    re.compile(rf"(?:^|/){_Y}/{_M}/{_D}(?=/|$)"),
    re.compile(rf"(?:^|/){_Y}/{_M}[-_.]{_D}{_NOT_DIGIT_AFTER}"),
    re.compile(rf"{_NOT_DIGIT_BEFORE}{_Y}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]){_NOT_DIGIT_AFTER}"),
)
# Page forms, tried on the file name without the date; explicit ones first.
_PAGE_MARKED: tuple[re.Pattern[str], ...] = (
    re.compile(r"第\s*([A-Z]?\d{1,3}|[〇零一二三四五六七八九十]{1,3})\s*版"),
    re.compile(r"(?<![A-Za-z0-9])(\d{1,3})\s*版"),
    re.compile(r"(?<![A-Za-z])(?:page|p|P)[-_ ]?(\d{1,3})(?!\d)"),
    re.compile(r"(?<![A-Za-z0-9])[A-Z](\d{1,3})(?![\dA-Za-z])"),
)
_NUMBERS_ONLY = re.compile(r"^[-_ .]*(\d{1,3})(?:[-_ .]+(\d{1,3}))?[-_ .]*$")
_TRAILING_NUMBER = re.compile(r"[-_ ](\d{1,3})$")


@dataclass(frozen=True)
class PathMeta:
    """What the path says; every field None when it says nothing."""

    date: dt.date | None = None
    page: int | None = None
    position: int | None = None
    """1-based order of an article-per-file record on its page (``…-01-02.txt`` → 2)."""
    paper: str | None = None
    """A folder whose name is a paper's name (``钱塘新区报/…``)."""
    date_text: str | None = None
    """The part of the path the date was read from, for messages."""


def _real_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        found = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if found <= dt.date.today() + dt.timedelta(days=366) else None


def _find_date(path: str) -> tuple[dt.date, int, int] | None:
    """The date nearest the end of ``path``, with the span it was read from."""
    best: tuple[dt.date, int, int] | None = None
    for form in _DATE_FORMS:
        for m in form.finditer(path):
            day = _real_date(m.group(1), m.group(2), m.group(3))
            if day is None:
                continue
            start = m.start(1)
            if best is None or start > best[1]:
                best = (day, start, m.end())
    return best


def looks_like_paper(name: str) -> bool:
    """A folder name that is a paper's name: 钱塘新区报, 人民日报, 上城报 …"""
    return bool(P.PAPER_NAME.match(name.strip()))


def _page_number(raw: str) -> int | None:
    digits = "".join(c for c in raw if c.isdigit())
    number = int(digits) if digits else P.cn_number(raw)
    return number if number and 0 < number < 1000 else None


def read_path(source: str) -> PathMeta:
    """Date, page, position and paper from ``source``, a path relative to the library."""
    pure = PurePosixPath(source.replace("\\", "/"))
    parts = [p for p in pure.parts if p not in ("", "/", ".")]
    if not parts:
        return PathMeta()
    stem = PurePosixPath(parts[-1]).stem
    folders = parts[:-1]
    joined = "/".join([*folders, stem])
    found = _find_date(joined)
    date = found[0] if found else None
    date_text = joined[found[1]:found[2]] if found else None
    # The file name without the date (when the date is in the file name itself).
    name_start = len(joined) - len(stem)
    rest = stem
    if found and found[1] >= name_start:
        rest = stem[: found[1] - name_start] + " " + stem[found[2] - name_start:]
    page = position = None
    for form in _PAGE_MARKED:
        if m := form.search(rest):
            page = _page_number(m.group(1))
            break
    if page is None and date is not None:
        # Bare numbers count only beside a date: 20190201-05, 2019/02/01/03, …-01-02.
        if m := _NUMBERS_ONLY.match(rest):
            page = _page_number(m.group(1))
            position = int(m.group(2)) if m.group(2) else None
        elif m := _TRAILING_NUMBER.search(rest.rstrip()):
            page = _page_number(m.group(1))
    paper = next((f for f in reversed(folders) if looks_like_paper(f)), None)
    return PathMeta(date=date, page=page, position=position or None, paper=paper,
                    date_text=date_text)


def is_record_name(name: str) -> bool:
    """A file named like one article of an article-per-file archive: date, page, position."""
    meta = read_path(name)
    return meta.date is not None and meta.page is not None and meta.position is not None


def folder_layout(names: Iterable[str]) -> Layout:
    """``articles`` when most page files of a folder are named as article records."""
    total = records = 0
    for name in names:
        total += 1
        records += is_record_name(name)
    return "articles" if total and records * 2 > total else "pages"
