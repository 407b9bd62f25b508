"""Exports as files on disk: one file per article, progress, cancel, unwritable places."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.model import Article
from reader.export import Cancelled, ExportError, export_articles
from reader.export.document import safe_name

from .conftest import needs_chinese_font


def test_split_writes_one_file_per_article_named_by_date_page_and_title(
    tmp_path: Path, seed_articles: list[Article]
) -> None:
    folder = tmp_path / "out"
    written = export_articles(seed_articles, folder, "md", split=True)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(seed_articles) == len(written)
    assert "2022-08-10_第1版_切实织密疫情防控网_为经济稳进提质筑牢安全底线.md" in names
    assert "日期不详_第1版_慎终如始抓好常态化疫情防控.md" in names
    assert "日期不详_第1版_区委书记金承涛专题调研区属国企工作.md" in names
    assert all(n.endswith(".md") and n.count("_") >= 2 for n in names)
    text = (folder / "2020-04-21_第1版_打造西湖边的“晴雨客厅”.md").read_text(encoding="utf-8")
    assert "湖滨街道青年路社区紧邻美丽的西子湖畔" in text


def test_file_names_are_safe_and_do_not_collide(tmp_path: Path) -> None:
    assert safe_name('a/b\\c:d*e?f"g<h>i|j\x07 k') == "abcdefghij_k"
    assert safe_name("   ") == "无标题"
    twins = [Article(id=str(n), title="同名/标题", paper="报", page=2) for n in range(3)]
    written = export_articles(twins, tmp_path / "twins", "txt", split=True)
    assert [p.name for p in written] == [
        "日期不详_第2版_同名标题.txt", "日期不详_第2版_同名标题_2.txt", "日期不详_第2版_同名标题_3.txt"]


@pytest.mark.parametrize("fmt", ["txt", "docx", pytest.param("pdf", marks=needs_chinese_font)])
def test_progress_runs_to_the_total(tmp_path: Path, seed_articles: list[Article],
                                   fmt: str) -> None:
    seen: list[tuple[int, int]] = []
    export_articles(seed_articles, tmp_path / f"x.{fmt}", fmt,
                    progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(seed_articles), len(seed_articles))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.parametrize("fmt", ["html", "docx", pytest.param("pdf", marks=needs_chinese_font)])
@pytest.mark.parametrize("split", [False, True])
def test_a_cancelled_export_leaves_nothing_half_written(
    tmp_path: Path, seed_articles: list[Article], fmt: str, split: bool
) -> None:
    out = tmp_path / ("folder" if split else f"report.{fmt}")
    if not split:
        out.write_bytes(b"the previous report")
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 5

    with pytest.raises(Cancelled):
        export_articles(seed_articles, out, fmt, split=split, cancel=cancel)
    if split:
        assert list(out.iterdir()) == []
    else:
        assert out.read_bytes() == b"the previous report"
        assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_an_unwritable_place_is_a_one_line_error(tmp_path: Path,
                                                 seed_articles: list[Article]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        export_articles(seed_articles, blocker / "out.md", "md")
    with pytest.raises(ExportError, match="is a file"):
        export_articles(seed_articles, blocker, "md", split=True)
    with pytest.raises(ExportError, match="unknown format"):
        export_articles(seed_articles, tmp_path / "x.rtf", "rtf")


def test_no_chinese_font_is_an_error_not_a_pdf_of_boxes(
    tmp_path: Path, seed_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.export import pdf_format

    monkeypatch.setattr(pdf_format, "resources_dir", lambda: tmp_path / "none")
    monkeypatch.setattr(pdf_format.QFontDatabase, "families", staticmethod(lambda *a: []))
    with pytest.raises(ExportError, match="no Chinese font"):
        export_articles(seed_articles[:1], tmp_path / "x.pdf", "pdf")
    assert not (tmp_path / "x.pdf").exists()
