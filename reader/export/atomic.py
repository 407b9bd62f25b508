"""Writing files so that a crash or a cancel leaves the old file or the new one, never half.

The content goes to a temporary file in the same folder, which replaces the target with
``os.replace`` only when everything was written; on any error (or ``Cancelled``) the temporary
file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


class Cancelled(Exception):
    """The user cancelled an export; nothing was written."""


class ExportError(Exception):
    """An export that cannot be done (unwritable path, no Chinese font …); one line for the
    user."""


def check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("the export was cancelled; nothing was written")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write; it becomes ``target`` when the block ends without error."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except (FileExistsError, NotADirectoryError):
        raise ExportError(f"cannot write {target}: a file stands where a folder should be"
                          ) from None
    except OSError as err:
        raise ExportError(f"cannot write {target}: {err.strerror or err}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; an export is an ordinary file
        try:
            yield tmp
        except OSError as err:
            if err.filename not in (None, str(tmp), tmp):
                raise  # about another file (a font …): its own message
            # A full disk: the half-written file is removed below, the old one stays.
            raise ExportError(f"cannot write {target}: {err.strerror or err}") from err
        try:
            os.replace(tmp, target)
        except OSError as err:
            raise ExportError(f"cannot write {target}: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
