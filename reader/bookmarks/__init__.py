"""The user's own data: bookmarks and excerpts with notes and tags (no Qt).

The window and the CLI code against this API::

    store = BookmarkStore.open(path=None)      # data_dir()/bookmarks.sqlite3 by default
    b = store.add(article, note="", tags=())   # -> Bookmark (existing one if already marked)
    store.get(b.id)                            # -> Bookmark | None
    store.find_for_article(article)            # -> Bookmark | None
    store.update(b.id, note=..., tags=...)     # -> Bookmark (BookmarkNotFound if none)
    store.relink(b.id, article)                # after the article was found under a new id
    store.remove(b.id)                         # -> bool
    store.list(tag=None, text=None, sort="added" | "article_date")  # -> list[Bookmark]
    store.tags()                               # -> list[str]
    store.data_version()                       # changes when another process commits
    store.export_json(path, source=None)       # -> int written
    store.import_json(path)                    # -> ImportReport (merge rule: merge.py;
                                               #    every field checked: validate.py)
    store.close()                              # or ``with BookmarkStore.open() as store``
    store.backup_problem                       # why the last rolling backup failed, or None

    store.add_excerpt(article, Passage.cut(article.body, start, end), note="", tags=())
                                               # -> Excerpt (the same passage: the same one)
    store.excerpts(tag=None, text=None)        # -> list[Excerpt], newest first
    store.get_excerpt(id) / update_excerpt(id, note=..., tags=...) / relink_excerpt(id, a)
    store.remove_excerpt(id)                   # -> bool
    place(excerpt, library)                    # -> Placed (.article, .span, .message())

    resolve(bookmark, library)                 # -> Article | None
    Resolver(library).locate(bookmark.ref)     # -> Resolution (.article, .method, .message())

Errors, all ``StoreError`` with a message for the user: ``NewerSchemaError`` (store from a
newer reader, left untouched), ``DamagedStoreError`` (file kept; ``.backup`` is the last good
state or None). For a damaged store the window offers ``restore_backup(path)`` (the damaged
file is renamed aside, not deleted) and ``export_readable(path, out_json)`` (saves what can be
read, importable later), or ``set_aside(path)`` to start a new, empty store beside it.
A backup that cannot be written (a full disk) does not undo the change it follows; it is
logged and kept in ``store.backup_problem`` for the user. A stored row with a field that
cannot be read never stops reading: the bookmark comes with stand-ins and
``bookmark.problem`` saying what is wrong (shown flagged; it can be removed).

Threads and processes: every change is its own SQLite transaction (WAL, busy timeout 30 s),
so several windows and the CLI can use the same file at once. A store object may be used
from any thread (calls are serialised); a worker can also open its own.
"""

from __future__ import annotations

from .backup import backup_path, default_path, restore_backup, set_aside
from .bookmark import Bookmark
from .errors import (
    BookmarkNotFound,
    DamagedStoreError,
    ExcerptNotFound,
    NewerSchemaError,
    StoreError,
    TransferError,
)
from .excerpt import Excerpt
from .excerpt_lookup import Placed, place
from .identity import ArticleRef, ArticleStore, Resolution, Resolver, locate, resolve
from .merge import ImportReport
from .passage import Passage, Span
from .salvage import Salvage, export_readable, read_damaged
from .store import BookmarkStore

__all__ = [
    "ArticleRef",
    "ArticleStore",
    "Bookmark",
    "BookmarkNotFound",
    "BookmarkStore",
    "DamagedStoreError",
    "Excerpt",
    "ExcerptNotFound",
    "ImportReport",
    "NewerSchemaError",
    "Passage",
    "Placed",
    "Resolution",
    "Resolver",
    "Salvage",
    "Span",
    "StoreError",
    "TransferError",
    "backup_path",
    "default_path",
    "export_readable",
    "locate",
    "place",
    "read_damaged",
    "resolve",
    "restore_backup",
    "set_aside",
]
