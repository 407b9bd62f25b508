"""Datelines and credits of the national style, split off the text they open or close.

``本报北京2月14日电（记者施芳）国家主席…`` opens a report: the dateline and the credit in
brackets are the byline, ``北京 2月14日`` (place and date) the article's filing line, and the
text after them the first paragraph. ``（本报记者 韩鑫）`` at the end of the last paragraph is a
credit too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P


@dataclass(frozen=True)
class Lead:
    """A dateline cut off the start of a paragraph."""

    byline: str
    """The dateline and its credit as printed (spaces tidied)."""
    filing: str | None
    """Place and date of filing (``北京 2月14日``), None when the dateline names neither."""
    rest: str
    """The paragraph after the dateline."""


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_lead(text: str) -> Lead | None:
    """The dateline opening ``text``, or None when the paragraph opens with none."""
    m = P.NEWS_DATELINE.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    if m.group("kind") == "讯" and m.group("date"):
        return None  # 本报2月1日讯 is rare; a date before 讯 is more often prose
    gap = rest[:1] in ("", " ", "\u3000", "\xa0")
    if m.group("kind") == "电" and not m.group("credit") and not (gap or m.group("date")):
        return None  # 由某某电视台主办… : 电 inside a word, not a dateline
    end = m.end()
    if not m.group("credit") and (c := P.LEAD_CREDIT.match(rest)):
        end += c.end()  # 本报讯 记者 张三 通讯员 李四 9日上午…
        rest = text[end:]
    place = m.group("place") or ""
    date = re.sub(r"\s+", "", m.group("date") or "")
    filing = " ".join(x for x in (place, date) if x) or None
    return Lead(_tidy(text[:end]), filing, rest.strip())


def trailing_filing(text: str) -> str | None:
    """Place and date of a dateline in brackets after the text: （新华社北京10月26日电）."""
    m = P.TRAIL_DATELINE.match(text.strip())
    lead = split_lead(m.group("dateline").lstrip("据")) if m else None
    return lead.filing if lead else None


def split_trail(text: str) -> tuple[str, str] | None:
    """(text before, credit) when a paragraph ends with a credit in brackets."""
    m = P.TRAIL_CREDIT.search(text.rstrip())
    if m is None:
        return None
    before = text.rstrip()[: m.start()].rstrip()
    return before, _tidy(m.group(0))
