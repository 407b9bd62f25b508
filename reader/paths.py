"""Where the reader keeps its files: one place, built on platformdirs, with overrides.

``READER_HOME`` puts everything (data, cache, config, log) under one folder, for tests and
portable use; ``READER_DATA_DIR``, ``READER_CACHE_DIR``, ``READER_CONFIG_DIR`` and
``READER_LOG_DIR`` override one folder each.

The cache and the log are disposable: when their folder cannot be written (read-only, a file
in the way), a folder of this user's in the system's temporary folder is used instead, and a
notice says so (``set_notice_handler``; the command line prints it, the window shows it).
User data (bookmarks) and the config never move: their errors are reported where they occur.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import platformdirs

APP_NAME = "newspaper-reader"

_notice_handler: Callable[[str], None] | None = None
_notices: list[str] = []
_told: set[str] = set()


def _dir(kind: str) -> Path:
    override = os.environ.get(f"READER_{kind.upper()}_DIR")
    if override:
        path = Path(override)
    elif home := os.environ.get("READER_HOME"):
        path = Path(home) / kind
    else:
        getter = {
            "data": platformdirs.user_data_dir,
            "cache": platformdirs.user_cache_dir,
            "config": platformdirs.user_config_dir,
            "log": platformdirs.user_log_dir,
        }[kind]
        path = Path(getter(APP_NAME, appauthor=False))
    return path


def data_dir() -> Path:
    """User data that must never be lost (bookmarks)."""
    return _dir("data")


def cache_dir() -> Path:
    """Rebuildable files (the search index, the parse cache); a temporary folder instead
    when this one cannot be written."""
    return _writable_or_temporary("cache")


def config_dir() -> Path:
    """Preferences and window state."""
    return _dir("config")


def log_dir() -> Path:
    """The log file's folder; a temporary folder instead when this one cannot be written."""
    return _writable_or_temporary("log")


def set_notice_handler(handler: Callable[[str], None] | None) -> None:
    """Call ``handler(message)`` for each new notice (a folder replaced by a temporary one),
    once per message; ``notices()`` has those given before."""
    global _notice_handler
    _notice_handler = handler
    _told.clear()


def notices() -> list[str]:
    """Every notice given in this process, oldest first."""
    return list(_notices)


def _tell(message: str) -> None:
    if message not in _notices:
        _notices.append(message)
    if _notice_handler is not None and message not in _told:
        _told.add(message)
        _notice_handler(message)


def cannot_write(folder: Path, probe_bytes: int = 0) -> str | None:
    """Why nothing can be written in ``folder`` (made if missing), or None when it can.

    With ``probe_bytes``, that many bytes are written (and removed) too: a full disk lets
    an empty file be made but not filled."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        try:
            if probe_bytes:
                os.write(fd, bytes(probe_bytes))
                os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as err:
        return err.strerror or str(err)
    return None


def _temporary(kind: str) -> Path | None:
    """This user's own folder for ``kind`` under the system's temporary folder."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    base = Path(tempfile.gettempdir()) / f"{APP_NAME}-{user}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        if hasattr(os, "getuid") and base.stat().st_uid != os.getuid():
            return None  # someone else's folder: not a place for our files
    except OSError:
        return None
    return base / kind


_writable: set[Path] = set()
"""Folders found writable: asked again with every search, they are tested once a process
(a folder that stops being writable later fails its writer, who says so)."""


def _writable_or_temporary(kind: str) -> Path:
    wanted = _dir(kind)
    if wanted in _writable:
        return wanted
    problem = cannot_write(wanted)
    if problem is None:
        _writable.add(wanted)
        return wanted
    fallback = _temporary(kind)
    if fallback is None or cannot_write(fallback) is not None:
        return wanted  # the callers' own errors will say what is wrong
    what = {"cache": "the search index and the page cache are", "log": "the log is"}[kind]
    _tell(f"the {kind} folder {wanted} cannot be written ({problem}); {what} kept in "
          f"{fallback} instead")
    return fallback


def bundled_corpus() -> Path:
    """The library that ships with the app: copies of five real front pages."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "corpus", here.parent / "corpus"):
        if candidate.is_dir():
            return candidate.resolve()
    return here.parent / "corpus"


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate.resolve()
    return here.parent / "resources"
