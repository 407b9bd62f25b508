"""A stand-in for the search core while it has not landed: a plain scan of the catalog.

It offers the part of the proposed ``reader.search.SearchIndex`` API that the window uses
(``update``, ``search``, ``occurrences``) so the window can be built and tested before the
real index arrives. It finds every substring (so its recall is complete) but scans every
article for each new query: fine for the bundled corpus, slow on a large archive. The window
uses the real index as soon as ``reader.search`` can be imported (see ``search_backend``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..corpus.catalog import Catalog
from ..corpus.model import Article

FIELDS = ("kicker", "title", "subtitle", "byline", "body")


class ScanQueryError(ValueError):
    """A query the scan cannot read (an unclosed quote, a lone minus)."""


@dataclass(frozen=True)
class ScanHit:
    id: str
    paper: str | None
    date: dt.date | None
    page: int | None
    title: str
    snippet: str
    highlights: list[tuple[int, int]]
    score: float


@dataclass
class ScanResults:
    total: int
    hits: list[ScanHit] = field(default_factory=list)


def fold(text: str) -> str:
    """Full-width to half-width and case folding, one character for one character."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n.casefold() if len(n) == 1 and len(n.casefold()) == 1 else ch)
    return "".join(out)


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """Terms that must occur and terms that must not (``-word``); quotes keep spaces."""
    if query.count('"') % 2:
        raise ScanQueryError('the query has an unclosed quote (")')
    wanted: list[str] = []
    unwanted: list[str] = []
    for m in re.finditer(r'(-?)"([^"]*)"|(\S+)', query):
        negative = bool(m.group(1))
        term = m.group(2) if m.group(2) is not None else m.group(3)
        if term.startswith("-") and m.group(3):
            negative, term = True, term[1:]
            if not term:
                raise ScanQueryError("a minus sign must be followed by the word to exclude")
        term = fold(term)
        if term:
            (unwanted if negative else wanted).append(term)
    if not wanted:
        raise ScanQueryError("the query has no word to look for")
    return wanted, unwanted


def spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Every (start, end) where a term occurs in ``text`` (folded), sorted, overlaps merged."""
    folded = fold(text)
    found = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            found.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


class ScanIndex:
    """Substring search by scanning every article of a catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._cache: tuple[tuple[object, ...], list[ScanHit]] | None = None

    def update(
        self,
        page_source: object = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Nothing to build; forget cached results since pages may have changed."""
        self._cache = None
        if progress:
            progress(1, 1)

    def search(
        self,
        query: str,
        limit: int = 50,
        offset: int = 0,
        sort: str = "relevance",
        papers: list[str] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> ScanResults:
        key = (query, sort, tuple(papers or ()), date_from, date_to)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._scan(query, sort, papers, date_from, date_to))
        hits = self._cache[1]
        return ScanResults(total=len(hits), hits=hits[offset : offset + limit])

    def occurrences(self, article: Article, query: str) -> list[tuple[str, int, int]]:
        """Spans ``(field, start, end)`` in reading order, as ``reader.search.occurrences``."""
        wanted, _ = parse_query(query)
        out = []
        for name in FIELDS:
            text = article.body if name == "body" else getattr(article, name) or ""
            out += [(name, s, e) for s, e in spans(text, wanted)]
        return out

    def _scan(
        self,
        query: str,
        sort: str,
        papers: list[str] | None,
        date_from: dt.date | None,
        date_to: dt.date | None,
    ) -> list[ScanHit]:
        wanted, unwanted = parse_query(query)
        hits = []
        for article in self.catalog.articles():
            if papers and article.paper not in papers:
                continue
            if (date_from or date_to) and article.date is None:
                continue
            if date_from and article.date and article.date < date_from:
                continue
            if date_to and article.date and article.date > date_to:
                continue
            head, body = fold(article.headline), fold(article.body)
            if any(t not in head and t not in body for t in wanted):
                continue
            if any(t in head or t in body for t in unwanted):
                continue
            score = sum(5 * head.count(t) + body.count(t) for t in wanted)
            snippet, marks = _snippet(article.body or article.headline, wanted)
            hits.append(ScanHit(article.id, article.paper, article.date, article.page,
                                article.display_title, snippet, marks, float(score)))
        if sort == "date":
            hits.sort(key=lambda h: (h.date or dt.date.min, h.page or 0), reverse=True)
        else:
            hits.sort(key=lambda h: -h.score)
        return hits


def _snippet(text: str, terms: list[str], width: int = 80) -> tuple[str, list[tuple[int, int]]]:
    found = spans(text, terms)
    start = max(0, found[0][0] - width // 4) if found else 0
    piece = text[start : start + width].replace("\n", " ")
    marks = [(s - start, min(e, start + width) - start) for s, e in found
             if start <= s < start + width]
    prefix = "…" if start else ""
    return prefix + piece, [(s + len(prefix), e + len(prefix)) for s, e in marks]
