"""The reference answer: a query evaluated by reading every article (a brute-force scan).

The index must return exactly these articles; the tests and the benchmark compare against it.
Slow by design (it reads all the text), but simple enough to be obviously right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..corpus.model import UNKNOWN_PAPER, Article
from .fold import fold
from .query import DateRange, Query, Term


@dataclass(frozen=True)
class ScanDoc:
    """An article's folded fields and filters, ready to scan."""

    id: str
    head: str
    byline: str
    body: str
    paper: str
    date: dt.date | None

    @classmethod
    def of(cls, a: Article) -> ScanDoc:
        head = "\n".join(x for x in (a.kicker, a.title, a.subtitle) if x)
        return cls(a.id, fold(head), fold(a.byline or ""), fold(a.body),
                   a.paper or UNKNOWN_PAPER, a.date)

    def has(self, term: Term) -> bool:
        if term.field == "title":
            return term.text in self.head
        if term.field == "byline":
            return term.text in self.byline
        return term.text in self.head or term.text in self.byline or term.text in self.body


def _in_range(day: dt.date | None, r: DateRange) -> bool:
    return r.contains(day)


def matches(doc: ScanDoc, q: Query, papers: Sequence[str] | None = None,
            date_from: dt.date | None = None, date_to: dt.date | None = None) -> bool:
    paper = fold(doc.paper)
    if q.papers and not any(p in paper for p in q.papers):
        return False
    if papers is not None and doc.paper not in papers:
        return False
    if any(p in paper for p in q.excluded_papers):
        return False
    ranges = [*q.dates]
    if date_from is not None or date_to is not None:
        ranges.append(DateRange(date_from, date_to))
    if not all(_in_range(doc.date, r) for r in ranges):
        return False
    if any(_in_range(doc.date, r) for r in q.excluded_dates):
        return False
    if not all(any(doc.has(t) for t in group) for group in q.groups):
        return False
    return not any(doc.has(t) for t in q.excluded)


def scan(docs: Iterable[ScanDoc], q: Query, papers: Sequence[str] | None = None,
         date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[str]:
    """Ids of the articles matching ``q``, in the order given."""
    return [d.id for d in docs if matches(d, q, papers, date_from, date_to)]
