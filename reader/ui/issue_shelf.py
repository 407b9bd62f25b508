"""The library's issues as the window shows them, without widgets: by key in the catalog's
order, and the issue each page file belongs to; the newest dated one, and the neighbours.
"""

from __future__ import annotations

import datetime as dt

from ..corpus.catalog import IssueInfo


class IssueShelf:
    """The issues of the last reading of the library (``load`` replaces them)."""

    def __init__(self) -> None:
        self._by_key: dict[str, IssueInfo] = {}
        self._of_source: dict[str, str] = {}

    def load(self, issues: list[IssueInfo]) -> None:
        self._by_key = {i.key: i for i in issues}
        self._of_source = {src: i.key for i in issues for _, src in i.pages}

    def get(self, key: str) -> IssueInfo | None:
        return self._by_key.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def as_dict(self) -> dict[str, IssueInfo]:
        return dict(self._by_key)

    def of_source(self, source: str) -> str | None:
        """The key of the issue a page file belongs to."""
        return self._of_source.get(source)

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
