"""The archive's search as the faces use an index (``reader.backend.server.ServerIndex``):
the timeline counts the same articles and occurrences per day as the desktop index of the
same pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from reader.backend import open_library
from reader.backend.server import ServerBackend, ServerIndex
from reader.corpus.catalog import Catalog
from reader.search import SearchIndex
from reader.search.timeline import timeline
from reader.server.connection import Archive
from reader.server.importer import import_library
from reader.server.schema import migrate

from .cluster import Cluster
from .conftest import new_database


@pytest.fixture(scope="module")
def both(cluster: Cluster, seed_folder: Path, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[ServerIndex, SearchIndex]]:
    place = tmp_path_factory.mktemp("desktop")
    url = new_database(cluster)
    admin = Archive.open(url)
    migrate(admin)
    import_library(admin, seed_folder, catalog=Catalog(seed_folder, place / "c0.sqlite3"))
    admin.close()
    catalog = Catalog(seed_folder, place / "c.sqlite3")
    catalog.sync()
    desktop = SearchIndex(place / "index.sqlite3", seed_folder)
    desktop.update(catalog)
    library = open_library(url)
    assert isinstance(library, ServerBackend)
    yield library.open_index(), desktop
    library.catalog.close()
    desktop.close()


@pytest.mark.parametrize("query", ["金承涛", "疫情 date:2022", "钱塘 -疫情", "title:发展",
                                   "共同富裕 OR 文化", "date:..9999"])
def test_the_timeline_counts_what_the_desktop_counts(
        both: tuple[ServerIndex, SearchIndex], query: str) -> None:
    archive, desktop = both
    for occurrences in (False, True):
        got, want = archive.dated_matches(query, occurrences), \
            desktop.dated_matches(query, occurrences)
        assert got.total == want.total > 0
        assert np.array_equal(got.dates, want.dates)
        assert np.array_equal(got.articles, want.articles)
        assert np.array_equal(got.all_dates, want.all_dates)
        assert np.array_equal(got.all_articles, want.all_articles)
        if occurrences:
            assert got.occurrences is not None and want.occurrences is not None
            assert np.array_equal(got.occurrences, want.occurrences)


def test_a_timeline_by_month_is_the_desktops(both: tuple[ServerIndex, SearchIndex]) -> None:
    archive, desktop = both
    got = timeline(archive, ["金承涛", "疫情"], by="month", occurrences=True)
    want = timeline(desktop, ["金承涛", "疫情"], by="month", occurrences=True)
    assert [p.label for p in got.periods] == [p.label for p in want.periods]
    assert [(s.articles, s.occurrences, s.undated) for s in got.series] == \
        [(s.articles, s.occurrences, s.undated) for s in want.series]
