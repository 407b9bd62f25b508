"""Datelines and credits of the national style, read from the text they open or close.

``本报北京2月14日电（记者施芳）国家主席…`` opens a report: the credit in brackets
(``记者施芳``) is the article's byline, ``北京 2月14日`` (place and date) its filing line.
``（本报记者 韩鑫）`` at the end of the last paragraph is a credit too. The text keeps them
where they are printed: they are part of the paragraph, as the paper's own records have it.
The byline read from them is a reading of that text (``Article.byline_in_text``), as the
filing line is, so the nothing-lost check counts those characters once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P


@dataclass(frozen=True)
class Lead:
    """A dateline opening a paragraph: who it credits, and where and when it was filed."""

    credit: str | None
    """The people or the agency credited (``记者施芳``, ``记者 林小禾 通讯员 王大山``,
    ``新华社``); None for the paper's own ``本报讯`` with no names."""
    filing: str | None
    """Place and date of filing (``北京 2月14日``), None when the dateline names neither."""


_OWN = ("本报", "本刊")


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_lead(text: str) -> Lead | None:
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
    credit = m.group("credit")
    if not credit and (c := P.LEAD_CREDIT.match(rest)):
        credit = c.group(1)  # 本报讯 记者 张三 通讯员 李四 9日上午…
    if not credit and m.group("source") not in _OWN:
        credit = m.group("source")  # 新华社北京10月7日电: the agency is the author
    place = m.group("place") or ""
    date = re.sub(r"\s+", "", m.group("date") or "")
    filing = " ".join(x for x in (place, date) if x) or None
    return Lead(_tidy(credit) if credit else None, filing)


def read_closing(text: str) -> Lead | None:
    """The credit in brackets that ends a paragraph with text before it:
    ``…（本报记者 韩鑫）`` credits ``本报记者 韩鑫``."""
    m = P.TRAIL_CREDIT.search(text.rstrip())
    if m is None or not text[: m.start()].strip():
        return None
    return read_credit_line(m.group(0))


def read_credit_line(line: str) -> Lead:
    """What a paragraph made only of a credit credits: ``（新华社北京10月26日电）`` the
    agency, filed at 北京 10月26日; ``（本报记者 林小禾）`` 本报记者 林小禾; a photo credit
    (``林小禾摄（影像中国）``) as it is printed."""
    m = P.TRAIL_DATELINE.match(line.strip())
    lead = read_lead(m.group("dateline").lstrip("据")) if m else None
    if lead is not None and lead.credit:
        return lead
    return Lead(_unbracket(line), lead.filing if lead else None)


def _unbracket(text: str) -> str:
    text = _tidy(text)
    if text[:1] in "（(" and text[-1:] in ")）":
        return text[1:-1].strip()
    return text
