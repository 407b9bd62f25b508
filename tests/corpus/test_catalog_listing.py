"""The issue list a start reads is kept in the catalog, and follows every change of the files.

At 1,000,000 articles reading the issue list from the page rows took seconds at every start;
the catalog keeps it as computed for its state token, so a start on an unchanged library
reads one value, and a library changed by any process (another window, ``reader add``) gives
the new list."""

from __future__ import annotations

import re
from pathlib import Path

from reader.corpus.catalog import Catalog
from tests.conftest import SEEDS


def _keys(catalog: Catalog) -> list[str]:
    return [issue.key for issue in catalog.issues()]


def test_a_second_start_lists_the_same_issues_and_sees_a_new_one(small_library: Path) -> None:
    first = Catalog.read(small_library)
    listed = first.issues()
    again = Catalog(small_library)  # a later start: the list as kept
    assert again.issues() == listed and _keys(again) == [i.key for i in listed]
    folder = small_library / "上城报" / "2031" / "01-02"
    folder.mkdir(parents=True)
    page = re.sub(r"\d{4}年\d{1,2}月\d{1,2}日", "2031年1月2日", SEEDS[-1].read_text("utf-8"),
                  count=1)
    (folder / "01.txt").write_text(page, "utf-8")  # a page of a new issue
    first.sync(quick=True)  # another process reads the new page
    assert len(again.issues()) == len(listed) + 1
    assert any(i.date is not None and i.date.year == 2031 for i in Catalog(small_library).issues())


def test_pages_removed_leave_the_kept_list(small_library: Path) -> None:
    catalog = Catalog.read(small_library)
    before = catalog.issues()
    gone = before[0]
    for _, source in gone.pages:
        (small_library / source).unlink()
    catalog.sync()
    assert gone.key not in _keys(Catalog(small_library))
    assert len(Catalog(small_library).issues()) == len(before) - 1
