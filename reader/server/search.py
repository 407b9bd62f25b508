"""Search in the archive's database: the desktop's query language, its exact matches, its
``Results`` and ``Hit``s (no index on the client).

A term's candidates come from the GIN index over each article's characters and pairs
(``tokens``); each candidate of a longer term is checked with ``strpos`` on the folded text,
so the matches are exactly the articles that contain the text, one-character terms included.
The score adds, for each term, 3 for the headline, 2 for the byline and ½ for the body (what
one occurrence weighs in the desktop's saturating count), each in full where the term is a
whole jieba word there and a quarter where it sits inside a longer word, so that a headline
match, even inside a word, ranks above body matches; ties go to the newer article.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from typing import Any

import psycopg

from ..corpus.model import UNKNOWN_PAPER
from ..search.fold import fold
from ..search.index import SORTS, Hit, Results
from ..search.query import DateRange, Query, Term, parse_query
from ..search.snippets import SNIPPET_CHARS, find_all, make_snippet, terms_for
from .connection import Archive
from .tokens import (
    ANY_LEXEME,
    BODY,
    BYLINE,
    HEAD,
    all_of,
    gram_lexeme,
    quote,
    term_grams,
    word_lexeme,
    words,
)

_TEXT = {"any": ("head_f", "byline_f", "body_f"), "title": ("head_f",),
         "byline": ("byline_f",)}
_MARK = {"any": BODY, "title": HEAD, "byline": BYLINE}


class _Sql:
    """A query's WHERE clause and score expression, written with their parameters.

    Every group's grams go into one ``tsquery`` (``tokens @@``), which the GIN index answers
    without reading the articles' vectors; a group with a term longer than a pair is checked
    on the text. Oversized articles hold only ``ANY_LEXEME``: every query reads them, and
    checks every group on their text.

    ``strong``: only the matches whose headline or byline holds a term (the field-marked
    grams, checked on the stored headline and byline). They outrank every other match as
    soon as the k-th of them scores above ``bound``, what a match holding the terms in its
    body alone can score at most; ranking them alone spares reading the other matches."""

    def __init__(self) -> None:
        self.groups: list[Sequence[Term]] = []
        self.filters: list[tuple[str, list[Any]]] = []

    def filter(self, text: str, params: Sequence[Any] = ()) -> None:
        self.filters.append((text, list(params)))

    @property
    def bound(self) -> float:
        return 0.5 * sum(t.field == "any" for group in self.groups for t in group)

    def _grams_where(self, strong: bool) -> tuple[str, list[Any]]:
        """The condition on the grams (candidates: a superset of the matches)."""
        grams = "(" + " & ".join(
            "(" + " | ".join(f"({_grams(t)})" for t in g) + ")" for g in self.groups) + ")"
        if strong:
            grams += " & (" + " | ".join(
                f"({_grams(t, mark)})" for t in self._terms() for mark in _STRONG[t.field]) + ")"
        return "tokens @@ %s::tsquery", [f"{grams} | {quote(ANY_LEXEME)}"]

    def where(self, strong: bool = False) -> tuple[str, list[Any]]:
        parts: list[tuple[str, list[Any]]] = []
        if self.groups:
            parts.append(self._grams_where(strong))
            short = [_has(g) for g in self.groups if all(len(t.text) <= 2 for t in g)]
            if short:
                parts.append(("(NOT oversized OR (" + " AND ".join(c for c, _ in short) + "))",
                              [x for _, ps in short for x in ps]))
            parts += [_has(g) for g in self.groups if any(len(t.text) > 2 for t in g)]
            if strong:
                parts.append(_has([t for t in self._terms()], _STRONG_TEXT))
        parts += self.filters
        return " AND ".join(c for c, _ in parts) or "true", [x for _, ps in parts for x in ps]

    def _terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]

    def score(self, strong: bool = False) -> tuple[str, list[Any]]:
        """Per term, per field the term is in: its weight, in full for a whole word, else a
        quarter. Headline and byline are read from the row (they are short and stored in
        it); the body's whole words, and whether a term of an OR is in the article at all,
        come from GIN indexes as sets of rows, so that no body is read to rank the matches.
        A term in the article counts as in its body (a quarter of the body's weight) even
        where only its headline or byline holds it. (Occurrences are not counted: counting
        them costs a pass over every match's text, more than the rest of the query.)"""
        parts: list[str] = []
        params: list[Any] = []
        within, within_params = "", list[Any]()
        if strong:  # the sets of rows are looked up only for the strong matches
            text, within_params = self._grams_where(strong=True)
            within = f" AND {text}"
        for group in self.groups:
            for term in group:
                cut = words(term.text)
                for col, vector, weight in (("head_f", "head_words", 3.0),
                                            ("byline_f", "byline_words", 2.0)):
                    if col not in _TEXT[term.field]:
                        continue
                    whole = "false"
                    params.append(term.text)
                    if cut:
                        whole = f"{vector} @@ %s::tsquery"
                        params.append(all_of(cut))
                    parts.append(f"(CASE WHEN strpos({col}, %s) = 0 THEN 0 WHEN {whole} "
                                 f"THEN {weight} ELSE {weight / 4} END)")
                if term.field != "any":
                    continue
                whole, inside = "false", "true"
                if cut:
                    whole = ("ctid IN (SELECT ctid FROM reader.articles WHERE tokens @@ "
                             f"%s::tsquery{within})")
                    params += [all_of(word_lexeme(w) for w in cut), *within_params]
                if len(group) > 1:
                    check, ps = _has([term])
                    if len(term.text) <= 2:  # the index is exact but for oversized articles
                        check = f"(NOT oversized OR {check})"
                    inside = (f"ctid IN (SELECT ctid FROM reader.articles WHERE tokens @@ "
                              f"%s::tsquery AND {check}{within})")
                    params += [f"({_grams(term)}) | {quote(ANY_LEXEME)}", *ps, *within_params]
                parts.append(f"(CASE WHEN {whole} THEN 0.5 WHEN {inside} THEN 0.125 "
                             "ELSE 0 END)")
        return " + ".join(parts) or "0", params


_STRONG = {"any": (HEAD, BYLINE), "title": (HEAD,), "byline": (BYLINE,)}
_STRONG_TEXT = {"any": ("head_f", "byline_f"), "title": ("head_f",), "byline": ("byline_f",)}


def _has(terms: Sequence[Term], columns: dict[str, tuple[str, ...]] = _TEXT
         ) -> tuple[str, list[Any]]:
    """SQL true where the article holds one of ``terms``, checked on the text alone."""
    checks = [(f"strpos({col}, %s) > 0", t.text) for t in terms for col in columns[t.field]]
    return "(" + " OR ".join(c for c, _ in checks) + ")", [p for _, p in checks]


def _grams(term: Term, mark: str | None = None) -> str:
    """The ``tsquery`` of the grams every text holding ``term`` holds (in a field's marked
    grams with ``mark``)."""
    mark = _MARK[term.field] if mark is None else mark
    return all_of(gram_lexeme(g, mark) for g in term_grams(term.text))


def _ranges(column: str, r: DateRange, params: list[Any]) -> str:
    parts = [f"{column} IS NOT NULL"]
    if r.start is not None:
        parts.append(f"{column} >= %s")
        params.append(r.start)
    if r.end is not None:
        parts.append(f"{column} <= %s")
        params.append(r.end)
    return "(" + " AND ".join(parts) + ")"


class ServerSearch:
    """The archive's search, as ``SearchIndex`` offers it (``search``, ``matching_ids``)."""

    def __init__(self, archive: Archive, timeout_ms: int = 60_000) -> None:
        self.archive = archive
        self.timeout_ms = timeout_ms
        self.ready = True

    def _papers(self, conn: psycopg.Connection) -> list[str]:
        rows = conn.execute("SELECT DISTINCT coalesce(paper, %s) FROM reader.pages",
                            (UNKNOWN_PAPER,)).fetchall()
        return [r[0] for r in rows]

    def _build(self, conn: psycopg.Connection, q: Query, papers: Sequence[str] | None,
               date_from: dt.date | None, date_to: dt.date | None) -> _Sql:
        s = _Sql()
        names: list[str] | None = None
        paper = "coalesce(paper, %s)"
        if q.papers or q.excluded_papers:
            names = self._papers(conn)
        if q.papers and names is not None:
            s.filter(f"{paper} = ANY(%s)", [
                UNKNOWN_PAPER, [n for n in names if any(p in fold(n) for p in q.papers)]])
        if papers is not None:
            s.filter(f"{paper} = ANY(%s)", [UNKNOWN_PAPER, list(papers)])
        if q.excluded_papers and names is not None:
            s.filter(f"NOT {paper} = ANY(%s)", [
                UNKNOWN_PAPER,
                [n for n in names if any(p in fold(n) for p in q.excluded_papers)]])
        ranges = list(q.dates)
        if date_from is not None or date_to is not None:
            ranges.append(DateRange(date_from, date_to))
        for r, negate in [(r, False) for r in ranges] + [(r, True) for r in q.excluded_dates]:
            params: list[Any] = []
            text = _ranges("date", r, params)
            s.filter(f"NOT {text}" if negate else text, params)
        s.groups = list(q.groups)
        for t in q.excluded:
            check, ps = _has([t])
            s.filter(f"NOT {check}", ps)
        return s

    def _begin(self, conn: psycopg.Connection) -> None:
        conn.execute(f"SET LOCAL statement_timeout = {int(self.timeout_ms)}")
        # Candidates always through the GIN index: a scan of the table would read every
        # article's grams to test them (measured at 10,000 articles: 0.5-0.8 s for a common
        # character against 0.14 s through the index's bitmap).
        conn.execute("SET LOCAL enable_seqscan = off")
        # Room for the sets of rows the score looks up (hashed, not scanned per row).
        conn.execute("SET LOCAL work_mem = '64MB'")

    def _query(self, conn: psycopg.Connection, s: _Sql, sort: str, limit: int | None = None,
               strong: bool = False, count: bool = False) -> list[tuple[Any, ...]]:
        """(id, source, position, date, score) of the matches, best first (the first
        ``limit``); ``strong``: of those whose headline or byline holds a term; ``count``:
        and the number of matches, in the same pass."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        score, score_params = s.score(strong)
        where, params = s.where(strong)
        order = {
            "relevance": "score DESC, date DESC NULLS LAST, id",
            "date": "date DESC NULLS LAST, score DESC, id",
            "date-asc": "date ASC NULLS LAST, score DESC, id",
        }[sort]
        text = (f"SELECT id, source, position, date, ({score})::real AS score"
                f"{', count(*) OVER ()' if count else ''} "
                f"FROM reader.articles WHERE {where} ORDER BY {order}")
        if limit is not None:
            text += f" LIMIT {int(limit)}"
        return conn.execute(text.encode("utf-8"), [*score_params, *params]).fetchall()

    def _top(self, conn: psycopg.Connection, s: _Sql, sort: str, k: int
             ) -> tuple[list[tuple[Any, ...]], int]:
        """The best ``k`` matches, and the number of matches: ranked among the strong ones
        alone where they settle it, else among all (counted in the same pass: for longer
        terms a pass reads the candidates' text)."""
        if sort == "relevance" and s.groups:
            rows = self._query(conn, s, sort, k, strong=True)
            if len(rows) == k and rows[-1][4] > s.bound:
                return rows, self._count(conn, s)
        rows = self._query(conn, s, sort, k, count=True)
        return [r[:5] for r in rows], int(rows[0][5]) if rows else self._count(conn, s)

    def _count(self, conn: psycopg.Connection, s: _Sql) -> int:
        where, params = s.where()
        row = conn.execute(f"SELECT count(*) FROM reader.articles WHERE {where}".encode(),
                           params).fetchone()
        return int(row[0]) if row else 0

    def matching_ids(self, query: str | Query, sort: str = "relevance",
                     papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                     date_to: dt.date | None = None) -> list[str]:
        """The ids of every matching article, best first."""
        q = parse_query(query) if isinstance(query, str) else query

        def work(conn: psycopg.Connection) -> list[tuple[Any, ...]]:
            self._begin(conn)
            return self._query(conn, self._build(conn, q, papers, date_from, date_to), sort)

        return list(dict.fromkeys(r[0] for r in self.archive.run(work)))

    def search(self, query: str | Query, limit: int = 20, offset: int = 0,
               sort: str = "relevance", papers: Sequence[str] | None = None,
               date_from: dt.date | None = None, date_to: dt.date | None = None,
               snippet_chars: int = SNIPPET_CHARS) -> Results:
        """Hits ``offset`` … ``offset + limit - 1`` with snippets, and the number of hits."""
        start = time.perf_counter()
        q = parse_query(query) if isinstance(query, str) else query

        def work(conn: psycopg.Connection) -> tuple[int, list[Hit]]:
            self._begin(conn)
            s = self._build(conn, q, papers, date_from, date_to)
            rows, total = self._top(conn, s, sort, offset + max(limit, 1))
            return total, self._hits(conn, q, rows[offset : offset + limit], snippet_chars)

        total, hits = self.archive.run(work)
        return Results(q, total, hits, time.perf_counter() - start)

    def _hits(self, conn: psycopg.Connection, q: Query, rows: list[tuple[Any, ...]],
              width: int) -> list[Hit]:
        if not rows:
            return []
        keys = [(r[1], r[2]) for r in rows]
        found = {(r[0], r[1]): r for r in conn.execute(
            "SELECT source, position, paper, date, page, kicker, title, subtitle, byline, "
            "display_title, body FROM reader.articles "
            "WHERE (source, position) IN (SELECT * FROM unnest(%s::text[], %s::int[]))",
            ([k[0] for k in keys], [k[1] for k in keys])).fetchall()}
        hits = []
        for (article_id, source, position, _, score) in rows:
            (_, _, paper, day, page, kicker, title, subtitle, byline, display,
             body) = found[(source, position)]
            headline = " ".join(x for x in (kicker, title, subtitle) if x)
            snippet, spans = make_snippet(headline, byline or "", body, q.terms, width)
            hits.append(Hit(
                id=article_id, paper=paper or UNKNOWN_PAPER, date=day, page=page,
                title=display, snippet=snippet, highlights=spans,
                score=round(float(score), 4),
                title_highlights=find_all(fold(display), terms_for(q.terms, "title")),
                source=source,
            ))
        return hits
