"""The core's reasons for a problem file, in the window's language.

The core (no Qt) words its reasons in English for the command line and the log. The window
recognises the known reasons and shows them through Qt's translation system; a reason it does
not know is shown as the core wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

Render = Callable[[re.Match[str]], str]


def _what(kind: str) -> str:
    """The kind of file the core named (``a PDF document`` …), translated."""
    known = {
        "a PDF document": QCoreApplication.translate("CoreMessages", "a PDF document"),
        "a PNG image": QCoreApplication.translate("CoreMessages", "a PNG image"),
        "a JPEG image": QCoreApplication.translate("CoreMessages", "a JPEG image"),
        "a GIF image": QCoreApplication.translate("CoreMessages", "a GIF image"),
        "a ZIP archive (or a Word/Office file)": QCoreApplication.translate(
            "CoreMessages", "a ZIP archive (or a Word/Office file)"),
        "an old Office document": QCoreApplication.translate(
            "CoreMessages", "an old Office document"),
    }
    return known.get(kind, kind)


def _empty(m: re.Match[str]) -> str:
    return QCoreApplication.translate("CoreMessages", "the file is empty")


def _not_text(m: re.Match[str]) -> str:
    return QCoreApplication.translate("CoreMessages", "it is %1, not page text").replace(
        "%1", _what(m.group(1)))


def _binary(m: re.Match[str]) -> str:
    return QCoreApplication.translate("CoreMessages", "it looks like a binary file, not page text")


def _encoding(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages",
        "its text is not UTF-8, GB18030/GBK or UTF-16 (another encoding such as Big5 or "
        "Shift-JIS?); convert it to UTF-8")


def _too_large(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages",
        "it is %1 MB, too large to be one page (the limit is %2 MB); split it into page files",
    ).replace("%1", m.group(1)).replace("%2", m.group(2))


def _unreadable(m: re.Match[str]) -> str:
    return QCoreApplication.translate("CoreMessages", "cannot read it: %1").replace(
        "%1", m.group(1))


def _sidecar(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "its sidecar file %1 was ignored: %2",
    ).replace("%1", m.group(1)).replace("%2", m.group(2))


def _same_page(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "it claims the same paper, date and page as %1 (%2); both are kept",
    ).replace("%1", m.group(1)).replace("%2", m.group(2))


def _not_copied(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "could not be copied into %1: %2",
    ).replace("%1", m.group(1)).replace("%2", m.group(2))


def _lunar(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "the masthead's lunar date %1 does not match %2 (lunar %3)",
    ).replace("%1", m.group(1)).replace("%2", m.group(2)).replace("%3", m.group(3))


def _weekday(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "the masthead says %1 but %2 was a %3",
    ).replace("%1", m.group(1)).replace("%2", m.group(2)).replace("%3", m.group(3))


def _no_folder(m: re.Match[str]) -> str:
    return QCoreApplication.translate("CoreMessages", "the library folder does not exist")


def _disagrees(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "its masthead disagrees with its file name or folders: %1",
    ).replace("%1", m.group(1))


def _settings_ignored(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "CoreMessages", "the library settings file %1 was ignored: %2",
    ).replace("%1", m.group(1)).replace("%2", m.group(2))


_RULES: list[tuple[re.Pattern[str], Render]] = [
    (re.compile(r"^the file is empty$"), _empty),
    (re.compile(r"^it is (.+), not page text$"), _not_text),
    (re.compile(r"^it looks like a binary file, not page text$"), _binary),
    (re.compile(r"^its text is not UTF-8, GB18030/GBK or UTF-16"), _encoding),
    (re.compile(r"^it is (\d+) MB, too large to be one page \(the limit is (\d+) MB\)"),
     _too_large),
    (re.compile(r"^cannot read it: (.+)$"), _unreadable),
    (re.compile(r"^its sidecar file was ignored \((.+?)\): (.+)$"), _sidecar),
    (re.compile(r"^it claims the same paper, date and page as (.+?) \((.+)\); both are kept$"),
     _same_page),
    (re.compile(r"^could not be copied into (.+?): (.+)$"), _not_copied),
    (re.compile(r"^the library folder does not exist$"), _no_folder),
    (re.compile(r"^its masthead disagrees with its path: (.+)$"), _disagrees),
    (re.compile(r"^(\S+\.toml) was ignored: (.+)$"), _settings_ignored),
    (re.compile(r"^the masthead's lunar date (\S+) does not match (\S+) \(农历(.+)\)$"),
     _lunar),
    (re.compile(r"^the masthead says (\S+) but (\S+) was a (星期.)$"), _weekday),
]


def _tr(text: object) -> Render:
    """A rule whose message has no parts to carry over (``text`` from QT_TRANSLATE_NOOP)."""
    return lambda m: QCoreApplication.translate("CoreMessages", str(text))


def _with(text: object) -> Render:
    """A rule whose message carries the match's groups over as %1, %2, …"""
    def render(m: re.Match[str]) -> str:
        out = QCoreApplication.translate("CoreMessages", str(text))
        for n, part in enumerate(m.groups(), start=1):
            out = out.replace(f"%{n}", part or "")
        return out
    return render


DATE_FORMS = "date:2022, date:2022-08, date:2022-08-01 or date:2022-08-01..2022-10-31"

# The search core's query errors (reader.search.query.QueryError).
_QUERY_RULES: list[tuple[re.Pattern[str], Render]] = [
    (re.compile(r"^bad date '(.*)': there is no month (\d+)$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date “%1”: there is no month %2"))),
    (re.compile(r"^bad date '(.*)': (\d{4}-\d{2}) has no day (\d+)$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date “%1”: %2 has no day %3"))),
    (re.compile(r"^bad date '(.*)': write " + re.escape(DATE_FORMS) + "$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date “%1”: write date:2022, date:2022-08, date:2022-08-01 or "
        "date:2022-08-01..2022-10-31"))),
    (re.compile(r"^bad date range '(.*)': it ends before it starts$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "bad date range “%1”: it ends before it starts"))),
    (re.compile(r"^unclosed quote in '(.*)': add the closing \"$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "unclosed quote in “%1”: add the closing \""))),
    (re.compile(r'^empty quotes "" find nothing: put the words between them$'),
     _tr(QT_TRANSLATE_NOOP(
        "CoreMessages", 'empty quotes "" find nothing: put the words between them'))),
    (re.compile(r"^(\w+): needs a word after it, e\.g\. \w+:金承涛$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "%1: needs a word after it, e.g. %1:金承涛"))),
    (re.compile(r"^OR needs a word on each side, e\.g\. 钱塘 OR 上城$"), _tr(QT_TRANSLATE_NOOP(
        "CoreMessages", "OR needs a word on each side, e.g. 钱塘 OR 上城"))),
    (re.compile(r"^OR cannot join an excluded word \(one starting with -\)$"),
     _tr(QT_TRANSLATE_NOOP(
        "CoreMessages", "OR cannot join an excluded word (one starting with -)"))),
    (re.compile(r"^the query is ([\d,]+) characters long; a query can have at most ([\d,]+): "
                r"search for a few words of it$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "the query is %1 characters long; a query can have at most %2: "
        "search for a few words of it"))),
    (re.compile(r"^person:, place: and org: cannot be joined with OR$"), _tr(QT_TRANSLATE_NOOP(
        "CoreMessages", "person:, place: and org: cannot be joined with OR"))),
    (re.compile(r"^the query has more than (\d+) words$"), _with(QT_TRANSLATE_NOOP(
        "CoreMessages", "the query has more than %1 words"))),
    (re.compile(r"^the query has more than (\d+) paper: and date: filters$"), _with(
        QT_TRANSLATE_NOOP("CoreMessages", "the query has more than %1 paper: and date: filters"))),
    (re.compile(r"^a word of the query is longer than (\d+) characters$"), _with(
        QT_TRANSLATE_NOOP("CoreMessages", "a word of the query is longer than %1 characters"))),
    (re.compile(r"^the query is empty: type a word to find$"), _tr(QT_TRANSLATE_NOOP(
        "CoreMessages", "the query is empty: type a word to find"))),
    (re.compile(r"^a query cannot only exclude: add a word, a paper: or a date: to find$"),
     _tr(QT_TRANSLATE_NOOP(
         "CoreMessages", "a query cannot only exclude: add a word, a paper: or a date: to find"))),
]


def query_message(message: str) -> str:
    """A query error of the search core, in the window's language when it is a known one."""
    for pattern, render in _QUERY_RULES:
        if m := pattern.match(message):
            return render(m)
    return message


def problem_reason(message: str) -> str:
    """``message`` from the core, in the window's language when it is a known reason."""
    for pattern, render in _RULES:
        if m := pattern.match(message):
            return render(m)
    return message
