"""The core's reasons for a problem file, in the window's language.

The core (no Qt) words its reasons in English for the command line and the log. The window
recognises the known reasons and shows them through Qt's translation system; a reason it does
not know is shown as the core wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

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
]


def problem_reason(message: str) -> str:
    """``message`` from the core, in the window's language when it is a known reason."""
    for pattern, render in _RULES:
        if m := pattern.match(message):
            return render(m)
    return message
