"""Fixtures for the search tests: a loaded seed library, its index, the reference scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex
from reader.search.scan import ScanDoc


@pytest.fixture
def seed_library(small_library: Path) -> Catalog:
    return Catalog.read(small_library)


@pytest.fixture
def seed_index(seed_library: Catalog) -> SearchIndex:
    index = SearchIndex.for_library(seed_library.root)
    stats = index.update(seed_library)
    assert stats.articles == len(list(seed_library.articles()))
    return index


@pytest.fixture
def scan_docs(seed_library: Catalog) -> list[ScanDoc]:
    return [ScanDoc.of(a) for a in seed_library.articles()]
