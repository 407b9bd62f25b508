"""``reader export`` and ``reader cite`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from ..export.conftest import needs_chinese_font, needs_pdftotext, pdf_text
from .test_bookmarks_cmd import run


def test_cite_in_three_styles(capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    status, out, _ = run(capsys, "cite", "7aafc7f2f744", "45b1a60248ba", *lib)
    assert status == 0
    assert out.splitlines() == [
        "季辰欣. 我区召开招商引资工作推进会[N]. 上城报, 2020-04-21(1).",
        "努力打造杭州国际化现代化时代地标[N]. 上城报, 2020-04-21(1).",
    ]
    status, out, _ = run(capsys, "cite", "7aafc7f2f744", "--format", "ris", *lib)
    assert "TY  - NEWS" in out and "AU  - 季辰欣" in out and "T2  - 上城报" in out
    status, out, _ = run(capsys, "cite", "7aafc7f2f744", "--format", "csl-json", *lib)
    assert json.loads(out)[0]["type"] == "article-newspaper"


def test_cite_an_unknown_id_fails(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "cite", "0000deadbeef")
    assert status != 0 and out == "" and err.count("\n") == 1 and "0000deadbeef" in err


def test_export_to_word_by_suffix(capsys: pytest.CaptureFixture[str], small_library: Path,
                                  tmp_path: Path) -> None:
    out_file = tmp_path / "report.docx"
    status, out, _ = run(capsys, "export", "0f419ca80aa8", "d72c54c81242", "--output",
                         str(out_file), "--library", str(small_library))
    assert status == 0 and "exported 2 articles" in out
    headings = [p.text for p in docx.Document(str(out_file)).paragraphs
                if p.style.name == "Heading 1"]
    # by date: 上城报 2020 before 钱塘新区报 2022
    assert headings == ["充分发挥战斗堡垒作用 望江街道奋力打造产城融合的望江新城",
                        "切实织密疫情防控网 为经济稳进提质筑牢安全底线"]


@needs_chinese_font
@needs_pdftotext
def test_export_bookmarked_articles_to_pdf_files(
    qapp: object, capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path
) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "bookmarks", "add", "4e35fbaaaeec", "--tag", "报告", *lib)
    run(capsys, "bookmarks", "add", "1367d4048e37", "--tag", "报告", *lib)
    folder = tmp_path / "pdfs"
    status, _, _ = run(capsys, "export", "--bookmarked", "--tag", "报告", "--format", "pdf",
                       "--split", "--output", str(folder), *lib)
    assert status == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["2020-04-21_第1版_打造西湖边的“晴雨客厅”.pdf",
                     "日期不详_第1版_区委书记金承涛专题调研区属国企工作.pdf"]
    assert "湖滨街道青年路社区紧邻美丽的西子湖畔" in pdf_text(folder / names[0]).replace("\n", "")


def test_export_failures_are_one_line(capsys: pytest.CaptureFixture[str], small_library: Path,
                                      tmp_path: Path) -> None:
    lib = ["--library", str(small_library)]
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cases = [
        (["export", "0f419ca80aa8", "--output", str(blocker / "a.md")], "cannot write"),
        (["export", "nosuchid", "--output", str(tmp_path / "a.md")], "no article with id"),
        (["export", "0f419ca80aa8", "--output", str(tmp_path / "a.rtf")], "--format"),
        (["export", "--output", str(tmp_path / "a.md")], "nothing to export"),
    ]
    for argv, message in cases:
        status, _, err = run(capsys, *argv, *lib)
        assert status != 0, argv
        assert err.count("\n") == 1 and message in err, err
