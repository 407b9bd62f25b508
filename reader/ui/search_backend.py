"""The one place that knows which search core the window talks to.

``open_index`` returns the real index (``reader.search.SearchIndex``) when that package is
installed, and the plain scan of ``scan_search`` otherwise. ``normalise_spans`` turns what
``occurrences`` returns into ``(field, start, end)`` with field ``"headline"`` or ``"body"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..corpus.catalog import Catalog
from .scan_search import ScanIndex, ScanQueryError


@dataclass
class Backend:
    index: Any
    query_errors: tuple[type[BaseException], ...]
    fallback: bool

    def update(self, catalog: Catalog, progress: Any, cancelled: Any) -> None:
        self.index.update(catalog, progress=progress, cancelled=cancelled)


def open_index(catalog: Catalog) -> Backend:
    try:
        from ..search import QueryError, SearchIndex  # type: ignore[attr-defined]
    except ImportError:
        return Backend(ScanIndex(catalog), (ScanQueryError,), fallback=True)
    return Backend(SearchIndex.for_library(catalog.root), (QueryError,), fallback=False)


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
