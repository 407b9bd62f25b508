"""The articles an export of bookmarks and excerpts holds, with what the user wrote.

Each bookmark gives its article (whole) with its note and tags; each excerpt gives its
passage as a quotation under its article, with its own note and tags. An article kept only
for its excerpts is exported without its whole text. The passage is quoted as the article
reads now (a correction mended it) when it is found, else as it was kept, with a line in
``missing`` saying so; an excerpt or bookmark whose article is not in the library is left
out, with a line in ``missing``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..corpus.model import Article
from ..export import Annotation, Quote
from .bookmark import Bookmark
from .excerpt import Excerpt
from .excerpt_lookup import place
from .identity import ArticleStore, Resolver


@dataclass
class Gathered:
    """Articles in the order they came, what to print with each (by article id), and what
    could not be found."""

    articles: list[Article] = field(default_factory=list)
    notes: dict[str, Annotation] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def take(self, article: Article, *, whole: bool) -> Annotation:
        """Make room for ``article``; return what is noted for it so far."""
        if article.id not in self.notes:
            self.articles.append(article)
            self.notes[article.id] = Annotation(quotes_only=not whole)
        elif whole:
            self.notes[article.id] = replace(self.notes[article.id], quotes_only=False)
        return self.notes[article.id]


def gather(source: ArticleStore, bookmarks: Iterable[Bookmark] = (),
           excerpts: Iterable[Excerpt] = (), articles: Iterable[Article] = ()) -> Gathered:
    """``articles`` (asked for by id: whole), then those of ``bookmarks`` and ``excerpts``."""
    out = Gathered()
    resolver = Resolver(source)
    for article in articles:
        out.take(article, whole=True)
    for bookmark in bookmarks:
        found = resolver.locate(bookmark.ref)
        if found.article is None:
            out.missing.append(found.message(bookmark.ref))
            continue
        had = out.take(found.article, whole=True)
        out.notes[found.article.id] = replace(had, note=bookmark.note, tags=bookmark.tags)
    quoted: dict[str, list[tuple[int, Quote]]] = {}
    for excerpt in excerpts:
        placed = place(excerpt, source, resolver)
        if placed.article is None:
            out.missing.append(placed.message(excerpt))
            continue
        text, at = excerpt.text, len(placed.article.body)
        if placed.span is not None:
            text, at = placed.article.body[placed.span.start:placed.span.end], placed.span.start
        else:
            out.missing.append(placed.message(excerpt) + " (quoted as it was kept)")
        out.take(placed.article, whole=False)
        quoted.setdefault(placed.article.id, []).append(
            (at, Quote(text, excerpt.note, excerpt.tags)))
    for article_id, quotes in quoted.items():  # in the order they are printed in the article
        ordered = tuple(q for _, q in sorted(quotes, key=lambda pair: pair[0]))
        out.notes[article_id] = replace(out.notes[article_id], quotes=ordered)
    return out
