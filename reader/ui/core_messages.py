"""The core's problems (``reader.problems``) worded in the window's language.

The core gives each problem a kind and its parameters; here every kind has a sentence for
Qt's translation system, with the parameters put in by name (``{reason}``). Parameters that
are words of the core's own (the kind of a file, the folder a link leaves, the field of a
masthead) are translated too; the rest (file names, dates, reasons from the operating system)
are shown as they are. Nothing is read back out of the English text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..problems import FIELDS, FORMATS, PATH_PARTS, PLACES, SPECIAL_FILES, Problem, fill
from ..problems import ProblemKind as K

_CONTEXT = "CoreMessages"

WORDING: dict[K, object] = {  # QT_TRANSLATE_NOOP gives the text back
    K.EMPTY: QT_TRANSLATE_NOOP("CoreMessages", "the file is empty"),
    K.NOT_TEXT: QT_TRANSLATE_NOOP("CoreMessages", "it is {format}, not page text"),
    K.BINARY: QT_TRANSLATE_NOOP("CoreMessages", "it looks like a binary file, not page text"),
    K.ENCODING: QT_TRANSLATE_NOOP(
        "CoreMessages",
        "its text is not UTF-8, GB18030/GBK or UTF-16 (another encoding such as Big5 or "
        "Shift-JIS?); convert it to UTF-8"),
    K.BAD_BOM: QT_TRANSLATE_NOOP(
        "CoreMessages", "it starts with a {encoding} byte-order mark but is not valid "
        "{encoding} (bad bytes at offset {offset})"),
    K.TOO_LARGE: QT_TRANSLATE_NOOP(
        "CoreMessages", "it is {size_mb} MB, too large to be one page (the limit is "
        "{limit_mb} MB); split it into page files"),
    K.UNREADABLE: QT_TRANSLATE_NOOP("CoreMessages", "cannot read it: {reason}"),
    K.FOLDER_UNREADABLE: QT_TRANSLATE_NOOP("CoreMessages", "cannot read the folder: {reason}"),
    K.NOT_REGULAR: QT_TRANSLATE_NOOP("CoreMessages", "it is {what}, not a regular file; not read"),
    K.BROKEN_LINK: QT_TRANSLATE_NOOP("CoreMessages", "it is a broken link"),
    K.LINK_OUTSIDE: QT_TRANSLATE_NOOP(
        "CoreMessages", "it is a link to {target}, outside {where}; links that leave it are not "
        "followed"),
    K.TOO_DEEP: QT_TRANSLATE_NOOP(
        "CoreMessages", "folders nested more than {depth} deep are not read; move its pages up"),
    K.NO_FOLDER: QT_TRANSLATE_NOOP("CoreMessages", "the library folder does not exist"),
    K.SAME_PAGE: QT_TRANSLATE_NOOP(
        "CoreMessages", "it claims the same paper, date and page as {other} ({paper} {date}, "
        "page {page}); both are kept"),
    K.SETTINGS_IGNORED: QT_TRANSLATE_NOOP(
        "CoreMessages", "the library settings file {file} was ignored: {reason}"),
    K.SIDECAR_IGNORED: QT_TRANSLATE_NOOP(
        "CoreMessages", "its sidecar file {sidecar} was ignored: {reason}"),
    K.PATH_DISAGREES: QT_TRANSLATE_NOOP(
        "CoreMessages", "its masthead gives the {field} as {stated}, its file's {where} as "
        "{found}; the masthead's is used"),
    K.NOT_COPIED: QT_TRANSLATE_NOOP("CoreMessages", "could not be copied into {library}: {reason}"),
    K.SIDECAR_NOT_COPIED: QT_TRANSLATE_NOOP(
        "CoreMessages", "added as {added}, but its sidecar could not be copied: {reason}"),
    K.SIDECAR_REFUSED: QT_TRANSLATE_NOOP(
        "CoreMessages", "its sidecar {sidecar} is not copied: {reason}"),
    K.TOO_MANY_NAMES: QT_TRANSLATE_NOOP(
        "CoreMessages", "{count} files of that name are in {folder} already"),
    K.NO_DATE: QT_TRANSLATE_NOOP(
        "CoreMessages", "the page states no date; it is listed as undated"),
    K.BAD_MASTHEAD_DATE: QT_TRANSLATE_NOOP(
        "CoreMessages", "the masthead date {text} is not a real date"),
    K.WEEKDAY_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreMessages", "the masthead says {weekday} but {date} was a 星期{actual}"),
    K.LUNAR_MISMATCH: QT_TRANSLATE_NOOP(
        "CoreMessages", "the masthead's lunar date {lunar} does not match {date} (lunar "
        "{expected})"),
    K.DATE_LINE_ONLY: QT_TRANSLATE_NOOP(
        "CoreMessages", "the date line at the top ({stated}) comes with nothing else of a "
        "masthead, so the file's path gives the date, {date}"),
    K.LEFTOVER_HEADLINE: QT_TRANSLATE_NOOP(
        "CoreMessages", "line {line}: a headline with no article under it (「{text}」) was kept "
        "as leftover text"),
    K.NO_HEADLINE: QT_TRANSLATE_NOOP(
        "CoreMessages", "article {position} ({label}) has no headline; it was probably lost in "
        "extraction"),
    K.ENDS_MID_SENTENCE: QT_TRANSLATE_NOOP(
        "CoreMessages", "article {position} ({title}) ends mid-sentence"),
    K.RECORD_NO_HEADLINE: QT_TRANSLATE_NOOP(
        "CoreMessages", "the record has no headline on its first lines"),
    K.TRUNCATED: QT_TRANSLATE_NOOP(
        "CoreMessages", "the file ends in the middle of a character ({stray} stray byte(s) at "
        "the end were dropped; was it truncated?)"),
    K.CONTROL_CHARS: QT_TRANSLATE_NOOP(
        "CoreMessages", "it contains {count} control character(s), kept as they are"),
    K.UTF16_NO_BOM: QT_TRANSLATE_NOOP("CoreMessages", "UTF-16 without a byte-order mark"),
    K.CORRECTION_UNUSABLE: QT_TRANSLATE_NOOP(
        "CoreMessages", "a correction cannot be used: {reason}"),
    K.CORRECTION_MISSING: QT_TRANSLATE_NOOP(
        "CoreMessages", "correction {number} no longer applies ({correction}, by {by}, "
        "{at}): {reason}; it is kept"),
    K.QUERY_EMPTY: QT_TRANSLATE_NOOP("CoreMessages", "the query is empty: type a word to find"),
    K.QUERY_UNCLOSED_QUOTE: QT_TRANSLATE_NOOP(
        "CoreMessages", "unclosed quote in “{text}”: add the closing \""),
    K.QUERY_EMPTY_QUOTES: QT_TRANSLATE_NOOP(
        "CoreMessages", 'empty quotes "" find nothing: put the words between them'),
    K.QUERY_TOO_LONG: QT_TRANSLATE_NOOP(
        "CoreMessages", "the query is {length} characters long; a query can have at most "
        "{limit}: search for a few words of it"),
    K.QUERY_NEEDS_WORD: QT_TRANSLATE_NOOP(
        "CoreMessages", "{name}: needs a word after it, e.g. {name}:金承涛"),
    K.QUERY_LONG_WORD: QT_TRANSLATE_NOOP(
        "CoreMessages", "a word of the query is longer than {limit} characters"),
    K.QUERY_BAD_DATE: QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date “{text}”: write date:2022, date:2022-08, date:2022-08-01 or "
        "date:2022-08-01..2022-10-31"),
    K.QUERY_NO_MONTH: QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date “{text}”: there is no month {month}"),
    K.QUERY_NO_DAY: QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date “{text}”: {month} has no day {day}"),
    K.QUERY_REVERSED_RANGE: QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date range “{text}”: it ends before it starts"),
    K.QUERY_OR_SIDES: QT_TRANSLATE_NOOP(
        "CoreMessages", "OR needs a word on each side, e.g. 钱塘 OR 上城"),
    K.QUERY_OR_EXCLUDED: QT_TRANSLATE_NOOP(
        "CoreMessages", "OR cannot join an excluded word (one starting with -)"),
    K.QUERY_OR_DATE: QT_TRANSLATE_NOOP(
        "CoreMessages", "date: cannot be joined with OR; give a range: date:2021..2022"),
    K.QUERY_OR_NAME: QT_TRANSLATE_NOOP(
        "CoreMessages", "person:, place: and org: cannot be joined with OR"),
    K.QUERY_OR_PAPER: QT_TRANSLATE_NOOP(
        "CoreMessages", "OR joins words or papers, not a word with a paper:"),
    K.QUERY_MANY_WORDS: QT_TRANSLATE_NOOP("CoreMessages", "the query has more than {limit} words"),
    K.QUERY_MANY_FILTERS: QT_TRANSLATE_NOOP(
        "CoreMessages", "the query has more than {limit} paper: and date: filters"),
    K.QUERY_ONLY_EXCLUDES: QT_TRANSLATE_NOOP(
        "CoreMessages", "a query cannot only exclude: add a word, a paper: or a date: to find"),
    K.OTHER: "{text}",  # known only by the core's sentence: shown as it is
}
"""Each kind's sentence, in English as the translators see it."""

WORDS: dict[str, dict[str, object]] = {
    "format": {
        "pdf": QT_TRANSLATE_NOOP("CoreMessages", "a PDF document"),
        "png": QT_TRANSLATE_NOOP("CoreMessages", "a PNG image"),
        "jpeg": QT_TRANSLATE_NOOP("CoreMessages", "a JPEG image"),
        "gif": QT_TRANSLATE_NOOP("CoreMessages", "a GIF image"),
        "zip": QT_TRANSLATE_NOOP("CoreMessages", "a ZIP archive (or a Word/Office file)"),
        "ole": QT_TRANSLATE_NOOP("CoreMessages", "an old Office document"),
    },
    "what": {
        "pipe": QT_TRANSLATE_NOOP("CoreMessages", "a named pipe"),
        "device": QT_TRANSLATE_NOOP("CoreMessages", "a device"),
        "socket": QT_TRANSLATE_NOOP("CoreMessages", "a socket"),
        "other": QT_TRANSLATE_NOOP("CoreMessages", "not a regular file"),
    },
    "where": {
        "library": QT_TRANSLATE_NOOP("CoreMessages", "the library folder"),
        "added": QT_TRANSLATE_NOOP("CoreMessages", "the folder added"),
        "folder": QT_TRANSLATE_NOOP("CoreMessages", "folder"),
        "path": QT_TRANSLATE_NOOP("CoreMessages", "path"),
        "name": QT_TRANSLATE_NOOP("CoreMessages", "name"),
    },
    "field": {
        "paper": QT_TRANSLATE_NOOP("CoreMessages", "paper"),
        "date": QT_TRANSLATE_NOOP("CoreMessages", "date"),
        "page": QT_TRANSLATE_NOOP("CoreMessages", "page"),
    },
}
"""The core's own words among the parameters, by parameter name and key."""

CORE_WORDS = {"format": FORMATS, "what": SPECIAL_FILES, "where": PLACES | PATH_PARTS,
              "field": FIELDS}
"""The keys the core uses for those parameters (a test checks each has a word here)."""


def _tr(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


def problem_text(problem: Problem) -> str:
    """``problem`` in the window's language (its file not included)."""
    params: dict[str, object] = dict(problem.params)
    if problem.kind is not K.OTHER:
        for name, words in WORDS.items():
            value = params.get(name)
            if isinstance(value, str) and value in words:
                params[name] = _tr(words[value])
    return fill(_tr(WORDING[problem.kind]), params)
