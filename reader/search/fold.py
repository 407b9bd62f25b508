"""Folding: the forms a search treats as the same character.

Full-width ASCII becomes half-width (``（`` → ``(``, ``，`` → ``,``), the ideographic and other
spaces become a plain space, letters are lower-cased and traditional characters become
simplified ones (character by character, from OpenCC's ``t2s`` table).

Every mapping is one character to one character, so ``fold(text)`` has the length of ``text``
and an offset found in the folded text is the offset of the same characters in the original.
That is what lets snippets and highlights be cut from the text as printed.

Building the table asks OpenCC about 28,000 characters (about 40 ms), too long for every
``reader search``: it is kept in a file under the cache folder, named for what it is built
from (this module's rules, OpenCC's version, Python's Unicode data), and built again only
when one of those changes or the file cannot be read. numpy, 60–100 ms to import, is used
only by the processes that fold in bulk (indexing) or have it loaded already (the window).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

log = logging.getLogger("reader.search")

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000\t\r\f\v"
# Ideographs OpenCC may map: the unified block, extension A and the compatibility block.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
CACHE_SCHEMA = 1
"""The version of the cached table's file format."""


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


def build_table() -> dict[int, str]:
    """The folding table, built from its sources (about 40 ms)."""
    table = _traditional_to_simplified()
    table.update(_width_and_case())
    return table


def _opencc_version() -> str:
    """OpenCC's installed version, read from its metadata folder's name beside it (without
    importing it: the table's cache is for the processes that do not)."""
    from .segment import _installed_version

    return _installed_version("opencc")


def table_key() -> str:
    """What the table is built from, hashed: these rules (this file), OpenCC's version and
    the Unicode version of ``str.lower``."""
    rules = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()
    parts = f"{rules}/opencc-{_opencc_version()}/unicode-{unicodedata.unidata_version}"
    return hashlib.sha1(parts.encode("utf-8")).hexdigest()[:16]


def table_path() -> Path:
    """The cached table of this installation, under the cache folder."""
    from ..paths import cache_dir

    return cache_dir() / "search" / f"fold-{table_key()}.json"


def _read_cached(path: Path) -> tuple[dict[int, str], str] | None:
    """The table in ``path`` and its fingerprint; None when there is none or it is not a
    whole table."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != CACHE_SCHEMA:
            raise ValueError(f"schema {data.get('schema')!r}, not {CACHE_SCHEMA}")
        src, dst, fingerprint = data["from"], data["to"], data["fingerprint"]
        if not (isinstance(src, str) and isinstance(dst, str) and len(src) == len(dst)):
            raise ValueError("its two strings differ in length")
        if not isinstance(fingerprint, str):
            raise ValueError("it has no fingerprint")
        return {ord(s): d for s, d in zip(src, dst, strict=True)}, fingerprint
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        log.warning("the folding table %s is built anew: %s", path, err)
        return None


def _fingerprint_of(table: dict[int, str]) -> str:
    items = sorted(table.items())
    return hashlib.sha1(repr(items).encode("utf-8")).hexdigest()[:10]


def _write_cached(path: Path, table: dict[int, str], fingerprint: str) -> None:
    from ..atomicfile import write_json_atomic

    items = sorted(table.items())
    data = {"schema": CACHE_SCHEMA, "fingerprint": fingerprint,
            "from": "".join(chr(cp) for cp, _ in items), "to": "".join(ch for _, ch in items)}
    try:
        write_json_atomic(path, data, indent=0)
    except OSError as err:  # a cache: the next process builds it again
        log.warning("the folding table %s was not saved: %s", path, err)


@functools.cache
def _table_and_fingerprint() -> tuple[dict[int, str], str]:
    """The table and its fingerprint, from the cache file (built and saved there the first
    time, about 40 ms)."""
    path = table_path()
    cached = _read_cached(path)
    if cached is not None:
        return cached
    table = build_table()
    fingerprint = _fingerprint_of(table)
    _write_cached(path, table, fingerprint)
    return table, fingerprint


def fold_table() -> dict[int, str]:
    """The folding table for ``str.translate``."""
    return _table_and_fingerprint()[0]


def fold_fingerprint() -> str:
    """A short hash of the table: an index built with another table must be rebuilt (kept
    in the cache file beside the table it was computed from)."""
    return _table_and_fingerprint()[1]


@functools.cache
def fold_lut() -> npt.NDArray[np.uint32]:
    """The folding table as an array over the Basic Multilingual Plane (where every
    mapping is): code point → folded code point."""
    import numpy as np

    lut = np.arange(0x10000, dtype=np.uint32)
    for cp, ch in fold_table().items():
        if cp < 0x10000:
            lut[cp] = ord(ch)
    return lut


def fold_codepoints(text: str) -> npt.NDArray[np.uint32]:
    """The folded code points of ``text`` (raises ``UnicodeEncodeError`` for a lone
    surrogate)."""
    import numpy as np

    cps = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").copy()
    bmp = cps < 0x10000
    cps[bmp] = fold_lut()[cps[bmp]]
    return cps


SHORT = 48
"""Below this length ``str.translate`` is the quicker way to fold."""


def fold(text: str) -> str:
    """``text`` with every character in its folded form; same length, same offsets.

    A long text is folded through numpy when this process has numpy loaded already: eight
    times faster than ``str.translate`` on an article's body (100 µs), which counts where
    thousands of bodies are folded. A process that folds the 20 snippets of a page of hits
    is quicker with ``str.translate`` than with numpy's import. Both give the same text."""
    if len(text) < SHORT or "numpy" not in sys.modules:
        return text.translate(fold_table())
    try:
        return fold_codepoints(text).tobytes().decode("utf-32-le")
    except UnicodeEncodeError:  # a lone surrogate: folded one character at a time
        return text.translate(fold_table())
