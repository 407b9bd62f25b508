"""What the exported files say beyond the articles: Word's page and properties, text that a
format could misread (control characters in Word, markup in Markdown)."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from reader.corpus.model import Article, Paragraph
from reader.export import export_articles
from reader.export.paper import paper_mm
from reader.export.text_formats import md_escape

from .test_export_formats import md_text


def use_locale(monkeypatch: pytest.MonkeyPatch, locale: str) -> None:
    """Run as on a system set to ``locale`` (only ``LANG`` set, as most desktops do)."""
    for key in ("LC_ALL", "LC_PAPER", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", locale)


@pytest.mark.parametrize(("locale", "size"), [
    ("zh_CN.UTF-8", (210.0, 297.0)), ("zh_TW.UTF-8", (210.0, 297.0)), ("C", (210.0, 297.0)),
    ("de_DE.UTF-8", (210.0, 297.0)), ("en_US.UTF-8", (215.9, 279.4)),
])
def test_word_follows_the_locale_s_paper(tmp_path: Path, seed_articles: list[Article],
                                         monkeypatch: pytest.MonkeyPatch, locale: str,
                                         size: tuple[float, float]) -> None:
    use_locale(monkeypatch, locale)
    assert paper_mm() == size
    out = tmp_path / "a.docx"
    export_articles(seed_articles[:2], out, "docx")
    section = docx.Document(str(out)).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == size
    assert abs(section.page_width - Mm(size[0])) < Mm(0.1)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
@pytest.mark.parametrize(("locale", "size"), [
    ("zh_CN.UTF-8", (595, 842)), ("en_US.UTF-8", (612, 792)),
])
def test_pdf_follows_the_locale_s_paper_like_word(tmp_path: Path, seed_articles: list[Article],
                                                 monkeypatch: pytest.MonkeyPatch, locale: str,
                                                 size: tuple[int, int]) -> None:
    use_locale(monkeypatch, locale)
    out = tmp_path / "a.pdf"
    export_articles(seed_articles[:1], out, "pdf")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout
    points = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert points is not None, info
    assert (round(float(points[1])), round(float(points[2]))) == size


def test_word_properties_say_what_the_document_is(tmp_path: Path,
                                                  seed_articles: list[Article]) -> None:
    one = next(a for a in seed_articles if a.id == "0f419ca80aa8")
    out = tmp_path / "one.docx"
    export_articles([one], out, "docx")
    props = docx.Document(str(out)).core_properties
    assert props.title == "切实织密疫情防控网 为经济稳进提质筑牢安全底线"
    assert props.author == "郁佳炜"
    assert "python-docx" not in f"{props.author} {props.comments} {props.last_modified_by}"
    assert props.created.year >= 2024 and props.language == "zh-CN"
    export_articles(seed_articles, out, "docx")
    props = docx.Document(str(out)).core_properties
    assert props.title == f"报刊文章选编（{len(seed_articles)}篇）"
    assert "python-docx" not in props.author and props.author
    assert props.subject == "钱塘新区报、上城报" or set(props.subject.split("、")) == {
        "钱塘新区报", "上城报"}


def test_control_characters_are_left_out_of_word_with_a_warning(tmp_path: Path) -> None:
    article = Article(id="c", title="标题\x07含\x1b控制符", paper="报\x00纸", page=1,
                      byline="记者\x0c张三",
                      paragraphs=[Paragraph("正文\x01第一段\ufffe。"), Paragraph("第二段\x08。")])
    out = tmp_path / "c.docx"
    heard: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # and no "Exception ignored" from an unclosed file
        assert export_articles([article], out, "docx", warn=heard.append) == [out]
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "标题含控制符" in texts and "正文第一段。" in texts and "第二段。" in texts
    assert "记者张三" in texts
    (message,) = heard
    assert message.endswith(" control character(s) that a Word file cannot hold were left out")
    assert "来源：报纸" in docx.Document(str(out)).paragraphs[2].text


@pytest.mark.parametrize(("text", "shown"), [
    ("1. 坚持人民至上", "1\\. 坚持人民至上"),          # not \1., which shows the backslash
    ("2022) 年度总结", "2022\\) 年度总结"),
    ("[点此](javascript:alert(1))", "\\[点此\\](javascript:alert(1))"),
    ("![](http://example.com/t.png)", "\\!\\[\\](http://example.com/t.png)"),
    ("<script>x</script>", "\\<script\\>x\\</script\\>"),
    ("# 不是标题", "\\# 不是标题"),
    ("- 不是列表", "\\- 不是列表"),
    ("> 不是引用", "\\> 不是引用"),
    ("*强调* _下划_ `代码`", "\\*强调\\* \\_下划\\_ \\`代码\\`"),
    ("snake_case_word 3.7万户 100%", "snake_case_word 3.7万户 100%"),  # nothing to escape
    ("“新鲜血液”。（下转第2版）", "“新鲜血液”。（下转第2版）"),
])
def test_markdown_escapes_what_markdown_would_interpret_and_only_that(
    text: str, shown: str
) -> None:
    assert md_escape(text) == shown


def test_a_markdown_export_has_no_live_link_or_image(tmp_path: Path) -> None:
    article = Article(id="m", title="链接", paper="报", page=1, paragraphs=[
        Paragraph("1. 第一条"), Paragraph("看[这里](javascript:alert(1))和![](http://x/t.png)")])
    out = tmp_path / "m.md"
    export_articles([article], out, "md")
    raw = out.read_text("utf-8")
    assert "\n1\\. 第一条\n" in raw
    assert "](javascript:" not in raw.replace("\\](javascript:", "")
    assert "![" not in raw.replace("\\!\\[", "")
    assert "1. 第一条" in md_text(out)  # read back, the text is the page's


def test_word_pages_are_numbered_in_the_footer(tmp_path: Path,
                                               seed_articles: list[Article]) -> None:
    out = tmp_path / "many.docx"
    export_articles(seed_articles[:4], out, "docx")
    footer = docx.Document(str(out)).sections[0].footer
    fields = [f.get(qn("w:instr")) for p in footer.paragraphs
              for f in p._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert " / " in footer.paragraphs[0].text
