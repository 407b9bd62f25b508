"""Turn a batch of articles into the texts the engine indexes (runs in worker processes too).

Each field (headline, byline, body) of each article is folded, then given to the engine in
three forms, each a run of tokens that tantivy's whitespace tokenizer splits again:

* its characters, ``金 承 涛 说``;
* its pairs of characters, one token per position, ``金承 承涛 涛说`` (a phrase of pairs finds
  any text of 3 characters or more: exact substring matching, across jieba words too);
* its jieba words, ``金承涛 说`` (for ranking: an occurrence that is a whole word counts more).

Whitespace inside a pair is written as a private-use character, so that a pair never splits
and a query across a space (``"全过程 人民民主"``) finds exactly the texts that hold it.
The pairs are made with whole-batch numpy operations: a batch of 12 M characters takes well
under a second; jieba takes most of the time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .fold import fold, fold_codepoints
from .segment import segmenter

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

FIELDS = ("h", "y", "b")
"""Headline (kicker, title, subtitle), byline, body: the prefixes of the engine's fields."""

MARK = "\ue0ff"
"""A token at the start of every non-empty field of characters and of pairs: it occurs once
in each, so its score tells the engine's length weighting of that field in that document,
from which ``matches`` reads how often a term occurs there (a private-use character that
printed text does not hold)."""
SPACE_BASE = 0xE000
"""Whitespace characters inside a pair are written as ``SPACE_BASE + i``."""
WHITESPACE = "\n \x85\u2028\u2029\t\r\x0b\x0c"
"""What folding leaves that the whitespace tokenizer would split on (tabs and the rest are
folded to a space; kept here in case folding changes)."""


@dataclass
class Analyzed:
    """The engine's texts of a batch, field by field, in the order of the documents."""

    chars: dict[str, list[str]] = field(default_factory=dict)
    pairs: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)


def _protect_spaces(cps: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    out = cps.copy()
    for i, ch in enumerate(WHITESPACE):
        out[cps == ord(ch)] = SPACE_BASE + i
    return out


def pair(text: str) -> str:
    """One pair of (folded) characters as the engine stores it."""
    return "".join(chr(SPACE_BASE + WHITESPACE.index(c)) if c in WHITESPACE else c
                   for c in text)


def pair_texts(cps: npt.NDArray[np.uint32], lens: Sequence[int]) -> list[str]:
    """For each document ``cps[start:start + len]`` of a batch, its pairs, space-separated."""
    import numpy as np

    n = len(cps)
    if n == 0:
        return ["" for _ in lens]
    safe = _protect_spaces(cps)
    rows = np.empty((n, 3), dtype=np.uint32)
    rows[:, 0] = safe
    rows[:-1, 1] = safe[1:]
    rows[-1, 1] = 32
    rows[:, 2] = 32
    joined = rows.tobytes().decode("utf-32-le")
    out = []
    start = 0
    for length in lens:
        # the pairs at start … start + length - 2; the last character begins none
        out.append(joined[3 * start : 3 * (start + length - 1) - 1] if length > 1 else "")
        start += length
    return out


def char_texts(cps: npt.NDArray[np.uint32], lens: Sequence[int]) -> list[str]:
    """For each document of a batch, its characters, space-separated (blanks are dropped by
    the engine's whitespace tokenizer, which is many times faster than a regex one)."""
    import numpy as np

    rows = np.empty((len(cps), 2), dtype=np.uint32)
    rows[:, 0] = cps
    rows[:, 1] = 32
    joined = rows.tobytes().decode("utf-32-le")
    out = []
    start = 0
    for length in lens:
        out.append(joined[2 * start : 2 * (start + length)])
        start += length
    return out


def word_text(folded: str) -> str:
    """The jieba words of a folded text, space-separated (blank words vanish as spaces)."""
    if not folded:
        return ""
    return " ".join(segmenter().cut(folded))


def analyze(
    docs: Sequence[tuple[str, str, str]],
    progress: Callable[[int], None] | None = None,
    shown: Sequence[str] | None = None,
) -> Analyzed:
    """The engine's texts of ``docs`` (headline, byline, body of each, as printed).

    ``shown`` gives, for each document, the headline a hit shows: the printed one, or the
    one derived from the body when the page lost it. Its words are the headline's words
    (ranking only: a derived headline ranks as a headline, but ``title:`` still matches the
    printed headline alone, as the scan does). ``progress(n)`` is told each time another
    ``n`` documents are done.
    """
    out = Analyzed()
    for i, name in enumerate(FIELDS):
        texts = [d[i] for d in docs]
        lens = [len(t) for t in texts]
        cps = fold_codepoints("".join(texts))
        folded = cps.tobytes().decode("utf-32-le")
        bounds = [0, *itertools.accumulate(lens)]
        folded_texts = [folded[a:b] for a, b in itertools.pairwise(bounds)]
        out.chars[name] = [f"{MARK} {t}" if t else "" for t in char_texts(cps, lens)]
        out.pairs[name] = [f"{MARK} {t}" if n else "" for t, n in
                           zip(pair_texts(cps, lens), lens, strict=True)]
        if name == "h" and shown is not None:
            folded_texts = [t or fold(s)
                            for t, s in zip(folded_texts, shown, strict=True)]
        out.words[name] = [word_text(t) for t in folded_texts]
        if progress:  # a third of the documents per field, the rest with the last one
            third = len(docs) // len(FIELDS)
            progress(third if i != len(FIELDS) - 1 else len(docs) - 2 * third)
    return out


def tune_allocator() -> None:
    """Keep freed memory for reuse (glibc): first touches of fresh pages cost more than the
    work itself on this kind of machine. A no-op elsewhere."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 1 << 30)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, 1 << 30)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass
