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
from .tokens import BODY, BYLINE, HEAD, all_of, gram_lexeme, term_grams, words

_TEXT = {"any": ("head_f", "byline_f", "body_f"), "title": ("head_f",),
         "byline": ("byline_f",)}
_MARK = {"any": BODY, "title": HEAD, "byline": BYLINE}


class _Sql:
    """A WHERE clause and a score expression being put together, with their parameters."""

    def __init__(self) -> None:
        self.where: list[str] = []
        self.params: list[Any] = []
        self.score: list[str] = []
        self.score_params: list[Any] = []

    def contains(self, term: Term) -> str:
        """SQL true where the article holds ``term``: candidates from the index, checked on
        the text when the term is longer than a pair (a character or a pair of a field is
        exactly the index's lexeme: no check needed but for the oversized articles)."""
        lex = all_of(gram_lexeme(g, _MARK[term.field]) for g in term_grams(term.text))
        self.params.append(lex)
        check = self.has(term)
        if len(term.text) <= 2:
            return f"(tokens @@ %s::tsquery OR (oversized AND {check}))"
        return f"((tokens @@ %s::tsquery OR oversized) AND {check})"

    def has(self, term: Term) -> str:
        """SQL true where the article holds ``term``, checked on the text alone."""
        checks = " OR ".join(f"strpos({col}, %s) > 0" for col in _TEXT[term.field])
        self.params += [term.text] * len(_TEXT[term.field])
        return f"({checks})"

    def add_score(self, term: Term) -> None:
        """Per field the term is in: its weight, in full for a whole word, else a quarter.
        (Occurrences are not counted: counting them costs a pass over every match's text,
        more than the rest of the query.)"""
        parts: list[str] = []
        cut = words(term.text)
        for col, vector, weight in (("head_f", "head_words", 3.0),
                                    ("byline_f", "byline_words", 2.0), ("body_f", "words", 0.5)):
            if col not in _TEXT[term.field]:
                continue
            whole = "false"
            self.score_params.append(term.text)
            if cut:
                whole = f"{vector} @@ %s::tsquery"
                self.score_params.append(all_of(cut))
            parts.append(f"(CASE WHEN strpos({col}, %s) = 0 THEN 0 WHEN {whole} THEN {weight} "
                         f"ELSE {weight / 4} END)")
        self.score.append(" + ".join(parts))


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
            s.where.append(f"{paper} = ANY(%s)")
            s.params += [UNKNOWN_PAPER, [n for n in names if any(p in fold(n) for p in q.papers)]]
        if papers is not None:
            s.where.append(f"{paper} = ANY(%s)")
            s.params += [UNKNOWN_PAPER, list(papers)]
        if q.excluded_papers and names is not None:
            s.where.append(f"NOT {paper} = ANY(%s)")
            s.params += [UNKNOWN_PAPER,
                         [n for n in names if any(p in fold(n) for p in q.excluded_papers)]]
        ranges = list(q.dates)
        if date_from is not None or date_to is not None:
            ranges.append(DateRange(date_from, date_to))
        for r in ranges:
            s.where.append(_ranges("date", r, s.params))
        for r in q.excluded_dates:
            s.where.append("NOT " + _ranges("date", r, s.params))
        for group in q.groups:
            s.where.append("(" + " OR ".join(s.contains(t) for t in group) + ")")
            for t in group:
                s.add_score(t)
        for t in q.excluded:
            s.where.append(f"NOT {s.has(t)}")
        return s

    def _query(self, conn: psycopg.Connection, q: Query, sort: str, tail: str,
               papers: Sequence[str] | None, date_from: dt.date | None,
               date_to: dt.date | None, extra: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        conn.execute(f"SET LOCAL statement_timeout = {int(self.timeout_ms)}")
        # Candidates always through the GIN index: a scan of the table would read every
        # article's grams to test them (measured at 10,000 articles: 0.5-0.8 s for a common
        # character against 0.14 s through the index's bitmap).
        conn.execute("SET LOCAL enable_seqscan = off")
        s = self._build(conn, q, papers, date_from, date_to)
        score = " + ".join(f"({x})" for x in s.score) or "0"
        order = {
            "relevance": "score DESC, date DESC NULLS LAST, id",
            "date": "date DESC NULLS LAST, score DESC, id",
            "date-asc": "date ASC NULLS LAST, score DESC, id",
        }[sort]
        where = " AND ".join(s.where) or "true"
        text = (f"SELECT *, count(*) OVER () FROM (SELECT id, source, position, date, "
                f"({score})::real AS score FROM reader.articles WHERE {where}) m "
                f"ORDER BY {order} {tail}")
        return conn.execute(text.encode("utf-8"),
                            [*s.score_params, *s.params, *extra]).fetchall()

    def matching_ids(self, query: str | Query, sort: str = "relevance",
                     papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                     date_to: dt.date | None = None) -> list[str]:
        """The ids of every matching article, best first."""
        q = parse_query(query) if isinstance(query, str) else query
        rows = self.archive.run(
            lambda conn: self._query(conn, q, sort, "", papers, date_from, date_to))
        return list(dict.fromkeys(r[0] for r in rows))

    def search(self, query: str | Query, limit: int = 20, offset: int = 0,
               sort: str = "relevance", papers: Sequence[str] | None = None,
               date_from: dt.date | None = None, date_to: dt.date | None = None,
               snippet_chars: int = SNIPPET_CHARS) -> Results:
        """Hits ``offset`` … ``offset + limit - 1`` with snippets, and the number of hits."""
        start = time.perf_counter()
        q = parse_query(query) if isinstance(query, str) else query

        def work(conn: psycopg.Connection) -> tuple[int, list[Hit]]:
            rows = self._query(conn, q, sort, "LIMIT %s OFFSET %s", papers, date_from,
                               date_to, (max(limit, 1), offset))
            total = int(rows[0][5]) if rows else 0
            if not rows and offset:
                total = len(self._query(conn, q, sort, "", papers, date_from, date_to))
            return total, self._hits(conn, q, rows[:limit], snippet_chars)

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
        for (article_id, source, position, _, score, _) in rows:
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
