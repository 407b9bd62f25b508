"""``reader correct ID ACTION …`` and ``reader corrections list|undo|export|import``: fix
what the parser got wrong on a page, once, and keep it (see docs/sidecar.md).

A correction is saved in the page's sidecar (or, for a library that cannot be written, in the
user's overlay), then the page is read again into the catalog and the search index at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..backend import open_library
from ..corpus.catalog import Catalog
from ..corpus.correction_store import (
    PageCorrections,
    continuation_from,
    correct,
    export_data,
    import_data,
    join_across,
    list_pages,
    raw_page,
    read_export,
    undo,
)
from ..corpus.corrections import (
    ROLES,
    Correction,
    CorrectionError,
    corrected,
    edit,
    merge,
    page_field,
    set_field,
    set_role,
    split_before,
)
from ..corpus.jumps import jump_marker, jump_target
from ..corpus.library import PageError
from ..corpus.model import UNKNOWN_PAPER, Article, Page
from ..corpus.serialize import article_to_dict
from ..corpus.walk import source_path
from .common import (
    CommandError,
    add_library_option,
    library_location,
    library_root,
    open_catalog,
    print_json,
    shown,
)

_PAGE_FIELDS = {"set-paper": "paper", "set-date": "date", "set-page": "page",
                "set-issue": "issue_no"}


def _library(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="DIR", type=library_location,
                        default=argparse.SUPPRESS,
                        help="library folder to use (default: the last one opened)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("correct", help="correct an article or its page (kept in the sidecar)")
    p.add_argument("id", metavar="ID", help="article id (see `reader parse` or `reader search`)")
    add_library_option(p)
    p.add_argument("--json", action="store_true", help="print the page's articles as JSON")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, *args: tuple[str, str]) -> argparse.ArgumentParser:
        a = actions.add_parser(name, help=help_text)
        for arg, arg_help in args:
            a.add_argument(arg, help=arg_help)
        _library(a)
        a.set_defaults(func=run_correct)
        return a

    action("split-before", "a new article starts at TEXT (a paragraph, or words inside one)",
           ("text", "the first words of the new article"))
    for name, help_text in (
        ("merge-next", "the article after this one on the page (--across: its continuation on "
                       "the page it jumps to) is part of it"),
        ("merge-previous", "this article is part of the one before it on the page (--across: "
                           "of the one it continues, on the page it jumps from)"),
    ):
        a = action(name, help_text)
        a.add_argument("--across", action="store_true",
                       help="across a 下转/上接 jump to another page of the issue")
        a.add_argument("--with", dest="other", metavar="ID",
                       help="with --across: the article on the other page (found by its jump "
                            "marker when not given)")
    for name in ("title", "kicker", "subtitle", "byline"):
        action(f"set-{name}", f"set the {name} (an empty text clears it)", ("text", name))
    action("set-role", "say what a line of the article is",
           ("line", "the line's text"), ("role", " | ".join(ROLES)))
    action("edit", "replace words inside one paragraph", ("old", "the words as they are"),
           ("new", "the words as they should be"))
    for name, key in _PAGE_FIELDS.items():
        action(name, f"set the page's {key.replace('_', ' ')} (a sidecar field)",
               ("value", key))

    p = sub.add_parser("corrections", help="list, undo, export and import corrections")
    csub = p.add_subparsers(dest="corrections_command", metavar="ACTION", required=True)
    ls = csub.add_parser("list", help="the corrected pages, their corrections and whether "
                                      "each still applies")
    add_library_option(ls)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=run_list)
    un = csub.add_parser("undo", help="undo the last N corrections (1), restoring the "
                                      "sidecars as they were")
    un.add_argument("count", nargs="?", type=int, default=1, metavar="N")
    add_library_option(un)
    un.set_defaults(func=run_undo)
    ex = csub.add_parser("export", help="write the library's corrections to a JSON file")
    ex.add_argument("file", type=Path, metavar="FILE")
    add_library_option(ex)
    ex.set_defaults(func=run_export)
    im = csub.add_parser("import", help="add the corrections of an exported file")
    im.add_argument("file", type=Path, metavar="FILE")
    add_library_option(im)
    im.set_defaults(func=run_import)


def _build(args: argparse.Namespace, page: Page, index: int) -> tuple[Correction,
                                                                       dict[str, object]]:
    """The correction the command asks for, made on ``page`` as corrected so far."""
    article = page.articles[index]
    action: str = args.action
    if action == "split-before":
        return split_before(page, article, args.text), {}
    if action in ("merge-next", "merge-previous"):
        other = index + 1 if action == "merge-next" else index - 1
        if not 0 <= other < len(page.articles):
            where = "after" if action == "merge-next" else "before"
            jump = article.continues_on if action == "merge-next" else article.continued_from
            across = (f" (it continues on page {jump}: add --across to merge it with its "
                      "continuation there)" if jump else "")
            raise CorrectionError(f"no article {where} this one on its page{across}")
        first, second = sorted((index, other))
        return merge(page, page.articles[first], page.articles[second]), {}
    if action.startswith("set-") and action[4:] in ("title", "kicker", "subtitle", "byline"):
        return set_field(article, action[4:], args.text), {}
    if action == "set-role":
        return set_role(page, article, args.line, args.role), {}
    if action == "edit":
        return edit(article, args.old, args.new), {}
    key = _PAGE_FIELDS[action]
    value: object = args.value.strip()
    if key == "date":
        try:
            value = dt.date.fromisoformat(str(value))
        except ValueError:
            raise CorrectionError(f"{args.value!r} is not a date like 2022-05-06") from None
    elif key != "paper":
        if not str(value).isdigit() or not 0 < int(str(value)) < 1_000_000:
            raise CorrectionError(f"{args.value!r} is not a {key.replace('_', ' ')}")
        value = int(str(value))
    elif not value:
        raise CorrectionError("the paper's name is empty")
    return page_field(key, str(value)), {key: value}


def run_correct(args: argparse.Namespace) -> int:
    root = library_root(args)  # a shared archive: refused, naming the command
    catalog = open_catalog(args, quiet=True)
    where = catalog.locate(args.id)
    if where is None:
        raise CommandError(f"no article with id {args.id} in {shown(root)} (an article's id "
                           "follows its text: a corrected article has the new id printed "
                           "after the correction, and `reader corrections list` shows it)")
    source = where[0]
    if getattr(args, "across", False):
        return _run_across(args, catalog, source)
    correction: Correction | None = None

    def build(page: Page, index: int) -> tuple[Correction, dict[str, object]]:
        nonlocal correction
        correction, fields = _build(args, page, index)
        return correction, fields

    try:
        saved = correct(root, source, args.id, build)
    except (PageError, CorrectionError) as err:
        raise CommandError(f"{shown(source)}: {err}") from None
    assert correction is not None
    _follow(catalog)
    page = catalog.page(source)
    if args.json:
        print_json({"source": source, "saved_in": str(saved.file), "overlay": saved.overlay,
                    "correction": correction.to_dict(),
                    "articles": [article_to_dict(a) for a in (page.articles if page else [])]})
        return 0
    print(f"{shown(source)}: {correction.describe()}")
    if saved.overlay:
        print(f"kept in your overlay {shown(saved.file)}: the library folder cannot be written")
    else:
        print(f"saved in {shown(saved.file)}")
    for n, a in enumerate(page.articles if page else [], start=1):
        print(f"  {n}. [{a.id}] {a.display_title}")
    return 0


def _run_across(args: argparse.Namespace, catalog: Catalog, source: str) -> int:
    """merge-next/merge-previous --across: join an article with its continuation elsewhere."""
    article = catalog.article(args.id)
    assert article is not None
    forward = args.action == "merge-next"
    if args.other:
        there = catalog.locate(args.other)
        if there is None:
            raise CommandError(f"no article with id {args.other} in {shown(catalog.root)}")
        other = (there[0], args.other)
    else:
        other = _jump_target(catalog, article, forward)
    pair = ((source, args.id), other) if forward else (other, (source, args.id))
    try:
        saved = join_across(catalog.root, *pair)
    except (PageError, CorrectionError) as err:
        raise CommandError(f"{shown(source)}: {err}") from None
    _follow(catalog)
    second = pair[1]
    print(f"{shown(pair[0][0])}: [{pair[0][1]}] continues with [{second[1]}] of "
          f"{shown(second[0])}, now shown as one article")
    for item in saved:
        print(f"saved in {shown(item.file)}")
    first = catalog.page(pair[0][0])
    for n, a in enumerate(first.articles if first else [], start=1):
        print(f"  {n}. [{a.id}] {a.display_title}")
    return 0


def _jump_target(catalog: Catalog, article: Article, forward: bool) -> tuple[str, str]:
    """The article on the page ``article`` jumps to (from) whose jump marker points back."""
    page_no = article.continues_on if forward else article.continued_from
    if not page_no:
        raise CommandError(f"article {article.id} has no {jump_marker(forward)} jump; name "
                           "the other article with --with ID")
    found = jump_target(catalog, article, forward)
    if found is None:
        raise CommandError(f"no article on page {page_no} of this issue jumps back to page "
                           f"{article.page}; name it with --with ID")
    return found


def _follow(catalog: Catalog) -> None:
    """Read the corrected page again, and re-index it when the library has an index."""
    catalog.sync()
    index = open_library(catalog.root, catalog).open_index()
    if index.path.exists():
        index.update(catalog)


def _status(outcome_status: str) -> str:
    return {"applied": "applies", "already": "already so", "missing": "NO LONGER APPLIES"}[
        outcome_status]


def run_list(args: argparse.Namespace) -> int:
    root = library_root(args)
    pages = list_pages(root, lambda path, source: raw_page(root, source))
    if args.json:
        print_json([{
            "source": item.source,
            "paper": item.page.paper if item.page else None,
            "date": item.page.date.isoformat() if item.page and item.page.date else None,
            "page": item.page.page if item.page else None,
            "files": [str(f) for f in item.files],
            "problems": item.problems,
            "corrections": [{**o.correction.to_dict(), "number": o.number, "status": o.status,
                             "reason": o.reason, "description": o.correction.describe(),
                             "articles": list(o.articles)}
                            for o in item.outcomes],
        } for item in pages])
        return 0
    if not pages:
        print(f"no corrections in {shown(root)}")
        return 0
    for item in pages:
        page = item.page
        head = shown(item.source)
        if page is not None:
            day = page.date.isoformat() if page.date else "undated"
            head += f"  {page.paper or UNKNOWN_PAPER} {day} 第{page.page or '?'}版"
        print(head)
        for o in item.outcomes:
            c = o.correction
            line = f"  {o.number}. {c.describe()} — {c.by} {c.at} ({_status(o.status)}"
            print(line + (f": {o.reason})" if o.status == "missing" else ")"))
            titles = {a.id: a.display_title for a in corrected_articles(root, page, item)}
            for article_id in o.articles:
                print(f"       [{article_id}] {titles.get(article_id, '')}")
        for problem in item.problems:
            print(f"  problem: {problem}")
    return 0


def corrected_articles(root: Path, page: Page | None, item: PageCorrections) -> list[Article]:
    """The articles of the page with its corrections (for their titles)."""
    if page is None:
        return []
    return corrected(page, [o.correction for o in item.outcomes],
                     continuation_from(source_path(root, item.source)))[0].articles


def run_undo(args: argparse.Namespace) -> int:
    root = library_root(args)
    try:
        done = undo(root, args.count)
    except CorrectionError as err:
        raise CommandError(str(err)) from None
    for item in done:
        print(f"undone: {shown(item.source)}: {item.what}")
    _follow(open_catalog(args, quiet=True))
    return 0


def run_export(args: argparse.Namespace) -> int:
    root = library_root(args)
    data = export_data(root, lambda path, source: raw_page(root, source))
    from ..atomicfile import write_json_atomic

    try:
        write_json_atomic(args.file, data)
    except OSError as err:
        raise CommandError(f"cannot write {shown(args.file)}: {err.strerror or err}") from None
    count = sum(len(p["corrections"]) for p in data["pages"])
    print(f"exported {count} corrections of {len(data['pages'])} pages to {shown(args.file)}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    root = library_root(args)
    try:
        pages = read_export(args.file)
    except CorrectionError as err:
        raise CommandError(str(err)) from None
    catalog = open_catalog(args, quiet=True)
    slots: dict[tuple[str, str | None, int | None], str] = {}
    for issue in catalog.issues():
        for number, source in issue.pages:
            day = issue.date.isoformat() if issue.date else None
            slots.setdefault((issue.paper, day, number), source)

    def find(entry: dict[str, Any]) -> tuple[str, Path] | None:
        source = entry.get("source")
        if isinstance(source, str) and source_path(root, source).is_file():
            return source, source_path(root, source)
        slot = slots.get((entry.get("paper") or "", entry.get("date"), entry.get("page")))
        return (slot, source_path(root, slot)) if slot else None

    try:
        report = import_data(root, pages, find)
    except CorrectionError as err:
        raise CommandError(str(err)) from None
    _follow(catalog)
    print(f"{report.added} corrections added to {report.pages} pages, "
          f"{report.already} already there")
    for source in report.not_found:
        print(f"  not in this library: {shown(source)}")
    for conflict in report.conflicts:
        print(f"  {conflict}")
    return 0

