"""A generated library large enough that indexing it takes a few seconds, and a clean build
of its catalog and index to compare with (made once per test session)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.generate import GeneratedInfo, generate_library
from reader.corpus.catalog import Catalog
from reader.search import SearchIndex

ARTICLES = 2000


@dataclass
class CleanBuild:
    info: GeneratedInfo
    catalog: Catalog
    index: SearchIndex

    @property
    def root(self) -> Path:
        return self.info.root

    def queries(self) -> list[str]:
        """Planted names (few hits) and common words (many), to compare indexes by."""
        return [*self.info.planted, "钱塘", "疫情防控", "区委书记", "人民"]


@pytest.fixture(scope="session")
def clean_build(tmp_path_factory: pytest.TempPathFactory) -> CleanBuild:
    base = tmp_path_factory.mktemp("generated")
    info = generate_library(base / "library", ARTICLES, seed=6)
    catalog = Catalog(info.root, db_path=base / "clean-catalog.sqlite")
    catalog.sync()
    index = SearchIndex(base / "clean-index.sqlite3", info.root)
    index.update(catalog)
    return CleanBuild(info, catalog, index)
