"""Helpers shared by the command-line commands: JSON output, errors, the library to use."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ..backend import LibraryBackend, open_library
from ..corpus.catalog import Catalog
from ..corpus.encoding import name_text
from ..paths import bundled_corpus
from ..server.url import is_server_url, safe_url
from ..userconfig import UserConfig, load_config


class CommandError(Exception):
    """A failure to report as one line on stderr with a non-zero exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


# Characters that would change how a message reads: line breaks, other controls, and the
# marks that reorder text on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    return _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def shown(name: object) -> str:
    """A file name or path as written in a message: valid text (a name that is not UTF-8 is
    decoded as GBK where that works), put in double quotes with its control characters
    escaped when it holds any, or blanks at either end, or a quote at its start."""
    text = name_text(str(name))
    if not _UNSAFE.search(text) and text == text.strip() and not text.startswith('"'):
        return text
    inner = _UNSAFE.sub(_escape, text.replace("\\", "\\\\").replace('"', '\\"'))
    return f'"{inner}"'


def warn(message: str) -> None:
    """Say ``reader: MESSAGE`` on stderr, as one line whatever the message holds."""
    print(f"reader: {_UNSAFE.sub(_escape, name_text(message))}", file=sys.stderr)


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a name that is not UTF-8 came through: show it as text
        text = json.dumps(_valid(data), ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")


def _valid(data: Any) -> Any:
    if isinstance(data, str):
        return name_text(data)
    if isinstance(data, dict):
        return {_valid(k): _valid(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_valid(v) for v in data]
    return data


def library_location(text: str) -> Path | str:
    """``--library``'s value: a folder, or a shared archive's URL (kept as written)."""
    return text if is_server_url(text) else Path(text)


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=library_location,
        default=None,
        help="library folder to use (default: the last one opened, or the bundled corpus), "
        "or a shared archive, postgresql://user@host/db",
    )


def library_root(args: argparse.Namespace) -> Path:
    """The library folder chosen by ``--library``, else the default library; a
    CommandError naming the command for a shared archive (the commands that call this
    work on a folder's files: adding pages, corrections)."""
    root: Path | str | None = getattr(args, "library", None)
    if root is None:
        return default_library_root()
    if isinstance(root, str):
        command = " ".join(w for w in (getattr(args, "command", None),
                                       getattr(args, "corrections_command", None)) if w)
        raise CommandError(f"{safe_url(root)}: `reader {command or 'this command'}` is not "
                           "available on a shared archive: it works on a library folder's "
                           "files (an archive's pages come from `reader server import`, "
                           "by its administrator); nothing was changed")
    if not root.is_dir():
        raise CommandError(f"{shown(root)}: no such library folder")
    return root


def user_config() -> UserConfig:
    """The user's config; what went wrong reading it is said on stderr (defaults are used)."""
    config = load_config()
    for message in config.messages:
        warn(message)
    return config


def default_library_root() -> Path:
    """The library opened last (window or ``reader library open``), else the bundled corpus."""
    return user_config().current_library or bundled_corpus()


def open_catalog(args: argparse.Namespace, quiet: bool = False, full: bool = False) -> Catalog:
    """The chosen library's catalog (parsed pages cached on disk), brought up to date (see
    ``open_chosen_library``); a shared archive's (``reader.server``) for its URL."""
    return open_chosen_library(args, quiet, full).catalog


def open_archive(url: str) -> LibraryBackend:
    """The shared archive at ``url``, or a CommandError saying why it cannot be used."""
    from ..server.connection import ServerError

    try:
        return open_library(url)
    except ServerError as err:
        raise CommandError(str(err)) from None


def open_chosen_library(args: argparse.Namespace, quiet: bool = False,
                        full: bool = False) -> LibraryBackend:
    """The chosen library (``reader.backend``), its catalog brought up to date: by looking in
    the folders that changed since the last time (``corpus.changes``), or with ``full`` at
    every file.

    Progress goes to stderr when many files must be read; problem files are reported there,
    one line each (unless ``quiet``). A shared archive is connected to (a CommandError
    saying why it cannot be), not read: its import keeps it up to date.
    """
    location = getattr(args, "library", None)
    if is_server_url(location):
        return open_archive(str(location))
    library = open_library(library_root(args))
    catalog = library.catalog

    def progress(done: int, total: int) -> None:
        if total >= 200 and not quiet and (done % 100 == 0 or done == total):
            print(f"\rreading pages {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr)

    result = catalog.sync(progress=progress, quick=not full)
    if not quiet:
        for problem in result.problems:
            warn(f"{shown(problem.path)}: {problem.text}")
    return library
