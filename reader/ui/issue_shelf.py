"""The library's issues as the window shows them, without widgets: by key in the catalog's
order, and the issue each page file belongs to; the newest dated one, and the neighbours.

The map from page files to issues is made when it is first asked for, not at every load: at
1,000,000 articles it holds 181,824 files, and a start needs none of them.
"""

from __future__ import annotations

import datetime as dt

from ..corpus.catalog import IssueInfo, issue_key
from ..corpus.model import UNKNOWN_PAPER, Article


class IssueShelf:
    """The issues of the last reading of the library (``load`` replaces them)."""

    def __init__(self) -> None:
        self._by_key: dict[str, IssueInfo] = {}
        self._of_source: dict[str, str] | None = None

    def load(self, issues: list[IssueInfo]) -> None:
        self._by_key = {i.key: i for i in issues}
        self._of_source = None

    def get(self, key: str) -> IssueInfo | None:
        return self._by_key.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def as_dict(self) -> dict[str, IssueInfo]:
        return dict(self._by_key)

    def of_source(self, source: str) -> str | None:
        """The key of the issue a page file belongs to."""
        if self._of_source is None:
            self._of_source = {src: key for key, issue in self._by_key.items()
                               for _, src in issue.pages}
        return self._of_source.get(source)

    def of_article(self, article: Article) -> str | None:
        """The key of the issue ``article``'s page file belongs to: the issue its paper and
        date name when that one holds the file (no map of every file needed), else looked up."""
        day = article.date.isoformat() if article.date else None
        guess = self._by_key.get(issue_key(article.paper or UNKNOWN_PAPER, day, article.source))
        if guess is not None and any(src == article.source for _, src in guess.pages):
            return guess.key
        return self.of_source(article.source)

    def newest_dated(self) -> str | None:
        dated = [key for key, issue in self._by_key.items() if issue.date is not None]
        if not dated:
            return None
        return max(dated, key=lambda key: self._by_key[key].date or dt.date.min)

    def step(self, current: str | None, step: int) -> str | None:
        """The issue ``step`` places from ``current`` (the first one when there is none)."""
        keys = list(self._by_key)
        if not keys:
            return None
        at = keys.index(current) + step if current is not None and current in self._by_key \
            else 0
        return keys[at] if 0 <= at < len(keys) else None
