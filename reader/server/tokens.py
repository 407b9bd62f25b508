"""What the archive's search index holds for an article: its characters and its character
pairs, as the lexemes of a ``tsvector`` indexed with GIN, and its jieba words in another
(not indexed: read only for the matches, to rank them).

The grams only choose candidates: an article holding every pair of a term may still not hold
the term, so every candidate is checked with ``strpos`` on the folded text, and the answer is
exact (the same articles as a scan of the text). Grams of the headline and of the byline are
kept a second time under a field's mark, so that ``title:`` and ``byline:`` find their
candidates without the body's; a character or a pair of a field is thus exactly a lexeme, and
needs no check. Whole jieba words rank whole-word matches above matches inside a longer word:
the body's are lexemes of the same vector under their own mark (so that the GIN index gives
the matches holding a term as a word without reading any article), the headline's and the
byline's (short, stored in the row) a vector each.

An article so long that its lexemes would pass PostgreSQL's limit of a ``tsvector`` (1 MB) has
only ``ANY_LEXEME``, which every query asks for beside its grams: it is marked ``oversized``
and always checked against its text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..search.fold import fold
from ..search.segment import segmenter

HEAD, BYLINE, BODY = "h", "b", ""
"""Field marks of the grams (the body's grams and the plain ones are the same set)."""
WORD = "w"
"""The mark of the body's whole words (ranking: which matches hold a term as a word)."""
_GRAM = "\x01"
ANY_LEXEME = _GRAM + "*"
"""The one lexeme of an oversized article: a candidate of every query."""
MAX_LEXEMES = 40_000
"""Beyond this many distinct lexemes an article is ``oversized`` (well under 1 MB)."""


def clean(text: str) -> str:
    """Text PostgreSQL can store: NUL (which it refuses) becomes U+FFFD, one for one."""
    return text.replace("\x00", "\ufffd")


def grams(text: str) -> set[str]:
    """The characters and the pairs of neighbouring characters of ``text`` (folded)."""
    out = set(text)
    out.update(text[i : i + 2] for i in range(len(text) - 1))
    out.discard("")
    return out


def gram_lexeme(gram: str, field: str = "") -> str:
    """The lexeme of a character or a pair (of a field, for headline and byline grams)."""
    return f"{_GRAM}{field}{gram}" if field else gram


def words(text: str) -> list[str]:
    """The jieba words of folded ``text`` (spaces left out)."""
    return [w for w in segmenter().cut(text) if w.strip()]


def word_lexeme(word: str) -> str:
    """The lexeme of a whole word of the body."""
    return f"{_GRAM}{WORD}{word}"


def lexemes(head: str, byline: str, body: str, body_words: Iterable[str] = ()
            ) -> list[str] | None:
    """The gram lexemes of an article's folded headline, byline and body, and the lexemes
    of its body's whole words; None when too many."""
    out: set[str] = set()
    for field, text in ((HEAD, head), (BYLINE, byline), (BODY, body)):
        g = grams(text)
        out |= g
        if field:
            out.update(gram_lexeme(x, field) for x in g)
        if len(out) > MAX_LEXEMES:
            return None
    out.update(word_lexeme(w) for w in body_words)
    return list(out) if len(out) <= MAX_LEXEMES else None


MAX_WORD = 100
"""Longer "words" (a run of letters or digits without a break) are left out of the word
vectors: PostgreSQL refuses lexemes over 2 KB, and no query asks for them as a whole word."""


def _word_set(text: str) -> list[str]:
    return [w for w in set(words(text)) if len(w) <= MAX_WORD]


def word_sets(head: str, byline: str, body: str) -> tuple[list[str], list[str], list[str]]:
    """The distinct jieba words of an article's folded headline, byline and body (the
    body's at most ``MAX_LEXEMES``)."""
    return _word_set(head), _word_set(byline), _word_set(body)[:MAX_LEXEMES]


def term_grams(text: str) -> list[str]:
    """Grams that every text containing ``text`` contains: the term itself when it has one
    or two characters, else pairs covering it (at offsets 0, 2, 4 … and the last)."""
    if len(text) <= 2:
        return [text]
    starts = sorted(set(range(0, len(text) - 1, 2)) | {len(text) - 2})
    return list(dict.fromkeys(text[i : i + 2] for i in starts))


def quote(lexeme: str) -> str:
    """``lexeme`` written as a ``tsquery`` operand."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def vector(lexemes_: Iterable[str]) -> str:
    """A ``tsvector`` written out (much cheaper to send than an array of its lexemes).
    Lexemes hold no NUL (``clean``), so one stands between them while all are escaped."""
    joined = "\x00".join(lexemes_)
    if not joined:
        return ""
    escaped = joined.replace("\\", "\\\\").replace("'", "''")
    return "'" + escaped.replace("\x00", "' '") + "'"


def all_of(lexemes_: Iterable[str]) -> str:
    """A ``tsquery`` text that matches where every one of the lexemes is present."""
    return " & ".join(quote(x) for x in lexemes_)


def folded(text: str | None) -> str:
    return clean(fold(text or ""))
