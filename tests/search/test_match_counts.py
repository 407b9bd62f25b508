"""Occurrences per matching article, for a timeline of how often a name was printed."""

from __future__ import annotations

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex, occurrences, parse_query
from reader.search.scan import ScanDoc, scan


def test_each_matching_article_counts_the_occurrences_the_article_view_steps_through(
    seed_library: Catalog, seed_index: SearchIndex, scan_docs: list[ScanDoc]
) -> None:
    articles = {a.id: a for a in seed_library.articles()}
    for query in ("金承涛", "区 疫情", "title:街道", "望江 -疫情"):
        counts = seed_index.match_counts(query)
        assert set(counts) == set(scan(scan_docs, parse_query(query))), query
        for article_id, n in counts.items():
            assert n == len(occurrences(articles[article_id], query)) > 0, (query, article_id)
    assert seed_index.match_counts("翟汐澜不存在") == {}
