"""``reader excerpts …`` as a user types it, and excerpts in ``reader export --bookmarked``
and in the bookmarks file."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from .test_bookmarks_cmd import run

ARTICLE = "0f419ca80aa8"  # 切实织密疫情防控网 …, 钱塘新区报 2022-08-10 第1版
PASSAGE = "要严防输入，既要严格守牢高速公路出入口等入区“大门”"  # typed with full-width comma
CITATION = "郁佳炜. 切实织密疫情防控网 为经济稳进提质筑牢安全底线[N]. 钱塘新区报, 2022-08-10(1)."


def test_add_list_and_remove(capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    status, out, _ = run(capsys, "excerpts", "add", ARTICLE, "--text", PASSAGE, "--note",
                         "防输入的原话", "--tag", "疫情", *lib)
    assert status == 0 and "kept excerpt #1" in out
    status, out, _ = run(capsys, "excerpts", "list", *lib)
    assert status == 0
    assert "#1  2022-08-10 钱塘新区报 第1版  切实织密疫情防控网" in out
    assert "防输入的原话" in out and "[疫情]" in out and "既要严格守牢" in out
    status, out, _ = run(capsys, "excerpts", "list", "--json", *lib)
    (item,) = json.loads(out)
    # The passage as the article prints it (its comma), not as it was typed.
    assert item["text"] == "要严防输入,既要严格守牢高速公路出入口等入区“大门”"
    assert (item["found"], item["citation"]["gbt7714"]) == (True, CITATION)
    assert run(capsys, "excerpts", "remove", "1")[0] == 0
    assert json.loads(run(capsys, "excerpts", "list", "--json", *lib)[1]) == []


def test_text_that_is_not_in_the_article_is_refused_in_one_line(
        capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    status, _, err = run(capsys, "excerpts", "add", ARTICLE, "--text", "文章里没有这句话",
                         "--library", str(small_library))
    assert status == 1
    assert err.strip().splitlines() == [
        f"reader: the text “文章里没有这句话” is not in the body of article {ARTICLE} "
        f"(“切实织密疫情防控网 为经济稳进提质筑牢安全底线”); `reader show {ARTICLE}` prints it"]
    status, _, err = run(capsys, "excerpts", "remove", "7")
    assert status == 1 and "no excerpt 7" in err


def test_export_bookmarked_quotes_each_excerpt_with_its_citation(
        capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "excerpts", "add", ARTICLE, "--text", PASSAGE, "--note", "防输入", *lib)
    out = tmp_path / "quotes.docx"
    status, printed, _ = run(capsys, "export", "--bookmarked", "--output", str(out), *lib)
    assert status == 0 and "exported 1 article" in printed
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    quote = paragraphs.index(("Quote", "要严防输入,既要严格守牢高速公路出入口等入区“大门”"))
    assert paragraphs[quote - 1] == ("Excerpt Label", "摘录")
    assert paragraphs[quote + 1] == ("Quote Citation", "——" + CITATION)
    assert paragraphs[quote + 2] == ("Note", "笔记：防输入")
    # Kept for its excerpt only (not bookmarked): the whole text is not exported.
    assert not any(style == "Normal" and text for style, text in paragraphs)


def test_the_bookmarks_file_carries_excerpts_to_another_store(
        capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "excerpts", "add", ARTICLE, "--text", PASSAGE, "--tag", "疫情", *lib)
    path = tmp_path / "mine.json"
    assert run(capsys, "bookmarks", "export", str(path), *lib)[0] == 0
    monkeypatch.setenv("READER_HOME", str(tmp_path / "other-machine"))
    status, out, _ = run(capsys, "bookmarks", "import", str(path))
    assert status == 0 and "excerpts: 1 added" in out
    (item,) = json.loads(run(capsys, "excerpts", "list", "--json", *lib)[1])
    assert item["tags"] == ["疫情"] and item["found"] is True
