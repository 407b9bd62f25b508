"""Write a small text file atomically: the old content or the new, never half of either.

The text goes to a temporary file in the same folder, is flushed to disk, and replaces the
target with ``os.replace``. Used for the user's small files (config, preferences, sidecars).
OSError propagates: callers say in plain words where the file could not be saved.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` (UTF-8) in one step; create its folder if needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json_atomic(path: Path, data: Any, indent: int = 2) -> None:
    """``write_text_atomic`` of ``data`` as readable JSON (Chinese kept as is)."""
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
