"""Every custom item model passes Qt's model tester, filled with the seeds' content."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex
from reader.ui.models import ArticleIdRole, KindRole
from reader.ui.models.issue_tree import IssueTreeModel, PaperFilterProxy
from reader.ui.models.page_articles import PageArticleModel
from reader.ui.models.search_hits import SearchHitModel

pytestmark = pytest.mark.gui


@pytest.fixture
def catalog(small_library: Path) -> Catalog:
    catalog = Catalog(small_library)
    catalog.sync()
    return catalog


def test_issue_tree_model(qtmodeltester, catalog: Catalog):
    model = IssueTreeModel()
    model.set_issues(catalog.issues())
    qtmodeltester.check(model)
    issues = catalog.issues()
    found = [model.index_of(i.key) for i in issues]
    assert all(index.isValid() and index.data(KindRole) == "issue" for index in found)
    model.set_issues([])
    assert model.rowCount() == 0


def test_paper_filter_proxy(qtmodeltester, catalog: Catalog):
    model = IssueTreeModel()
    model.set_issues(catalog.issues())
    proxy = PaperFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_paper("上城报")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_page_article_model_fetches_pages_on_demand(qtmodeltester, catalog: Catalog):
    issue = next(i for i in catalog.issues() if i.paper == "上城报")
    reads = []

    def load(source: str):  # type: ignore[no-untyped-def]
        reads.append(source)
        return catalog.page(source)

    model = PageArticleModel(load)
    model.set_issue(issue)
    assert reads == []  # nothing read until a view asks
    qtmodeltester.check(model)
    page = model.index(0, 0)
    assert model.rowCount(page) > 0
    ids = [model.index(r, 0, page).data(ArticleIdRole) for r in range(model.rowCount(page))]
    assert [i for i in ids if i] == [a.id for a in catalog.page(issue.pages[0][1]).articles]


def test_search_hit_model_pages(qtmodeltester, catalog: Catalog):
    index = SearchIndex.for_library(catalog.root)
    index.update(catalog)
    model = SearchHitModel()
    results = index.search("区", limit=5)
    assert results.total > 5
    model.set_results(results.total, results.hits)
    asked = []
    model.fetchMoreRequested.connect(asked.append)
    qtmodeltester.check(model)
    assert model.canFetchMore(model.index(-1, 0).parent()) or asked
    model.fetchMore(model.index(-1, 0).parent())
    offset = len(results.hits)
    assert asked[-1] == offset
    model.add_page(offset, index.search("区", limit=5, offset=offset).hits)
    assert model.rowCount() == min(10, results.total)
    qtmodeltester.check(model)
