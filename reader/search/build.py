"""Turn a batch of articles into the rows of one index segment (runs in worker processes).

For each field (headline, byline, body) of each article the text is folded, cut into jieba
words, and read as characters and pairs of characters. The result is one posting list per
key, encoded as blobs (``postings``), ready for the main process to write. Nothing here
touches the database, so batches can be analysed on every core at once.

The work is done with whole-batch numpy sorts rather than per-article loops: a batch of
12 M characters takes a few seconds.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .fold import fold_table
from .postings import (
    BIGRAM,
    FIELDS,
    UNIGRAM,
    WORD,
    encode_ints,
    gram_key,
    width_code,
    word_hashes,
)
from .segment import segmenter

DOC_BITS = 20
"""A segment holds fewer than 2**20 documents."""
MAX_DOCS = 1 << DOC_BITS
_POS_BITS = 34

GramRow = tuple[int, int, bytes, bytes, bytes | None]
"""key, number of documents, docs blob (gaps), tfs blob, positions blob (pairs only)."""


@dataclass
class SegmentData:
    """The encoded rows of one segment, in the order of the documents given."""

    n_docs: int
    lengths: npt.NDArray[np.int32]
    """Characters of headline, byline and body of each document (for BM25)."""
    rows: list[GramRow] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    """The original body of each document, zlib-compressed, for snippets."""


_lut_cache: list[npt.NDArray[np.uint32]] = []


def _fold_lut() -> npt.NDArray[np.uint32]:
    if not _lut_cache:
        lut = np.arange(0x10000, dtype=np.uint32)
        for cp, ch in fold_table().items():
            if cp < 0x10000:
                lut[cp] = ord(ch)
        _lut_cache.append(lut)
    return _lut_cache[0]


def fold_codepoints(text: str) -> npt.NDArray[np.uint32]:
    """The folded code points of ``text`` (the vectorised twin of ``fold``)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").copy()
    bmp = cps < 0x10000
    cps[bmp] = _fold_lut()[cps[bmp]]
    return cps


def _runs(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Start indexes of the runs of equal values in a sorted array, plus its length."""
    if len(values) == 0:
        return np.zeros(1, dtype=np.int64)
    change = np.flatnonzero(values[1:] != values[:-1]) + 1
    return np.concatenate(([0], change, [len(values)])).astype(np.int64)


def tune_allocator() -> None:
    """Keep freed memory for reuse (glibc): first touches of fresh pages cost more than the
    sorting itself on this kind of machine. A no-op elsewhere."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 1 << 30)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, 1 << 30)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass


def _entries(
    packed: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Key, doc and count of each distinct ``key << DOC_BITS | doc`` of a sorted array."""
    bounds = _runs(packed)
    first = packed[bounds[:-1]]
    return first >> DOC_BITS, first & (MAX_DOCS - 1), np.diff(bounds)


def _group_max(values: npt.NDArray[np.int64], bounds: npt.NDArray[np.int64]) -> list[int]:
    """The largest value of each group ``values[bounds[i]:bounds[i + 1]]`` (groups not empty)."""
    if len(values) == 0:
        return []
    largest: list[int] = np.maximum.reduceat(values, bounds[:-1]).tolist()
    return largest


def _grouped_rows(
    kind: int,
    fld: int,
    entry_key: npt.NDArray[np.int64],
    entry_doc: npt.NDArray[np.int64],
    entry_tf: npt.NDArray[np.int64],
    positions: npt.NDArray[np.int64] | None,
) -> list[GramRow]:
    """One row per key of (key, doc)-sorted entries; gaps and widths worked out in bulk."""
    if len(entry_key) == 0:
        return []
    bounds = _runs(entry_key)
    gaps = np.diff(entry_doc, prepend=0)
    gaps[bounds[:-1]] = entry_doc[bounds[:-1]]
    gap_top, tf_top = _group_max(gaps, bounds), _group_max(entry_tf, bounds)
    keys = entry_key[bounds[:-1]].tolist()
    blist = bounds.tolist()
    pos_list: list[int] = []
    pos_top: list[int] = []
    if positions is not None:
        pos_bounds = np.concatenate(([0], np.cumsum(entry_tf)))[bounds]
        pos_top = _group_max(positions, pos_bounds)
        pos_list = pos_bounds.tolist()
    rows: list[GramRow] = []
    for i, key in enumerate(keys):
        a, b = blist[i], blist[i + 1]
        pos_blob = None
        if positions is not None:
            # Positions barely compress (they are spread over the text): stored plain.
            pos_blob = encode_ints(positions[pos_list[i] : pos_list[i + 1]],
                                   width_code(pos_top[i]), compress=False)
        rows.append((
            gram_key(kind, fld, key),
            b - a,
            encode_ints(gaps[a:b], width_code(gap_top[i])),
            encode_ints(entry_tf[a:b], width_code(tf_top[i])),
            pos_blob,
        ))
    return rows


def _gram_rows(fld: int, cps: npt.NDArray[np.uint32], lens: npt.NDArray[np.int64]) -> list[GramRow]:
    n_docs = len(lens)
    if len(cps) == 0:
        return []
    doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lens)
    starts = np.concatenate(([0], np.cumsum(lens)))[:-1]
    chars = np.unique(cps).astype(np.int64)
    lut = np.zeros(int(chars[-1]) + 1, dtype=np.int64)
    lut[chars] = np.arange(len(chars))
    cid = lut[cps]
    # Characters: sort (char id, doc) packed in one integer.
    ukey, udoc, utf = _entries(np.sort((cid << DOC_BITS) | doc_of))
    rows = _grouped_rows(UNIGRAM, fld, chars[ukey], udoc, utf, None)
    # Pairs: sort (pair id, position in the batch) so positions come out grouped and ordered.
    first = np.flatnonzero(doc_of[:-1] == doc_of[1:])
    if len(first) == 0:
        return rows
    n_chars = len(chars)
    if n_chars * n_chars < 1 << (63 - _POS_BITS):
        pair = cid[first] * n_chars + cid[first + 1]
        packed = np.sort((pair << _POS_BITS) | first)
        pos_global = packed & ((1 << _POS_BITS) - 1)
    else:  # too many distinct characters to pack: a slower stable sort
        pair = (cps[first].astype(np.int64) << 21) | cps[first + 1].astype(np.int64)
        pos_global = first[np.argsort(pair, kind="stable")]
    del packed
    docs = doc_of[pos_global]
    positions = pos_global - starts[docs]
    value = (cps[pos_global].astype(np.int64) << 21) | cps[pos_global + 1]
    bkey, bdoc, btf = _entries((value << DOC_BITS) | docs)
    rows.extend(_grouped_rows(BIGRAM, fld, bkey, bdoc, btf, positions))
    return rows


def _word_rows(
    fld: int, cps: npt.NDArray[np.uint32], lens: npt.NDArray[np.int64], texts: Sequence[str]
) -> list[GramRow]:
    """Rows of jieba words, each under the hash of its characters (``word_hashes``)."""
    cut = segmenter().cut
    word_lens: list[int] = []
    for text in texts:
        if text:
            word_lens.extend(map(len, cut(text)))
    if not word_lens:
        return []
    ends = np.cumsum(np.asarray(word_lens, dtype=np.int64))
    starts = ends - np.asarray(word_lens, dtype=np.int64)
    keep = ~np.isin(cps[starts], _BLANKS)
    starts, ends = starts[keep], ends[keep]
    doc_of = np.repeat(np.arange(len(lens), dtype=np.int64), lens)[starts]
    wkey, wdoc, wtf = _entries(np.sort((word_hashes(cps, starts, ends) << DOC_BITS) | doc_of))
    return _grouped_rows(WORD, fld, wkey, wdoc, wtf, None)


_BLANKS = np.array([ord(c) for c in " \n\t\r"], dtype=np.uint32)


def analyze(
    docs: Sequence[tuple[str, str, str]],
    progress: Callable[[int], None] | None = None,
) -> SegmentData:
    """Encode ``docs`` (headline, byline, body of each, as printed) as one segment's rows.

    ``progress(n)`` is told each time another ``n`` documents are done.
    """
    if len(docs) >= MAX_DOCS:
        raise ValueError(f"a segment holds fewer than {MAX_DOCS} documents")
    data = SegmentData(n_docs=len(docs), lengths=np.zeros(len(docs), dtype=np.int32))
    for fld in FIELDS:
        texts = [d[fld] for d in docs]
        lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        data.lengths += lens.astype(np.int32)
        cps = fold_codepoints("".join(texts))
        if (np.cumsum(lens)[-1:] >= 1 << _POS_BITS).any():
            raise ValueError("a segment holds fewer than 2**34 characters")
        folded = cps.tobytes().decode("utf-32-le")
        bounds = np.concatenate(([0], np.cumsum(lens))).tolist()
        folded_texts = [folded[a:b] for a, b in itertools.pairwise(bounds)]
        data.rows.extend(_gram_rows(fld, cps, lens))
        data.rows.extend(_word_rows(fld, cps, lens, folded_texts))
        if progress:  # a third of the documents per field, the rest with the last one
            third = len(docs) // len(FIELDS)
            progress(third if fld != FIELDS[-1] else len(docs) - 2 * third)
    data.bodies = [zlib.compress(d[2].encode("utf-8"), 1) for d in docs]
    return data
