"""The query language: what a reader types in the search box, parsed into a ``Query``.

=====================  ===============================================================
``金承涛 疫情``          both must occur (a space is AND)
``"全过程 人民民主"``     the exact text between the quotes, spaces included
``-疫情``               articles containing 疫情 are left out
``钱塘 OR 上城``         either (``OR`` in capitals joins the words beside it)
``title:金承涛``         in the headline (kicker, title or subtitle); ``标题:`` too
``byline:郁佳炜``        in the byline; ``作者:`` too
``paper:上城报``         papers whose name contains the text (repeated: any of them)
``date:2022``           a year, ``date:2022-08`` a month, ``date:2022-08-01`` a day,
                        ``date:2022-08-01..2022-10-31`` a range (either end may be left open)
``person:金承涛``        articles where the name was found as a person's (``人物:`` too);
                        ``place:白杨街道`` (``地点:``) a place, ``org:…`` (``机构:``) an
                        organisation: the whole name, as the names index holds it
=====================  ===============================================================

Words match anywhere, inside longer words too: ``承涛`` finds 金承涛. Text is folded first
(``fold``): full/half width, letter case and traditional/simplified forms do not matter.
A malformed query raises ``QueryError`` with a typed problem (``reader.problems``) that each
face words in its own language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from ..problems import Problem, ProblemKind
from .fold import fold

Field = Literal["any", "title", "byline"]
MAX_TERMS = 32
MAX_TERM_CHARS = 200
MAX_QUERY_CHARS = 2000
"""Longer queries are refused before they are read (32 words of 200 characters fit in 7,000,
but nobody types that; a pasted page of text is a mistake to point out, not to search)."""
MAX_FILTERS = 64
"""``paper:`` and ``date:`` filters, excluded ones included."""

_FIELD_NAMES: dict[str, str] = {
    "title": "title", "标题": "title", "headline": "title",
    "byline": "byline", "作者": "byline", "author": "byline",
    "paper": "paper", "报纸": "paper", "报": "paper",
    "date": "date", "日期": "date",
    "person": "person", "人物": "person", "人名": "person",
    "place": "place", "地点": "place", "地名": "place",
    "org": "org", "机构": "org", "organisation": "org", "organization": "org",
}
NAME_KINDS = ("person", "place", "org")
"""The kinds of names a ``person:``, ``place:`` or ``org:`` filter asks for (``names``)."""
_DATE_PART = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_FIELD_PREFIX = re.compile(r"([^\s\":]{1,12}):")
"""A field name and its colon at a position (names are short: the match never runs far)."""


class QueryError(ValueError):
    """A query that cannot be understood: ``problem`` says why (a kind and its parameters,
    which each face words in its language); ``str(err)`` is the English text. A plain
    sentence is taken as well (kind ``OTHER``)."""

    def __init__(self, kind: ProblemKind | str, **params: str | int) -> None:
        problem = (Problem.of(kind, **params) if isinstance(kind, ProblemKind)
                   else Problem.other(kind))
        super().__init__(problem.text)
        self.problem = problem
        self.message = problem.text


@dataclass(frozen=True)
class Term:
    """Text to find (folded), where to find it, and how it was typed."""

    text: str
    field: Field = "any"
    raw: str = ""


@dataclass(frozen=True)
class DateRange:
    """Inclusive range of dates; ``None`` leaves that end open."""

    start: dt.date | None
    end: dt.date | None

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class NameFilter:
    """A name of one kind (``person``, ``place``, ``org``) an article must hold (folded)."""

    kind: str
    name: str


@dataclass(frozen=True)
class Query:
    """AND of ``groups`` (each an OR of terms), minus ``excluded``, within the filters."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    papers: tuple[str, ...] = ()
    """Folded parts of paper names; an article's paper must contain one of them."""
    excluded_papers: tuple[str, ...] = ()
    dates: tuple[DateRange, ...] = ()
    """An article's date must be in every range."""
    excluded_dates: tuple[DateRange, ...] = ()
    names: tuple[NameFilter, ...] = ()
    """Names the article must hold (each also a term of ``groups``, to mark it)."""
    excluded_names: tuple[NameFilter, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term to find (for highlighting), without the excluded ones."""
        return tuple(t for group in self.groups for t in group)

    @property
    def has_text(self) -> bool:
        return bool(self.groups)


# --------------------------------------------------------------------------------------------
# Tokens


@dataclass
class _Token:
    kind: Literal["text", "or"]
    negated: bool = False
    field_name: str | None = None
    value: str = ""
    raw: str = ""


def _read_quoted(q: str, i: int) -> tuple[str, int]:
    """``q[i]`` is a quote: the text up to the closing quote and the index after it."""
    end = q.find('"', i + 1)
    if end < 0:
        raise QueryError(ProblemKind.QUERY_UNCLOSED_QUOTE, text=q[i:i + 20])
    return q[i + 1 : end], end + 1


def _tokens(raw: str) -> list[_Token]:
    """The query's tokens, read once from left to right (linear in its length)."""
    if len(raw) > MAX_QUERY_CHARS:
        raise QueryError(ProblemKind.QUERY_TOO_LONG, length=f"{len(raw):,}",
                         limit=f"{MAX_QUERY_CHARS:,}")
    q = fold(raw)
    tokens: list[_Token] = []
    i, n = 0, len(q)
    while i < n:
        if q[i].isspace():
            i += 1
            continue
        start = i
        negated = False
        if q[i] == "-" and i + 1 < n and not q[i + 1].isspace():
            negated, i = True, i + 1
        field_name = None
        m = _FIELD_PREFIX.match(q, i)
        if m and m.group(1) in _FIELD_NAMES:
            field_name = _FIELD_NAMES[m.group(1)]
            i = m.end()
        if i < n and q[i] == '"':
            value, i = _read_quoted(q, i)
            value = " ".join(value.split())
            if not value:
                raise QueryError(ProblemKind.QUERY_EMPTY_QUOTES)
        else:
            j = i
            while j < n and not q[j].isspace() and q[j] != '"':
                j += 1
            value, i = q[i:j], j
            if not negated and field_name is None and raw[start:i] in ("OR", "ＯＲ"):
                tokens.append(_Token("or", raw=raw[start:i]))
                continue
        if not value:
            name = raw[start:i].rstrip(":：")
            raise QueryError(ProblemKind.QUERY_NEEDS_WORD, name=name)
        if len(value) > MAX_TERM_CHARS:
            raise QueryError(ProblemKind.QUERY_LONG_WORD, limit=MAX_TERM_CHARS)
        tokens.append(_Token("text", negated, field_name, value, raw[start:i]))
    return tokens


# --------------------------------------------------------------------------------------------
# Dates


def _date_bound(text: str, end: bool) -> dt.date:
    m = _DATE_PART.match(text)
    if not m:
        raise QueryError(ProblemKind.QUERY_BAD_DATE, text=text)
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    if not 1 <= month <= 12:
        raise QueryError(ProblemKind.QUERY_NO_MONTH, text=text, month=month)
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    day = int(m.group(3)) if m.group(3) else (last if end else 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise QueryError(ProblemKind.QUERY_NO_DAY, text=text, month=f"{year}-{month:02d}",
                         day=day) from None


def parse_date_range(text: str) -> DateRange:
    """``2022``, ``2022-08``, ``2022-08-01`` or ``A..B`` (an end may be empty)."""
    text = text.strip()
    if ".." in text:
        left, right = text.split("..", 1)
        if not left and not right:
            raise QueryError(ProblemKind.QUERY_BAD_DATE, text=text)
        start = _date_bound(left, end=False) if left else None
        stop = _date_bound(right, end=True) if right else None
        if start and stop and start > stop:
            raise QueryError(ProblemKind.QUERY_REVERSED_RANGE, text=text)
        return DateRange(start, stop)
    return DateRange(_date_bound(text, end=False), _date_bound(text, end=True))


# --------------------------------------------------------------------------------------------
# Parser


@dataclass
class _Builder:
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)
    excluded_papers: list[str] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    excluded_dates: list[DateRange] = field(default_factory=list)
    names: list[NameFilter] = field(default_factory=list)
    excluded_names: list[NameFilter] = field(default_factory=list)


def _clauses(tokens: list[_Token]) -> list[list[_Token]]:
    """Runs of tokens joined by OR; every OR must stand between two of them."""
    clauses: list[list[_Token]] = []
    joining = False
    for tok in tokens:
        if tok.kind == "or":
            if not clauses or joining:
                raise QueryError(ProblemKind.QUERY_OR_SIDES)
            joining = True
            continue
        if joining:
            clauses[-1].append(tok)
            joining = False
        else:
            clauses.append([tok])
    if joining:
        raise QueryError(ProblemKind.QUERY_OR_SIDES)
    return clauses


def _term(tok: _Token) -> Term:
    fld: Field = "title" if tok.field_name == "title" else (
        "byline" if tok.field_name == "byline" else "any")
    return Term(tok.value, fld, tok.raw)


def _add_clause(b: _Builder, clause: list[_Token]) -> None:
    if len(clause) > 1:
        if any(t.negated for t in clause):
            raise QueryError(ProblemKind.QUERY_OR_EXCLUDED)
        if any(t.field_name == "date" for t in clause):
            raise QueryError(ProblemKind.QUERY_OR_DATE)
        if any(t.field_name in NAME_KINDS for t in clause):
            raise QueryError(ProblemKind.QUERY_OR_NAME)
        if all(t.field_name == "paper" for t in clause):
            b.papers.extend(t.value for t in clause)
            return
        if any(t.field_name == "paper" for t in clause):
            raise QueryError(ProblemKind.QUERY_OR_PAPER)
        b.groups.append([_term(t) for t in clause])
        return
    tok = clause[0]
    if tok.field_name == "paper":
        (b.excluded_papers if tok.negated else b.papers).append(tok.value)
    elif tok.field_name == "date":
        (b.excluded_dates if tok.negated else b.dates).append(parse_date_range(tok.value))
    elif tok.field_name in NAME_KINDS:
        name = NameFilter(tok.field_name, tok.value)
        if tok.negated:
            b.excluded_names.append(name)
        else:
            b.names.append(name)
            b.groups.append([Term(tok.value, "any", tok.raw)])
    elif tok.negated:
        b.excluded.append(_term(tok))
    else:
        b.groups.append([_term(tok)])


def parse_query(text: str) -> Query:
    """Parse what the reader typed; raise ``QueryError`` when it cannot be understood."""
    tokens = _tokens(text)
    if not tokens:
        raise QueryError(ProblemKind.QUERY_EMPTY)
    b = _Builder()
    for clause in _clauses(tokens):
        _add_clause(b, clause)
    if sum(len(g) for g in b.groups) + len(b.excluded) > MAX_TERMS:
        raise QueryError(ProblemKind.QUERY_MANY_WORDS, limit=MAX_TERMS)
    filters = (len(b.papers) + len(b.excluded_papers) + len(b.dates) + len(b.excluded_dates)
               + len(b.names) + len(b.excluded_names))
    if filters > MAX_FILTERS:
        raise QueryError(ProblemKind.QUERY_MANY_FILTERS, limit=MAX_FILTERS)
    if not (b.groups or b.papers or b.dates):
        raise QueryError(ProblemKind.QUERY_ONLY_EXCLUDES)
    return Query(
        text=text,
        groups=tuple(tuple(g) for g in b.groups),
        excluded=tuple(b.excluded),
        papers=tuple(b.papers),
        excluded_papers=tuple(b.excluded_papers),
        dates=tuple(b.dates),
        excluded_dates=tuple(b.excluded_dates),
        names=tuple(b.names),
        excluded_names=tuple(b.excluded_names),
    )
