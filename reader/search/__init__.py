"""Full-text search of a library: every occurrence found, the best ranked first (no Qt here).

Public API (what the window and the command line use)::

    from reader.search import SearchIndex, QueryError, IndexNotReady, Hit, Results, occurrences

    index = SearchIndex.for_library(root)      # the index file under reader.paths.cache_dir()
    why = index.check()                        # why the next update starts anew, or None
    stats = index.update(source, progress=cb, cancelled=event, waiting=None)
        # source: a PageSource (reader.corpus.catalog.Catalog, as the window and CLI use);
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
    spans = occurrences(article, "金承涛")      # [Occurrence(field, start, end)] in reading
        # order; field is kicker/title/subtitle/byline/body, offsets into that string
        # (body = Article.body)

``search`` raises ``QueryError`` (its message is for the reader) for a malformed query, and
``IndexNotReady`` until a first ``update`` has completed (or after damage: update rebuilds).

Threads and processes: each thread has its own SQLite connection (WAL). Run ``update`` in a
worker thread and ``search`` in others at the same time: searches see the previous complete
index until the update publishes in one short transaction. Another process (the command
line) may use the same index; updates take turns through a lock file.

Modules: ``fold`` (character folding), ``query`` (the query language), ``segment`` (jieba),
``postings`` and ``build`` (encoding segments), ``store`` (the SQLite file), ``update``
(incremental updates), ``engine`` (matching and BM25), ``snippets``, ``index``
(``SearchIndex``).
"""

from __future__ import annotations

from .index import Hit, IndexNotReady, Results, SearchIndex, index_path
from .query import Query, QueryError, parse_query
from .snippets import Occurrence, occurrences
from .update import UpdateStats

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
