"""The window's door to the search core (``reader.search``), used on the search thread.

The core (numpy, OpenCC, jieba) is imported there, when the index is first opened, not while
the window starts: its import would delay the first paint by a few hundred milliseconds.
Occurrences come back as ``(field, start, end)`` tuples, field being
kicker/title/subtitle/byline/body and the offsets into that field of the article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..backend import LibraryBackend, LibraryIndex
from ..corpus.catalog import Catalog
from ..corpus.model import Article

if TYPE_CHECKING:
    from ..search import UpdateStats


@dataclass
class IndexAccess:
    """The open index with the two errors its searches raise on purpose."""

    index: LibraryIndex
    query_error: type[Exception]
    not_ready: type[Exception]

    def update(self, catalog: Catalog, progress: Callable[[int, int], None],
               cancelled: Callable[[], bool], waiting: Callable[[], None] | None = None,
               ) -> UpdateStats:
        """Bring the index up to date. ``waiting()`` is called when another reader is
        updating the same index first. The names follow later (``NamesController``): the
        window searches as soon as the index is ready."""
        return self.index.update(catalog, progress=progress, cancelled=cancelled,
                                 waiting=waiting, names=False)

    def rebuild_reason(self) -> str | None:
        """Why the next update starts an existing index anew (damaged, of another version,
        left half-built), or None (none yet is a first build, not a rebuild)."""
        if not self.index.path.exists():
            return None
        reason = self.index.check()
        return str(reason) if reason else None

    def occurrences(self, article: Article, query: str) -> list[tuple[str, int, int]]:
        from ..search import occurrences

        return [(o.field, o.start, o.end) for o in occurrences(article, query)]


def open_index(library: LibraryBackend) -> IndexAccess:
    from ..search import IndexNotReady, QueryError

    return IndexAccess(library.open_index(), QueryError, IndexNotReady)
