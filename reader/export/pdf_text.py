"""Make a PDF's text layer say what was written: the glyph → text map (ToUnicode) put right.

A PDF holds glyphs; its ``ToUnicode`` CMap says which text each glyph stands for, and text
extraction, copy-paste and search read it. Qt builds that map by looking each glyph up in the
font's cmap and keeping the lowest code point. Fonts such as Noto CJK / Source Han give one
glyph to a radical and to the ideograph it looks like (⼈ U+2F08 and 人 U+4EBA), so Qt's PDF
says ⼈ where the text said 人 (2,526 of 28,199 characters in an export of the seeds).

``fix_text_layer`` rewrites each font's map from the text that was laid out: a code point the
text does not contain is replaced by the character of the text that the font draws with the
same glyph (``same_glyph``, worked out by the writer from the font) or, failing that, by its
compatibility equivalent (NFKC: ⼈ → 人) when the text has it; glyphs Qt left out of the map
(no code point of the Basic Multilingual Plane reaches them) are added from what the writer
recorded while drawing (``pdf_glyphs``). pikepdf reads and writes the PDF; no Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import pikepdf

_BLOCK = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)end\2", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")
PER_BLOCK = 100  # the most entries one bfchar block may hold


def _text(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", "replace")


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def parse_cmap(data: bytes) -> dict[int, str]:
    """The glyph (CID) → text entries of a ToUnicode CMap (``bfchar`` and ``bfrange``)."""
    entries: dict[int, str] = {}
    for _, kind, body in _BLOCK.findall(data):
        tokens = [m.group(1) if m.group(1) is not None else m.group(0)
                  for m in _HEX.finditer(body)]
        i = 0
        while i < len(tokens):
            if kind == b"bfchar":
                entries[int(tokens[i], 16)] = _text(tokens[i + 1])
                i += 2
                continue
            low, high = int(tokens[i], 16), int(tokens[i + 1], 16)
            if tokens[i + 2] == b"[":
                end = tokens.index(b"]", i + 3)
                for n, value in enumerate(tokens[i + 3:end]):
                    entries[low + n] = _text(value)
                i = end + 1
            else:
                first = _text(tokens[i + 2])
                for n in range(high - low + 1):
                    entries[low + n] = first[:-1] + chr(ord(first[-1]) + n)
                i += 3
    return entries


def write_cmap(entries: Mapping[int, str]) -> bytes:
    """A ToUnicode CMap (two-byte codes) holding ``entries``."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    items = sorted(entries.items())
    for start in range(0, len(items), PER_BLOCK):
        chunk = items[start:start + PER_BLOCK]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{_hex(text)}>" for cid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]
    return "\n".join(lines).encode("ascii")


def corrected(value: str, written: set[str], same_glyph: Mapping[str, str]) -> str:
    """What a glyph mapped to ``value`` stands for, given the characters ``written``."""
    if len(value) != 1 or value in written:
        return value
    if value in same_glyph:
        return same_glyph[value]
    compatible = unicodedata.normalize("NFKC", value)
    return compatible if compatible in written else value


def agrees(drawn: Mapping[int, str], entries: Mapping[int, str], written: set[str],
           same_glyph: Mapping[str, str]) -> bool:
    """Whether ``drawn`` (what the writer recorded for a font) is the map of the font whose
    ToUnicode ``entries`` Qt wrote: every entry Qt wrote (but the missing glyph 0 and white
    space) says the same, once corrected."""
    return all(drawn.get(cid) in (value, corrected(value, written, same_glyph))
               for cid, value in entries.items() if cid and value.strip())


def recorded_for(base_font: str, entries: Mapping[int, str], written: set[str],
                 same_glyph: Mapping[str, str],
                 drawn: Sequence[tuple[str, Mapping[int, str]]]) -> Mapping[int, str]:
    """The recorded map of the font named ``base_font`` (a subset prefix ``ABCDEF+`` aside)
    that agrees with what Qt wrote for it; empty when none does."""
    name = base_font.lstrip("/").rpartition("+")[2]
    return next((m for n, m in drawn if n == name and agrees(m, entries, written, same_glyph)),
                {})


def beyond_bmp(text: str) -> bool:
    """One character outside the Basic Multilingual Plane: what Qt's map leaves out."""
    return len(text) == 1 and ord(text) > 0xFFFF


def fix_text_layer(source: Path, target: Path, written: set[str],
                   same_glyph: Mapping[str, str],
                   drawn: Sequence[tuple[str, Mapping[int, str]]] = ()) -> int:
    """Copy the PDF ``source`` to ``target`` with every font's ToUnicode map put right;
    return the number of entries changed or added.

    ``drawn`` holds, per font face, its PostScript name and what the writer recorded each
    glyph number to stand for; the one of the same name that agrees with a font's map fills
    in the glyphs Qt left out (characters beyond the Basic Multilingual Plane)."""
    changed = 0
    with pikepdf.open(source) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
                continue
            stream = obj.get("/ToUnicode")
            if not isinstance(stream, pikepdf.Stream):
                continue
            entries = parse_cmap(stream.read_bytes())
            fixed = {cid: corrected(v, written, same_glyph) for cid, v in entries.items()}
            known = recorded_for(str(obj.get("/BaseFont", "")), entries, written, same_glyph,
                                 drawn)
            for cid, text in known.items():
                if cid not in fixed and beyond_bmp(text):
                    fixed[cid] = text
            n = sum(1 for cid, v in fixed.items() if v != entries.get(cid))
            if n:
                obj.ToUnicode = pdf.make_stream(write_cmap(fixed))
                changed += n
        pdf.save(target)
    return changed
