"""Preferences and window state, kept apart (Picard's 'setting' versus 'persist').

Preferences (font size, serif or sans, theme, language) are what the user chose: a small JSON
file in the config folder, written atomically, with a version. Window state (geometry,
splitter sizes, the last open article, recent queries) is what the window remembers: a
QSettings INI file beside it.

A file that cannot be parsed is moved aside (``preferences.json.bad``, ``window.ini.bad``) and
the defaults are used; ``messages`` says so, and the window shows it. A config folder that
cannot be created or written leaves the defaults in use and says where saving failed.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from .. import jsondepth
from ..atomicfile import write_json_atomic
from ..paths import config_dir

PREFERENCES_VERSION = 1
FONT_SIZES = (11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28)
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "zh_CN", "en")
MAX_HISTORY = 15
log = logging.getLogger("reader.ui")


def set_aside(path: Path) -> Path | None:
    """Move a file that cannot be parsed out of the way (``NAME.bad``, ``NAME.bad-2`` …),
    keeping it for the user; None when it could not be moved."""
    target = path.with_name(path.name + ".bad")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bad-{n}")
    try:
        os.replace(path, target)
    except OSError as err:
        log.warning("could not set %s aside: %s", path, err)
        return None
    return target


def unparsable_message(path: Path, reason: str, aside: Path | None) -> str:
    """What the window says about a settings file it could not parse."""
    if aside is not None:
        text = QCoreApplication.translate(
            "Settings", "%1 could not be read (%2). The defaults are used; the file was kept "
            "as %3.").replace("%3", str(aside))
    else:
        text = QCoreApplication.translate(
            "Settings", "%1 could not be read (%2). The defaults are used; the file was left "
            "in place.")
    return text.replace("%1", str(path)).replace("%2", reason)


@dataclass
class Preferences:
    font_size: int = 16
    serif: bool = True
    theme: str = "system"
    language: str = "system"
    version: int = PREFERENCES_VERSION
    messages: list[str] = field(default_factory=list, compare=False, repr=False)
    """What went wrong reading the file (not saved; the window shows it once)."""

    @staticmethod
    def path() -> Path:
        return config_dir() / "preferences.json"

    @classmethod
    def load(cls) -> Preferences:
        """The saved preferences; defaults for anything missing, unreadable or out of range.
        A file that is not JSON is set aside, with a message."""
        path = cls.path()
        prefs = cls()
        data: object = {}
        try:
            data = jsondepth.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except FileNotFoundError:
            pass
        except ValueError as err:  # also UnicodeDecodeError and jsondepth.TooDeep
            prefs.messages.append(unparsable_message(path, str(err), set_aside(path)))
            data = {}
        except OSError as err:
            prefs.messages.append(QCoreApplication.translate(
                "Settings", "%1 could not be read (%2). The defaults are used.")
                .replace("%1", str(path)).replace("%2", err.strerror or str(err)))
        known = {f.name for f in fields(cls)}
        for key, value in data.items() if isinstance(data, dict) else ():
            if key in known and key != "messages" \
                    and isinstance(value, type(getattr(prefs, key))):
                setattr(prefs, key, value)
        prefs.font_size = min(max(prefs.font_size, FONT_SIZES[0]), FONT_SIZES[-1])
        if prefs.theme not in THEMES:
            prefs.theme = "system"
        if prefs.language not in LANGUAGES:
            prefs.language = "system"
        return prefs

    def save(self) -> None:
        """Write the preferences atomically; OSError when the config folder is not writable."""
        path = self.path()
        write_json_atomic(path, {k: v for k, v in asdict(self).items() if k != "messages"})


@dataclass
class WindowState:
    """What the window restores on the next start."""

    geometry: QByteArray | None = None
    window_state: QByteArray | None = None
    splitters: dict[str, QByteArray] = field(default_factory=dict)
    last_article: str = ""
    history: list[str] = field(default_factory=list)
    hint_dismissed: bool = False
    """The user closed the note on how to open one's own archive."""
    messages: list[str] = field(default_factory=list, compare=False, repr=False)

    @staticmethod
    def path() -> Path:
        return config_dir() / "window.ini"

    @classmethod
    def _settings(cls) -> QSettings:
        return QSettings(str(cls.path()), QSettings.Format.IniFormat)

    @classmethod
    def load(cls) -> WindowState:
        state = cls()
        path = cls.path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            state.messages.append(QCoreApplication.translate(
                "Settings", "Settings cannot be saved: the folder %1 cannot be created (%2). "
                "The reader works with its defaults.").replace("%1", str(path.parent))
                .replace("%2", err.strerror or str(err)))
            return state
        s = cls._settings()
        if (reason := _unparsable(s, path)) is not None:
            del s  # let go of the file before it moves
            state.messages.append(unparsable_message(path, reason, set_aside(path)))
            return state
        state.geometry = _bytes(s.value("geometry"))
        state.window_state = _bytes(s.value("windowState"))
        s.beginGroup("splitters")
        for key in s.childKeys():
            if (value := _bytes(s.value(key))) is not None:
                state.splitters[key] = value
        s.endGroup()
        state.last_article = str(s.value("lastArticle", "") or "")
        history = s.value("history", [])
        if isinstance(history, str):
            history = [history]
        elif not isinstance(history, list | tuple):
            history = []
        state.history = [str(q) for q in history][:MAX_HISTORY]
        state.hint_dismissed = str(s.value("hintDismissed", "false")).lower() == "true"
        return state

    def save(self) -> None:
        """Write the state; OSError when the file cannot be written."""
        self.path().parent.mkdir(parents=True, exist_ok=True)
        s = self._settings()
        if self.geometry is not None:
            s.setValue("geometry", self.geometry)
        if self.window_state is not None:
            s.setValue("windowState", self.window_state)
        s.beginGroup("splitters")
        for key, value in self.splitters.items():
            s.setValue(key, value)
        s.endGroup()
        s.setValue("lastArticle", self.last_article)
        s.setValue("history", self.history[:MAX_HISTORY])
        s.setValue("hintDismissed", self.hint_dismissed)
        s.sync()
        if s.status() != QSettings.Status.NoError:
            raise OSError(f"cannot write {self.path()}")

    def remember_query(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        self.history = [query] + [q for q in self.history if q != query]
        del self.history[MAX_HISTORY:]


def _unparsable(settings: QSettings, path: Path) -> str | None:
    """Why the INI file at ``path`` cannot be used, or None when it can (or is absent).

    QSettings skips what it cannot parse without a word, so a file of garbage reads as an
    empty one: a file with content but no keys, or with the window geometry in another
    form than QSettings writes, counts as damaged too.
    """
    if settings.status() == QSettings.Status.FormatError:
        return QCoreApplication.translate("Settings", "it is not a settings file")
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size and not settings.allKeys():
        return QCoreApplication.translate("Settings", "it holds no settings")
    for key in ("geometry", "windowState"):
        value = settings.value(key)
        if value is not None and not isinstance(value, QByteArray):
            return QCoreApplication.translate(
                "Settings", "its %1 is not in the form the reader writes").replace("%1", key)
    return None


def _bytes(value: Any) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    return None


def step_font_size(size: int, steps: int) -> int:
    """The next (or previous) size on the ladder of font sizes."""
    bigger = [s for s in FONT_SIZES if s > size]
    smaller = [s for s in FONT_SIZES if s < size]
    if steps > 0:
        return bigger[0] if bigger else size
    return smaller[-1] if smaller else size
