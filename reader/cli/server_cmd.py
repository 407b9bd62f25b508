"""``reader server init|migrate|import|info|grant``: running a shared archive on PostgreSQL.

Also the client side of the other commands: ``reader --library postgresql://… search|show|
bookmarks …`` read the archive through the objects made here. The driver (psycopg) is
imported only by commands that use an archive.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CommandError, print_json, shown, warn

if TYPE_CHECKING:
    from ..server.bookmarks import ServerBookmarks
    from ..server.catalog import ServerCatalog
    from ..server.connection import Archive
    from ..server.search import ServerSearch


_URL_HELP = "the archive's database, postgresql://user@host/db (passwords from ~/.pgpass)"
Func = Callable[[argparse.Namespace], int]


def _action(ssub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str,
            func: Func, json: str | None = None) -> argparse.ArgumentParser:
    """A ``reader server NAME URL …`` action (with ``--json`` when ``json`` says what it
    prints)."""
    p = ssub.add_parser(name, help=text)
    p.add_argument("url", metavar="URL", help=_URL_HELP)
    if json:
        p.add_argument("--json", action="store_true", help=json)
    p.set_defaults(func=func)
    return p


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("server", help="a shared archive on PostgreSQL (for its administrator)")
    ssub = p.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    _action(ssub, "init", "create the archive's tables in an empty database", run_init)
    _action(ssub, "migrate", "bring the archive's tables to this reader's version", run_migrate)
    im = _action(ssub, "import", "load a library folder (only what changed)", run_import,
                 json="print the counts as JSON")
    im.add_argument("folder", metavar="DIR", type=Path, help="the library folder")
    _action(ssub, "info", "papers, dates, counts and problem files of the archive", run_info,
            json="print JSON")
    co = _action(ssub, "collection", "a collection of your bookmarks in the archive: create "
                 "it, share it with a group role, add articles to it", run_collection)
    co.add_argument("name", metavar="NAME")
    co.add_argument("ids", metavar="ID", nargs="*", help="articles to add to it")
    co.add_argument("--share", metavar="ROLE", help="share it with this group role")
    co.add_argument("--writable", action="store_true",
                    help="with --share: the group may add and change its bookmarks")
    co.add_argument("--private", action="store_true", help="share it with nobody")
    gr = _action(ssub, "grant", "let existing login roles read and keep bookmarks", run_grant)
    gr.add_argument("roles", metavar="ROLE", nargs="+")


def connect(url: str) -> Archive:
    """The archive at ``url``, or a CommandError saying why it cannot be reached."""
    from ..server.connection import Archive, ServerError

    try:
        return Archive.open(url)
    except ServerError as err:
        raise CommandError(str(err)) from None


def server_catalog(url: str) -> ServerCatalog:
    from ..server.catalog import ServerCatalog
    from ..server.connection import ServerError

    archive = connect(url)
    try:
        return ServerCatalog(archive)
    except ServerError as err:
        archive.close()
        raise CommandError(str(err)) from None


def server_search(url: str) -> ServerSearch:
    from ..server.search import ServerSearch

    return ServerSearch(server_catalog(url).archive)


def server_bookmarks(url: str) -> ServerBookmarks:
    from ..server.bookmarks import ServerBookmarks

    return ServerBookmarks(server_catalog(url).archive)


def run_init(args: argparse.Namespace) -> int:
    from ..server import schema

    archive = connect(args.url)
    try:
        if archive.run(schema.version) is not None:
            raise CommandError(f"{archive.shown}: there is an archive in this database "
                               "already (`reader server migrate` updates it)")
        steps = schema.migrate(archive)
    finally:
        archive.close()
    print(f"archive created in {archive.shown} (schema version {steps[-1].version}); "
          f"readers are members of the role {schema.READERS_ROLE}")
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    from ..server import schema

    archive = connect(args.url)
    try:
        steps = schema.migrate(archive)
    finally:
        archive.close()
    if not steps:
        print(f"{archive.shown}: the archive is up to date (schema version {schema.LATEST})")
    for step in steps:
        print(f"{archive.shown}: applied {step.version}: {step.description}")
    return 0


class _Progress:
    """A line on stderr now and then: ``importing pages 120/4000``."""

    def __init__(self, label: str) -> None:
        self.label, self.last = label, 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total and (done == total or now - self.last > 2.0):
            self.last = now
            print(f"{self.label} {done}/{total}", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace) -> int:
    from ..server.importer import import_library

    if not args.folder.is_dir():
        raise CommandError(f"{shown(args.folder)}: no such library folder")
    archive = connect(args.url)
    try:
        stats = import_library(
            archive, args.folder, progress=_Progress("importing pages"),
            reading=_Progress("reading pages"),
            waiting=lambda: warn("another import into this archive is running; waiting for "
                                 "it to finish"))
    finally:
        archive.close()
    for problem in stats.problems:
        warn(problem)
    if args.json:
        print_json({k: v for k, v in vars(stats).items() if k != "problems"}
                   | {"problems": len(stats.problems)})
        return 0
    print(f"{archive.shown}: {stats.added} pages added, {stats.changed} changed, "
          f"{stats.removed} removed, {stats.unchanged} unchanged ({stats.articles} articles "
          f"written) in {stats.seconds:.1f} s; {len(stats.problems)} problem files")
    return 0


def run_info(args: argparse.Namespace) -> int:
    from ..corpus.summary import library_info
    from .library_cmd import print_info

    catalog = server_catalog(args.url)
    try:
        info = library_info(catalog)
    finally:
        catalog.close()
    return print_info(info, args.json, "Archive")


def run_collection(args: argparse.Namespace) -> int:
    from ..server.bookmarks import ServerBookmarks
    from ..server.connection import ServerError

    catalog = server_catalog(args.url)
    marks = ServerBookmarks(catalog.archive)
    try:
        role = marks.role()
        found = [c for c in marks.collections() if c.owner == role and c.name == args.name]
        collection = found[0] if found else marks.create_collection(args.name)
        if args.share or args.private:
            marks.share(collection.id, None if args.private else args.share, args.writable)
        for article_id in args.ids:
            article = catalog.article(article_id)
            if article is None:
                raise CommandError(f"no article with id {article_id} in {catalog.archive.shown}")
            marks.add(article, collection=collection.id)
        collection = next(c for c in marks.collections() if c.id == collection.id)
        items = marks.list(collection=collection.id)
        passages = marks.excerpts(collection=collection.id)
    except ServerError as err:
        raise CommandError(str(err)) from None
    finally:
        catalog.close()
    shared = (f"shared with {collection.shared_with}"
              f"{' (writable)' if collection.writable else ' (read-only)'}"
              if collection.shared_with else "private")
    print(f"collection {collection.name} of {collection.owner}, {shared}: "
          f"{len(items)} bookmark{'' if len(items) == 1 else 's'}"
          + (f", {len(passages)} excerpt{'' if len(passages) == 1 else 's'}" if passages
             else ""))
    for b in items:
        print(f"  #{b.id}  {b.ref.date or '日期不详'} {b.ref.paper or '?'}  {b.title}")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    from ..server import schema
    from ..server.connection import ServerError

    archive = connect(args.url)
    try:
        for role in args.roles:
            try:
                schema.grant_reader(archive, role)
            except ServerError as err:
                raise CommandError(str(err)) from None
            print(f"{role} may read {archive.shown} and keep bookmarks there")
    finally:
        archive.close()
    return 0
