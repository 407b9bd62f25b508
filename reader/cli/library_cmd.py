"""``reader library info|open|recent`` and ``reader add``: manage the library folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..backend import LibraryBackend, open_library
from ..corpus.intake import add_pages
from ..corpus.sidecar import LIBRARY_FILE
from ..corpus.summary import library_info, problem_row
from ..paths import bundled_corpus
from ..userconfig import save_config
from .common import (
    CommandError,
    add_library_option,
    library_root,
    open_chosen_library,
    print_json,
    shown,
    user_config,
    warn,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lib = sub.add_parser("library", help="information about the library; choose the library")
    lsub = lib.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    info = lsub.add_parser("info", help="papers, dates, counts, undated pages and problem files")
    add_library_option(info)
    info.add_argument("--json", action="store_true")
    info.set_defaults(func=run_info)
    opener = lsub.add_parser("open", help="make DIR the library that opens by default")
    opener.add_argument("folder", type=Path, metavar="DIR")
    opener.set_defaults(func=run_open)
    recent = lsub.add_parser("recent", help="list the recent libraries")
    recent.add_argument("--json", action="store_true")
    recent.set_defaults(func=run_recent)

    add = sub.add_parser(
        "add", help="copy page files (or folders of them) into the library and index them"
    )
    add.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    add_library_option(add)
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)


ORIGIN_WORDS = {
    "sidecar": "sidecar files", "masthead": "mastheads", "path": "file names and folders",
    "library": LIBRARY_FILE, "suggestion": "the text (suggested only)",
}


def run_info(args: argparse.Namespace) -> int:
    library = open_chosen_library(args, quiet=True)
    try:
        info = library_info(library.catalog)
    finally:
        library.catalog.close()
    return print_info(info, args.json, "Archive" if library.shared else "Library")


def print_info(info: dict[str, Any], as_json: bool, kind: str = "Library") -> int:
    """Print a library's (or an archive's) summary: problems on stderr, the rest on stdout."""
    for problem in info["problems"]:
        warn(f"{shown(problem['path'])}: {problem['message']}")
    if as_json:
        print_json(info)
        return 0
    count = len(info["problems"])
    print(f"{kind} {shown(info['root'])}")
    if info["date_range"]:
        print(f"  {info['date_range'][0]} … {info['date_range'][1]}")
    print(f"  {info['issues']} issues, {info['pages']} pages, {info['articles']} articles, "
          f"{count} problem file{'' if count == 1 else 's'}")
    if info["article_records"]:
        print(f"  {info['article_records']} articles are files of their own (article-per-file)")
    if info["settings"]["file"]:
        paper = info["settings"]["paper"] or "—"
        print(f"  settings: {info['settings']['file']} (paper of the pages naming none: {paper})")
    for paper in info["papers"]:
        span = f"{paper['first_date'] or '—'} … {paper['last_date'] or '—'}"
        print(f"  {paper['paper']}: {paper['issues']} issues, {paper['pages']} pages, "
              f"{paper['articles']} articles ({span})")
        for label, origins in (("dates", paper["date_from"]), ("name", paper["paper_from"])):
            if origins:
                print(f"    {label} from " + ", ".join(
                    f"{ORIGIN_WORDS.get(k, k)} ({n})" for k, n in origins.items()))
    for source in info["undated_pages"]:
        print(f"  undated: {shown(source)}")
    return 0


def run_open(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        raise CommandError(f"{shown(folder)}: no such folder")
    config = user_config()
    config.remember_library(folder)
    try:
        save_config(config)
    except OSError as err:
        raise CommandError(f"could not save the choice: {err.strerror or err}") from None
    print(f"library: {shown(folder.resolve())}")
    return 0


def run_recent(args: argparse.Namespace) -> int:
    config = user_config()
    rows = config.libraries or [str(bundled_corpus())]
    if args.json:
        print_json({"libraries": rows})
    else:
        print("\n".join(rows))
    return 0


def run_add(args: argparse.Namespace) -> int:
    root = library_root(args)
    if root.resolve() == bundled_corpus().resolve():
        raise CommandError(
            "the bundled corpus is read-only sample data; choose your library with --library DIR "
            "or `reader library open DIR`"
        )
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise CommandError(f"{shown(missing[0])}: no such file or folder")
    report = add_pages(args.paths, root)
    for problem in report.problems:
        warn(f"{shown(problem.path)}: {problem.text}")
    library = open_library(root)
    library.catalog.sync()
    indexed = _index(library)
    if args.json:
        print_json({
            "library": str(root), "added": report.added, "renamed": report.renamed,
            "already_present": report.already,
            "problems": [problem_row(p) for p in report.problems],
            "indexed": indexed,
        })
    else:
        for rel in report.added:
            note = " (numbered: a different file had that name)" if rel in report.renamed else ""
            print(f"added {shown(rel)}{note}")
        for src in report.already:
            print(f"already in the library: {shown(src)}")
        print(f"{len(report.added)} added, {len(report.already)} already present, "
              f"{len(report.problems)} problem(s)")
    return 1 if report.problems and not report.added else 0


def _index(library: LibraryBackend) -> bool:
    """Update the search index for the new pages, when the search core is installed."""
    try:
        index = library.open_index()
    except ImportError:
        return False
    index.update(library.catalog)
    return True
