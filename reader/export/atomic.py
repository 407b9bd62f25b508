"""Errors, cancelling and safe writing shared by every export format.

Every export is written with ``reader.atomicfile.atomic_write``: to a temporary file in the
same folder, checked, flushed and only then put in place of the target; on any error (a full
disk, ``Cancelled``) the temporary file is removed and an existing file stays as it was.
``atomic_path`` adds the one-line messages an export gives.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..atomicfile import atomic_write

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled an export; nothing was written."""


class ExportError(Exception):
    """An export that cannot be done (unwritable path, no Chinese font …); one line for the
    user."""


def check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("the export was cancelled; nothing was written")


def cannot_write(target: Path, err: OSError) -> ExportError:
    """The message for an OSError met while writing ``target``."""
    if isinstance(err, (FileExistsError, NotADirectoryError)):
        return ExportError(f"cannot write {target}: a file stands where a folder should be")
    return ExportError(f"cannot write {target}: {err.strerror or err}")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write; it becomes ``target`` when the block ends without error.

    An OSError about the temporary file or the target (a full disk, a folder that cannot be
    written) becomes an ``ExportError`` naming ``target``; one about another file (a font)
    keeps its own message.
    """
    target = Path(target)
    tmp: Path | None = None
    try:
        with atomic_write(target) as tmp:
            yield tmp
    except OSError as err:
        if tmp is not None and err.filename not in (None, str(tmp), tmp, str(target), target):
            raise
        raise cannot_write(target, err) from err


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
