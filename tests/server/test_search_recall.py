"""The archive's search finds exactly what the desktop index and a scan of the text find: on
the seeds for queries of every kind, and on a generated library of 10,000 articles."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex, parse_query
from reader.search.scan import ScanDoc, scan
from reader.search.segment import segmenter
from reader.server.connection import Archive
from reader.server.importer import import_library
from reader.server.schema import migrate
from reader.server.search import ServerSearch

from .cluster import Cluster
from .conftest import new_database


@pytest.fixture(scope="module")
def seeded(cluster: Cluster, seed_folder: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[ServerSearch, SearchIndex, list[ScanDoc]]]:
    archive = Archive.open(new_database(cluster))
    migrate(archive)
    cache = tmp_path_factory.mktemp("cache")
    catalog = Catalog(seed_folder, cache / "catalog.sqlite")
    import_library(archive, seed_folder, catalog=catalog)
    index = SearchIndex(cache / "index.sqlite3", seed_folder)
    index.update(catalog)
    yield ServerSearch(archive), index, [ScanDoc.of(a) for a in catalog.articles()]
    archive.close()


def check(server: ServerSearch, index: SearchIndex, docs: list[ScanDoc], query: str,
          **filters: object) -> int:
    q = parse_query(query)
    truth = set(scan(docs, q, **filters))  # type: ignore[arg-type]
    found = server.matching_ids(q, **filters)  # type: ignore[arg-type]
    assert set(found) == truth, query
    assert set(found) == set(index.matching_ids(q, **filters)), query  # type: ignore[arg-type]
    assert server.search(q, limit=3, **filters).total == len(truth), query  # type: ignore[arg-type]
    return len(truth)


def pieces(docs: list[ScanDoc], lengths: tuple[int, ...], each: int) -> Iterator[str]:
    """Strings cut at random from the bodies (no quotes, no blanks), ``each`` per length."""
    rnd = random.Random(5)
    text = "\n".join(d.body for d in docs)
    for length in lengths:
        found = 0
        while found < each:
            start = rnd.randrange(len(text) - length)
            piece = text[start : start + length]
            if '"' not in piece and not any(c.isspace() for c in piece):
                found += 1
                yield piece


def test_every_character_and_pieces_of_every_length(seeded) -> None:  # type: ignore[no-untyped-def]
    server, index, docs = seeded
    chars = sorted({c for d in docs for c in d.head + d.byline + d.body
                    if not c.isspace() and c != '"'})
    assert len(chars) > 1000
    for c in chars[::7]:
        assert check(server, index, docs, f'"{c}"') > 0
    for text in pieces(docs, (2, 2, 3, 4, 5, 8, 12), 25):
        assert check(server, index, docs, f'"{text}"') > 0


def test_inside_across_words_and_absent_strings(seeded) -> None:  # type: ignore[no-untyped-def]
    server, index, docs = seeded
    for q in ["承涛", "民主", "人民民", "塘新区", "区领导金", "强调,要"]:
        check(server, index, docs, q)
    words = [w for d in docs[:4] for w in segmenter().cut(d.body) if len(w) >= 3]
    for w in words[:30]:
        check(server, index, docs, f'"{w[1:]}"')
    for q in ["翟汐澜", "金涛承", "民主人民", "zzz", "区区区区"]:
        assert check(server, index, docs, q) == 0


@pytest.mark.parametrize("query", [
    "金承涛 疫情", "金承涛 -疫情", "钱塘 OR 上城", "title:金承涛", "byline:郁佳炜",
    "byline:赵一霖 疫情", "title:疫情 OR title:民主", "金承涛 date:2022", "date:2022-08",
    "date:2020-04-01..2021-12-31", "paper:上城报", "paper:钱塘 -date:2022-10",
    "区 paper:上城报 OR paper:钱塘新区报", '"全过程人民民主"', "党（工）委", "ＡＰＰ", "app",
    "-金承涛 date:2022", "國家", "钱塘 -date:2021", "it's", "a'b\\c",
])
def test_query_forms(seeded, query: str) -> None:  # type: ignore[no-untyped-def]
    server, index, docs = seeded
    check(server, index, docs, query)


def test_filters_given_as_arguments(seeded) -> None:  # type: ignore[no-untyped-def]
    server, index, docs = seeded
    for papers, start, end in [(["上城报"], None, None), (None, dt.date(2022, 1, 1), None),
                               (["钱塘新区报"], dt.date(2021, 1, 1), dt.date(2022, 8, 31))]:
        check(server, index, docs, "金承涛", papers=papers, date_from=start, date_to=end)


RECALL_ARTICLES = 10_000


@pytest.fixture(scope="module")
def generated_10k(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[ServerSearch, list[ScanDoc], list[Any]]]:
    """A generated library of 10,000 articles in an archive, and its articles to scan."""
    from benchmarks.bench_search import make_queries
    from benchmarks.generate import PLANTED, generate_library

    work = tmp_path_factory.mktemp("recall-10k")
    info = generate_library(work / "lib", RECALL_ARTICLES)
    catalog = Catalog(info.root, work / "catalog.sqlite")
    archive = Archive.open(new_database(cluster))
    migrate(archive)
    import_library(archive, info.root, catalog=catalog)
    docs = [ScanDoc.of(a) for a in catalog.articles()]
    assert len(docs) == RECALL_ARTICLES
    yield ServerSearch(archive), docs, make_queries(docs, info.papers, PLANTED)
    archive.close()


CLASSES = ("1 char", "2 chars", "3-4 chars", "5-8 chars", "inside-word", "cross-word",
           "multi-term", "phrase", "filtered", "planted")


@pytest.mark.parametrize("cls", CLASSES)
def test_10k_generated_articles_give_the_same_match_sets(generated_10k, cls: str  # type: ignore[no-untyped-def]
                                                         ) -> None:
    """Every class of the search benchmark's queries (every third query of it): the
    archive's match set is the scan's, as the desktop index's recall test asks of it, and
    the number of hits it gives is the size of that set."""
    server, docs, queries = generated_10k
    chosen = [q for q in queries if q.cls == cls][::3]
    assert chosen, cls
    sizes = []
    for query in chosen:
        q = parse_query(query.text)
        truth = set(scan(docs, q))
        assert set(server.matching_ids(q)) == truth, query.text
        assert server.search(q, limit=3).total == len(truth), query.text
        sizes.append(len(truth))
    assert any(sizes), cls


@pytest.fixture(scope="module")
def generated_archive(cluster: Cluster, generated: Path, tmp_path_factory: pytest.TempPathFactory
                      ) -> Iterator[ServerSearch]:
    archive = Archive.open(new_database(cluster))
    migrate(archive)
    import_library(archive, generated,
                   catalog=Catalog(generated, tmp_path_factory.mktemp("c") / "catalog.sqlite"))
    yield ServerSearch(archive)
    archive.close()


@pytest.mark.parametrize("query", [
    '"的"', '"区"', "发展", "人民", "钱塘 OR 上城", "title:会", "byline:记者", "工作 发展",
    "人民 -疫情", '"会" date:2020', "上城 OR 群众 OR 疫情", "会议 paper:上城报",
])
def test_the_top_hits_are_those_of_ranking_every_match(generated_archive: ServerSearch,
                                                       query: str) -> None:
    """The first pages of hits, ranked among the headline and byline matches where they
    settle it, are the first of all the matches ranked."""
    ranked = generated_archive.matching_ids(query)
    assert len(ranked) > 25, query
    for offset, limit in [(0, 1), (0, 5), (0, 20), (3, 7), (20, 20)]:
        hits = generated_archive.search(query, limit=limit, offset=offset).hits
        assert [h.id for h in hits] == ranked[offset : offset + limit], (query, offset)
