"""Helpers shared by the command-line commands: JSON output, errors, the library to use."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..corpus.catalog import Catalog
from ..paths import bundled_corpus
from ..userconfig import UserConfig, load_config


class CommandError(Exception):
    """A failure to report as one line on stderr with a non-zero exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        default=None,
        help="library folder to use (default: the last one opened, or the bundled corpus)",
    )


def library_root(args: argparse.Namespace) -> Path:
    """The library folder chosen by ``--library``, else the default library."""
    root: Path | None = getattr(args, "library", None)
    if root is None:
        return default_library_root()
    if not root.is_dir():
        raise CommandError(f"{root}: no such library folder")
    return root


def user_config() -> UserConfig:
    """The user's config; what went wrong reading it is said on stderr (defaults are used)."""
    config = load_config()
    for message in config.messages:
        print(f"reader: {message}", file=sys.stderr)
    return config


def default_library_root() -> Path:
    """The library opened last (window or ``reader library open``), else the bundled corpus."""
    return user_config().current_library or bundled_corpus()


def open_catalog(args: argparse.Namespace, quiet: bool = False) -> Catalog:
    """The chosen library through its catalog (parsed pages cached on disk), brought up to date.

    Progress goes to stderr when many files must be read; problem files are reported there,
    one line each (unless ``quiet``).
    """
    catalog = Catalog(library_root(args))

    def progress(done: int, total: int) -> None:
        if total >= 200 and not quiet and (done % 100 == 0 or done == total):
            print(f"\rreading pages {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr)

    result = catalog.sync(progress=progress)
    if not quiet:
        for problem in result.problems:
            print(f"reader: {problem}", file=sys.stderr)
    return catalog
