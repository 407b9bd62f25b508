"""Where the reader keeps its files: one place, built on platformdirs, with overrides.

``READER_HOME`` puts everything (data, cache, config, log) under one folder, for tests and
portable use; ``READER_DATA_DIR``, ``READER_CACHE_DIR``, ``READER_CONFIG_DIR`` and
``READER_LOG_DIR`` override one folder each.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "newspaper-reader"


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
    """Rebuildable files (the search index, the parse cache)."""
    return _dir("cache")


def config_dir() -> Path:
    """Preferences and window state."""
    return _dir("config")


def log_dir() -> Path:
    return _dir("log")


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
