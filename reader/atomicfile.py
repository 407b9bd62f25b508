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


def create_file_atomic(path: Path, data: bytes) -> None:
    """Write the new file ``path`` holding ``data`` in one step, never replacing one.

    Raises FileExistsError when ``path`` exists, also when another process creates it at the
    same moment: of two writers to one name, exactly one succeeds. The bytes go to a
    temporary file first, so the file appears complete or not at all.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:64]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # fails with FileExistsError if the name is taken
        except FileExistsError:
            raise
        except OSError:  # no hard links here (FAT, some shares): claim the name, then fill it
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
