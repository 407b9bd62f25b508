"""Headlines set as newspapers set them: broken at the spaces the headline has, in lines of
even length, never one character left alone on a line (稳进提/质, 奋/力).

Qt wraps a block wherever the width ends. ``balance`` chooses the lines itself: a space
becomes a line break (U+2028, one character for one, so the offsets that marks use stay
right) where the headline is split into the fewest lines that fit, the most even of them;
a part still wider than the column is given an even narrower width (the block's side margins)
so that its wrapped lines come out of equal length.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from PySide6.QtGui import QFontMetricsF, QTextBlockFormat, QTextCursor, QTextDocument

LINE_BREAK = "\u2028"
MAX_SPACES = 8  # headlines have a few; more and the spaces are not where lines break


def choose_lines(parts: list[str], fits: float, advance: Callable[[str], float]) -> list[str]:
    """The parts (split at spaces) joined into the fewest lines that fit ``fits``, the most
    even of them; with none that fit, the most even split into as few lines as possible."""
    gaps = len(parts) - 1
    best: tuple[tuple[int, float], list[str]] | None = None
    for count in range(0, gaps + 1):
        for cuts in itertools.combinations(range(gaps), count):
            lines, start = [], 0
            for cut in (*cuts, gaps):
                lines.append(" ".join(parts[start:cut + 1]))
                start = cut + 1
            widths = [advance(line) for line in lines]
            over = sum(math.ceil(w / fits) - 1 for w in widths if w > fits)
            key = (len(lines) + over, max(widths) - min(widths))
            if best is None or key < best[0]:
                best = (key, lines)
    assert best is not None
    return best[1]


def even_width(lines: list[str], width: float, advance: Callable[[str], float]) -> float:
    """The narrowest width, up to ``width``, in which the widest line wraps into as few
    lines as in ``width``, of near-equal length, the last holding more than one character."""
    widest = max(lines, key=advance)
    total = advance(widest)
    if total <= width or len(widest) < 4:
        return width
    chars = [advance(c) for c in widest]
    rows = wrapped(chars, width)
    step = max(chars) / 4
    target = total / rows
    while target < width:
        counts = wrapped_counts(chars, target)
        if len(counts) == rows and counts[-1] >= 2 and max(counts) - min(counts) <= 2:
            return target + step / 2
        target += step
    return width


def wrapped_counts(chars: list[float], width: float) -> list[int]:
    """Characters a line when text of these advances is wrapped at ``width``."""
    counts, used = [0], 0.0
    for adv in chars:
        if used + adv > width and counts[-1]:
            counts.append(0)
            used = 0.0
        counts[-1] += 1
        used += adv
    return counts


def wrapped(chars: list[float], width: float) -> int:
    return len(wrapped_counts(chars, width))


def balance(document: QTextDocument, start: int, length: int, width: float) -> None:
    """Set the headline at ``[start, start+length)`` of ``document`` in ``width``."""
    if length <= 0 or width <= 0:
        return
    block = document.findBlock(start)
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    text = cursor.selectedText().replace(LINE_BREAK, " ").replace("\u2029", " ")
    cursor.setPosition(start + 1)
    fm = QFontMetricsF(cursor.charFormat().font())
    parts = text.split(" ")
    lines = choose_lines(parts, width, fm.horizontalAdvance) \
        if 1 < len(parts) <= MAX_SPACES + 1 else [text]
    # Spaces where the chosen lines end become line breaks; the others stay spaces.
    breaks: set[int] = set()
    at = 0
    for line in lines[:-1]:
        at += len(line)
        breaks.add(at)
        at += 1
    for n, ch in enumerate(text):
        if ch != " ":
            continue
        wanted = LINE_BREAK if n in breaks else " "
        edit = QTextCursor(document)
        edit.setPosition(start + n)
        edit.setPosition(start + n + 1, QTextCursor.MoveMode.KeepAnchor)
        if edit.selectedText() != wanted:
            fmt = edit.charFormat()
            edit.insertText(wanted, fmt)
    # A line wider than the column wraps: narrow the block so that its lines come out even.
    side = max(0.0, (width - even_width(lines, width, fm.horizontalAdvance)) / 2)
    margins = QTextBlockFormat()
    margins.setLeftMargin(side)
    margins.setRightMargin(side)
    edit = QTextCursor(block)
    edit.mergeBlockFormat(margins)
