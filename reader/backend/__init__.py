"""The seam between the two faces and where a library is kept: what opening a library gives.

The window (``reader.ui.app``) and the command line (``reader.cli.common``) open a library
with ``open_library(location)`` and reach it only through the ``LibraryBackend`` that
returns:

- ``catalog``: the pages, issues and articles (a ``Catalog``, answering ``LibraryCatalog``);
  it is also the ``PageStore`` the search index reads pages from;
- ``open_index()``: the library's search (``LibraryIndex``), opened by the thread that
  searches;
- ``open_bookmarks()``: the reader's bookmarks (``LibraryBookmarks``; raises ``StoreError``
  when they cannot be used);
- ``corrections``: the reader's corrections of the library's pages (``Corrections``), or
  None where the library takes none;
- ``connection``: a shared archive's connection, whose loss the window shows;
- ``shared``: whether the library is a shared archive (nothing to read from a folder, to
  watch or to index: the faces hide what means nothing there).

Two implementations: a folder of page files (``folder.FolderBackend``) and a shared archive
on PostgreSQL (``server.ServerBackend``), which ``open_library`` returns for a
``postgresql://`` URL or a libpq ``service=NAME`` (``reader.server.url`` tells them apart
without loading the driver). The protocols list only what the faces call; mypy checks
that both implementations satisfy them (``folder._satisfies``, ``server._satisfies``).
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..corpus.catalog import Catalog
from ..server.url import is_server_url

if TYPE_CHECKING:  # (the correction rules load with the first correction, not every start)
    from ..bookmarks import Bookmark, Excerpt, Passage
    from ..corpus.catalog import ArticleInfo, IssueInfo, Progress, SyncResult
    from ..corpus.correction_store import Build, Saved, Undone
    from ..corpus.corrections import Outcome
    from ..corpus.model import Article, Page
    from ..problems import Problem
    from ..search import Results, UpdateStats
    from ..search.matches import DatedMatches
    from ..search.names import NameCount, NameStats


class Corrections(Protocol):
    """The corrections of one library's pages (``reader.corpus.correction_store``)."""

    def of_article(self, source: str, article_id: str) -> list[Outcome]:
        """The corrections made to the article ``article_id`` of the page ``source``."""
        ...

    def correct(self, source: str, article_id: str, build: Build) -> Saved:
        """Save the correction ``build`` makes of the article (``CorrectionError`` when it
        cannot be made, ``ConflictError`` when the page changed meanwhile)."""
        ...

    def undo(self, count: int = 1) -> list[Undone]:
        """Take back the last ``count`` corrections saved in this library."""
        ...


class LibraryCatalog(Protocol):
    """What the faces ask of a library's catalog: issues, pages, articles, counts."""

    @property
    def root(self) -> Path:
        """The library's folder, or the archive's URL (no password) as a path."""
        ...

    def close(self) -> None: ...

    def sync(self, progress: Progress | None = None, cancelled: Any = None,
             workers: int | None = None, quick: bool = False) -> SyncResult:
        """Read what changed (a folder); a shared archive only reads its problem files."""
        ...

    def state(self) -> str:
        """A token that changes whenever the pages change."""
        ...

    def touched_since(self, token: str) -> dict[str, str | None] | None:
        """The pages changed after the state ``token`` named, with their stamps (None: gone),
        or None when this backend cannot tell."""
        ...

    def stamps(self) -> dict[str, str]: ...

    def page(self, source: str) -> Page | None: ...

    def problems(self) -> list[Problem]: ...

    def issues(self) -> list[IssueInfo]: ...

    def papers(self) -> list[str]: ...

    def article_infos(self, source: str) -> list[ArticleInfo]: ...

    def locate(self, article_id: str) -> tuple[str, int] | None: ...

    def article(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterator[Article]: ...

    def paper_summaries(self) -> list[dict[str, object]]: ...

    def unnamed_records(self) -> bool: ...

    def undated_sources(self) -> list[str]: ...

    def warned_sources(self) -> list[str]: ...

    def counts(self) -> dict[str, int]: ...


class NamesOf(Protocol):
    """The names found in each article (``search.names.NameIndex``)."""

    def names_of(self, article_id: str) -> list[Any]: ...


class LibraryIndex(Protocol):
    """What the faces ask of a library's search: hits, the timeline's counts, names."""

    @property
    def path(self) -> Path:
        """Where the index is kept (a shared archive's URL: no file)."""
        ...

    @property
    def ready(self) -> bool:
        """Searches can be answered."""
        ...

    @property
    def names(self) -> NamesOf: ...

    @property
    def name_stats(self) -> NameStats:
        """What the last ``update`` did to the names."""
        ...

    def check(self) -> str | None:
        """Why the next ``update`` starts the index anew, or None."""
        ...

    def update(self, source: Any, progress: Progress | None = None,
               cancelled: Any = None, *, rebuild: bool = False, workers: int | None = None,
               waiting: Callable[[], None] | None = None, names: bool = True
               ) -> UpdateStats:
        """Index what changed in ``source`` (a shared archive indexes at its import)."""
        ...

    def update_names(self, source: Any, progress: Progress | None = None,
                     cancelled: Any = None) -> NameStats: ...

    def search(self, query: Any, limit: int = 20, offset: int = 0, sort: str = "relevance",
               papers: Sequence[str] | None = None, date_from: dt.date | None = None,
               date_to: dt.date | None = None) -> Results: ...

    def matching_ids(self, query: Any, sort: str = "relevance",
                     papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                     date_to: dt.date | None = None) -> list[str]: ...

    def dated_matches(self, query: Any, occurrences: bool = False,
                      papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                      date_to: dt.date | None = None) -> DatedMatches: ...

    def top_names(self, query: Any, kind: str | None = None, limit: int = 10,
                  papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                  date_to: dt.date | None = None) -> list[NameCount]: ...

    def article(self, article_id: str) -> Article | None: ...


class LibraryBookmarks(Protocol):
    """What the faces ask of the reader's bookmarks and excerpts. Every write either is
    made or raises ``StoreError``: it is never reported as done when it was not."""

    @property
    def backup_problem(self) -> str | None:
        """Why the rolling backup could not be written (None: fine, or none is kept)."""
        ...

    def __enter__(self) -> Any: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def data_version(self) -> int:
        """A number that changes when the bookmarks change (here or elsewhere)."""
        ...

    def list(self, tag: str | None = None, text: str | None = None,
             sort: Any = "added") -> builtins.list[Bookmark]: ...

    def get(self, bookmark_id: int) -> Bookmark | None: ...

    def find_for_article(self, article: Article) -> Bookmark | None: ...

    def tags(self) -> builtins.list[str]: ...

    def add(self, article: Article, note: str = "", tags: Iterable[str] = ()) -> Bookmark: ...

    def update(self, bookmark_id: int, *, note: str | None = None,
               tags: Iterable[str] | None = None) -> Bookmark: ...

    def relink(self, bookmark_id: int, article: Article) -> Bookmark: ...

    def remove(self, bookmark_id: int) -> bool: ...

    def excerpts(self, tag: str | None = None, text: str | None = None
                 ) -> builtins.list[Excerpt]: ...

    def get_excerpt(self, excerpt_id: int) -> Excerpt | None: ...

    def add_excerpt(self, article: Article, passage: Passage, note: str = "",
                    tags: Iterable[str] = ()) -> Excerpt: ...

    def update_excerpt(self, excerpt_id: int, *, note: str | None = None,
                       tags: Iterable[str] | None = None) -> Excerpt: ...

    def relink_excerpt(self, excerpt_id: int, article: Article) -> Excerpt: ...

    def remove_excerpt(self, excerpt_id: int) -> bool: ...


class Connection(Protocol):
    """A shared archive's connection as the window watches it (``server.connection``)."""

    @property
    def shown(self) -> str:
        """The archive's URL as shown (no password)."""
        ...

    @property
    def lost(self) -> str | None:
        """Why the archive cannot be reached now, or None while it can."""
        ...

    def watch(self, listener: Callable[[str | None], None]) -> None:
        """``listener(message)`` when it is lost, ``listener(None)`` when reached again."""
        ...

    def probe(self) -> bool:
        """Try to reach the archive now; whether it answered."""
        ...


class LibraryBackend(Protocol):
    """A library as the faces reach it: its catalog, its index, bookmarks, corrections."""

    @property
    def root(self) -> Path:
        """Where the library is (its folder; an archive's URL), as shown and remembered."""
        ...

    @property
    def location(self) -> str:
        """The library as the user named it: a folder's path, or an archive's URL (with
        no password), to remember in the recent list and give to ``open_library``."""
        ...

    @property
    def shared(self) -> bool:
        """A shared archive: no folder to read, watch, index or add pages to."""
        ...

    @property
    def connection(self) -> Connection | None:
        """A shared archive's connection (None for a folder)."""
        ...

    @property
    def catalog(self) -> Catalog: ...

    @property
    def corrections(self) -> Corrections | None:
        """None where corrections cannot be kept (a shared archive, for now)."""
        ...

    def open_index(self) -> LibraryIndex:
        """The search index (a cache: it may be rebuilt at any time)."""
        ...

    def open_bookmarks(self) -> LibraryBookmarks:
        """The reader's bookmarks: the user's store (of every library), or the archive's."""
        ...


def open_library(location: Path | str, catalog: Catalog | None = None) -> LibraryBackend:
    """The library at ``location`` (not read yet: ``catalog.sync()`` reads it); ``catalog``
    when one is open already. A shared archive's URL connects to it (``ServerError`` saying
    why it cannot be reached, or is no archive)."""
    if is_server_url(location):
        from .server import ServerBackend

        return ServerBackend.connect(str(location))
    from .folder import FolderBackend

    root = Path(location)
    return FolderBackend(catalog if catalog is not None else Catalog(root))


__all__ = ["Connection", "Corrections", "LibraryBackend", "LibraryBookmarks", "LibraryCatalog",
           "LibraryIndex", "NamesOf", "open_library"]
