"""Finding an excerpt's passage again in a library: its article, and where in its body.

The article is looked up as a bookmark's is (``Resolver.locate``: id, headline, opening
words). The passage is then looked for in that article and, when it is not there, in the
other articles printed on the same page: a correction that split the article, or a parser
that now cuts the page elsewhere, may have moved the passage into a neighbour. A passage
found exactly wins over one found only alike. One that is found nowhere is reported
(``Placed.message``); the excerpt keeps its text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus.model import Article
from .excerpt import Excerpt
from .identity import ArticleStore, Resolver
from .passage import Span, find_in


@dataclass(frozen=True)
class Placed:
    """Where an excerpt is now: its article and the passage's span in the body (both None
    when it cannot be found again)."""

    article: Article | None
    span: Span | None = None

    @property
    def found(self) -> bool:
        return self.article is not None and self.span is not None

    def message(self, excerpt: Excerpt) -> str:
        """One line for the user, above all when the passage cannot be found again."""
        shown = excerpt.text if len(excerpt.text) <= 30 else excerpt.text[:30] + "…"
        if self.span is None:
            where = "its article is not in this library any more" if self.article is None \
                else f"“{self.article.display_title}” no longer holds it"
            return f"the excerpt “{shown}” cannot be found again ({where}); its text is kept"
        if not self.span.exact:
            return f"the excerpt “{shown}” was found changed (the article was corrected)"
        return f"the excerpt “{shown}” found"


def _candidates(excerpt: Excerpt, resolver: Resolver, first: list[Article]
                ) -> Iterator[Article]:
    """The article found for the excerpt (and its rivals), then its neighbours on the page
    (looked at only when the passage is not in the first)."""
    yield from first
    seen = {a.id for a in first}
    yield from (a for a in resolver.nearby(excerpt.ref) if a.id not in seen)


def place(excerpt: Excerpt, source: ArticleStore,
          resolver: Resolver | None = None) -> Placed:
    """Find ``excerpt`` in ``source`` (pass one ``resolver`` for many excerpts)."""
    resolver = resolver or Resolver(source)
    found = resolver.locate(excerpt.ref)
    first = [a for a in (found.article, *found.candidates) if a is not None]
    best: Placed | None = None
    for article in _candidates(excerpt, resolver, first):
        span = find_in(article.body, excerpt.passage)
        if span is not None and span.exact:
            return Placed(article, span)
        if span is not None and best is None:
            best = Placed(article, span)
    return best if best is not None else Placed(found.article)
