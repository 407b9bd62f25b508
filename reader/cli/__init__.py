"""The ``reader`` command: the window by default, subcommands for everything else."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ..logsetup import log_path, setup_logging
from .common import CommandError

log = logging.getLogger("reader.cli")

# Each module registers one or more subcommands with ``register(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = (
    "parse_cmd",
    "library_cmd",
    "bookmarks_cmd",
    "export_cmd",
    "cite_cmd",
    "search_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="报刊阅读器 — read, search, bookmark and export Chinese newspaper archives. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--library", metavar="DIR", type=Path, help="library folder to open")
    parser.add_argument("--screenshot", metavar="PATH", type=Path,
                        help="render the window offscreen to a PNG and exit")
    parser.add_argument("--query", metavar="Q", help="with --screenshot: search for Q first")
    parser.add_argument("--article", metavar="ID", help="with --screenshot: open article ID")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    try:
        if args.command is None:
            from ..ui.app import run_window

            return run_window(args)
        return int(args.func(args) or 0)
    except CommandError as err:
        print(f"reader: {err}", file=sys.stderr)
        return err.status
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # the user gets a sentence, the log gets the traceback
        log.exception("unexpected error in %s", args.command or "window")
        print(f"reader: unexpected error: {err} (details in {log_path()})", file=sys.stderr)
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
