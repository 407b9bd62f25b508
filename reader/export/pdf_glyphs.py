"""What each glyph drawn into a PDF stands for, in the order Qt's PDF writer numbers them.

Qt's PDF writer gives the glyphs of each font face numbers in the order they are first drawn
(0 being the font's "missing" glyph) and says which text each stands for in a ToUnicode map
that it builds from the font's cmap: a glyph that no code point of the Basic Multilingual
Plane reaches (𠮷 U+20BB7, the characters of names beyond it) is left out, so its text is
lost. ``GlyphLog`` watches the lines as they are drawn and numbers the glyphs of each face
the same way; the text of a glyph is the character of the text that the face's cmap gives
that glyph (the writer turns off the substitutions that make other glyphs). Qt's own
per-glyph string indexes are not used: for a line set in several fonts (a fallback font for
characters the main one lacks) they are wrong. ``pdf_text`` checks the result against the
entries Qt did write before it uses it.
"""

from __future__ import annotations

import struct

from PySide6.QtGui import QRawFont, QTextLine


def postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (name ID 6), which Qt's PDF gives as the font's BaseFont."""
    table = bytes(raw.fontTable("name").data())
    if len(table) < 6:
        return ""
    _, count, strings = struct.unpack(">HHH", table[:6])
    for n in range(count):
        at = 6 + 12 * n
        if at + 12 > len(table):
            break
        platform, _, _, name_id, length, offset = struct.unpack(">6H", table[at:at + 12])
        if name_id != 6:
            continue
        data = table[strings + offset:strings + offset + length]
        return data.decode("utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""


def face_key(raw: QRawFont) -> tuple[str, str, int, int]:
    """One font face (one subset in the PDF): PostScript name, style, weight, style kind."""
    return (postscript_name(raw), raw.styleName(), int(raw.weight()), int(raw.style().value))


class GlyphLog:
    """Per font face: the glyphs in the order first drawn; the characters written."""

    def __init__(self) -> None:
        self.order: dict[tuple[str, str, int, int], dict[int, int]] = {}
        self.fonts: dict[tuple[str, str, int, int], QRawFont] = {}
        self.chars: set[str] = set()
        self._keys: dict[tuple[str, str, int, int], tuple[str, str, int, int]] = {}

    def add(self, line: QTextLine, source: str) -> None:
        """Record the glyphs of ``line``, about to be drawn; ``source`` is the text of its
        layout (a block's text)."""
        self.chars.update(source[line.textStart():line.textStart() + line.textLength()]
                          if line.textLength() >= 0 else source)
        for run in line.glyphRuns():
            raw = run.rawFont()
            quick = (raw.familyName(), raw.styleName(), int(raw.weight()), int(raw.style().value))
            key = self._keys.get(quick)
            if key is None:  # reading the name table for every run would take seconds
                key = self._keys[quick] = face_key(raw)
            self.fonts.setdefault(key, raw)
            order = self.order.setdefault(key, {0: 0})
            for glyph in run.glyphIndexes():
                order.setdefault(glyph, len(order))

    def maps(self) -> list[tuple[str, dict[int, str]]]:
        """For each face: its PostScript name, and the PDF's glyph number → the character
        it stands for."""
        chars = sorted(self.chars)
        out = []
        for key, order in self.order.items():
            raw = self.fonts[key]
            char_of: dict[int, str] = {}
            for ch in chars:
                glyphs = raw.glyphIndexesForString(ch)
                if len(glyphs) == 1 and glyphs[0]:
                    char_of.setdefault(int(glyphs[0]), ch)
            out.append((key[0], {number: char_of[glyph] for glyph, number in order.items()
                                 if glyph in char_of}))
        return out
