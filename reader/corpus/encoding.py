"""Decode page files: UTF-8 (with or without BOM), GB18030/GBK and UTF-16 are accepted.

Anything else (binary files, other legacy encodings) is refused with a reason the user can act on.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..problems import Problem, ProblemKind


class DecodeError(ValueError):
    """The bytes are not a page text in a supported encoding; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text)
        self.problem = problem


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[Problem] = field(default_factory=list)


_MAGIC = {  # the keys of problems.FORMATS
    b"%PDF": "pdf",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"PK\x03\x04": "zip",
    b"\xd0\xcf\x11\xe0": "ole",
    b"BM": "",  # too weak alone; checked with NULs below
}


def _describe_binary(data: bytes) -> Problem:
    for magic, what in _MAGIC.items():
        if what and data.startswith(magic):
            return Problem.of(ProblemKind.NOT_TEXT, format=what)
    return Problem.of(ProblemKind.BINARY)


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


def _decode_prefix(data: bytes, encoding: str) -> tuple[str, Problem | None]:
    """Decode strictly; tolerate only a multi-byte character cut off at the very end."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as err:
        if err.end >= len(data) - 1 and err.start >= len(data) - 4 and err.start > 0:
            text = data[: err.start].decode(encoding)
            return text, Problem.of(ProblemKind.TRUNCATED, stray=len(data) - err.start)
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
        return Decoded("", "utf-8", [Problem.of(ProblemKind.EMPTY)])
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
                raise DecodeError(Problem.of(
                    ProblemKind.BAD_BOM, encoding=enc.replace("-sig", "").upper(),
                    offset=err.start)) from None
            return Decoded(text, enc.replace("-sig", ""), [warning] if warning else [])
    guessed16 = _utf16_without_bom(data)
    if guessed16:
        try:
            text, warning = _decode_prefix(data, guessed16)
            return Decoded(text, guessed16, [Problem.of(ProblemKind.UTF16_NO_BOM)]
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
            warnings.append(Problem.of(ProblemKind.CONTROL_CHARS, count=controls))
        return Decoded(text, enc, warnings)
    if any(data.startswith(m) for m, what in _MAGIC.items() if what):
        raise DecodeError(_describe_binary(data))
    raise DecodeError(Problem.of(ProblemKind.ENCODING))


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
