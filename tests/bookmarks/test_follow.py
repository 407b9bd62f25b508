"""Bookmarks follow their article when its page is read again with a correction: the stored
headline becomes the current one, the note and tags stay."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.bookmarks import ArticleRef, BookmarkStore
from reader.bookmarks.follow import changed
from reader.corpus.catalog import Catalog
from reader.corpus.correction_store import correct
from reader.corpus.corrections import set_field
from reader.corpus.model import Page

from ..conftest import CORPUS

SEED = "003_7b8eb04012f19e9f.txt"


def test_a_corrected_title_is_followed_and_the_note_stays(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    shutil.copy(CORPUS / SEED, root / SEED)
    shutil.copy(CORPUS / "000_ad7d325a1accf8c2.txt", root / "000_ad7d325a1accf8c2.txt")
    catalog = Catalog(root, db_path=tmp_path / "catalog.sqlite")
    catalog.sync()
    page = catalog.page(SEED)
    assert page is not None
    article, other = page.articles[0], page.articles[1]

    def pages(ref: ArticleRef) -> list[Page]:  # the pages of the bookmark's issue
        assert ref.date == page.date
        found = catalog.page(SEED)
        return [found] if found is not None else []

    with BookmarkStore.open(path=tmp_path / "bookmarks.sqlite3") as store:
        mark = store.add(article, note="写报告用", tags=("人物",))
        untouched = store.add(other)
        assert changed(store.list(), catalog, pages) == []  # nothing changed: nothing moves
        correct(root, SEED, article.id,
                lambda p, i: (set_field(p.articles[i], "title", "新的标题"), {}))
        result = catalog.sync()
        assert result.changed == [SEED]
        assert catalog.article(article.id) is None  # the id came from the old headline
        moved = changed(store.list(), catalog, pages)
        assert [(b.id, a.title) for b, a in moved] == [(mark.id, "新的标题")]
        for bookmark, now in moved:
            store.relink(bookmark.id, now)
        after = store.get(mark.id)
        assert after is not None
        assert (after.title, after.note, after.tags) == ("新的标题", "写报告用", ("人物",))
        assert store.get(untouched.id) == untouched
