"""``reader cite ID... [--format gbt7714|ris|csl-json]``: print citations of articles."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from ..bookmarks.identity import ArticleStore
from ..corpus.model import Article
from ..export.citation import csl_json, gbt7714, ris
from .common import CommandError, add_library_option, open_catalog

CITATION_FORMATS = ("gbt7714", "ris", "csl-json")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("cite", help="print the citation of articles (GB/T 7714, RIS, CSL-JSON)")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids (see `reader parse`)")
    p.add_argument("--format", choices=CITATION_FORMATS, default="gbt7714",
                   help="citation style (default: gbt7714)")
    add_library_option(p)
    p.set_defaults(func=run)


def articles_by_id(source: ArticleStore, ids: Iterable[str], root: object) -> list[Article]:
    """The articles with these ids, in the order given; an unknown id is a CommandError."""
    found: list[Article] = []
    for article_id in ids:
        article = source.article(article_id)
        if article is None:
            raise CommandError(f"no article with id {article_id} in the library {root}")
        found.append(article)
    return found


def run(args: argparse.Namespace) -> int:
    catalog = open_catalog(args, quiet=True)
    try:
        articles = articles_by_id(catalog, args.ids, catalog.root)
    finally:
        catalog.close()
    if args.format == "ris":
        print(ris(articles), end="")
    elif args.format == "csl-json":
        print(csl_json(articles))
    else:
        for article in articles:
            print(gbt7714(article))
    return 0
