"""Folding: the forms a search treats as the same character.

Full-width ASCII becomes half-width (``（`` → ``(``, ``，`` → ``,``), the ideographic and other
spaces become a plain space, letters are lower-cased and traditional characters become
simplified ones (character by character, from OpenCC's ``t2s`` table).

Every mapping is one character to one character, so ``fold(text)`` has the length of ``text``
and an offset found in the folded text is the offset of the same characters in the original.
That is what lets snippets and highlights be cut from the text as printed.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000\t\r\f\v"
# Ideographs OpenCC may map: the unified block, extension A and the compatibility block.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def _width_and_case() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = chr(cp - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = table.get(cp, chr(cp))
        lower = ch.lower()
        if len(lower) == 1 and lower != ch:
            table[cp] = lower
    return table


def _cjk_chars() -> Iterator[str]:
    for lo, hi in _CJK_RANGES:
        for cp in range(lo, hi + 1):
            yield chr(cp)


def _traditional_to_simplified() -> dict[int, str]:
    """One-character t2s mappings; empty when OpenCC is not installed."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    chars = list(_cjk_chars())
    # Separated by newlines, no phrase of OpenCC's dictionaries can span two characters.
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - a change in OpenCC
        return {}
    return {
        ord(src): dst for src, dst in zip(chars, converted, strict=True)
        if len(dst) == 1 and dst != src
    }


@functools.cache
def fold_table() -> dict[int, str]:
    """The folding table for ``str.translate`` (built once, about 30 ms)."""
    table = _traditional_to_simplified()
    table.update(_width_and_case())
    return table


@functools.cache
def fold_fingerprint() -> str:
    """A short hash of the table: an index built with another table must be rebuilt."""
    items = sorted(fold_table().items())
    return hashlib.sha1(repr(items).encode("utf-8")).hexdigest()[:10]


@functools.cache
def fold_lut() -> npt.NDArray[np.uint32]:
    """The folding table as an array over the Basic Multilingual Plane (where every
    mapping is): code point → folded code point."""
    lut = np.arange(0x10000, dtype=np.uint32)
    for cp, ch in fold_table().items():
        if cp < 0x10000:
            lut[cp] = ord(ch)
    return lut


def fold_codepoints(text: str) -> npt.NDArray[np.uint32]:
    """The folded code points of ``text`` (raises ``UnicodeEncodeError`` for a lone
    surrogate)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").copy()
    bmp = cps < 0x10000
    cps[bmp] = fold_lut()[cps[bmp]]
    return cps


SHORT = 48
"""Below this length ``str.translate`` is the quicker way to fold."""


def fold(text: str) -> str:
    """``text`` with every character in its folded form; same length, same offsets.

    A long text is folded through numpy, eight times faster than ``str.translate`` on an
    article's body (which made folding most of a search's time: snippets fold every hit)."""
    if len(text) < SHORT:
        return text.translate(fold_table())
    try:
        return fold_codepoints(text).tobytes().decode("utf-32-le")
    except UnicodeEncodeError:  # a lone surrogate: folded one character at a time
        return text.translate(fold_table())
