"""Full-text search of a library: every occurrence found, the best ranked first (no Qt here).

Public API (what the window and the command line use)::

    from reader.search import SearchIndex, QueryError, IndexNotReady, Hit, Results, occurrences

    index = SearchIndex.for_library(root)      # the index file under reader.paths.cache_dir()
    why = index.check()                        # why the next update starts anew, or None
    stats = index.update(source, progress=cb, cancelled=event, waiting=None)
        # source: a PageStore (reader.corpus.catalog.Catalog, as the window and CLI use);
        # progress(done, total) in articles; cancelled: a callable or a threading.Event;
        # waiting(): called once if another process is updating and this one waits.
        # -> UpdateStats(added, changed, removed, articles, seconds, cancelled, rebuilt)
    res = index.search("金承涛 date:2022", limit=20, offset=0, sort="relevance",
                       papers=None, date_from=None, date_to=None)
        # sort: "relevance" | "date" (newest first) | "date-asc"
        # -> Results(query, total, hits, seconds); each Hit(id, paper, date, page, title,
        #    snippet, highlights, score, title_highlights, source), highlights being
        #    [start, end) offsets into snippet (title_highlights into title)
    ids = index.matching_ids("金承涛")          # every matching article id, ranked, no snippets
    counts = index.match_counts("金承涛")       # {article id: occurrences in it}, for timelines
    dated = index.dated_matches("金承涛")       # matches per day (and all articles per day)
    index.top_names("钱塘", kind="person")      # the names most found among all the matches
    index.names.top(ids, kind="person")        # the same for any article ids
    index.names.names_of(article_id)           # [Name(kind, name, count)] of one article
    spans = occurrences(article, "金承涛")      # [Occurrence(field, start, end)] in reading
        # order; field is kicker/title/subtitle/byline/body, offsets into that string
        # (body = Article.body)

``search`` raises ``QueryError`` (its message is for the reader) for a malformed query, and
``IndexNotReady`` until a first ``update`` has completed (or after damage: update rebuilds).

The index is two things beside each other under the cache folder: a folder of tantivy
segments (the engine: every article's characters, pairs of characters and jieba words, and
what a hit shows) and a small SQLite file (which page files at which stamps it holds).

Threads and processes: each thread has its own SQLite connection (WAL); the engine is shared.
Run ``update`` in a worker thread and ``search`` in others at the same time: searches see the
engine's previous commit until the update commits, once. Another process (the command line)
may use the same index; updates take turns through a lock file. Once the engine's maps hold
more than 192 MB of the process's resident memory, the index lets go of the engine and opens
it again for the next search (``mapped``): the pages stay in the system's file cache.

Modules: ``fold`` (character folding), ``query`` (the query language), ``segment`` (jieba),
``build`` (the texts the engine indexes), ``engine`` (its schema and the translation of a
query), ``store`` (the SQLite file and the update lock), ``update`` (incremental updates),
``snippets``, ``index`` (``SearchIndex``), ``matches`` (a match set's days and occurrences,
read from the engine), ``names`` (persons, places and organisations, tagged when indexed and
kept in a file of their own beside the index: a ``person:`` filter is the set of article ids
that file gives, matched against the engine's ``id`` field), ``timeline`` (matches per year,
month or week), ``timeline_chart`` (its chart layout, SVG and CSV) and ``mapped`` (when the
engine's maps hold too much of the process's memory).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import Hit, IndexNotReady, Results, SearchIndex, index_path
    from .query import Query, QueryError, parse_query
    from .snippets import Occurrence, occurrences
    from .update import UpdateStats

# Each name is loaded from its module when first used: ``QueryError`` or ``parse_query`` do
# not load the engine, and the engine loads numpy and jieba only where it needs them.
_WHERE = {
    "Hit": "index", "IndexNotReady": "index", "Results": "index", "SearchIndex": "index",
    "index_path": "index", "Query": "query", "QueryError": "query", "parse_query": "query",
    "Occurrence": "snippets", "occurrences": "snippets", "UpdateStats": "update",
}

__all__ = [
    "Hit",
    "IndexNotReady",
    "Occurrence",
    "Query",
    "QueryError",
    "Results",
    "SearchIndex",
    "UpdateStats",
    "index_path",
    "occurrences",
    "parse_query",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
