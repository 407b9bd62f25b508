"""One PostgreSQL cluster for the whole test session; a fresh database for each test."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ..conftest import SEEDS
from .cluster import Cluster, bin_dir

if TYPE_CHECKING:
    from reader.corpus.model import Article
    from reader.server.bookmarks import ServerBookmarks

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


_offices = itertools.count()


@pytest.fixture(scope="module")
def office(cluster: Cluster, seed_folder: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[dict[str, str]]:
    """An archive of the seeds and the URLs of three readers: ana and ben at the desk
    (a group role), cai elsewhere."""
    from reader.corpus.catalog import Catalog
    from reader.server.connection import Archive
    from reader.server.importer import import_library
    from reader.server.schema import grant_reader, migrate

    url = new_database(cluster)
    db = url.split("/")[3].split("?")[0]
    admin = Archive.open(url)
    migrate(admin)
    import_library(admin, seed_folder,
                   catalog=Catalog(seed_folder, tmp_path_factory.mktemp("c") / "c.sqlite"))
    k = next(_offices)
    names = {"ana": f"ana{k}", "ben": f"ben{k}", "cai": f"cai{k}", "desk": f"desk{k}"}
    with admin.transaction() as conn:
        conn.execute(f"CREATE ROLE {names['desk']} NOLOGIN")
        for who in ("ana", "ben", "cai"):
            conn.execute(f"CREATE ROLE {names[who]} LOGIN")
        conn.execute(f"GRANT {names['desk']} TO {names['ana']}, {names['ben']}")
    for who in ("ana", "ben", "cai"):
        grant_reader(admin, names[who])
    admin.close()
    yield {who: cluster.url(db, name) for who, name in names.items()} | {"desk_role": names["desk"]}


def reader_store(url: str) -> ServerBookmarks:
    """The bookmarks and excerpts of the role ``url`` connects as."""
    from reader.server.bookmarks import ServerBookmarks
    from reader.server.connection import Archive

    return ServerBookmarks(Archive.open(url))


def archive_article(url: str, article_id: str = "7b34ed456574") -> Article:
    """The archive's article ``article_id``, as the role ``url`` reads it."""
    from reader.server.catalog import ServerCatalog
    from reader.server.connection import Archive

    catalog = ServerCatalog(Archive.open(url))
    article = catalog.article(article_id)
    catalog.close()
    assert article is not None
    return article
