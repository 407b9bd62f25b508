"""``reader export ID... --format docx|pdf|md|txt|html --output PATH [--split] [--force]``.

The format and the file name agree: the format comes from the suffix, or the suffix from
``--format`` (``report`` → ``report.pdf``); a suffix of another format is refused. An existing
file is replaced only with ``--force``. With ``--bookmarked``, each bookmark's note and tags
are printed with its article, and each excerpt as a quotation with its citation under its
article (``bookmarks/gather.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus.model import Article
from ..export import (
    FORMATS,
    Annotation,
    Cancelled,
    ExportError,
    agreeing_path,
    export_articles,
    format_for,
)
from .bookmarks_cmd import open_bookmarks
from .cite_cmd import articles_by_id
from .common import CommandError, add_library_option, open_catalog, warn

SHOW_PROGRESS_FROM = 50
USAGE = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="export articles to Word, PDF, Markdown, text or HTML, each with its citation",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="article ids (see `reader parse`)")
    p.add_argument("--format", choices=FORMATS,
                   help="output format (default: from the suffix of --output)")
    p.add_argument("--output", "-o", type=Path, required=True, metavar="PATH",
                   help="file to write; with --split, the folder to write into")
    p.add_argument("--split", action="store_true",
                   help="one file per article, named YYYY-MM-DD_第N版_标题.ext")
    p.add_argument("--force", "-f", action="store_true",
                   help="replace files that exist already")
    p.add_argument("--bookmarked", action="store_true",
                   help="also export every bookmarked article found in the library, with "
                   "its note and tags, and every excerpt as a quotation under its article")
    p.add_argument("--tag", help="with --bookmarked: only bookmarks and excerpts with this "
                   "tag")
    add_library_option(p)
    p.set_defaults(func=run)


def _progress(done: int, total: int) -> None:
    if total >= SHOW_PROGRESS_FROM:
        end = "\n" if done == total else ""
        print(f"\rexporting {done}/{total}", end=end, file=sys.stderr)


def _warn(message: str) -> None:
    print(f"reader: warning: {message}", file=sys.stderr)


def _chosen(args: argparse.Namespace) -> tuple[list[Article], dict[str, Annotation]]:
    from ..bookmarks.gather import gather

    catalog = open_catalog(args, quiet=True)
    try:
        articles = articles_by_id(catalog, args.ids, catalog.root)
        if args.bookmarked:
            with open_bookmarks(args) as store:
                marks = store.list(tag=args.tag, sort="article_date")
                kept = store.excerpts(tag=args.tag)
            chosen = gather(catalog, marks, reversed(kept), articles)
            for line in chosen.missing:
                warn(line)
            articles, notes = chosen.articles, chosen.notes
        else:
            notes = {}
    finally:
        catalog.close()
    if not articles:
        raise CommandError("nothing to export: give article ids or --bookmarked")
    return articles, notes


def _target(args: argparse.Namespace) -> tuple[str, Path]:
    """The format and the path to write, agreeing with each other."""
    output: Path = args.output
    fmt = args.format or format_for(output)
    if fmt is None:
        raise CommandError(f"say which format to write with --format ({', '.join(FORMATS)}); "
                           f"{output.name} does not tell", USAGE)
    if args.split:
        return fmt, output
    try:
        output = agreeing_path(output, fmt)
    except ExportError as err:
        raise CommandError(str(err), USAGE) from None
    if output.exists() and not output.is_dir() and not args.force:
        raise CommandError(f"{output} exists already; use --force to replace it")
    return fmt, output


def run(args: argparse.Namespace) -> int:
    fmt, output = _target(args)
    articles, notes = _chosen(args)
    if args.split and not args.force and output.is_dir():
        from ..export import SUFFIXES
        from ..export.document import ordered, unique_names

        taken = [n for n in unique_names(ordered(articles), SUFFIXES[fmt])
                 if (output / n).exists()]
        if taken:
            raise CommandError(f"{output / taken[0]} exists already"
                               f"{f' (and {len(taken) - 1} more)' if len(taken) > 1 else ''}"
                               "; use --force to replace")
    try:
        if fmt == "pdf":
            from ..export.pdf_format import ensure_gui_application

            ensure_gui_application()
        written = export_articles(articles, output, fmt, split=args.split,
                                  progress=_progress, notes=notes, warn=_warn)
    except (ExportError, Cancelled) as err:
        raise CommandError(str(err)) from None
    where = output if args.split else written[0]
    print(f"exported {len(articles)} article{'s' if len(articles) != 1 else ''} to {where}")
    return 0
