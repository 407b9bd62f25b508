"""JSON read with its nesting bounded, for every JSON file the reader takes from disk.

Python's parser recurses once per level, so a file of 100,000 ``[`` ends in a RecursionError
that no caller expects. ``loads`` measures the depth first (in linear time, without
recursion) and refuses a document nested deeper than ``MAX_DEPTH`` with a ``ValueError``
that says so, the same error as for any other text that is not JSON: a problem of that one
file. The files the reader writes are at most seven levels deep.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64

_OTHER_BYTES = bytes(b for b in range(256) if b not in b'"[]{}')
_INNERMOST = re.compile(rb"\[\]|\{\}")


class TooDeep(ValueError):
    """The document is nested deeper than the limit."""


def deeper_than(text: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """True when the brackets of ``text`` (outside its strings) nest deeper than ``limit``.
    ``text`` is a str or its UTF-8 bytes."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    # In UTF-8 no byte of a multi-byte character is a quote, a bracket or a backslash.
    # Without the escapes that could hide a quote, every '"' opens or closes a string; of
    # the rest only quotes and brackets are kept, then the strings (and brackets in them)
    # are dropped. Each step is one pass of C code over the bytes.
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(data.translate(None, _OTHER_BYTES).split(b'"')[::2])
    rounds = 0
    while brackets and rounds < limit:  # each round drops the innermost level
        brackets = _INNERMOST.sub(b"", brackets)
        rounds += 1
    # Brackets left after ``limit`` rounds: nested deeper, or unbalanced (then the parser,
    # not this check, says what is wrong). What is left is ``rounds`` levels shallower.
    level = 0
    for byte in brackets:
        level += 1 if byte in b"[{" else -1
        if level > limit - rounds:
            return True
    return False


def loads(text: str | bytes, limit: int = MAX_DEPTH) -> Any:
    """``json.loads`` for a document nested at most ``limit`` levels; ``TooDeep`` (a
    ``ValueError``) for one nested deeper, ``json.JSONDecodeError`` for one that is not JSON."""
    if deeper_than(text, limit):
        raise TooDeep(f"it is nested more than {limit} levels deep")
    return _parse(text, limit)


def load_utf8(raw: bytes, limit: int = MAX_DEPTH) -> Any:
    """``loads`` for the bytes of a file, which must be UTF-8 (``UnicodeDecodeError``, a
    ``ValueError``, otherwise); the text is decoded once."""
    text = raw.decode("utf-8")
    if deeper_than(raw, limit):
        raise TooDeep(f"it is nested more than {limit} levels deep")
    return _parse(text, limit)


def _parse(text: str | bytes, limit: int) -> Any:
    try:
        return json.loads(text)
    except RecursionError:  # pragma: no cover - the depth is checked first
        raise TooDeep(f"it is nested more than {limit} levels deep") from None
