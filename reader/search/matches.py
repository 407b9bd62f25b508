"""What a match set holds, read from the engine without snippets: the days of its articles
(for timelines) and the query's occurrences in them.

The days are counted inside tantivy, by a terms aggregation over the ``date`` fast field: one
bucket per day, so a timeline gets a few thousand numbers however many articles match
(measured at 100,000 articles: 1.6–2.8 ms for 30,000–95,000 matches, where collecting each
match's date from a search ordered by date took 13–45 ms and reading the fast field of each
match's address 13–40 ms).

Occurrences come from the engine's scores, not the articles' text (which took about 40 µs
an article: seconds for a common word). tantivy's BM25 score of a term in a document is
``W * tf / (tf + K)``: ``W`` the same for every document (the term's weight), ``K`` the
document's length weighting in that field. Every non-empty field of characters and of pairs
starts with one ``MARK`` token, whose score is ``W' / (1 + K)``: two searches of the match
set, the term's and the mark's, give ``K`` and then ``tf`` of each document, the number of
positions of the term (or phrase) in it, overlapping ones included. The two weights are read
from the engine's explanation of one document. Should that explanation ever look different
(another engine version), the counts are read from the articles' texts (``texts``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tantivy

from ..corpus.model import Article
from .build import MARK
from .engine import TERM_FIELDS, text_query
from .fold import fold
from .query import Term

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]

MAX_DAYS = 65_000
"""Distinct days an aggregation may count (tantivy's bucket limit: 178 years of dailies)."""


@dataclass(frozen=True)
class DatedMatches:
    """The days of a query's matches and of every article, each with how many there are."""

    dates: Ints
    """The distinct ``YYYYMMDD`` of the matching articles, ascending (0: undated)."""
    articles: Ints
    """Matching articles of each of ``dates``."""
    occurrences: Ints | None
    """The query's occurrences (headline, byline and body) on each of ``dates``, when asked."""
    all_dates: Ints
    """The distinct ``YYYYMMDD`` of every article in the index, ascending."""
    all_articles: Ints
    """Articles of each of ``all_dates``."""

    @property
    def total(self) -> int:
        """All matching articles, undated ones included."""
        return int(self.articles.sum())


def stored(searcher: tantivy.Searcher, addr: tantivy.DocAddress) -> list[Any]:
    """What the engine stores of one article (``update._data``: no texts)."""
    data: list[Any] = json.loads(searcher.doc(addr)["data"][0])
    return data


def day_counts(searcher: tantivy.Searcher, q: tantivy.Query) -> tuple[Ints, Ints]:
    """The distinct dates of the documents matching ``q``, ascending, and how many are on
    each."""
    import numpy as np

    agg = searcher.aggregate(q, {"days": {"terms": {"field": "date", "size": MAX_DAYS}}})
    buckets = agg["days"]["buckets"]
    dates = np.array([b["key"] for b in buckets], dtype=np.int64)
    counts = np.array([b["doc_count"] for b in buckets], dtype=np.int64)
    order = np.argsort(dates)
    return dates[order], counts[order]


def _overlapping(text: str, needle: str) -> int:
    found, i = 0, text.find(needle)
    while i >= 0:
        found += 1
        i = text.find(needle, i + 1)
    return found


def occurrence_count(article: Article, terms: Sequence[Term]) -> int:
    """Occurrences of ``terms`` in an article, each in the fields it is looked for in,
    overlapping ones too (as the engine's positions of pairs count them)."""
    head = "\n".join(x for x in (article.kicker, article.title, article.subtitle) if x)
    texts = {"h": fold(head), "y": fold(article.byline or ""), "b": fold(article.body)}
    return sum(_overlapping(texts[f], t.text) for t in terms for f in TERM_FIELDS[t.field])


Texts = Callable[[Sequence[list[Any]]], list[Article | None]]
"""The articles of what the engine stores of them (``SearchIndex._articles``)."""


def day_occurrences(searcher: tantivy.Searcher, hits: Sequence[tuple[Any, tantivy.DocAddress]],
                    terms: Sequence[Term], dates: Ints, texts: Texts) -> Ints:
    """The occurrences of ``terms`` on each of ``dates`` among ``hits`` (a search ordered by
    ``date``: its keys are the dates), counted in the texts ``texts`` reads."""
    import numpy as np

    per_day = np.zeros(len(dates), dtype=np.int64)
    for lo in range(0, len(hits), 1000):
        part = hits[lo : lo + 1000]
        articles = texts([stored(searcher, addr) for _, addr in part])
        for (day, _), article in zip(part, articles, strict=True):
            if article is not None:
                per_day[np.searchsorted(dates, day)] += occurrence_count(article, terms)
    return per_day


_Occur = tantivy.Occur


def _keys(hits: Sequence[tuple[Any, tantivy.DocAddress]]) -> Ints:
    import numpy as np

    return np.array([(a.segment_ord << 32) | a.doc for _, a in hits], dtype=np.int64)


def _weight(searcher: tantivy.Searcher, q: tantivy.Query, addr: tantivy.DocAddress) -> float:
    """``W`` of a term (or phrase) query: its score of a document whose ``tf`` part is 1."""
    node = json.loads(q.explain(searcher, addr).to_json())
    while node["description"] != "TermQuery, product of...":  # a phrase wraps it
        node = node["details"][0]
    parts = {d["description"].split(",")[0]: d["value"] for d in node["details"]}
    return float(parts["(K1+1)"]) * float(parts["idf"])


def _field_counts(searcher: tantivy.Searcher, sch: tantivy.Schema, q: tantivy.Query,
                  text: str, fld: str, total: int) -> tuple[Ints, Ints]:
    """The documents of ``q`` holding ``text`` in field ``fld`` (keys, sorted) and its
    occurrences in each."""
    import numpy as np

    found = text_query(sch, text, fld)
    mark = tantivy.Query.term_query(sch, f"{fld}1" if len(text) == 1 else f"{fld}2", MARK)
    zero = tantivy.Query.const_score_query
    term_hits = searcher.search(tantivy.Query.boolean_query(
        [(_Occur.Must, zero(q, 0.0)), (_Occur.Must, found)]), total).hits
    if not term_hits:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    mark_hits = searcher.search(tantivy.Query.boolean_query(
        [(_Occur.Must, zero(q, 0.0)), (_Occur.Must, zero(found, 0.0)), (_Occur.Must, mark)]),
        total).hits
    w_term = _weight(searcher, found, term_hits[0][1])
    w_mark = _weight(searcher, mark, term_hits[0][1])
    keys, marks = _keys(term_hits), _keys(mark_hits)
    t_order, m_order = np.argsort(keys), np.argsort(marks)
    if len(keys) != len(marks) or not np.array_equal(keys[t_order], marks[m_order]):
        raise ValueError("the mark's documents differ from the term's")
    t_score = np.array([s for s, _ in term_hits], dtype=np.float64)[t_order]
    m_score = np.array([s for s, _ in mark_hits], dtype=np.float64)[m_order]
    k = w_mark / m_score - 1.0
    r = np.minimum(t_score / w_term, 1.0 - 1e-9)
    return keys[t_order], np.maximum(np.rint(r * k / (1.0 - r)), 1).astype(np.int64)


def indexed_day_occurrences(searcher: tantivy.Searcher, sch: tantivy.Schema, q: tantivy.Query,
                            hits: Sequence[tuple[Any, tantivy.DocAddress]],
                            terms: Sequence[Term], dates: Ints) -> Ints:
    """``day_occurrences`` from the engine's scores (see the module's notes), without
    reading any article; ``hits`` (the match set ordered by ``date``) give the days."""
    import numpy as np

    total = max(1, len(hits))
    per_doc: dict[int, int] = defaultdict(int)
    for t in terms:
        for f in TERM_FIELDS[t.field]:
            keys, counts = _field_counts(searcher, sch, q, t.text, f, total)
            for key, n in zip(keys.tolist(), counts.tolist(), strict=True):
                per_doc[key] += n
    per_day = np.zeros(len(dates), dtype=np.int64)
    if not per_doc:
        return per_day
    keys = _keys(hits)
    days = np.searchsorted(dates, np.array([d for d, _ in hits], dtype=np.int64))
    found = np.array([per_doc.get(k, 0) for k in keys.tolist()], dtype=np.int64)
    np.add.at(per_day, days, found)
    return per_day
