"""Write a file atomically: the old content or the new, never half of either.

The one writer of the reader's files. The content goes to a temporary file in the same
folder, is flushed to disk, and replaces the target with ``os.replace`` only when everything
was written; on any error the temporary file is removed and the old file stays as it was.
Every file it makes gets the mode of a normal save (``0666`` less the umask: ``0644``
usually), not ``mkstemp``'s ``0600``.

``atomic_write(path)`` yields a temporary path for writers that want a file name (Word, PDF,
the bookmarks' backup); ``write_text_atomic`` and ``write_json_atomic`` serve the user's
small files (config, preferences, sidecars, corrections) and the text exports;
``create_file_atomic`` adds a page to a library without ever replacing a file. OSError
propagates: callers say in plain words where the file could not be saved
(``reader.export.atomic`` words it for exports).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def fsync(path: Path) -> None:
    """Flush ``path`` to disk: a full disk that the writer did not notice shows here."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_beside(path: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """An open temporary file in ``path``'s folder (made if needed), with a normal mode."""
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        os.chmod(name, 0o666 & ~_UMASK)  # by name: os.fchmod is not on Windows before 3.13
    except BaseException:
        os.close(fd)
        os.unlink(name)
        raise
    return fd, Path(name)


@contextlib.contextmanager
def atomic_write(path: Path, suffix: str = ".part") -> Iterator[Path]:
    """A temporary path beside ``path``; it replaces ``path`` when the block ends without
    error (after being flushed to disk), and is removed otherwise. ``suffix`` ends the
    temporary file's name (for a caller that clears the ones a killed process left)."""
    path = Path(path)
    fd, tmp = _temporary_beside(path, f".{path.name}.", suffix)
    os.close(fd)
    try:
        yield tmp
        fsync(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` (UTF-8, ``\\n`` line ends) in one step; create its folder
    if needed."""
    with atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


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
    fd, tmp = _temporary_beside(path, f".{path.name[:64]}.", ".tmp")
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
