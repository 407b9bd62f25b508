"""An archive made by the previous version of the schema (2: no whole words among the
search tokens, no lexeme in oversized articles) is brought up to date by ``migrate`` and then
finds and ranks as an archive imported afresh."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from reader.corpus.catalog import Catalog
from reader.server import schema, tokens
from reader.server.connection import Archive
from reader.server.importer import import_library, write_page
from reader.server.search import ServerSearch

from .cluster import Cluster
from .conftest import new_database

QUERIES = ["的", "区", "民主", "金承涛", "钱塘 OR 上城", "title:疫情", "全过程人民民主",
           "人民 -疫情", "byline:郁佳炜", "date:2022 会"]


def _as_version_2(url: str) -> None:
    """Rewrite the search tokens as version 2 wrote them: the body's words in a vector of
    their own, not among the tokens."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "UPDATE reader.articles SET words = array_to_tsvector(ARRAY(SELECT substr(lexeme, 3) "
            "FROM unnest(tokens) WHERE lexeme LIKE E'\\001w%'))")
        conn.execute(
            "UPDATE reader.articles SET tokens = CASE WHEN oversized THEN NULL ELSE ts_delete("
            "tokens, ARRAY(SELECT lexeme FROM unnest(tokens) WHERE lexeme LIKE E'\\001w%')) END")
        conn.execute("DELETE FROM reader.migrations WHERE version > 2")


def test_an_archive_of_version_2_migrates_and_searches_as_a_new_one(
        cluster: Cluster, seed_folder: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "MAX_LEXEMES", 1500)  # long articles become oversized
    catalog = Catalog(seed_folder, tmp_path / "catalog.sqlite")
    fresh = Archive.open(new_database(cluster))
    schema.migrate(fresh)
    import_library(fresh, seed_folder, catalog=catalog)

    old_url = new_database(cluster)
    old = Archive.open(old_url)
    assert [m.version for m in schema.migrate(old, until=2)] == [1, 2]
    for source, stamp in catalog.stamps().items():
        page = catalog.page(source)
        assert page is not None
        with old.transaction() as conn:
            write_page(conn, stamp, page, None)
    _as_version_2(old_url)
    with psycopg.connect(old_url) as conn:
        ((oversized, without),) = conn.execute(
            "SELECT count(*) FILTER (WHERE oversized), count(*) FILTER (WHERE tokens IS NULL) "
            "FROM reader.articles").fetchall()
    assert oversized > 0 and without == oversized
    with pytest.raises(Exception, match="reader server migrate"):
        schema.check(old)

    assert [m.version for m in schema.migrate(old)] == [3, 4]
    schema.check(old)
    for query in QUERIES:
        want = ServerSearch(fresh).search(query, limit=50)
        got = ServerSearch(old).search(query, limit=50)
        assert got.total == want.total > 0, query
        assert [(h.id, h.score) for h in got.hits] == [(h.id, h.score) for h in want.hits], query
        assert set(ServerSearch(old).matching_ids(query)) == set(
            ServerSearch(fresh).matching_ids(query)), query
    fresh.close()
    old.close()
