"""A passage of an article's body, anchored by its content: found again after a re-parse.

An excerpt keeps the text the user selected and a few characters on either side of it, not
offsets: a better parser that joins or splits paragraphs differently, a correction that
mends a broken word, or a re-extraction that widens punctuation leaves offsets wrong but the
text findable. Text is compared folded (``corpus.anchors.fold``: NFKC, lower case, no white
space), so line breaks and punctuation width inside the passage do not matter.

``find_in(body, passage)`` looks for the passage exactly, the place whose surrounding text
agrees most with what was kept winning when the passage occurs more than once; failing that
it looks fuzzily (``anchors.locate``: a place where half of it is found and the whole is at
least 75 % alike), which finds a passage inside which a word was corrected.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus.anchors import fold, folded_map, locate, occurrences, raw_span, suffix_score

CONTEXT_CHARS = 24
"""Characters of the body kept before and after the passage (as printed, not folded)."""


@dataclass(frozen=True)
class Passage:
    """The selected text, as it was printed, and the text just before and after it."""

    text: str
    before: str = ""
    after: str = ""

    @classmethod
    def cut(cls, body: str, start: int, end: int) -> Passage:
        """The passage ``body[start:end]`` with its surroundings."""
        start, end = max(0, start), min(len(body), end)
        return cls(body[start:end], body[max(0, start - CONTEXT_CHARS):start],
                   body[end:end + CONTEXT_CHARS])

    @classmethod
    def of_text(cls, body: str, text: str) -> Passage | None:
        """The passage of ``body`` that reads ``text`` (folded alike), or None when ``body``
        does not hold it; the first place when it holds it more than once."""
        span = find_in(body, cls(text))
        return cls.cut(body, span.start, span.end) if span is not None and span.exact else None


@dataclass(frozen=True)
class Span:
    """Where a passage is in a body: ``body[start:end]``; ``exact`` False when only a text
    much like it was found (the article was corrected inside the passage)."""

    start: int
    end: int
    exact: bool


def _prefix_score(haystack: str, offset: int, after: str) -> int:
    """How many characters of ``after`` follow ``offset`` in ``haystack``."""
    n = 0
    while n < len(after) and offset + n < len(haystack) and haystack[offset + n] == after[n]:
        n += 1
    return n


def find_in(body: str, passage: Passage) -> Span | None:
    """Where ``passage`` is in ``body`` (raw offsets), or None when it is not there."""
    needle = fold(passage.text)
    if not needle or not body:
        return None
    hay, where = folded_map(body)
    before, after = fold(passage.before), fold(passage.after)
    exact = occurrences(hay, needle)
    if exact:
        best = max(exact, key=lambda i: (suffix_score(hay, i, before)
                                         + _prefix_score(hay, i + len(needle), after), -i))
        return Span(*raw_span(where, body, best, best + len(needle)), exact=True)
    found = locate(hay, needle, before)
    if found is None:
        return None
    end = min(len(hay), found.offset + len(needle))
    return Span(*raw_span(where, body, found.offset, end), exact=False)


NO_PASSAGE = Passage("")
"""Stands in for the passage of a record made without one (a dataclass default)."""
