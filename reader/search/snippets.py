"""Snippets and highlight spans, cut from the text as printed (never from segmented text).

Matching is done on the folded text; folding keeps offsets, so every span found there points
at the same characters of the original.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..corpus.model import Article
from .fold import fold
from .query import Query, Term, parse_query

Span = tuple[int, int]
ArticleField = Literal["kicker", "title", "subtitle", "byline", "body"]
HEADLINE_FIELDS: tuple[ArticleField, ...] = ("kicker", "title", "subtitle")
SNIPPET_CHARS = 90
ELLIPSIS = "…"


@dataclass(frozen=True)
class Occurrence:
    """Where a query term occurs in an article: ``text[start:end]`` of the named field.

    ``body`` offsets are into ``Article.body`` (paragraphs joined by a newline).
    """

    field: ArticleField
    start: int
    end: int


def find_all(folded_text: str, needles: Iterable[str]) -> list[Span]:
    """Every occurrence of every needle in ``folded_text``, merged where they overlap."""
    spans: list[Span] = []
    for needle in set(needles):
        if not needle:
            continue
        i = folded_text.find(needle)
        while i >= 0:
            spans.append((i, i + len(needle)))
            i = folded_text.find(needle, i + 1)
    return merge_spans(spans)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def terms_for(terms: Sequence[Term], field: ArticleField) -> list[str]:
    """The texts of the terms that may match in ``field``."""
    wanted = {"any"} | ({"title"} if field in HEADLINE_FIELDS else set()) | (
        {"byline"} if field == "byline" else set())
    return [t.text for t in terms if t.field in wanted]


def _best_window(text: str, folded: str, needles: list[str], width: int) -> tuple[int, int]:
    """The window of about ``width`` characters, within one paragraph, that shows the most
    distinct needles (then the most occurrences, then the earliest)."""
    hits: list[tuple[int, int, str]] = []
    for needle in set(needles):
        i = folded.find(needle)
        count = 0
        while i >= 0 and count < 200:
            hits.append((i, i + len(needle), needle))
            i = folded.find(needle, i + 1)
            count += 1
    if not hits:
        end = text.find("\n")
        end = len(text) if end < 0 else end
        return 0, min(end, width)
    hits.sort()
    starts = [h[0] for h in hits]
    best: tuple[int, int, int] | None = None
    best_window = (0, 0)
    for start in starts:
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", start)
        para_end = len(text) if para_end < 0 else para_end
        lo = max(para_start, start - width // 4)
        hi = min(para_end, lo + width)
        lo = max(para_start, min(lo, hi - width))
        # the hits starting in [lo, hi] (sorted: found by bisection, not by a scan of all)
        inside = [h for h in hits[bisect_left(starts, lo) : bisect_right(starts, hi)]
                  if h[1] <= hi]
        rank = (len({h[2] for h in inside}), len(inside), -lo)
        if best is None or rank > best:
            best, best_window = rank, (lo, hi)
    return best_window


def make_snippet(
    headline: str, byline: str, body: str, terms: Sequence[Term], width: int = SNIPPET_CHARS
) -> tuple[str, list[Span]]:
    """The best passage of the body with every term in it marked as [start, end) spans.

    When no term is in the body (a headline or byline match), the passage is that field.
    """
    body_needles = terms_for(terms, "body")
    folded_body = fold(body)
    if body and any(n in folded_body for n in body_needles):
        lo, hi = _best_window(body, folded_body, body_needles, width)
        prefix = ELLIPSIS if lo > 0 and body[lo - 1] != "\n" else ""
        suffix = ELLIPSIS if hi < len(body) and body[hi] != "\n" else ""
        spans = [(s + len(prefix), e + len(prefix))
                 for s, e in find_all(folded_body[lo:hi], body_needles)]
        return prefix + body[lo:hi] + suffix, spans
    for text, needles in ((headline, terms_for(terms, "title")),
                          (byline, terms_for(terms, "byline"))):
        spans = find_all(fold(text), needles)
        if spans:
            return text, spans
    first = body.split("\n", 1)[0]
    return (first[:width] + ELLIPSIS if len(first) > width else first), []


def occurrences(article: Article, query: str | Query) -> list[Occurrence]:
    """Every occurrence of the query's terms in the article's headline parts, byline and body,
    in reading order, for highlighting and stepping through them in the article view.

    Raises ``QueryError`` for a malformed query string.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    found: list[Occurrence] = []
    fields: tuple[tuple[ArticleField, str | None], ...] = (
        ("kicker", article.kicker), ("title", article.title), ("subtitle", article.subtitle),
        ("byline", article.byline), ("body", article.body),
    )
    for name, text in fields:
        if not text:
            continue
        for start, end in find_all(fold(text), terms_for(parsed.terms, name)):
            found.append(Occurrence(name, start, end))
    return found
