"""Fixtures for the search tests: a loaded seed library, its index, the reference scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.library import Library
from reader.search import SearchIndex
from reader.search.scan import ScanDoc


@pytest.fixture
def seed_library(small_library: Path) -> Library:
    return Library.load(small_library)


@pytest.fixture
def seed_index(seed_library: Library) -> SearchIndex:
    index = SearchIndex.for_library(seed_library.root)
    stats = index.update(seed_library)
    assert stats.articles == len(list(seed_library.articles()))
    return index


@pytest.fixture
def scan_docs(seed_library: Library) -> list[ScanDoc]:
    return [ScanDoc.of(a) for a in seed_library.articles()]
