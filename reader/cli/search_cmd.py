"""``reader index``, ``reader search`` and ``reader show``: the search index from the shell.

The search core (numpy, jieba) is imported by the commands that search, not on registering
them; ``reader show`` reads its article from the catalog and opens the index only when the
catalog does not have it. ``reader index`` walks the whole library folder; ``search`` and
``show`` look only in the folders that changed (``corpus.changes``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import TYPE_CHECKING, Any

from ..server.url import safe_url
from .common import (
    CommandError,
    add_library_option,
    open_chosen_library,
    print_json,
    shown,
    warn,
)

if TYPE_CHECKING:
    from ..backend import LibraryIndex
    from ..corpus.catalog import Catalog
    from ..search.snippets import Occurrence
    from ..search.update import UpdateStats

MARK_OPEN, MARK_CLOSE = "【", "】"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("index", help="build or update the search index of the library")
    add_library_option(p)
    p.add_argument("--rebuild", action="store_true", help="start the index anew")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the library (the query language is in the README)")
    add_library_option(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="hits to print (20)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="hits to skip (0)")
    p.add_argument("--sort", choices=("relevance", "date", "date-asc"), default="relevance")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="print an article (with --query, mark what was searched)")
    add_library_option(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("--query", metavar="Q", help="mark the occurrences of this query")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_show)


class _StderrProgress:
    """Progress of indexing on stderr: a rewritten line on a terminal, a few lines otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.shown = False
        self.printed = (-1, -1)

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total == 0:
            return
        if done < total and now - self.last < (0.2 if self.tty else 5.0):
            return
        if (done, total) == self.printed:
            return
        self.last, self.printed = now, (done, total)
        self.shown = True
        text = f"indexing: {done}/{total} articles"
        if self.tty:
            sys.stderr.write(f"\r{text}\x1b[K")
            if done >= total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()


def _waiting() -> None:
    warn("another reader is updating the search index of this library; waiting for it to "
         "finish")


def _update(
    args: argparse.Namespace, rebuild: bool = False, full: bool = False
) -> tuple[LibraryIndex, UpdateStats, Catalog]:
    """The library's catalog and index, both brought up to date (the window's too); problem
    files on stderr, and why the index is rebuilt or what it waits for. A shared archive
    searches itself: nothing to update."""
    library = open_chosen_library(args, full=full)
    catalog, index = library.catalog, library.open_index()
    if library.shared:
        return index, index.update(catalog), catalog
    why = None if rebuild else index.check()
    if why is not None and index.path.exists():
        warn(f"the search index is rebuilt: {why}")
    stats = index.update(catalog, progress=_StderrProgress(), rebuild=rebuild,
                         waiting=_waiting)
    return index, stats, catalog


def search_index(args: argparse.Namespace) -> LibraryIndex:
    """The library's index, brought up to date (for the commands that only search)."""
    return _update(args)[0]


def cmd_index(args: argparse.Namespace) -> int:
    if isinstance(args.library, str):
        raise CommandError(f"{safe_url(args.library)}: `reader index` is not needed on a "
                           "shared archive: it searches in its database, indexed by "
                           "`reader server import`")
    index, s, catalog = _update(args, rebuild=args.rebuild, full=True)
    from ..search.query_words import write_words

    write_words()  # so that the searches after it cut their words without jieba's dictionary
    problems = len(catalog.problems())
    why = f" (rebuilt: {s.rebuilt})" if s.rebuilt else ""
    print(f"{s.articles} articles in the index{why}: {s.added} added, {s.changed} changed, "
          f"{s.removed} removed in {s.seconds:.1f} s; "
          f"{problems} problem file{'' if problems == 1 else 's'}")
    names = index.name_stats
    print(f"names: found in {names.tagged} new or changed articles in {names.seconds:.1f} s")
    print(f"index file: {shown(index.path)}")
    return 0


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 0 or args.offset < 0:
        raise CommandError("--limit and --offset must not be negative", status=2)
    from ..search import IndexNotReady, QueryError

    index, _, _ = _update(args)
    try:
        res = index.search(args.query, limit=args.limit, offset=args.offset, sort=args.sort)
    except QueryError as err:
        raise CommandError(f"bad query: {err}", status=2) from None
    except IndexNotReady as err:
        raise CommandError(str(err)) from None
    if args.json:
        print_json({
            "query": args.query,
            "total": res.total,
            "hits": [{
                "id": h.id, "paper": h.paper, "date": _iso(h.date), "page": h.page,
                "title": h.title, "snippet": h.snippet,
                "highlights": [[s, e] for s, e in h.highlights], "score": h.score,
            } for h in res.hits],
        })
        return 0
    count = "1 article matches" if res.total == 1 else f"{res.total} articles match"
    if res.total == 0:
        count = "no article matches"
    print(f"{count} {args.query} ({res.seconds * 1000:.0f} ms)")
    for n, h in enumerate(res.hits, start=args.offset + 1):
        where = " ".join(x for x in (h.paper, _iso(h.date) or "undated",
                                      f"第{h.page}版" if h.page else "") if x)
        print(f"{n:3}. [{h.id}] {where}  {_marked(h.title, h.title_highlights)}")
        print(f"     {_marked(h.snippet, h.highlights)}")
    return 0


def _occurrence_json(o: Occurrence) -> dict[str, Any]:
    return {"field": o.field, "start": o.start, "end": o.end}


def cmd_show(args: argparse.Namespace) -> int:
    library = open_chosen_library(args)
    catalog = library.catalog
    article = catalog.article(args.id)
    if article is None:
        raise CommandError(f"no article with id {args.id} in {shown(catalog.root)}")
    spans: list[Occurrence] = []
    if args.query:
        from ..search import QueryError
        from ..search.snippets import occurrences

        try:
            spans = occurrences(article, args.query)
        except QueryError as err:
            raise CommandError(f"bad query: {err}", status=2) from None
    if args.json:
        data: dict[str, Any] = {
            "id": article.id, "paper": article.paper, "date": _iso(article.date),
            "page": article.page, "source": article.source, "kicker": article.kicker,
            "title": article.title, "subtitle": article.subtitle, "byline": article.byline,
            "body": article.body,
        }
        if args.query:
            data["query"] = args.query
            data["highlights"] = [_occurrence_json(o) for o in spans]
        print_json(data)
        return 0

    def field_text(name: str, text: str | None) -> str:
        return _marked(text or "", [(o.start, o.end) for o in spans if o.field == name])

    print(f"[{article.id}] {article.paper or ''} {_iso(article.date) or 'undated'} "
          f"第{article.page or '?'}版  ({shown(article.source)})")
    for name, label in (("kicker", "引题"), ("title", "标题"), ("subtitle", "副题"),
                        ("byline", "作者")):
        value = getattr(article, name)
        if value:
            print(f"{label}: {field_text(name, value)}")
    print()
    print(field_text("body", article.body))
    if args.query:
        print(f"\n{len(spans)} occurrences of {args.query}")
    return 0
