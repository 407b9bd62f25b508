"""``reader excerpts add|list|remove``: passages kept from articles, from the command line.

They live in the bookmark store, beside the bookmarks (the window lists them under their
articles); ``reader bookmarks export`` and ``import`` carry them, and ``reader export
--bookmarked`` prints them as quotations. With ``--library postgresql://…`` they are the
shared archive's, those of the role connected (private unless in a shared collection).
"""

from __future__ import annotations

import argparse

from ..bookmarks import Excerpt, Passage, Resolver, StoreError, place
from .bookmarks_cmd import article_named, heading, listed, open_bookmarks, warn_backup
from .common import CommandError, add_library_option, open_catalog, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("excerpts", help="keep, list and remove passages of articles")
    esub = p.add_subparsers(dest="excerpts_command", metavar="ACTION", required=True)

    add = esub.add_parser("add", help="keep a passage of an article, with a note and tags")
    add.add_argument("id", metavar="ID", help="article id (see `reader parse`)")
    add.add_argument("--text", required=True, metavar="TEXT",
                     help="the passage, as the article has it (spaces and widths aside)")
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--tag", action="append", default=[], metavar="TAG",
                     help="a tag (repeat for more)")
    add_library_option(add)
    add.set_defaults(func=run_add)

    ls = esub.add_parser("list", help="excerpts, newest first, and whether each is found")
    ls.add_argument("--json", action="store_true", help="print a JSON array")
    ls.add_argument("--tag", help="only excerpts with this tag")
    ls.add_argument("--text", help="only excerpts whose passage, note or headline contains TEXT")
    add_library_option(ls)
    ls.set_defaults(func=run_list)

    rm = esub.add_parser("remove", help="remove an excerpt (by its #number)")
    rm.add_argument("number", metavar="N")
    add_library_option(rm)
    rm.set_defaults(func=run_remove)


def run_add(args: argparse.Namespace) -> int:
    article = article_named(args)
    passage = Passage.of_text(article.body, args.text)
    if passage is None:
        raise CommandError(f"the text “{args.text}” is not in the body of article {args.id} "
                           f"(“{article.display_title}”); `reader show {args.id}` prints it")
    with open_bookmarks(args) as store:
        try:
            kept = store.add_excerpt(article, passage, note=args.note, tags=args.tag)
        except StoreError as err:
            raise CommandError(str(err)) from None
        warn_backup(store)
    print(f"kept excerpt #{kept.id} of “{kept.title}”: {_short(kept.text)}")
    return 0


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def _describe(e: Excerpt, found: str | None) -> str:
    line = heading(e) + f"\n      “{_short(e.text, 60)}”"
    if e.note:
        line += f"\n      {_short(e.note.strip().splitlines()[0], 60)}"
    if e.problem:
        line += f"\n      (damaged: {e.problem}; `reader excerpts remove {e.id}` removes it)"
    elif found is not None:
        line += f"\n      ({found})"
    return line


def run_list(args: argparse.Namespace) -> int:
    with open_bookmarks(args) as store:
        excerpts = store.excerpts(tag=args.tag, text=args.text)
    catalog = open_catalog(args, quiet=True)
    try:
        resolver = Resolver(catalog)
        rows = [(e, place(e, catalog, resolver)) for e in excerpts]
    finally:
        catalog.close()
    if args.json:
        print_json([listed(e, placed.article, placed.found) for e, placed in rows])
        return 0
    for e, placed in rows:
        exact = placed.span is not None and placed.span.exact
        print(_describe(e, None if exact else placed.message(e)))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    number = str(args.number).removeprefix("#")
    with open_bookmarks(args) as store:
        kept = store.get_excerpt(int(number)) if number.isdigit() else None
        if kept is None:
            raise CommandError(f"no excerpt {args.number} (`reader excerpts list` numbers "
                               "them)")
        try:
            store.remove_excerpt(kept.id)
        except StoreError as err:
            raise CommandError(str(err)) from None
        warn_backup(store)
    print(f"removed excerpt #{kept.id} of “{kept.title}”: {_short(kept.text)}")
    return 0
