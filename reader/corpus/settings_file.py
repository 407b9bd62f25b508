"""The library's settings file (``library.toml``) as the catalog and the parser see it: its
settings and why they were ignored, read again only when the file's stamp changes.

Apart from the page reading (``resolve``) because every command asks for it, also one that
reads no page (the catalog lists the settings file's problem among the library's).
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..problems import Problem, ProblemKind
from .sidecar import LIBRARY_FILE, SidecarError, read_library_settings

_lock = threading.Lock()
_settings: dict[str, tuple[str, dict[str, object], Problem | None]] = {}


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def library_settings(root: Path | None) -> tuple[dict[str, object], Problem | None]:
    """The settings of the library at ``root`` and the reason they were ignored, if they were."""
    if root is None:
        return {}, None
    path = root / LIBRARY_FILE
    stamp = _stamp(path)
    with _lock:
        cached = _settings.get(str(path))
    if cached and cached[0] == stamp:
        return cached[1], cached[2]
    try:
        settings, error = read_library_settings(root), None
    except SidecarError as err:
        settings, error = {}, Problem.of(ProblemKind.SETTINGS_IGNORED, LIBRARY_FILE,
                                         file=LIBRARY_FILE, reason=str(err))
    with _lock:
        _settings[str(path)] = (stamp, settings, error)
    return settings, error
