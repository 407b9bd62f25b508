"""One PostgreSQL cluster for the whole test session; a fresh database for each test."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import SEEDS
from .cluster import Cluster, bin_dir

psycopg = pytest.importorskip("psycopg", reason="psycopg (the `server` extra) is not installed")

_names = itertools.count()


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    if bin_dir() is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    c = Cluster()
    c.start()
    try:
        yield c
    finally:
        c.remove()


def new_database(cluster: Cluster) -> str:
    """The URL of a new, empty database (as the cluster's superuser)."""
    name = f"archive_{next(_names)}"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return cluster.url(name)


@pytest.fixture
def database(cluster: Cluster) -> str:
    return new_database(cluster)


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library folder with copies of the five seeds, shared by a module's tests."""
    root = tmp_path_factory.mktemp("seed-library") / "library"
    for seed in SEEDS:
        dest = root / "pages" / seed.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(seed.read_bytes())
    return root


GENERATED = int(os.environ.get("READER_TEST_ARCHIVE_ARTICLES", "800"))
"""Articles of the generated library of the tests (the benchmark compares at 10,000)."""


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated library (``benchmarks.generate``), shared by the session's tests."""
    from benchmarks.generate import generate_library

    root = tmp_path_factory.mktemp("generated") / "lib"
    generate_library(root, GENERATED)
    return root
