"""A bookmark finds its article again after ids change, the folder moves or the page is
split differently; when the article is gone, the bookmark and its note stay."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.bookmarks import BookmarkStore, Resolver, resolve
from reader.corpus.catalog import Catalog
from reader.corpus.model import Article, Paragraph


class Articles:
    """A stand-in for a rebuilt index: any list of articles behind the lookup protocol."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._all = list(articles)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self._all if a.id == article_id), None)

    def articles(self) -> Iterator[Article]:
        return iter(self._all)


def reparsed(library: Catalog, change: str = "id") -> Articles:
    """The same pages as a different parser would give them: every id changes."""
    out = []
    for a in library.articles():
        b = copy.deepcopy(a)
        b.id = "new-" + a.id[::-1]
        if change == "headline":  # the kicker is now read into the title
            b.title = " ".join(x for x in (a.kicker, a.title) if x)
            b.kicker = None
        if change == "lead":  # and 本报讯 moved to the byline, full-width commas
            b.title = "另一种标题"
            b.paragraphs = [Paragraph(p.text.replace("本报讯 ", "").replace(",", "，"), p.kind)
                            for p in a.paragraphs]
        out.append(b)
    return Articles(out)


def test_bookmarks_survive_moving_the_library_folder(
    tmp_path: Path, small_library: Path
) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    with BookmarkStore.open(path) as store:
        for article in Catalog.read(small_library).articles():
            store.add(article, note=f"note {article.id}")
    moved = tmp_path / "elsewhere" / "my papers"
    shutil.move(small_library, moved)
    library = Catalog.read(moved)
    with BookmarkStore.open(path) as store:
        found = {b.note: resolve(b, library) for b in store.list()}
    assert len(found) == 28
    assert all(a is not None and b == f"note {a.id}" for b, a in found.items())


def test_a_full_rebuild_with_new_ids_finds_every_article_by_headline(
    store: BookmarkStore, library: Catalog
) -> None:
    for article in library.articles():
        store.add(article, note="for the report")
    rebuilt = reparsed(library, "headline")
    resolver = Resolver(rebuilt)
    for b in store.list():
        hit = resolver.locate(b.ref)
        assert hit.article is not None, b.title
        assert hit.method == "headline", b.title
        assert hit.article.id == "new-" + b.article_id[::-1]


def test_a_changed_headline_and_lead_still_finds_the_article_by_its_body(
    store: BookmarkStore, library: Catalog
) -> None:
    for article in library.articles():
        store.add(article)
    resolver = Resolver(reparsed(library, "lead"))
    for b in store.list():
        hit = resolver.locate(b.ref)
        assert hit.method == "body", b.title
        assert hit.article is not None and hit.article.id == "new-" + b.article_id[::-1]


def test_a_page_split_into_more_articles_finds_the_part_that_begins_the_article(
    store: BookmarkStore, library: Catalog
) -> None:
    original = library.article("d72c54c81242")
    assert original is not None and len(original.paragraphs) > 4
    b = store.add(original, note="望江新城")
    head, tail = copy.deepcopy(original), copy.deepcopy(original)
    head.id, head.title, head.paragraphs = "part-1", "充分发挥战斗堡垒作用", original.paragraphs[:4]
    tail.id, tail.title, tail.paragraphs = "part-2", None, original.paragraphs[4:]
    tail.position = 1
    assert resolve(b, Articles([tail, head])) is head


def test_an_undated_page_dated_later_still_finds_its_bookmarks(
    store: BookmarkStore, small_library: Path
) -> None:
    library = Catalog.read(small_library)
    lost = library.article("1367d4048e37")  # undated page, headline lost
    assert lost is not None and lost.date is None
    b = store.add(lost, note="国企调研")
    page = small_library / "pages" / "001_7373efc8816d55bd.txt"
    page.with_name("001_7373efc8816d55bd.meta.toml").write_text(
        "schema = 1\ndate = 2022-05-06\n", encoding="utf-8")
    dated = Catalog.read(small_library)
    found = resolve(b, dated)
    assert found is not None and str(found.date) == "2022-05-06"
    assert found.id != lost.id and found.body == lost.body


def test_an_article_that_is_gone_is_reported_and_its_bookmark_kept(
    tmp_path: Path, library: Catalog
) -> None:
    article = library.article("4e35fbaaaeec")
    assert article is not None
    path = tmp_path / "bookmarks.sqlite3"
    with BookmarkStore.open(path) as store:
        b = store.add(article, note="晴雨客厅的做法值得借鉴")
        others = Articles(a for a in library.articles() if a.id != article.id)
        hit = Resolver(others).locate(b.ref)
    assert hit.article is None
    assert "not in this library" in hit.message(b.ref)
    assert "打造西湖边的“晴雨客厅”" in hit.message(b.ref)
    with BookmarkStore.open(path) as store:
        assert store.get(b.id) is not None
        assert store.get(b.id).note == "晴雨客厅的做法值得借鉴"  # type: ignore[union-attr]


def test_relink_points_the_bookmark_at_the_new_article(
    store: BookmarkStore, library: Catalog
) -> None:
    article = library.article("996d23204079")
    assert article is not None
    b = store.add(article, note="红星联盟", tags=["党建"])
    new = reparsed(library).article("new-" + article.id[::-1])
    assert new is not None
    moved = store.relink(b.id, new)
    assert (moved.article_id, moved.note, moved.tags) == (new.id, "红星联盟", ("党建",))
    assert store.find_for_article(new) == moved
