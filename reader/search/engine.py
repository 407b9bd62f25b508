"""The engine: a tantivy index of the articles, and a ``Query`` translated into its queries.

Fields (``build`` makes their texts): for each of headline ``h``, byline ``y`` and body
``b``, ``<f>1`` its characters (frequencies only), ``<f>2`` its pairs of characters (with
positions) and ``<f>w`` its jieba words (frequencies only). ``id``, ``source`` and ``paper``
are indexed as they are; ``number`` (``article_number``: the id as a number) is a fast field
for reading the articles of a match set in bulk (a names facet); ``date`` (``YYYYMMDD``, 0
when unknown) and ``date_asc`` (unknown dates last) are fast fields for filters and sorting;
``data`` holds what a hit shows besides its texts (``texts`` reads those). Each non-empty
field of characters or pairs starts with one ``build.MARK`` token (``matches`` counts
occurrences by it). A headline the page lost is derived from the body for the list; its
words go into ``hw`` (ranked as a headline), not into ``h1``/``h2`` (``title:`` matches
what was printed).

What the parts cost, measured on 10,000 generated articles (25 MB of UTF-8; sizes as a
share of that text): ``b2`` 0.78 (of which positions about 0.53), ``b1`` 0.12 (0.07 without
frequencies, which counting the occurrences of one character needs), ``bw`` 0.12, the
headline's and the byline's fields together 0.05. The articles' texts are not stored (they
were 0.67 more, in tantivy's LZ4 blocks): a page of hits reads them from the catalog, which
keeps every article's text in a row of its own anyway (``Catalog.articles_at``).

Matching is exact: a term of one character is looked up among the characters, of two among
the pairs, a longer one is a phrase of pairs that cover it (those the fewest documents hold,
and always the rarest one, ``cover``): a document matches when its field holds the text, as
a scan with ``in`` would find. (A phrase's weight is the sum of its pairs' IDF, so which
pairs are taken moves its score a little; not what it finds.)

Ranking (tantivy's BM25, summed over the terms): the substring match of a term in the
headline weighs three times one in the body, in the byline twice; an occurrence that is a
whole jieba word adds three times as much again (``WHOLE_WORD``), so that 民主 ranks an
article about 民主 above one that only has 人民民主. A term jieba cuts into several words gets
that weight from the headline's and the byline's words only (``term_query``). A term that
is one word and the query's only required part is one flat union of its substring and word
clauses (same matches, same scores, a third of the time on a million articles for one or
two characters); beside another required clause it is not (``term_query``'s ``alone``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import tantivy

from .build import FIELDS, pair
from .query import NameFilter, Query, Term
from .query_words import cut as cut_words  # jieba's cut, without its whole dictionary

FIELD_WEIGHTS = {"h": 3.0, "y": 2.0, "b": 1.0}
WHOLE_WORD = 3.0
"""Weight of a whole-word match relative to the substring match of the same field."""
TERM_FIELDS = {"any": FIELDS, "title": ("h",), "byline": ("y",)}
NO_DATE_LAST = 99_999_999
PAIRS = "pairs"
"""The tokenizer of every text field: tokens between blanks, as ``build`` wrote them."""

_Occur = tantivy.Occur


def schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=False, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("source", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("paper", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("date", indexed=True, fast=True)
    sb.add_integer_field("date_asc", fast=True)
    sb.add_integer_field("number", fast=True)
    sb.add_bytes_field("data", stored=True)
    for f in FIELDS:
        sb.add_text_field(f"{f}1", tokenizer_name=PAIRS, index_option="freq")
        sb.add_text_field(f"{f}2", tokenizer_name=PAIRS, index_option="position")
        sb.add_text_field(f"{f}w", tokenizer_name=PAIRS, index_option="freq")
    return sb.build()


def article_number(article_id: str) -> int:
    """A number for an article id (63 bits of its hash: a collision among a million articles
    has a chance of one in twenty million), for matching ids in numpy, not in Python."""
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def open_index(folder: Path, create: bool = False) -> tantivy.Index:
    """The tantivy index in ``folder`` (made empty when ``create``), its tokenizers set up.

    Raises ``ValueError`` or ``OSError`` when the folder holds no sound index.
    """
    if create:
        folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(schema(), path=str(folder), reuse=False)
    else:
        if not tantivy.Index.exists(str(folder)):
            raise ValueError("there is no index in the folder")
        index = tantivy.Index.open(str(folder))
    index.register_tokenizer(
        PAIRS, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    index.config_reader("Manual")
    return index


# --------------------------------------------------------------------------------------------
# Queries


def _boolean(clauses: list[tuple[tantivy.Occur, tantivy.Query]]) -> tantivy.Query:
    if len(clauses) == 1 and clauses[0][0] in (_Occur.Must, _Occur.Should):
        return clauses[0][1]
    return tantivy.Query.boolean_query(clauses)


DocFreq = Callable[[str, str], int]
"""How many documents hold a term of a field (``tantivy.Searcher.doc_freq``)."""


def text_query(sch: tantivy.Schema, text: str, fld: str,
               doc_freq: DocFreq | None = None) -> tantivy.Query:
    """Documents whose field ``fld`` holds ``text`` (folded).

    A text of three characters or more is a phrase of pairs that cover it; with ``doc_freq``
    the cover is the one whose pairs are held by the fewest documents (``cover``)."""
    if len(text) == 1:
        return tantivy.Query.term_query(sch, f"{fld}1", text)
    if len(text) == 2:
        return tantivy.Query.term_query(sch, f"{fld}2", pair(text))
    pairs = [pair(text[i : i + 2]) for i in range(len(text) - 1)]
    offsets = (cover([doc_freq(f"{fld}2", p) for p in pairs]) if doc_freq is not None
               else sorted(set(range(0, len(pairs), 2)) | {len(pairs) - 1}))
    return tantivy.Query.phrase_query(sch, f"{fld}2", [(i, pairs[i]) for i in offsets])


def cover(costs: Sequence[int]) -> list[int]:
    """The offsets of the pairs, of cheapest total cost, that cover every character, and
    the rarest pair.

    Pair ``i`` covers characters ``i`` and ``i + 1``: the first and the last pair are always
    taken, and no two pairs in a row may be left out. A phrase's candidates are the documents
    holding all of its pairs, read from the rarest one up: a cover by document frequency
    takes a rare pair in the middle of the text that the fixed one (every second pair and
    the last) may leave out, and leaves out common pairs that add nothing but reading.
    The rarest pair is always taken, even where the characters are covered without it: the
    engine's candidates are the documents its rarest pair holds, so it costs little and
    spares checking the positions in every document the common pairs share (工作不断 at a
    million articles: 工作 and 不断 leave 535,816 candidates, its rarest pair 作不 39,057)."""
    n = len(costs)
    if n <= 2:
        return list(range(n))
    # best[i]: the cheapest cover of characters 0 … i + 1 that takes pair i (chained by way)
    best = [costs[0]] + [0] * (n - 1)
    way = [-1] * n
    for i in range(1, n):
        prev = i - 1 if i == 1 or best[i - 1] <= best[i - 2] else i - 2
        best[i], way[i] = best[prev] + costs[i], prev
    taken, i = [], n - 1
    while i >= 0:
        taken.append(i)
        i = way[i]
    rarest = min(range(n), key=costs.__getitem__)
    return sorted({*taken, rarest})


def _word_query(sch: tantivy.Schema, words: list[str], fld: str) -> tantivy.Query:
    parts = [tantivy.Query.term_query(sch, f"{fld}w", w) for w in words]
    return _boolean([(_Occur.Must, p) for p in parts])


def term_words(text: str) -> list[str]:
    return list(dict.fromkeys(w for w in cut_words(text) if w.strip()))


def found_query(sch: tantivy.Schema, term: Term, doc_freq: DocFreq | None = None) -> tantivy.Query:
    """Documents holding ``term`` in one of its fields (no ranking)."""
    return _boolean([(_Occur.Should, text_query(sch, term.text, f, doc_freq))
                     for f in TERM_FIELDS[term.field]])


def term_query(sch: tantivy.Schema, term: Term, doc_freq: DocFreq | None = None,
               alone: bool = True) -> tantivy.Query:
    """Documents holding ``term``, scored by where it is and whether it is a whole word.

    ``alone``: the term's documents are not intersected with another clause's (it is the
    query's only required part), so a term that is one word may be one flat union (below).
    Inside an intersection that union is slower than the substring clauses as a Must with the
    word clauses beside it: the engine then reads every document of the body's word to find
    those the other clause allows (进一步 AND 判分析第 AND 产业工 at a million articles:
    54 ms flat, 11 ms not).

    A term jieba cuts into several words gets no whole-word weight in the body: the body's
    words of a document that holds the term are mostly those words, so the weight was much
    the same for every hit, while finding them meant walking the body's longest lists of
    words (those of 质量 and 发展 for 质量发展) beside the phrase. The headline's and the
    byline's word fields are short and keep it."""
    fields = TERM_FIELDS[term.field]
    substring = [(_Occur.Should, tantivy.Query.boost_query(
        text_query(sch, term.text, f, doc_freq), FIELD_WEIGHTS[f])) for f in fields]
    words = term_words(term.text)
    if not words:
        return _boolean(substring)
    whole = [(_Occur.Should, tantivy.Query.boost_query(
        _word_query(sch, words, f), FIELD_WEIGHTS[f] * WHOLE_WORD)) for f in fields
        if len(words) == 1 or f != "b"]  # (every term's fields hold a headline or byline)
    if alone and _word_implies_text(term, words):
        # One flat union (the same match set and the same scores: a Should clause adds its
        # score where it matches), which the engine runs several times faster than the
        # substring clauses as a Must with the word clauses beside them.
        return tantivy.Query.boolean_query(substring + whole)
    return tantivy.Query.boolean_query([(_Occur.Must, _boolean(substring)), *whole])


def _word_implies_text(term: Term, words: list[str]) -> bool:
    """Whether every document whose word fields hold the term's one word holds the term in
    its text fields: true of a term that is one word without blanks (a word is a piece of
    its field's folded text), searched in any field or the byline. Not of ``title:``, whose
    words may come from a headline derived from the body (``build.analyze``), nor of a term
    with the ellipsis such a headline may end with and the body lack."""
    text = term.text
    return (words == [text] and term.field != "title" and "…" not in text
            and not any(c.isspace() for c in text))


def _date_int(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _date_range(sch: tantivy.Schema, start: dt.date | None,
                end: dt.date | None) -> tantivy.Query:
    """Dated documents from ``start`` to ``end`` (either may be open)."""
    return tantivy.Query.range_query(
        sch, "date", tantivy.FieldType.Integer, _date_int(start) if start else 1,
        _date_int(end) if end else NO_DATE_LAST)


def _one_of(sch: tantivy.Schema, fld: str, values: Iterable[str]) -> tantivy.Query:
    """Documents whose raw field ``fld`` (``paper``, ``id``) is one of ``values``."""
    listed = sorted(set(values))
    if not listed:
        return tantivy.Query.empty_query()
    return tantivy.Query.term_set_query(sch, fld, listed)


def paper_names(wanted: Iterable[str], names: Iterable[str]) -> list[str]:
    """The paper names that contain one of the (folded) parts ``wanted``."""
    from .fold import fold

    parts = list(wanted)
    return [n for n in names if any(p in fold(n) for p in parts)]


NameIds = Callable[[NameFilter], Iterable[str]]
"""The ids of the articles holding a name (``names.NameIndex.article_ids``)."""


def translate(
    sch: tantivy.Schema, query: Query, all_papers: Sequence[str],
    papers: Iterable[str] | None = None,
    date_from: dt.date | None = None, date_to: dt.date | None = None,
    name_ids: NameIds | None = None, doc_freq: DocFreq | None = None,
) -> tantivy.Query:
    """The tantivy query of ``query`` within the filters (``papers``: exact names).

    A ``person:``/``place:``/``org:`` filter keeps the articles ``name_ids`` gives for it
    (the names are kept beside the engine, not in it: an article's names may be found after
    it was indexed); without ``name_ids`` no article holds a name. ``doc_freq`` (the
    searcher's) lets a phrase take its rarest pairs (``cover``)."""
    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
    ids_of = name_ids or (lambda name: ())
    for name in query.names:
        clauses.append((_Occur.Must, _one_of(sch, "id", ids_of(name))))
    for name in query.excluded_names:
        clauses.append((_Occur.MustNot, _one_of(sch, "id", ids_of(name))))
    required = (len(query.names) + len(query.groups) + len(query.dates) + bool(query.papers)
                + (papers is not None) + (date_from is not None or date_to is not None))
    for group in query.groups:
        parts = [term_query(sch, t, doc_freq, alone=required == 1) for t in group]
        clauses.append((_Occur.Must, _boolean([(_Occur.Should, p) for p in parts])))
    if query.papers:
        clauses.append((_Occur.Must, _one_of(sch, "paper", paper_names(query.papers, all_papers))))
    if papers is not None:
        clauses.append((_Occur.Must, _one_of(sch, "paper", papers)))
    if query.excluded_papers:
        clauses.append((_Occur.MustNot,
                        _one_of(sch, "paper", paper_names(query.excluded_papers, all_papers))))
    for r in query.dates:
        clauses.append((_Occur.Must, _date_range(sch, r.start, r.end)))
    if date_from is not None or date_to is not None:
        clauses.append((_Occur.Must, _date_range(sch, date_from, date_to)))
    for r in query.excluded_dates:
        clauses.append((_Occur.MustNot, _date_range(sch, r.start, r.end)))
    for t in query.excluded:
        clauses.append((_Occur.MustNot, found_query(sch, t, doc_freq)))
    if not any(occur == _Occur.Must for occur, _ in clauses):
        clauses.append((_Occur.Must, tantivy.Query.all_query()))
    return _boolean(clauses)  # one clause bare: the engine runs a union it is given faster
