"""Authors for a citation: the people or offices a byline credits (see ``corpus.byline``)."""

from __future__ import annotations

from ..corpus.byline import authors


def credited_authors(byline: str | None) -> list[str]:
    """The people or offices credited in ``byline``, roles and agency leads removed."""
    return authors(byline)
