"""``reader bookmarks list|add|remove|export|import|restore|salvage|set-aside``: bookmarks
from the command line.

The store is the one the window uses (``bookmarks.sqlite3`` in the user data folder), so the
CLI and a running window can change it at the same time.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bookmarks import (
    Bookmark,
    BookmarkStore,
    DamagedStoreError,
    Resolver,
    StoreError,
    export_readable,
    restore_backup,
    set_aside,
)
from ..bookmarks.backup import default_path
from ..bookmarks.bookmark import Kept
from ..bookmarks.transfer import entry
from ..corpus.model import UNKNOWN_PAPER, Article
from ..server.url import safe_url
from .common import (
    CommandError,
    add_library_option,
    open_archive,
    open_catalog,
    print_json,
    warn,
)

if TYPE_CHECKING:
    from ..backend import LibraryBookmarks


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bookmarks", help="list, add, remove, export and import bookmarks")
    bsub = p.add_subparsers(dest="bookmarks_command", metavar="ACTION", required=True)

    ls = bsub.add_parser("list", help="bookmarks, newest first, and whether each is found")
    ls.add_argument("--json", action="store_true", help="print a JSON array")
    ls.add_argument("--tag", help="only bookmarks with this tag")
    ls.add_argument("--text", help="only bookmarks whose note or headline contains TEXT")
    ls.add_argument("--sort", choices=("added", "article_date"), default="added")
    add_library_option(ls)
    ls.set_defaults(func=run_list)

    add = bsub.add_parser("add", help="bookmark an article")
    add.add_argument("id", metavar="ID", help="article id (see `reader parse`)")
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--tag", action="append", default=[], metavar="TAG",
                     help="a tag (repeat for more)")
    add_library_option(add)
    add.set_defaults(func=run_add)

    rm = bsub.add_parser("remove", help="remove a bookmark (by #number or article id)")
    rm.add_argument("id", metavar="ID")
    rm.set_defaults(func=run_remove)

    ex = bsub.add_parser("export", help="write all bookmarks with notes and citations to JSON")
    ex.add_argument("file", type=Path, metavar="FILE")
    add_library_option(ex)
    ex.set_defaults(func=run_export)

    im = bsub.add_parser("import", help="merge bookmarks from a JSON file (notes are kept)")
    im.add_argument("file", type=Path, metavar="FILE")
    im.set_defaults(func=run_import)

    rs = bsub.add_parser("restore", help="put the last good backup in place of a damaged store")
    rs.set_defaults(func=run_restore)

    sv = bsub.add_parser("salvage", help="save what can still be read from a damaged store to "
                         "a JSON file (importable; the damaged store is only read)")
    sv.add_argument("file", type=Path, metavar="FILE")
    sv.set_defaults(func=run_salvage)

    sa = bsub.add_parser("set-aside", help="rename a damaged store aside (it is kept) so that a "
                         "new, empty one starts; only when the store is damaged or holds "
                         "bookmarks that cannot be read in full")
    sa.set_defaults(func=run_set_aside)


def open_store() -> BookmarkStore:
    """The user's bookmark store, or a CommandError saying what is wrong with it."""
    try:
        return BookmarkStore.open()
    except DamagedStoreError as err:
        hint = "; `reader bookmarks restore` puts the backup back" if err.backup else ""
        hint += "; `reader bookmarks salvage FILE` saves what can still be read"
        raise CommandError(f"{err}{hint}") from None
    except StoreError as err:
        raise CommandError(str(err)) from None


def open_bookmarks(args: argparse.Namespace) -> LibraryBookmarks:
    """The bookmarks of the library ``--library`` names (``LibraryBackend.open_bookmarks``):
    the shared archive's own (those of the role connected), or else the user's store."""
    location = getattr(args, "library", None)
    if isinstance(location, str):
        return open_archive(location).open_bookmarks()
    return open_store()


def warn_backup(store: LibraryBookmarks) -> None:
    if store.backup_problem:
        warn(f"warning: {store.backup_problem}")


def heading(kept: Kept) -> str:
    """``#3  2022-08-10 钱塘新区报 第1版  标题  [tags]``: a bookmark or excerpt listed."""
    ref = kept.ref
    day = ref.date.isoformat() if ref.date else "日期不详"
    page = f"第{ref.page}版" if ref.page is not None else ""
    line = f"#{kept.id}  {day} {ref.paper or UNKNOWN_PAPER} {page}  {kept.title}"
    return line + (f"  [{', '.join(kept.tags)}]" if kept.tags else "")


def listed(kept: Kept, article: Article | None, found: bool) -> dict[str, Any]:
    """A bookmark or excerpt as ``list --json`` prints it."""
    data = entry(kept, article)
    data["id"] = kept.id
    data["found"] = found
    data["current_article_id"] = article.id if article is not None else None
    return data


def _describe(b: Bookmark, found: bool) -> str:
    line = heading(b)
    if b.note:
        first = b.note.strip().splitlines()[0]
        line += f"\n      {first[:60]}{'…' if len(first) > 60 else ''}"
    if b.problem:
        line += (f"\n      (damaged: {b.problem}; shown as far as it can be read; "
                 f"`reader bookmarks remove #{b.id}` removes it)")
    elif not found:
        line += "\n      (not found in this library; the bookmark is kept)"
    return line


def run_list(args: argparse.Namespace) -> int:
    with open_bookmarks(args) as store:
        bookmarks = store.list(tag=args.tag, text=args.text, sort=args.sort)
    catalog = open_catalog(args, quiet=True)
    try:
        resolver = Resolver(catalog)
        rows: list[tuple[Bookmark, Any]] = [(b, resolver.locate(b.ref).article)
                                            for b in bookmarks]
    finally:
        catalog.close()
    if args.json:
        print_json([listed(b, article, article is not None) for b, article in rows])
    else:
        for b, article in rows:
            print(_describe(b, article is not None))
    return 0


def article_named(args: argparse.Namespace) -> Article:
    """The article ``args.id`` of the library, or a CommandError naming the library."""
    catalog = open_catalog(args, quiet=True)
    try:
        article = catalog.article(args.id)
    finally:
        catalog.close()
    if article is None:
        raise CommandError(f"no article with id {args.id} in the library {catalog.root}")
    return article


def run_add(args: argparse.Namespace) -> int:
    article = article_named(args)
    with open_bookmarks(args) as store:
        try:
            b = store.add(article, note=args.note, tags=args.tag)
        except StoreError as err:
            raise CommandError(str(err)) from None
        warn_backup(store)
    print(f"bookmarked #{b.id}: {b.title}")
    return 0


def _find(store: LibraryBookmarks, key: str) -> Bookmark:
    for b in store.list():
        if b.article_id == key:
            return b
    number = key.removeprefix("#")
    if number.isdigit() and (numbered := store.get(int(number))) is not None:
        return numbered
    raise CommandError(f"no bookmark {key} (give its #number or its article id)")


def run_remove(args: argparse.Namespace) -> int:
    with open_bookmarks(args) as store:
        b = _find(store, args.id)
        try:
            store.remove(b.id)
        except StoreError as err:
            raise CommandError(str(err)) from None
        warn_backup(store)
    print(f"removed #{b.id}: {b.title}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    if isinstance(getattr(args, "library", None), str):
        raise CommandError(f"{safe_url(args.library)}: `reader bookmarks export` writes the "
                           "bookmarks of this computer; the archive's own are listed by "
                           "`reader bookmarks list --json` (they stay in the archive)")
    catalog = open_catalog(args, quiet=True)
    try:
        with open_store() as store:
            count = store.export_json(args.file, catalog)
    except StoreError as err:
        raise CommandError(str(err)) from None
    finally:
        catalog.close()
    print(f"exported {count} bookmark{'s' if count != 1 else ''} to {args.file}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_store() as store:
        try:
            report = store.import_json(args.file)
        except StoreError as err:
            raise CommandError(str(err)) from None
        warn_backup(store)
    print(f"imported {args.file}: {report.summary()}")
    for title in report.joined_notes:
        print(f"  both notes kept: {title}")
    for problem in report.skipped:
        print(f"  skipped {problem}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    try:
        aside = restore_backup()
    except StoreError as err:
        raise CommandError(str(err)) from None
    print(f"restored the bookmarks from the backup; the replaced file is kept as {aside}")
    return 0


def run_salvage(args: argparse.Namespace) -> int:
    try:
        salvage = export_readable(None, args.file)
    except StoreError as err:
        raise CommandError(str(err)) from None
    for problem in salvage.problems:
        warn(str(problem))
    count = len(salvage.bookmarks)
    kept = len(salvage.excerpts)
    also = f" and {kept} excerpt{'s' if kept != 1 else ''}" if kept else ""
    print(f"saved {count} bookmark{'s' if count != 1 else ''}{also} that could be read to "
          f"{args.file}; "
          f"after `reader bookmarks set-aside`, `reader bookmarks import {args.file}` takes "
          "them into a new store")
    return 0 if count or kept or not salvage.problems else 1


def run_set_aside(args: argparse.Namespace) -> int:
    try:
        with BookmarkStore.open() as store:
            flagged = [b for b in store.list() if b.problem]
    except DamagedStoreError:
        pass
    except StoreError as err:
        raise CommandError(str(err)) from None
    else:
        if not flagged:
            raise CommandError("the bookmark store is not damaged; nothing was changed")
        from sys import stderr

        print(f"reader: {len(flagged)} bookmark{'s' if len(flagged) != 1 else ''} in the store "
              "cannot be read in full (`reader bookmarks list` flags them)", file=stderr)
    aside = set_aside(default_path())
    print(f"the damaged store is kept as {aside}; a new, empty store starts with the next "
          "bookmark")
    return 0
