"""Preferences and window state, kept apart (Picard's 'setting' versus 'persist').

Preferences (font size, serif or sans, theme, language) are what the user chose: a small JSON
file in the config folder, written atomically, with a version. Window state (geometry,
splitter sizes, the last open article, recent queries) is what the window remembers: a
QSettings INI file beside it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..paths import config_dir

PREFERENCES_VERSION = 1
FONT_SIZES = (11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28)
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "zh_CN", "en")
MAX_HISTORY = 15


@dataclass
class Preferences:
    font_size: int = 16
    serif: bool = True
    theme: str = "system"
    language: str = "system"
    version: int = PREFERENCES_VERSION

    @staticmethod
    def path() -> Path:
        return config_dir() / "preferences.json"

    @classmethod
    def load(cls) -> Preferences:
        """The saved preferences; defaults for anything missing, unreadable or out of range."""
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        prefs = cls()
        known = {f.name for f in fields(cls)}
        for key, value in data.items() if isinstance(data, dict) else ():
            if key in known and isinstance(value, type(getattr(prefs, key))):
                setattr(prefs, key, value)
        prefs.font_size = min(max(prefs.font_size, FONT_SIZES[0]), FONT_SIZES[-1])
        if prefs.theme not in THEMES:
            prefs.theme = "system"
        if prefs.language not in LANGUAGES:
            prefs.language = "system"
        return prefs

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".prefs-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False, indent=2)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@dataclass
class WindowState:
    """What the window restores on the next start."""

    geometry: QByteArray | None = None
    window_state: QByteArray | None = None
    splitters: dict[str, QByteArray] = field(default_factory=dict)
    last_article: str = ""
    history: list[str] = field(default_factory=list)

    @staticmethod
    def _settings() -> QSettings:
        path = config_dir() / "window.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def load(cls) -> WindowState:
        s = cls._settings()
        state = cls()
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
        state.history = [str(q) for q in history or []][:MAX_HISTORY]
        return state

    def save(self) -> None:
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
        s.sync()

    def remember_query(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        self.history = [query] + [q for q in self.history if q != query]
        del self.history[MAX_HISTORY:]


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
