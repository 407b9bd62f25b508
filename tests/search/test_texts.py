"""Hits read their texts from the library's page store, not from the engine."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from reader.corpus.catalog import Catalog
from reader.corpus.model import Page, Paragraph
from reader.search import SearchIndex


class EditedStore:
    """The catalog's pages, with every paragraph holding 翟汐澜 said again in other words
    (the page as it reads after a correction the index has not been told of yet), or with
    that article gone."""

    def __init__(self, root: Path, drop: bool = False) -> None:
        self.inner = Catalog(root)
        self.root = root
        self.drop = drop

    def stamps(self) -> dict[str, str]:
        return self.inner.stamps()

    def page(self, source: str) -> Page | None:
        page = self.inner.page(source)
        if page is None:
            return None
        articles = []
        for a in page.articles:
            if any("金承涛" in p.text for p in a.paragraphs):
                if self.drop:
                    continue
                a = dataclasses.replace(a, paragraphs=[Paragraph("改过的第一段，金承涛出席。")])
            articles.append(a)
        return dataclasses.replace(page, articles=articles)


def _built(root: Path, tmp_path: Path) -> Path:
    catalog = Catalog(root)
    catalog.sync()
    path = tmp_path / "index.sqlite3"
    SearchIndex(path, root).update(catalog, names=False)
    return path


def test_snippets_show_the_page_store_s_text(small_library: Path, tmp_path: Path) -> None:
    path = _built(small_library, tmp_path)
    index = SearchIndex(path, small_library, pages=EditedStore(small_library))
    res = index.search("金承涛", limit=50)
    assert res.total > 0
    assert all(h.snippet == "改过的第一段，金承涛出席。" for h in res.hits)
    assert all(h.highlights for h in res.hits)
    article = index.article(res.hits[0].id)
    assert article is not None and article.body == "改过的第一段，金承涛出席。"


def test_a_hit_whose_article_is_gone_keeps_its_headline(small_library: Path,
                                                          tmp_path: Path) -> None:
    path = _built(small_library, tmp_path)
    index = SearchIndex(path, small_library, pages=EditedStore(small_library, drop=True))
    res = index.search("金承涛", limit=50)
    assert res.total > 0 and res.hits
    assert all(h.title and h.snippet == "" for h in res.hits)
    assert index.article(res.hits[0].id) is None
    assert index.match_counts("金承涛") == {}


def test_the_catalog_is_read_where_the_window_keeps_it(small_library: Path) -> None:
    """A fresh process that opens the library's index reads the hits' texts from the
    library's catalog (``reader search`` as a user runs it)."""
    catalog = Catalog(small_library)
    catalog.sync()
    SearchIndex.for_library(small_library).update(catalog, names=False)
    code = ("import sys; from pathlib import Path; from reader.search import SearchIndex; "
            "res = SearchIndex.for_library(Path(sys.argv[1])).search('金承涛', limit=3); "
            "print(res.total, all('金承涛' in h.snippet for h in res.hits), len(res.hits))")
    out = subprocess.run([sys.executable, "-c", code, str(small_library)], check=True,
                         capture_output=True, text=True).stdout.split()
    assert int(out[0]) > 0 and out[1] == "True" and int(out[2]) > 0
