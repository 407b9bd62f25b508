"""Content anchors: find a place in a page's text again by a few characters around it.

A correction remembers where it applies by text, not by line number or article id, so that it
still finds its place after a parser change or a re-extraction that moves lines, re-splits
paragraphs or widens punctuation. Text is compared folded (``fold``: NFKC, lower case, no white
space); ``folded_map`` keeps, for each folded character, the position of the character it came
from, so that a match in folded text is a span of the original text.

``locate`` looks for the anchor text exactly (with its context before it when that tells two
places apart) and, failing that, fuzzily: a place where one half of the anchor is found and
the whole window is at least ``FUZZY_RATIO`` alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

ANCHOR_CHARS = 16
"""Folded characters of text an anchor keeps after the place."""
CONTEXT_CHARS = 8
"""Folded characters of text an anchor keeps before the place."""
FUZZY_RATIO = 0.75
"""How alike (0..1) a window of text must be to an anchor that is not found exactly."""


def fold(text: str | None) -> str:
    """``text`` as compared: NFKC (full and half width alike), lower case, no white space."""
    return "".join(folded_map(text or "")[0])


def folded_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in ``text`` it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        for f in unicodedata.normalize("NFKC", c).lower():
            if not f.isspace():
                out.append(f)
                where.append(i)
    return "".join(out), where


def raw_span(where: list[int], text: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that the folded span ``start:end`` came from."""
    if start >= len(where):
        return len(text), len(text)
    raw_start = where[start]
    raw_end = where[end - 1] + 1 if end > start else raw_start
    return raw_start, raw_end


@dataclass(frozen=True)
class Found:
    """A place found in folded text: its folded offset, and whether it was found exactly."""

    offset: int
    exact: bool


def suffix_score(haystack: str, offset: int, before: str) -> int:
    """How many characters of ``before`` end just before ``offset`` in ``haystack``."""
    n = 0
    while n < len(before) and offset - n - 1 >= 0 and haystack[offset - n - 1] == before[-n - 1]:
        n += 1
    return n


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every offset of ``needle`` in ``haystack``, overlapping ones too."""
    found, start = [], 0
    while needle and (i := haystack.find(needle, start)) >= 0:
        found.append(i)
        start = i + 1
    return found


def locate(haystack: str, text: str, before: str = "") -> Found | None:
    """Where the folded anchor ``text`` (preceded by ``before``) is in the folded ``haystack``.

    Exact places come first, the one whose preceding characters agree most with ``before``;
    then a fuzzy place, or None.
    """
    if not text:
        return None
    exact = occurrences(haystack, text)
    if exact:
        best = max(exact, key=lambda i: (suffix_score(haystack, i, before), -i))
        return Found(best, True)
    return _fuzzy(haystack, text, before)


def _fuzzy(haystack: str, text: str, before: str) -> Found | None:
    half = max(4, len(text) // 2)
    candidates: set[int] = set(occurrences(haystack, text[:half]))
    candidates |= {i - (len(text) - half) for i in occurrences(haystack, text[-half:])}
    best: tuple[float, int] | None = None
    for i in candidates:
        if i < 0:
            continue
        window = haystack[i : i + len(text)]
        ratio = SequenceMatcher(None, window, text, autojunk=False).ratio()
        if before:
            prior = haystack[max(0, i - len(before)) : i]
            ratio = 0.8 * ratio + 0.2 * SequenceMatcher(None, prior, before,
                                                        autojunk=False).ratio()
        if ratio >= FUZZY_RATIO and (best is None or ratio > best[0]):
            best = (ratio, i)
    return Found(best[1], False) if best else None


def alike(a: str, b: str) -> float:
    """How alike two folded texts are, 0..1."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
