"""Logging to a file in the user log folder: warnings and errors with their tracebacks.

The user sees plain messages; the log keeps the details. ``log_path()`` is what error dialogs and
CLI messages point to.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from .paths import log_dir

_configured: Path | None = None


def log_path() -> Path:
    return log_dir() / "reader.log"


def active_log() -> Path | None:
    """The log file being written, or None when none could be opened."""
    return _configured


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send records of ``reader.*`` loggers to the rotating log file (once per process).

    Returns the log file, or None when neither the log folder nor its temporary stand-in
    can be written (then records are dropped: the user still gets the messages, never a
    traceback on stderr).
    """
    global _configured
    path = log_path()
    if _configured == path:
        return path
    logger = logging.getLogger("reader")
    logger.setLevel(level)
    for previous in list(logger.handlers):
        if getattr(previous, "_reader_file", False):
            logger.removeHandler(previous)
            previous.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as err:
        print(f"reader: cannot write the log file {path}: {err.strerror or err}", file=sys.stderr)
        # Without any handler, logging would print warnings with their tracebacks on stderr.
        quiet = logging.NullHandler()
        quiet._reader_file = True  # type: ignore[attr-defined]
        logger.addHandler(quiet)
        _configured = None
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s")
    )
    handler._reader_file = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    _configured = path
    return path
