"""Decode page files: UTF-8 (with or without BOM), GB18030/GBK and UTF-16 are accepted.

Anything else (binary files, other legacy encodings) is refused with a reason the user can act on.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field


class DecodeError(ValueError):
    """The bytes are not a page text in a supported encoding; the message says why."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/Office file)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"BM": "",  # too weak alone; checked with NULs below
}


def _describe_binary(data: bytes) -> str:
    for magic, what in _MAGIC.items():
        if what and data.startswith(magic):
            return f"it is {what}, not page text"
    return "it looks like a binary file, not page text"


def _plausible_chinese(text: str) -> bool:
    """Is ``text`` plausibly Chinese as decoded, rather than mojibake of another encoding?

    Text decoded with the wrong legacy codec is full of rare characters; real Chinese text is
    almost entirely made of the 6,763 GB2312 characters.
    """
    han = [c for c in text[:200_000] if "\u3400" <= c <= "\u9fff"]
    if len(han) < 8:
        return True
    common = 0
    for c in han:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(han) >= 0.85


def _control_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or c == "\ufffd")
    return bad / len(sample)


def _decode_prefix(data: bytes, encoding: str) -> tuple[str, str | None]:
    """Decode strictly; tolerate only a multi-byte character cut off at the very end."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as err:
        if err.end >= len(data) - 1 and err.start >= len(data) - 4 and err.start > 0:
            text = data[: err.start].decode(encoding)
            return text, (
                f"the file ends in the middle of a character ({len(data) - err.start} stray "
                "byte(s) at the end were dropped; was it truncated?)"
            )
        raise


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_page_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a page file, or raise ``DecodeError`` saying why it is refused."""
    if not data.strip():
        return Decoded("", "utf-8", ["the file is empty"])
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text, warning = _decode_prefix(data, enc)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"it starts with a {enc.upper()} byte-order mark but is not valid {enc} "
                    f"(bad bytes at offset {err.start})"
                ) from None
            return Decoded(text, enc.replace("-sig", ""), [warning] if warning else [])
    guessed16 = _utf16_without_bom(data)
    if guessed16:
        try:
            text, warning = _decode_prefix(data, guessed16)
            return Decoded(text, guessed16, ["UTF-16 without a byte-order mark"]
                           + ([warning] if warning else []))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise DecodeError(_describe_binary(data))
    for enc in ("utf-8", "gb18030"):
        try:
            text, warning = _decode_prefix(data, enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not _plausible_chinese(text):
            continue
        if _control_share(text) > 0.05:
            raise DecodeError(_describe_binary(data))
        warnings = [warning] if warning else []
        controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f\v")
        if controls:
            warnings.append(f"it contains {controls} control character(s), kept as they are")
        return Decoded(text, enc, warnings)
    if any(data.startswith(m) for m, what in _MAGIC.items() if what):
        raise DecodeError(_describe_binary(data))
    raise DecodeError(
        "its text is not UTF-8, GB18030/GBK or UTF-16 (another encoding such as Big5 or "
        "Shift-JIS?); convert it to UTF-8"
    )


def name_text(name: str) -> str:
    """A file name as valid text, whatever bytes the file system holds.

    On POSIX a name that is not UTF-8 reaches Python with its bad bytes as lone surrogates
    (``surrogateescape``), which SQLite, JSON output and the terminal refuse. Such a name is
    shown decoded as GB18030/GBK where that works (archives unzipped on Chinese Windows),
    else with U+FFFD for the bytes that make no sense. A valid name is returned unchanged.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    raw = name.encode("utf-8", "surrogateescape") if _escaped_only(name) else None
    if raw is None:  # lone surrogates of another origin (a broken UTF-16 name on Windows)
        return name.encode("utf-8", "replace").decode("utf-8")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def escaped_name(name: str) -> str:
    """A file name as valid text that tells every name apart: bad bytes as ``\\xNN``."""
    if not _escaped_only(name):
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _escaped_only(name: str) -> bool:
    """Are all surrogates of ``name`` escaped bytes (U+DC80..U+DCFF)?"""
    return all(not ("\ud800" <= c <= "\udfff") or "\udc80" <= c <= "\udcff" for c in name)
