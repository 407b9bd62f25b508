"""The catalog caches parsed pages so that a large archive opens without parsing it again."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from reader.corpus.catalog import Catalog
from reader.corpus.library import Library

from ..conftest import CORPUS


def test_catalog_lists_the_same_issues_and_articles_as_a_full_read(small_library: Path) -> None:
    catalog = Catalog(small_library)
    result = catalog.sync()
    assert len(result.added) == 5 and not result.changed and not result.problems
    library = Library.load(small_library)
    assert [(i.paper, i.date) for i in catalog.issues()] == [
        (i.paper, i.date) for i in library.issues()
    ]
    for article in library.articles():
        cached = catalog.article(article.id)
        assert cached is not None
        assert (cached.title, cached.byline, cached.body) == (
            article.title, article.byline, article.body,
        )
    assert catalog.counts() == {
        "pages": 5, "undated_pages": 1, "problem_files": 0, "articles": 28, "issues": 5,
    }


def test_only_new_changed_and_removed_files_are_read_again(small_library: Path) -> None:
    catalog = Catalog(small_library)
    catalog.sync()
    assert not Catalog(small_library).sync().touched  # a second start reads nothing
    pages = small_library / "pages"
    (pages / "000_ad7d325a1accf8c2.txt").unlink()
    shutil.copy(CORPUS / "000_ad7d325a1accf8c2.txt", small_library / "copy.txt")
    changed = pages / "002_e8fc69560c1c029f.txt"
    time.sleep(0.01)
    changed.write_text(changed.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    result = catalog.sync()
    assert result.removed == ["pages/000_ad7d325a1accf8c2.txt"]
    assert result.added == ["copy.txt"]
    assert result.changed == ["pages/002_e8fc69560c1c029f.txt"]
    titles = [a.title for a in catalog.article_infos("pages/002_e8fc69560c1c029f.txt")]
    assert "充分发挥战斗堡垒作用 望江街道奋力打造产城融合的望江新区" in titles


def test_unreadable_files_are_problems_and_the_rest_loads(small_library: Path) -> None:
    (small_library / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    catalog = Catalog(small_library)
    result = catalog.sync()
    assert [p.path for p in result.problems] == ["photo.txt"]
    assert "PNG" in result.problems[0].message
    assert catalog.counts()["pages"] == 5


def test_a_damaged_cache_is_rebuilt(small_library: Path) -> None:
    catalog = Catalog(small_library)
    catalog.sync()
    catalog.close()
    catalog.db_path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(catalog.db_path) + suffix).unlink(missing_ok=True)
    again = Catalog(small_library)
    assert len(again.sync().added) == 5
    assert again.counts()["articles"] == 28
