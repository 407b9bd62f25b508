"""Where a hit's texts come from: the page store the index follows, not the engine.

The engine keeps what a hit shows besides its text (``update._data``: id, source, position,
paper, date, page, the headline shown). The texts are the library's own: its catalog keeps
every page it read, so a second copy in the engine (0.7 × the text at 1,000,000 articles)
would only double what the library takes on disk. A page store that can hand out several
articles at once (``ArticleReader``: the catalog reads each from its own row) is asked
so; any other ``PageStore`` page by page.

An article is taken from its place on the page it was indexed from, or found by its id on
that page when the page was read again since (the next update indexes it again); an article
that is gone gives None, and its hit shows its headline alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from ..corpus.library import PageStore, pick_article
from ..corpus.model import Article, Page

Ref = tuple[str, int, str]
"""An article by the page file it was read from, its place on that page and its id."""


@runtime_checkable
class ArticleReader(Protocol):
    """A page store that hands out the articles of several pages at once."""

    def articles_at(self, refs: Sequence[Ref]) -> list[Article | None]: ...


def read_articles(store: PageStore, refs: Sequence[Ref]) -> list[Article | None]:
    """The articles of ``refs``, in their order (None for one that is gone)."""
    if isinstance(store, ArticleReader):
        return store.articles_at(refs)
    pages: dict[str, Page | None] = {}
    out: list[Article | None] = []
    for source, position, article_id in refs:
        if source not in pages:
            pages[source] = store.page(source)
        page = pages[source]
        out.append(pick_article(page.articles, position, article_id) if page is not None
                   else None)
    return out
