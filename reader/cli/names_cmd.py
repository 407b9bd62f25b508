"""``reader names QUERY``: the persons, places and organisations most named in its hits."""

from __future__ import annotations

import argparse

from ..server.url import safe_url
from .common import CommandError, add_library_option, print_json
from .search_cmd import search_index

KIND_LABELS = {"person": "persons", "place": "places", "org": "organisations"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("names", help="the names most often found in a search's hits")
    add_library_option(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--kind", choices=("person", "place", "org"), help="only this kind")
    p.add_argument("--limit", type=int, default=10, metavar="N",
                   help="names of each kind (10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_names)


def cmd_names(args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise CommandError("--limit must not be negative", status=2)
    if isinstance(args.library, str):
        raise CommandError(f"{safe_url(args.library)}: `reader names` is not available on a "
                           "shared archive yet: the archive does not find the names in its "
                           "articles (a library folder's index does)")
    from ..search import IndexNotReady, QueryError

    index = search_index(args)
    try:
        hits = index.search(args.query, limit=0).total
        names = index.top_names(args.query, kind=args.kind, limit=args.limit)
    except QueryError as err:
        raise CommandError(f"bad query: {err}", status=2) from None
    except IndexNotReady as err:
        raise CommandError(str(err)) from None
    if args.json:
        print_json({"query": args.query, "hits": hits, "names": [
            {"kind": n.kind, "name": n.name, "articles": n.articles} for n in names]})
        return 0
    print(f"{hits} articles match {args.query}")
    for kind in (args.kind,) if args.kind else KIND_LABELS:
        of_kind = [n for n in names if n.kind == kind]
        if of_kind:
            print(f"{KIND_LABELS[kind]}: " + "  ".join(
                f"{n.name} {n.articles}" for n in of_kind))
    return 0
