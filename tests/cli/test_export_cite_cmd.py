"""``reader export`` and ``reader cite`` from the command line."""

from __future__ import annotations

import json
import os
import re
import stat
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


def test_the_format_and_the_file_name_agree(capsys: pytest.CaptureFixture[str],
                                            small_library: Path, tmp_path: Path) -> None:
    lib = ["--library", str(small_library)]
    wrong = tmp_path / "bookmarks.docx"
    status, _, err = run(capsys, "export", "0f419ca80aa8", "--format", "pdf", "--output",
                         str(wrong), *lib)
    assert status == 2 and not wrong.exists()
    assert "bookmarks.docx is named as a Word file but the format is PDF" in err
    status, out, _ = run(capsys, "export", "0f419ca80aa8", "--format", "md", "--output",
                         str(tmp_path / "report"), *lib)
    assert status == 0 and str(tmp_path / "report.md") in out
    assert "\n# 切实织密疫情防控网" in (tmp_path / "report.md").read_text("utf-8")


def test_an_existing_file_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path
) -> None:
    lib = ["--library", str(small_library)]
    target = tmp_path / "report.txt"
    target.write_text("my own notes, not an export", "utf-8")
    status, _, err = run(capsys, "export", "0f419ca80aa8", "--output", str(target), *lib)
    assert status == 1
    assert err == f"reader: {target} exists already; use --force to replace it\n"
    assert target.read_text("utf-8") == "my own notes, not an export"
    status, _, _ = run(capsys, "export", "0f419ca80aa8", "--output", str(target), "--force",
                       *lib)
    assert status == 0 and "切实织密疫情防控网" in target.read_text("utf-8")
    folder = tmp_path / "split"
    assert run(capsys, "export", "0f419ca80aa8", "--output", str(folder), "--split", "--format",
               "txt", *lib)[0] == 0
    (one,) = folder.iterdir()
    one.write_text("edited by hand", "utf-8")
    status, _, err = run(capsys, "export", "0f419ca80aa8", "--output", str(folder), "--split",
                         "--format", "txt", *lib)
    assert status == 1 and "exists already" in err and str(one) in err
    assert one.read_text("utf-8") == "edited by hand"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("fmt", ["docx", "md", "txt", "html",
                                 pytest.param("pdf", marks=[needs_chinese_font, needs_pdftotext])])
def test_bookmark_notes_and_tags_are_exported_with_their_article(
    qapp: object, capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path,
    fmt: str,
) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "bookmarks", "add", "0f419ca80aa8", "--note", "防控措施原文\n第二段要引用",
        "--tag", "疫情", "--tag", "钱塘", *lib)
    run(capsys, "bookmarks", "add", "d72c54c81242", "--note", "望江新城 [x](javascript:1)",
        *lib)
    out = tmp_path / f"bookmarks.{fmt}"
    assert run(capsys, "export", "--bookmarked", "--output", str(out), *lib)[0] == 0
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    elif fmt == "pdf":
        text = pdf_text(out)
    else:
        text = out.read_text("utf-8")
    flat = re.sub(r"\s+", "", text)
    second = flat.rindex("充分发挥战斗堡垒作用")  # its citation, after the contents
    first = flat.index("引用：郁佳炜.切实织密疫情防控网")
    assert "笔记：防控措施原文" in flat and "笔记：第二段要引用" in flat
    assert "标签：疫情、钱塘" in flat
    # with its own article: after the citation, before the first paragraph
    assert first < flat.index("笔记：防控措施原文") < flat.index("本报讯9日下午")
    note = "笔记：望江新城\\[x\\](javascript:1)" if fmt == "md" else "笔记：望江新城[x](javascript:1)"
    assert second < flat.index(note) < first
