"""Bookmarks follow their articles when pages are read again.

A correction (``reader correct ID set-title …``), a sidecar or a better reading changes how an
article reads, and often its id (the id is made from the headline and the body's start).
``changed(bookmarks, library, pages)`` says which bookmarks now point at an article that
reads differently, with the article as it is now, so the bookmark can be relinked
(``BookmarkStore.relink``: its note and tags stay) and show the current headline. A bookmark
whose id is gone is looked for only in the pages ``pages(ref)`` gives (those of its issue),
so following a change costs a few pages, not the library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..corpus.model import Article, Page
from .bookmark import Bookmark
from .identity import ArticleRef, ArticleStore, Resolver


class _Pages:
    """The articles of some pages, as an ``ArticleStore``."""

    def __init__(self, pages: Iterable[Page]) -> None:
        self._articles = [a for page in pages for a in page.articles]

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self._articles if a.id == article_id), None)

    def articles(self) -> Iterable[Article]:
        return self._articles


def _reads_differently(ref: ArticleRef, article: Article) -> bool:
    now = ArticleRef.of(article)
    return (ref.article_id, ref.display_title, ref.kicker, ref.title, ref.subtitle) != (
        now.article_id, now.display_title, now.kicker, now.title, now.subtitle)


def changed(bookmarks: Iterable[Bookmark], library: ArticleStore,
            pages: Callable[[ArticleRef], Iterable[Page]]) -> list[tuple[Bookmark, Article]]:
    """(bookmark, its article now) for each bookmark whose article reads differently: found
    under its id with another headline, or, its id gone, found again in ``pages(ref)`` (the
    pages of its issue) by its place and headline or its text."""
    out = []
    for bookmark in bookmarks:
        article = library.article(bookmark.article_id)
        if article is None:
            article = Resolver(_Pages(pages(bookmark.ref))).locate(bookmark.ref).article
        if article is not None and _reads_differently(bookmark.ref, article):
            out.append((bookmark, article))
    return out
