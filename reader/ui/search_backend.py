"""The one place that knows which search core the window talks to.

``open_index`` returns the real index (``reader.search``) when that package is installed, and
the plain scan of ``scan_search`` otherwise. Both give hits with ``id, paper, date, page,
title, snippet, highlights`` and occurrences as ``(field, start, end)``, field being
kicker/title/subtitle/byline/body and the offsets into that field of the article.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..corpus.catalog import Catalog
from ..corpus.model import Article
from .scan_search import ScanIndex, ScanQueryError


@dataclass
class Backend:
    index: Any
    query_errors: tuple[type[BaseException], ...]
    not_ready: tuple[type[BaseException], ...]
    find_occurrences: Callable[[Article, str], Iterable[Any]]
    fallback: bool

    def update(self, catalog: Catalog, progress: Any, cancelled: Any,
               waiting: Any = None) -> Any:
        """Bring the index up to date; returns the core's ``UpdateStats`` (None for the scan).
        ``waiting()`` is called when another reader is updating the same index first."""
        if self.fallback:
            return self.index.update(catalog, progress=progress, cancelled=cancelled)
        return self.index.update(catalog, progress=progress, cancelled=cancelled,
                                 waiting=waiting)

    def rebuild_reason(self) -> str | None:
        """Why the next update starts the index anew although one exists (damaged, of
        another version, left half-built), or None (none yet: a first build, not a rebuild).

        Uses ``SearchIndex.check()`` when the core has it; else whether the existing index
        can serve searches (``ready``)."""
        if self.fallback:
            return None
        path = getattr(self.index, "path", None)
        if path is None or not path.exists():
            return None
        check = getattr(self.index, "check", None)
        if callable(check):
            reason = check()
            return str(reason) if reason else None
        try:
            ready = bool(self.index.ready)
        except Exception as err:  # whatever the damage, the update rebuilds it
            return str(err) or type(err).__name__
        return None if ready else "it cannot be used as it is"

    def occurrences(self, article: Article, query: str) -> list[tuple[str, int, int]]:
        return normalise_spans(self.find_occurrences(article, query))


def open_index(catalog: Catalog) -> Backend:
    name = "reader.search"
    try:
        search = importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name != name:
            raise  # the core is there but one of its dependencies is not: say so
        scan = ScanIndex(catalog)
        return Backend(scan, (ScanQueryError,), (), scan.occurrences, fallback=True)
    not_ready = (search.IndexNotReady,) if hasattr(search, "IndexNotReady") else ()
    index = search.SearchIndex.for_library(catalog.root)
    find = getattr(search, "occurrences", None) or index.occurrences
    return Backend(index, (search.QueryError,), not_ready, find, fallback=False)


def normalise_spans(raw: Iterable[Any]) -> list[tuple[str, int, int]]:
    """Spans as ``(field, start, end)`` whatever shape the core gives them in."""
    out: list[tuple[str, int, int]] = []
    for span in raw:
        if isinstance(span, tuple | list):
            field, start, end = span[0], span[1], span[2]
        elif isinstance(span, dict):
            field, start, end = span["field"], span["start"], span["end"]
        else:
            field, start, end = span.field, span.start, span.end
        out.append((str(field), int(start), int(end)))
    return out
