"""The ``reader`` command: the window by default, subcommands for everything else."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from ..logsetup import active_log, setup_logging
from ..paths import set_notice_handler
from ..server.url import is_server_url
from .common import CommandError, library_location, library_root, shown, warn

log = logging.getLogger("reader.cli")

# Each module registers one or more subcommands with ``register(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = (
    "parse_cmd",
    "library_cmd",
    "bookmarks_cmd",
    "excerpts_cmd",
    "export_cmd",
    "cite_cmd",
    "search_cmd",
    "correct_cmd",
    "timeline_cmd",
    "names_cmd",
    "server_cmd",
)
COMMANDS: dict[str, str] = {
    "parse": "parse_cmd", "library": "library_cmd", "add": "library_cmd",
    "bookmarks": "bookmarks_cmd", "export": "export_cmd", "cite": "cite_cmd",
    "excerpts": "excerpts_cmd",
    "index": "search_cmd", "search": "search_cmd", "show": "search_cmd",
    "timeline": "timeline_cmd", "names": "names_cmd",
    "server": "server_cmd",
}
"""Which module registers each command: a command imports only its own module (and what that
needs), not the modules of every other command."""
_VALUED = {"--library", "--screenshot", "--query", "--article"}


def _modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules to register for ``argv``: the named command's alone; none for the
    window; all of them for ``--help`` or a word that names no command (for the message)."""
    words = list(sys.argv[1:] if argv is None else argv)
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in ("-h", "--help"):
            return COMMAND_MODULES
        elif word in _VALUED:
            skip = True
        elif word.startswith("-"):
            continue
        else:
            module = COMMANDS.get(word)
            return (module,) if module else COMMAND_MODULES
    return ()


def build_parser(argv: Sequence[str] | None = None, *, every: bool = True
                 ) -> argparse.ArgumentParser:
    """The ``reader`` parser; unless ``every``, with only the commands ``argv`` needs."""
    parser = argparse.ArgumentParser(
        prog="reader",
        description="报刊阅读器 — read, search, bookmark and export Chinese newspaper archives. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--library", metavar="DIR", type=library_location, dest="top_library",
                        help="library folder to open (or to use, before a command), or a "
                        "shared archive, postgresql://user@host/db")
    parser.add_argument("--screenshot", metavar="PATH", type=Path,
                        help="render the window offscreen to a PNG and exit")
    parser.add_argument("--query", metavar="Q", help="with --screenshot: search for Q first")
    parser.add_argument("--article", metavar="ID", help="with --screenshot: open article ID")
    parser.add_argument("--size", metavar="WxH", default="1400x900",
                        help="with --screenshot: the window's size (default 1400x900)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light",
                        help="with --screenshot: the theme (default light)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if every else _modules_for(argv):
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(sub)
    return parser


def _worded(err: Exception) -> bool:
    """Whether ``err`` is a store or export error, worded for the user where it was raised
    (their modules are looked up only if a command imported them)."""
    for module, name in (("reader.bookmarks.errors", "StoreError"),
                         ("reader.export.atomic", "ExportError"),
                         ("reader.server.connection", "ServerError")):
        kind = getattr(sys.modules.get(module), name, None)
        if kind is not None and isinstance(err, kind):
            return True
    return False


# SQLite errors that come from the machine (a full disk, a read-only folder), not from a bug.
_SQLITE_ENVIRONMENT = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_READONLY": "a file of the reader could not be written",
    "SQLITE_CANTOPEN": "a file of the reader could not be opened",
    "SQLITE_PERM": "a file of the reader could not be written",
    "SQLITE_IOERR": "the disk reported an error",
    "SQLITE_BUSY": "another program kept a file of the reader locked too long",
}


_unlogged: list[str] = []


def _notice(message: str) -> None:
    if active_log() is None:
        _unlogged.append(message)  # logged once the log file is open
    else:
        log.warning("%s", message)
    warn(message)


def _details() -> str:
    path = active_log()
    return f" (details in {path})" if path else " (no log file could be written)"


def _environment(err: sqlite3.Error) -> str | None:
    """What an SQLite error says about the machine, or None for any other error."""
    name = getattr(err, "sqlite_errorname", "") or ""
    for prefix, meaning in _SQLITE_ENVIRONMENT.items():
        if name.startswith(prefix):
            return meaning
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv, every=False)
    args = parser.parse_args(argv)
    # `reader --library DIR search …` means the same as `reader search --library DIR …`: a
    # command's own option (which defaults to None) would otherwise hide the one before it.
    if getattr(args, "library", None) is None:
        args.library = args.top_library
    command = args.command or "window"
    set_notice_handler(_notice)
    if setup_logging() is not None:
        for message in _unlogged:
            log.warning("%s", message)
    _unlogged.clear()
    try:
        if args.command is None:
            from ..ui.app import run_window

            if args.library is not None and not is_server_url(args.library):
                args.library = library_root(args)  # not a folder: one line, exit status 1

            return run_window(args)
        return int(args.func(args) or 0)
    except CommandError as err:
        warn(str(err))
        return err.status
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except OSError as err:  # a full disk, a read-only folder, a missing file: not a bug
        log.warning("%s failed", command, exc_info=True)
        where = f"{shown(os.fsdecode(err.filename))}: " if err.filename else ""
        warn(f"{where}{err.strerror or err}{_details()}")
        return 1
    except Exception as err:  # the user gets a sentence, the log gets the traceback
        if _worded(err):
            log.warning("%s: %s", command, err)
            warn(str(err))
            return 1
        meaning = _environment(err) if isinstance(err, sqlite3.Error) else None
        if meaning is not None:
            log.warning("%s failed", command, exc_info=True)
            warn(f"{meaning} ({err}){_details()}")
            return 1
        log.exception("unexpected error in %s", command)
        warn(f"unexpected error: {err}{_details()}")
        return 70
    finally:
        set_notice_handler(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
