"""Answering a query from the posting lists: which documents match, and how well.

Which: a term of one character is looked up in the character lists, of two in the pair lists;
a longer term is found through the positions of its pairs (pair ``i`` of the term must sit at
``start + i``), so a match is exact: every article that holds the text, and no other.

How well (BM25): for each term, occurrences that are whole jieba words count fully, those
inside a longer word count a quarter; headline occurrences weigh three times body ones,
byline twice. Term scores add up over the query.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .fold import fold
from .postings import (
    BIGRAM,
    BODY,
    BYLINE,
    FIELDS,
    HEAD,
    UNIGRAM,
    WORD,
    IntArray,
    bigram_value,
    decode_docs,
    decode_ints,
    gram_key,
    word_hash,
)
from .query import Query, Term
from .segment import segmenter

FIELD_WEIGHTS = {HEAD: 3.0, BYLINE: 2.0, BODY: 1.0}
INSIDE_WORD = 0.25
K1, B = 1.2, 0.75
_POS_SHIFT = 26
TERM_FIELDS = {"any": FIELDS, "title": (HEAD,), "byline": (BYLINE,)}

FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class Snapshot:
    """What every query needs about the published index, loaded once per generation."""

    gen: int
    segments: dict[int, int]
    """Live segment → its first docid."""
    alive: BoolArray
    dates: npt.NDArray[np.int32]
    papers: npt.NDArray[np.int32]
    lengths: FloatArray
    paper_names: dict[int, str]
    live_count: int = 0
    avg_length: float = 1.0

    @property
    def size(self) -> int:
        return len(self.alive)


def load_snapshot(conn: sqlite3.Connection, gen: int) -> Snapshot:
    rows = conn.execute(
        "SELECT seg, lo, n, dates, papers, lengths FROM segments WHERE state='live'"
    ).fetchall()
    size = max((lo + n for _, lo, n, *_ in rows), default=0)
    snap = Snapshot(
        gen=gen, segments={seg: lo for seg, lo, *_ in rows},
        alive=np.zeros(size, dtype=bool), dates=np.zeros(size, dtype=np.int32),
        papers=np.zeros(size, dtype=np.int32), lengths=np.zeros(size, dtype=np.float32),
        paper_names=dict(conn.execute("SELECT id, name FROM papers").fetchall()),
    )
    for _, lo, n, dates, papers, lengths in rows:
        snap.dates[lo : lo + n] = decode_ints(dates)
        snap.papers[lo : lo + n] = decode_ints(papers)
        snap.lengths[lo : lo + n] = decode_ints(lengths)
    snap.alive = snap.papers > 0
    dead = np.array([r[0] for r in conn.execute("SELECT docid FROM deleted")], dtype=np.int64)
    snap.alive[dead[dead < size]] = False
    snap.live_count = int(snap.alive.sum())
    if snap.live_count:
        snap.avg_length = max(1.0, float(snap.lengths[snap.alive].mean()))
    return snap


# --------------------------------------------------------------------------------------------
# Reading posting lists


@dataclass
class Postings:
    docs: IntArray
    tfs: IntArray
    ids: list[int] = field(default_factory=list)
    """Row ids per segment (to fetch positions), in the order of ``docs``."""
    counts: list[int] = field(default_factory=list)


_EMPTY = np.zeros(0, dtype=np.int64)
_NO_SCORES: FloatArray = np.zeros(0, dtype=np.float32)


class PostingCache:
    """Decoded lists by (key, segment), least recently used dropped past a byte budget.

    Segments are never rewritten in place (a merge makes a new one), so entries never go stale.
    """

    def __init__(self, budget: int = 64 << 20) -> None:
        self._items: OrderedDict[tuple[str, int, int], tuple[IntArray, ...]] = OrderedDict()
        self._bytes = 0
        self._budget = budget
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int, int]) -> tuple[IntArray, ...] | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple[str, int, int], value: tuple[IntArray, ...]) -> None:
        size = sum(a.nbytes for a in value) + 100
        with self._lock:
            if key in self._items:
                return
            self._items[key] = value
            self._bytes += size
            while self._bytes > self._budget and self._items:
                _, old = self._items.popitem(last=False)
                self._bytes -= sum(a.nbytes for a in old) + 100


class Reader:
    """Reads and combines posting lists for one query, inside one read transaction."""

    def __init__(self, conn: sqlite3.Connection, snap: Snapshot, cache: PostingCache) -> None:
        self.conn, self.snap, self.cache = conn, snap, cache
        self.scores: FloatArray = _NO_SCORES
        """The scores of the last ``evaluate`` on this reader, for the hits' snippets."""

    def postings(self, key: int) -> Postings:
        parts: list[tuple[int, int, IntArray, IntArray]] = []
        for rowid, seg in self.conn.execute("SELECT id, seg FROM post WHERE key=?", (key,)):
            lo = self.snap.segments.get(seg)
            if lo is None:
                continue
            cached = self.cache.get(("p", key, seg))
            if cached is None:  # blobs are read only when not cached: big ones cost
                docs_blob, tfs_blob = self.conn.execute(
                    "SELECT docs, tfs FROM post WHERE id=?", (rowid,)).fetchone()
                cached = (decode_docs(docs_blob) + lo, decode_ints(tfs_blob))
                self.cache.put(("p", key, seg), cached)
            parts.append((lo, rowid, cached[0], cached[1]))
        if not parts:
            return Postings(_EMPTY, _EMPTY)
        parts.sort(key=lambda p: p[0])
        ids = [p[1] for p in parts]
        counts = [len(p[2]) for p in parts]
        if len(parts) == 1:
            return Postings(parts[0][2], parts[0][3], ids, counts)
        return Postings(np.concatenate([p[2] for p in parts]),
                        np.concatenate([p[3] for p in parts]), ids, counts)

    def positions(self, key: int, post: Postings) -> IntArray:
        parts: list[IntArray] = []
        for rowid in post.ids:
            cached = self.cache.get(("x", key, rowid))
            if cached is None:
                (blob,) = self.conn.execute("SELECT data FROM pos WHERE id=?", (rowid,)).fetchone()
                cached = (decode_ints(blob),)
                self.cache.put(("x", key, rowid), cached)
            parts.append(cached[0])
        return parts[0] if len(parts) == 1 else np.concatenate(parts) if parts else _EMPTY


# --------------------------------------------------------------------------------------------
# Matching


def _gather(starts: IntArray, lengths: IntArray) -> IntArray:
    """Indexes ``starts[i] .. starts[i] + lengths[i] - 1`` for all i, concatenated."""
    total = int(lengths.sum())
    if total == 0:
        return _EMPTY
    ends = np.cumsum(lengths)
    offsets = np.repeat(starts - (ends - lengths), lengths)
    return offsets + np.arange(total, dtype=np.int64)


def _member(values: IntArray, sorted_keys: IntArray) -> BoolArray:
    if len(sorted_keys) == 0:
        return np.zeros(len(values), dtype=bool)
    idx = np.searchsorted(sorted_keys, values)
    idx[idx >= len(sorted_keys)] = len(sorted_keys) - 1
    found: BoolArray = sorted_keys[idx] == values
    return found


def _occurrence_keys(
    reader: Reader, key: int, post: Postings, candidates: BoolArray, offset: int
) -> IntArray:
    """``doc << 26 | (position - offset)`` of every occurrence of the pair in candidate docs."""
    keep = candidates[post.docs]
    if not keep.any():
        return _EMPTY
    positions = reader.positions(key, post)
    entry_start = np.cumsum(post.tfs) - post.tfs
    idx = _gather(entry_start[keep], post.tfs[keep])
    docs = np.repeat(post.docs[keep], post.tfs[keep])
    return (docs << _POS_SHIFT) + positions[idx] - offset


def match_text(reader: Reader, text: str, fld: int) -> tuple[IntArray, IntArray]:
    """Documents whose field ``fld`` contains ``text`` (folded), and how many times."""
    if len(text) == 1:
        post = reader.postings(gram_key(UNIGRAM, fld, ord(text)))
        return post.docs, post.tfs
    if len(text) == 2:
        post = reader.postings(gram_key(BIGRAM, fld, bigram_value(text)))
        return post.docs, post.tfs
    pairs = {i: text[i : i + 2] for i in range(len(text) - 1)}
    # Pairs at offsets 0, 2, 4 … and the last one cover every character of the text.
    cover = sorted(set(range(0, len(text) - 1, 2)) | {len(text) - 2})
    lists: dict[str, Postings] = {}
    count = np.zeros(reader.snap.size, dtype=np.int32)
    for pair in {pairs[i] for i in cover}:
        post = reader.postings(gram_key(BIGRAM, fld, bigram_value(pair)))
        if len(post.docs) == 0:
            return _EMPTY, _EMPTY
        lists[pair] = post
        count[post.docs] += 1
    candidates = count == len(lists)
    if not candidates.any():
        return _EMPTY, _EMPTY
    cover.sort(key=lambda i: len(lists[pairs[i]].docs))
    starts: IntArray | None = None
    for i in cover:
        pair = pairs[i]
        keys = _occurrence_keys(reader, gram_key(BIGRAM, fld, bigram_value(pair)),
                                lists[pair], candidates, i)
        starts = keys if starts is None else starts[_member(starts, keys)]
        if len(starts) == 0:
            return _EMPTY, _EMPTY
        candidates = np.zeros(reader.snap.size, dtype=bool)
        candidates[starts >> _POS_SHIFT] = True
    assert starts is not None
    docs, tfs = np.unique(starts >> _POS_SHIFT, return_counts=True)
    return docs, tfs.astype(np.int64)


def _dense(size: int, docs: IntArray, values: IntArray) -> FloatArray:
    out = np.zeros(size, dtype=np.float32)
    out[docs] = values
    return out


def whole_word_tf(reader: Reader, text: str, fld: int) -> FloatArray:
    """How often ``text`` occurs as jieba words (the least count of its words, per doc)."""
    words = [w for w in segmenter().cut(text) if not w.isspace()]
    result: FloatArray | None = None
    for word in dict.fromkeys(words):
        post = reader.postings(gram_key(WORD, fld, word_hash(word)))
        dense = _dense(reader.snap.size, post.docs, post.tfs)
        result = dense if result is None else np.minimum(result, dense)
        if len(post.docs) == 0:
            break
    return result if result is not None else np.zeros(reader.snap.size, dtype=np.float32)


@dataclass
class TermResult:
    matched: BoolArray
    weighted_tf: FloatArray


def evaluate_term(reader: Reader, term: Term) -> TermResult:
    size = reader.snap.size
    matched = np.zeros(size, dtype=bool)
    weighted = np.zeros(size, dtype=np.float32)
    for fld in TERM_FIELDS[term.field]:
        docs, tfs = match_text(reader, term.text, fld)
        if len(docs) == 0:
            continue
        matched[docs] = True
        sub = _dense(size, docs, tfs)
        whole = np.minimum(whole_word_tf(reader, term.text, fld), sub)
        weighted += FIELD_WEIGHTS[fld] * (whole + INSIDE_WORD * (sub - whole))
    return TermResult(matched, weighted)


def bm25(snap: Snapshot, result: TermResult, matched: BoolArray) -> FloatArray:
    df = int((result.matched & snap.alive).sum())
    n = max(snap.live_count, 1)
    idf = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
    tf = result.weighted_tf
    norm = K1 * (1.0 - B + B * snap.lengths / snap.avg_length)
    score = idf * tf * (K1 + 1.0) / (tf + norm + 1e-9)
    return np.where(matched, score, 0.0).astype(np.float32)


def _paper_ids(snap: Snapshot, parts: Iterable[str], exact: Iterable[str]) -> set[int]:
    wanted = [fold(p) for p in parts]
    names = set(exact)
    return {pid for pid, name in snap.paper_names.items()
            if any(w in fold(name) for w in wanted) or name in names}


def _date_int(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def filter_mask(
    snap: Snapshot, query: Query, papers: Iterable[str] | None,
    date_from: dt.date | None, date_to: dt.date | None,
) -> BoolArray:
    mask = snap.alive.copy()
    if query.papers:
        mask &= np.isin(snap.papers, list(_paper_ids(snap, query.papers, ())))
    if papers is not None:
        mask &= np.isin(snap.papers, list(_paper_ids(snap, (), papers)))
    if query.excluded_papers:
        mask &= ~np.isin(snap.papers, list(_paper_ids(snap, query.excluded_papers, ())))
    ranges = [(r.start, r.end) for r in query.dates]
    if date_from is not None or date_to is not None:
        ranges.append((date_from, date_to))
    for start, end in ranges:
        mask &= snap.dates > 0
        if start is not None:
            mask &= snap.dates >= _date_int(start)
        if end is not None:
            mask &= snap.dates <= _date_int(end)
    for r in query.excluded_dates:
        inside = snap.dates > 0
        if r.start is not None:
            inside &= snap.dates >= _date_int(r.start)
        if r.end is not None:
            inside &= snap.dates <= _date_int(r.end)
        mask &= ~inside
    return mask


def evaluate(
    reader: Reader, query: Query, papers: Iterable[str] | None = None,
    date_from: dt.date | None = None, date_to: dt.date | None = None,
) -> tuple[BoolArray, FloatArray]:
    """The documents matching ``query`` within the filters, and their scores."""
    snap = reader.snap
    matched = filter_mask(snap, query, papers, date_from, date_to)
    scores = np.zeros(snap.size, dtype=np.float32)
    for group in query.groups:
        if not matched.any():
            break
        results = [evaluate_term(reader, term) for term in group]
        group_match = np.zeros(snap.size, dtype=bool)
        for r in results:
            group_match |= r.matched
        matched &= group_match
        for r in results:
            scores += bm25(snap, r, r.matched & matched)
    for term in query.excluded:
        if not matched.any():
            break
        matched &= ~evaluate_term(reader, term).matched
    return matched, scores


def rank(
    snap: Snapshot, matched: BoolArray, scores: FloatArray, sort: str, count: int | None
) -> IntArray:
    """Docids of matches, best first (or newest/oldest first), the first ``count`` of them."""
    docs = np.flatnonzero(matched)
    if len(docs) == 0 or count == 0:
        return docs[:0]
    s = scores[docs]
    d = snap.dates[docs]
    if sort == "date":
        primary, secondary = d.astype(np.float64), s.astype(np.float64)
    elif sort == "date-asc":
        undated = np.where(d > 0, d, 99999999)
        primary, secondary = -undated.astype(np.float64), s.astype(np.float64)
    else:
        primary, secondary = s.astype(np.float64), d.astype(np.float64)
    if count is not None and count < len(docs):
        # Only the documents at or above the count-th best primary key need a full sort.
        threshold = np.partition(primary, len(primary) - count)[len(primary) - count]
        keep = primary >= threshold
        docs, primary, secondary = docs[keep], primary[keep], secondary[keep]
    order = np.lexsort((docs, -secondary, -primary))
    ranked = docs[order]
    return ranked if count is None else ranked[:count]
