"""Pages hard-wrapped at a column's width: join the printed lines back into paragraphs.

Text taken from a PDF page (``pdftotext``, OCR) often keeps one line per printed line: a
paragraph of a 12-character column becomes a dozen lines of nearly the same width, the last
one shorter. The parser reads a paragraph as one line, so such a page is first put back
together here. The cue is the width itself: a line filled to its column's width goes on in
the next line; a shorter line, a blank line or an indented line ends the paragraph.

Widths are display widths (a Chinese character or mark 2, an ASCII digit or letter 1),
because a column holds fewer characters where a line has more Chinese in it. A page
counts as wrapped only when most of its longer lines have a neighbour of the same width
(within ``TWIN`` units): prose with a paragraph per line, and the column-broken pages whose lines
are fragments of all lengths, almost never do, and are returned as they are.
"""

from __future__ import annotations

from collections import Counter

MIN_WIDTH = 12
"""Lines narrower than this (display units) say nothing of a column's width."""
MIN_LINES = 8
"""A page needs this many lines of one width beside another to count as wrapped."""
SHARE = 0.5
"""The share of its longer lines that must sit beside a line of their width."""
SLACK = 2
"""A line this much narrower than its column is still full: a character that may not open a
line (，。」) was carried up, or a narrow digit left a gap."""
TWIN = 2
"""Lines this close in width are set in one column."""
WINDOW = 6
"""How many lines on either side give a line's column width."""

_INDENT = ("\u3000", "  ", "\t", "\xa0")
INDENT = 4
"""The width of a paragraph's indentation: two Chinese characters."""
_SENTENCE_END = "。！？!?”」』）)…"


def _width(text: str) -> int:
    """ASCII 1, anything else 2: Chinese text's marks are full-width too (“”…—)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def _twinned(widths: list[int | None], i: int) -> bool:
    """Has line ``i`` a neighbour of its width (within ``TWIN`` units)?"""
    w = widths[i]
    if w is None or w < MIN_WIDTH:
        return False
    return any(
        0 <= j < len(widths) and (v := widths[j]) is not None and abs(v - w) <= TWIN
        for j in (i - 1, i + 1)
    )


def _widths(lines: list[str]) -> list[int | None]:
    """Each line's display width; None for a blank line."""
    return [_width(line.rstrip()) if line.strip() else None for line in lines]


def _is_wrapped(widths: list[int | None], twin: list[bool]) -> bool:
    """Is this page hard-wrapped (most longer lines as wide as the line beside them)?"""
    longer = [i for i, w in enumerate(widths) if w is not None and w >= MIN_WIDTH]
    twins = sum(1 for i in longer if twin[i])
    return twins >= MIN_LINES and twins >= SHARE * len(longer)


def _column(widths: list[int | None], twin: list[bool], i: int) -> int | None:
    """The width of the column line ``i`` is set in: the commonest width of the lines near it
    that sit beside a line of their own width."""
    near: Counter[int] = Counter(
        w
        for j in range(max(0, i - WINDOW), min(len(widths), i + WINDOW + 1))
        if twin[j] and (w := widths[j]) is not None
    )
    if not near:
        return None
    # Widths one unit apart are one column (a half-width digit); the wider one is its width.
    best = max(near, key=lambda w: (near[w] + near.get(w - 1, 0) + near.get(w + 1, 0), w))
    return best + 1 if near.get(best + 1) else best


def _joins(left: str, right: str) -> str:
    """The text of two printed lines of one paragraph: Chinese joins directly, Latin words
    keep a space between them."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


def unwrap(text: str) -> str | None:
    """``text`` with the lines of each hard-wrapped paragraph joined into one line, or None
    where the page is not hard-wrapped."""
    lines = text.splitlines()
    widths = _widths(lines)
    twin = [_twinned(widths, i) for i in range(len(lines))]
    if not _is_wrapped(widths, twin):
        return None
    out: list[str] = []
    going = False  # the line before goes on in this one
    for i, line in enumerate(lines):
        if going and not line.startswith(_INDENT):
            out[-1] = _joins(out[-1].rstrip(), line.strip())
        else:
            out.append(line)
        going = _goes_on(lines, widths, twin, i, opens=not going)
    return "\n".join(out) + ("\n" if text.endswith(("\n", "\r")) else "")


def _goes_on(
    lines: list[str], widths: list[int | None], twin: list[bool], i: int, *, opens: bool
) -> bool:
    """Does the paragraph of line ``i`` go on in the next line? Yes when the line fills its
    column (or, opening a paragraph whose indentation was lost, all but the indentation's two
    characters) and the next line is set in the same column: as wide as a line beside it, or a
    shorter line that ends the paragraph's sentence."""
    w, nxt = widths[i], widths[i + 1] if i + 1 < len(lines) else None
    column = _column(widths, twin, i) if w is not None else None
    if w is None or nxt is None or column is None:
        return False
    full = w >= column - SLACK
    unindented = opens and column - INDENT - SLACK <= w <= column - INDENT + 1
    if not (full or unindented):
        return False
    shorter_end = nxt < column - SLACK and lines[i + 1].rstrip()[-1:] in _SENTENCE_END
    return twin[i] or twin[i + 1] or shorter_end
