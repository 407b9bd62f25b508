"""Sidecar files let the user give a page the fields it does not state (an undated page's date)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from reader.corpus.catalog import Catalog
from reader.corpus.library import load_page
from reader.corpus.sidecar import read_sidecar, sidecar_path, write_sidecar

from ..conftest import CORPUS

UNDATED = CORPUS / "001_7373efc8816d55bd.txt"


def test_a_sidecar_dates_an_undated_page(tmp_path: Path) -> None:
    page_file = tmp_path / UNDATED.name
    shutil.copy(UNDATED, page_file)
    before = load_page(page_file)
    assert before.date is None
    write_sidecar(page_file, {"date": dt.date(2022, 5, 6), "issue_no": 350})
    after = load_page(page_file)
    assert after.date == dt.date(2022, 5, 6) and after.issue_no == 350
    assert not any("no date" in w.text for w in after.warnings)
    assert all(a.date == dt.date(2022, 5, 6) for a in after.articles)
    assert sidecar_path(page_file).read_text("utf-8").startswith("# Fields set by hand")


def test_writing_keeps_the_keys_it_does_not_change(tmp_path: Path) -> None:
    page_file = tmp_path / "p.txt"
    page_file.write_text("## 标题\n\n正文。\n", "utf-8")
    sidecar_path(page_file).write_text('paper = "上城报"\nnote = "scanned by hand"\n', "utf-8")
    write_sidecar(page_file, {"date": dt.date(2020, 4, 21)})
    assert read_sidecar(page_file) == {"paper": "上城报", "date": dt.date(2020, 4, 21)}
    assert 'note = "scanned by hand"' in sidecar_path(page_file).read_text("utf-8")


def test_an_invalid_sidecar_is_reported_and_the_page_still_loads(tmp_path: Path) -> None:
    page_file = tmp_path / "p.txt"
    page_file.write_text("## 标题\n\n正文。\n", "utf-8")
    sidecar_path(page_file).write_text("date = 2022-13-45\n", "utf-8")
    page = load_page(page_file)
    assert page.articles[0].title == "标题"
    assert any("sidecar" in w.text for w in page.warnings)
    sidecar_path(page_file).write_text('date = "tomorrow"\n', "utf-8")
    assert any("tomorrow" in w.text for w in load_page(page_file).warnings)


def test_library_groups_pages_into_issues_and_lists_undated_apart(small_library: Path) -> None:
    catalog = Catalog.read(small_library)
    issues = catalog.issues()
    assert [(i.paper, i.date.isoformat() if i.date else None) for i in issues] == [
        ("上城报", "2020-04-21"),
        ("钱塘新区报", "2021-11-26"),
        ("钱塘新区报", "2022-08-10"),
        ("钱塘新区报", "2022-10-31"),
        ("钱塘新区报", None),
    ]
    assert catalog.papers() == ["上城报", "钱塘新区报"]
    assert sum(1 for _ in catalog.articles()) == 28
    article = next(catalog.articles())
    assert catalog.article(article.id) == article
