"""Posting lists as compact blobs, and the keys they are stored under.

A posting list says, for one key (a character, a pair of characters or a jieba word, in one
field), which documents of a segment hold it (``docs``, as gaps from the previous one), how
often (``tfs``) and, for pairs of characters, where (``positions``, in document order).

Keys are integers: ``kind << 50 | field << 46 | value``, where value is a code point, two code
points (``a << 21 | b``) or the id of a word in the index's vocabulary.
"""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

UNIGRAM, BIGRAM, WORD = 0, 1, 2
HEAD, BYLINE, BODY = 0, 1, 2
FIELDS = (HEAD, BYLINE, BODY)
FIELD_NAMES = ("head", "byline", "body")

IntArray = npt.NDArray[np.int64]

_DTYPES = (np.dtype("<u1"), np.dtype("<u2"), np.dtype("<u4"))
_COMPRESSED = 0x80
_MIN_COMPRESS = 64


def gram_key(kind: int, field: int, value: int) -> int:
    return (kind << 50) | (field << 46) | value


def unigram_value(text: str) -> int:
    return ord(text)


def bigram_value(text: str) -> int:
    return (ord(text[0]) << 21) | ord(text[1])


def width_code(top: int) -> int:
    """Which of u8/u16/u32 holds numbers up to ``top``."""
    return 0 if top < 1 << 8 else 1 if top < 1 << 16 else 2


def encode_ints(
    values: npt.NDArray[np.integer], code: int | None = None, compress: bool = True
) -> bytes:
    """Non-negative integers in the smallest of u8/u16/u32, zlib-compressed when that pays.

    ``code`` (from ``width_code``) saves finding the largest value when it is known.
    """
    if code is None:
        code = width_code(int(values.max()) if len(values) else 0)
    raw = values.astype(_DTYPES[code], copy=False).tobytes()
    if compress and len(raw) >= _MIN_COMPRESS:
        packed = zlib.compress(raw, 1)
        if len(packed) < len(raw):
            return bytes((code | _COMPRESSED,)) + packed
    return bytes((code,)) + raw


def decode_ints(blob: bytes) -> IntArray:
    head = blob[0]
    body = blob[1:]
    if head & _COMPRESSED:
        body = zlib.decompress(body)
    return np.frombuffer(body, dtype=_DTYPES[head & 0x7F]).astype(np.int64)


def decode_docs(blob: bytes) -> IntArray:
    return np.cumsum(decode_ints(blob))


# --------------------------------------------------------------------------------------------
# Words are stored under a hash of their folded code points, so that no vocabulary has to be
# shared between the processes that build segments. A collision can only merge two words'
# counts; the whole-word count is never allowed above the substring count, so it cannot add
# a hit, only nudge a score.

WORD_HASH_BITS = 43
_P = 0x9E3779B97F4A7C15
_P_INV = pow(_P, -1, 1 << 64)


def _powers(base: int, n: int) -> npt.NDArray[np.uint64]:
    steps = np.full(n, base, dtype=np.uint64)
    steps[0] = 1
    with np.errstate(over="ignore"):
        return np.cumprod(steps, dtype=np.uint64)


def word_hashes(
    cps: npt.NDArray[np.uint32], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> IntArray:
    """The hash of each word ``cps[starts[i]:ends[i]]`` (vectorised over all words)."""
    n = len(cps)
    if len(starts) == 0:
        return np.zeros(0, dtype=np.int64)
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(cps.astype(np.uint64) * _powers(_P, n), dtype=np.uint64, out=prefix[1:])
        x = (prefix[ends] - prefix[starts]) * _powers(_P_INV, n)[starts]
        x ^= (ends - starts).astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
        x ^= x >> np.uint64(33)
        x *= np.uint64(0xFF51AFD7ED558CCD)
        x ^= x >> np.uint64(33)
    return (x >> np.uint64(64 - WORD_HASH_BITS)).astype(np.int64)


def word_hash(folded: str) -> int:
    """The hash of one (folded) word."""
    cps = np.frombuffer(folded.encode("utf-32-le"), dtype="<u4")
    return int(word_hashes(cps, np.array([0]), np.array([len(cps)]))[0])
