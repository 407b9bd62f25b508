"""The core's problems as data: a kind, its parameters and the file it concerns.

A file the library cannot read, a page whose masthead contradicts itself, a page that could
not be added, a query that cannot be understood: each is a ``Problem`` whose ``kind`` says
what happened and whose ``params`` carry the particulars (a size, a date, a file name). The
core words it in English (``text``) for the command line and the log; the window words each
kind in its own language from the same kind and parameters, never from the English.

Problems are stored (in the catalog, in a page's cached reading) as ``to_json()``;
``from_json`` reads them back, and keeps anything it cannot read as ``OTHER`` with its text,
so an older or damaged entry still shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Param = str | int


class ProblemKind(StrEnum):
    """What went wrong. The values are stored; a new kind needs a wording in the window."""

    # A file the library cannot read at all.
    EMPTY = "empty"
    NOT_TEXT = "not-text"                # format: a key of FORMATS
    BINARY = "binary"
    ENCODING = "encoding"
    BAD_BOM = "bad-bom"                  # encoding, offset
    TOO_LARGE = "too-large"              # size_mb, limit_mb
    UNREADABLE = "unreadable"            # reason (from the operating system)
    FOLDER_UNREADABLE = "folder-unreadable"  # reason
    NOT_REGULAR = "not-regular"          # what: a key of SPECIAL_FILES
    BROKEN_LINK = "broken-link"
    LINK_OUTSIDE = "link-outside"        # target, where: a key of PLACES
    TOO_DEEP = "too-deep"                # depth
    NO_FOLDER = "no-folder"
    # A library's file read with a reservation.
    SAME_PAGE = "same-page"              # other, paper, date, page
    SETTINGS_IGNORED = "settings-ignored"  # file, reason
    SIDECAR_IGNORED = "sidecar-ignored"  # sidecar, reason
    PATH_DISAGREES = "path-disagrees"    # field: a key of FIELDS, stated, found, where
    # Adding pages.
    NOT_COPIED = "not-copied"            # library, reason
    SIDECAR_NOT_COPIED = "sidecar-not-copied"  # added, reason
    SIDECAR_REFUSED = "sidecar-refused"  # sidecar, reason
    TOO_MANY_NAMES = "too-many-names"    # count, folder
    # What the reading of a page noticed.
    NO_DATE = "no-date"
    BAD_MASTHEAD_DATE = "bad-masthead-date"  # text
    WEEKDAY_MISMATCH = "weekday-mismatch"    # weekday, date, actual
    LUNAR_MISMATCH = "lunar-mismatch"        # lunar, date, expected
    DATE_LINE_ONLY = "date-line-only"        # stated, date
    LEFTOVER_HEADLINE = "leftover-headline"  # line, text
    NO_HEADLINE = "no-headline"              # position, label
    ENDS_MID_SENTENCE = "ends-mid-sentence"  # position, title
    RECORD_NO_HEADLINE = "record-no-headline"
    TRUNCATED = "truncated"                  # stray
    CONTROL_CHARS = "control-chars"          # count
    UTF16_NO_BOM = "utf16-no-bom"
    CORRECTION_UNUSABLE = "correction-unusable"  # reason
    CORRECTION_MISSING = "correction-missing"    # number, correction, by, at, reason
    # A query the search cannot read.
    QUERY_EMPTY = "query-empty"
    QUERY_UNCLOSED_QUOTE = "query-unclosed-quote"  # text
    QUERY_EMPTY_QUOTES = "query-empty-quotes"
    QUERY_TOO_LONG = "query-too-long"        # length, limit
    QUERY_NEEDS_WORD = "query-needs-word"    # name
    QUERY_LONG_WORD = "query-long-word"      # limit
    QUERY_BAD_DATE = "query-bad-date"        # text
    QUERY_NO_MONTH = "query-no-month"        # text, month
    QUERY_NO_DAY = "query-no-day"            # text, month (YYYY-MM), day
    QUERY_REVERSED_RANGE = "query-reversed-range"  # text
    QUERY_OR_SIDES = "query-or-sides"
    QUERY_OR_EXCLUDED = "query-or-excluded"
    QUERY_OR_DATE = "query-or-date"
    QUERY_OR_NAME = "query-or-name"
    QUERY_OR_PAPER = "query-or-paper"
    QUERY_MANY_WORDS = "query-many-words"    # limit
    QUERY_MANY_FILTERS = "query-many-filters"  # limit
    QUERY_ONLY_EXCLUDES = "query-only-excludes"
    # Anything else (and what an older version stored as a sentence).
    OTHER = "other"                          # text


FORMATS = {
    "pdf": "a PDF document",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "zip": "a ZIP archive (or a Word/Office file)",
    "ole": "an old Office document",
}
"""The kinds of file recognised by their first bytes (``NOT_TEXT``'s ``format``)."""

SPECIAL_FILES = {
    "pipe": "a named pipe",
    "device": "a device",
    "socket": "a socket",
    "other": "not a regular file",
}
"""``NOT_REGULAR``'s ``what``."""

PLACES = {"library": "the library folder", "added": "the folder added"}
"""``LINK_OUTSIDE``'s ``where``: the folder a link leaves."""

FIELDS = {"paper": "paper", "date": "date", "page": "page"}
"""``PATH_DISAGREES``'s ``field``."""

PATH_PARTS = {"folder": "folder", "path": "path", "name": "name"}
"""``PATH_DISAGREES``'s ``where``: the part of the file's path that says otherwise."""

DATE_FORMS = "date:2022, date:2022-08, date:2022-08-01 or date:2022-08-01..2022-10-31"

ENGLISH: dict[ProblemKind, str] = {
    ProblemKind.EMPTY: "the file is empty",
    ProblemKind.NOT_TEXT: "it is {format}, not page text",
    ProblemKind.BINARY: "it looks like a binary file, not page text",
    ProblemKind.ENCODING: "its text is not UTF-8, GB18030/GBK or UTF-16 (another encoding such "
                          "as Big5 or Shift-JIS?); convert it to UTF-8",
    ProblemKind.BAD_BOM: "it starts with a {encoding} byte-order mark but is not valid "
                         "{encoding} (bad bytes at offset {offset})",
    ProblemKind.TOO_LARGE: "it is {size_mb} MB, too large to be one page (the limit is "
                           "{limit_mb} MB); split it into page files",
    ProblemKind.UNREADABLE: "cannot read it: {reason}",
    ProblemKind.FOLDER_UNREADABLE: "cannot read the folder: {reason}",
    ProblemKind.NOT_REGULAR: "it is {what}, not a regular file; not read",
    ProblemKind.BROKEN_LINK: "it is a broken link",
    ProblemKind.LINK_OUTSIDE: "it is a link to {target}, outside {where}; links that leave it "
                              "are not followed",
    ProblemKind.TOO_DEEP: "folders nested more than {depth} deep are not read; move its pages up",
    ProblemKind.NO_FOLDER: "the library folder does not exist",
    ProblemKind.SAME_PAGE: "it claims the same paper, date and page as {other} ({paper} {date} "
                           "第{page}版); both are kept",
    ProblemKind.SETTINGS_IGNORED: "{file} was ignored: {reason}",
    ProblemKind.SIDECAR_IGNORED: "its sidecar file was ignored ({sidecar}): {reason}",
    ProblemKind.PATH_DISAGREES: "its masthead disagrees with its path: the masthead says "
                                "{field} {stated}, the file's {where} says {found}; the "
                                "masthead's value is used",
    ProblemKind.NOT_COPIED: "could not be copied into {library}: {reason}",
    ProblemKind.SIDECAR_NOT_COPIED: "added as {added}, but its sidecar could not be copied: "
                                    "{reason}",
    ProblemKind.SIDECAR_REFUSED: "its sidecar {sidecar} is not copied: {reason}",
    ProblemKind.TOO_MANY_NAMES: "{count} files of that name are in {folder} already",
    ProblemKind.NO_DATE: "the page states no date; it is listed as undated",
    ProblemKind.BAD_MASTHEAD_DATE: "the masthead date {text} is not a real date",
    ProblemKind.WEEKDAY_MISMATCH: "the masthead says {weekday} but {date} was a 星期{actual}",
    ProblemKind.LUNAR_MISMATCH: "the masthead's lunar date {lunar} does not match {date} "
                                "(农历{expected})",
    ProblemKind.DATE_LINE_ONLY: "the date line at the top ({stated}) comes with nothing else "
                                "of a masthead, so the file's path gives the date, {date}",
    ProblemKind.LEFTOVER_HEADLINE: "line {line}: a headline with no article under it "
                                   "(「{text}」) was kept as leftover text",
    ProblemKind.NO_HEADLINE: "article {position} ({label}) has no headline; it was probably "
                             "lost in extraction",
    ProblemKind.ENDS_MID_SENTENCE: "article {position} ({title}) ends mid-sentence",
    ProblemKind.RECORD_NO_HEADLINE: "the record has no headline on its first lines",
    ProblemKind.TRUNCATED: "the file ends in the middle of a character ({stray} stray byte(s) "
                           "at the end were dropped; was it truncated?)",
    ProblemKind.CONTROL_CHARS: "it contains {count} control character(s), kept as they are",
    ProblemKind.UTF16_NO_BOM: "UTF-16 without a byte-order mark",
    ProblemKind.CORRECTION_UNUSABLE: "a correction cannot be used: {reason}",
    ProblemKind.CORRECTION_MISSING: "a correction no longer applies: {number}. {correction} "
                                    "({by}, {at}): {reason}; it is kept",
    ProblemKind.QUERY_EMPTY: "the query is empty: type a word to find",
    ProblemKind.QUERY_UNCLOSED_QUOTE: "unclosed quote in '{text}': add the closing \"",
    ProblemKind.QUERY_EMPTY_QUOTES: 'empty quotes "" find nothing: put the words between them',
    ProblemKind.QUERY_TOO_LONG: "the query is {length} characters long; a query can have at "
                                "most {limit}: search for a few words of it",
    ProblemKind.QUERY_NEEDS_WORD: "{name}: needs a word after it, e.g. {name}:金承涛",
    ProblemKind.QUERY_LONG_WORD: "a word of the query is longer than {limit} characters",
    ProblemKind.QUERY_BAD_DATE: "bad date '{text}': write " + DATE_FORMS,
    ProblemKind.QUERY_NO_MONTH: "bad date '{text}': there is no month {month}",
    ProblemKind.QUERY_NO_DAY: "bad date '{text}': {month} has no day {day}",
    ProblemKind.QUERY_REVERSED_RANGE: "bad date range '{text}': it ends before it starts",
    ProblemKind.QUERY_OR_SIDES: "OR needs a word on each side, e.g. 钱塘 OR 上城",
    ProblemKind.QUERY_OR_EXCLUDED: "OR cannot join an excluded word (one starting with -)",
    ProblemKind.QUERY_OR_DATE: "date: cannot be joined with OR; give a range: date:2021..2022",
    ProblemKind.QUERY_OR_NAME: "person:, place: and org: cannot be joined with OR",
    ProblemKind.QUERY_OR_PAPER: "OR joins words or papers, not a word with a paper:",
    ProblemKind.QUERY_MANY_WORDS: "the query has more than {limit} words",
    ProblemKind.QUERY_MANY_FILTERS: "the query has more than {limit} paper: and date: filters",
    ProblemKind.QUERY_ONLY_EXCLUDES: "a query cannot only exclude: add a word, a paper: or a "
                                     "date: to find",
    ProblemKind.OTHER: "{text}",
}

_NAMED = {"format": FORMATS, "what": SPECIAL_FILES, "where": PLACES | PATH_PARTS,
          "field": FIELDS}


class _Filled(dict[str, Param]):
    """Parameters for ``str.format_map``: a missing one shows as ``{name}``."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by its parameter, in one pass (a value that
    holds braces is put in as it is, never read as a template)."""
    return template.format_map(_Filled({k: str(v) for k, v in params.items()}))


@dataclass(frozen=True)
class Problem:
    """One problem: what happened (``kind``), its particulars, and the file it concerns."""

    kind: ProblemKind
    params: Mapping[str, Param] = field(default_factory=dict)
    path: str = ""
    """The file (its path in the library, or as given) the problem is about; "" for none."""

    def __hash__(self) -> int:
        return hash((self.kind, self.path, tuple(sorted(self.params.items()))))

    @classmethod
    def of(cls, kind: ProblemKind, path: str = "", /, **params: Param) -> Problem:
        """The problem ``kind`` about the file ``path`` (if any), with its ``params``."""
        return cls(kind, dict(params), path)

    @classmethod
    def other(cls, text: str, path: str = "") -> Problem:
        """A problem known only by its English sentence."""
        return cls(ProblemKind.OTHER, {"text": text}, path)

    def at(self, path: str) -> Problem:
        """The same problem, about the file ``path``."""
        return Problem(self.kind, self.params, path)

    @property
    def text(self) -> str:
        """The problem in English, for the command line and the log."""
        shown: dict[str, object] = dict(self.params)
        for name, words in _NAMED.items():
            value = shown.get(name)
            if isinstance(value, str) and self.kind is not ProblemKind.OTHER:
                shown[name] = words.get(value, value)
        return fill(ENGLISH[self.kind], shown)

    def __str__(self) -> str:
        return f"{self.path}: {self.text}" if self.path else self.text

    def to_json(self) -> dict[str, Any]:
        """The problem as JSON data: ``{"kind": …, "params": {…}}`` (and ``path`` if any)."""
        out: dict[str, Any] = {"kind": self.kind.value, "params": dict(self.params)}
        if self.path:
            out["path"] = self.path
        return out

    @classmethod
    def from_json(cls, data: object, path: str = "") -> Problem:
        """A problem stored by ``to_json``; an English sentence (as older versions stored),
        or anything not understood, is kept as ``OTHER`` with its text."""
        if isinstance(data, str):
            return cls.other(data, path)
        if isinstance(data, dict):
            params = data.get("params")
            try:
                kind: ProblemKind | None = ProblemKind(str(data.get("kind")))
            except ValueError:
                kind = None
            if kind is not None and isinstance(params, dict) and all(
                    isinstance(k, str) and isinstance(v, str | int) for k, v in params.items()):
                where = data.get("path")
                return cls(kind, dict(params), where if isinstance(where, str) else path)
            text = data.get("message") or data.get("text")
            if isinstance(text, str):
                return cls.other(text, path)
        return cls.other(str(data), path)
