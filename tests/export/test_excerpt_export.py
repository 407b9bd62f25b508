"""Excerpts exported as quotations: the passage set apart, the article's citation (with its
page) under it, the excerpt's note and tags, in every format; never read as markup."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from reader.corpus.model import Article, Paragraph
from reader.export import Annotation, Quote, export_articles, gbt7714, plain_quotation

from .conftest import needs_chinese_font, needs_pdftotext, pdf_text

PASSAGE = "要严防输入，既要严格守牢高速公路出入口等入区“大门”"


@pytest.fixture
def article(seed_articles: list[Article]) -> Article:
    return next(a for a in seed_articles if a.id == "0f419ca80aa8")


def _notes(article: Article, *quotes: Quote, only: bool = True) -> dict[str, Annotation]:
    return {article.id: Annotation(quotes=quotes, quotes_only=only)}


def test_word_sets_the_passage_as_a_quotation_with_its_citation(
        tmp_path: Path, article: Article) -> None:
    out = tmp_path / "q.docx"
    export_articles([article], out, "docx", notes=_notes(
        article, Quote(PASSAGE + "\n第二段也在摘录里", "写报告", ("疫情",))))
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    at = paragraphs.index(("Excerpt Label", "摘录"))
    assert paragraphs[at + 1:at + 6] == [
        ("Quote", PASSAGE), ("Quote", "第二段也在摘录里"),
        ("Quote Citation", "——" + gbt7714(article)),
        ("Note", "笔记：写报告"), ("Note", "标签：疫情")]
    assert gbt7714(article).endswith("2022-08-10(1).")  # the page, in GB/T 7714's place
    assert not any(s == "Normal" and t for s, t in paragraphs)  # an excerpt, not the article


def test_a_bookmarked_article_keeps_its_text_after_the_quotations(
        tmp_path: Path, article: Article) -> None:
    out = tmp_path / "q.txt"
    export_articles([article], out, "txt", notes=_notes(article, Quote(PASSAGE), only=False))
    text = out.read_text("utf-8")
    assert text.index("摘录：") < text.index(f"\u3000\u3000{PASSAGE}\n") < text.index(
        "\u3000\u3000——" + gbt7714(article)) < text.index(article.paragraphs[-1].text)


@needs_chinese_font
@needs_pdftotext
def test_pdf_quotation_reads_back_with_its_citation(tmp_path: Path, article: Article) -> None:
    out = tmp_path / "q.pdf"
    export_articles([article], out, "pdf", notes=_notes(article, Quote(PASSAGE, "原话")))
    text = re.sub(r"\s+", "", pdf_text(out))
    assert "摘录" + PASSAGE + "——" + gbt7714(article).replace(" ", "") + "笔记：原话" in text
    assert article.paragraphs[-1].text[:20] not in text


MARKUP = "<b>粗</b> *强调* [链接](javascript:alert(1)) &amp;"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_passage_that_looks_like_markup_stays_text(
        tmp_path: Path, article: Article, fmt: str) -> None:
    tricky = replace(article, paragraphs=[Paragraph(MARKUP)])
    out = tmp_path / f"q.{fmt}"
    export_articles([tricky], out, fmt, notes=_notes(tricky, Quote(MARKUP, "<i>笔记</i>")))
    text = out.read_text("utf-8")
    assert "<b>" not in text and "<i>" not in text
    if fmt == "md":
        assert r"> \<b\>粗\</b\> \*强调\* \[链接\](javascript:alert(1)) \&amp;" in text
    else:
        assert ('<p class="quote">&lt;b&gt;粗&lt;/b&gt; *强调* [链接](javascript:alert(1)) '
                '&amp;amp;</p>') in text


def test_the_clipboard_form_is_the_passage_in_quotes_and_its_citation(
        article: Article) -> None:
    assert plain_quotation(f"  {PASSAGE}\u2029第二段 ", article) == (
        f"“{PASSAGE}\n第二段”\n——{gbt7714(article)}")
