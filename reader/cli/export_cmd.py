"""``reader export ID... --format docx|pdf|md|txt|html --output PATH [--split]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus.model import Article
from ..export import FORMATS, Cancelled, ExportError, export_articles, format_for
from .bookmarks_cmd import open_store
from .cite_cmd import articles_by_id
from .common import CommandError, add_library_option, library_root, open_catalog, warn

SHOW_PROGRESS_FROM = 50


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
    p.add_argument("--bookmarked", action="store_true",
                   help="also export every bookmarked article found in the library")
    p.add_argument("--tag", help="with --bookmarked: only bookmarks with this tag")
    add_library_option(p)
    p.set_defaults(func=run)


def _progress(done: int, total: int) -> None:
    if total >= SHOW_PROGRESS_FROM:
        end = "\n" if done == total else ""
        print(f"\rexporting {done}/{total}", end=end, file=sys.stderr)


def _chosen(args: argparse.Namespace) -> list[Article]:
    from ..library import Resolver

    catalog = open_catalog(args, quiet=True)
    try:
        articles = articles_by_id(catalog, args.ids, library_root(args))
        if args.bookmarked:
            with open_store() as store:
                resolver = Resolver(catalog)
                for bookmark in store.list(tag=args.tag, sort="article_date"):
                    hit = resolver.locate(bookmark.ref)
                    found = hit.article
                    if found is None:
                        warn(hit.message(bookmark.ref))
                    elif all(a.id != found.id for a in articles):
                        articles.append(found)
    finally:
        catalog.close()
    if not articles:
        raise CommandError("nothing to export: give article ids or --bookmarked")
    return articles


def run(args: argparse.Namespace) -> int:
    fmt = args.format or format_for(args.output)
    if fmt is None:
        raise CommandError(f"say which format to write with --format ({', '.join(FORMATS)}); "
                           f"{args.output.name} does not tell")
    articles = _chosen(args)
    try:
        if fmt == "pdf":
            from ..export.pdf_format import ensure_gui_application

            ensure_gui_application()
        written = export_articles(articles, args.output, fmt, split=args.split,
                                  progress=_progress)
    except (ExportError, Cancelled) as err:
        raise CommandError(str(err)) from None
    where = args.output if args.split else written[0]
    print(f"exported {len(articles)} article{'s' if len(articles) != 1 else ''} to {where}")
    return 0
