"""Every seed article exported to each format and read back: headlines, paragraphs, the
imprint line and the citation are there, with the Chinese text intact."""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtCore import QRunnable, QThreadPool

from reader.corpus.model import Article
from reader.export import export_articles, gbt7714
from reader.export.document import heading_text, ordered

from .conftest import needs_chinese_font, needs_pdftotext, pdf_text


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


def md_text(path: Path) -> str:
    return re.sub(r"\\(.)", r"\1", path.read_text(encoding="utf-8"))


def assert_complete(text: str, articles: list[Article]) -> None:
    """Every headline, paragraph, byline and citation appears (white space aside)."""
    flat = squeeze(text)
    for a in articles:
        assert squeeze(heading_text(a)) in flat, a.id
        assert squeeze(gbt7714(a)) in flat, a.id
        if a.byline:
            assert squeeze(a.byline) in flat, a.id
        for p in a.paragraphs:
            assert squeeze(p.text) in flat, (a.id, p.text[:20])
    # and in the order of the archive: by date, undated last
    positions = [flat.index(squeeze(gbt7714(a))) for a in ordered(articles)]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("fmt", "read"), [
    ("txt", lambda p: p.read_text(encoding="utf-8")),
    ("md", md_text),
    ("html", html_text),
])
def test_text_formats_give_every_article_back(
    tmp_path: Path, seed_articles: list[Article], fmt: str, read: object
) -> None:
    out = tmp_path / f"all.{fmt}"
    assert export_articles(seed_articles, out, fmt) == [out]
    text = read(out)  # type: ignore[operator]
    assert_complete(text, seed_articles)
    assert "目录" in text
    assert "来源：钱塘新区报 日期不详 第1版" in text


def test_word_file_has_styles_not_one_blob(tmp_path: Path, seed_articles: list[Article]) -> None:
    out = tmp_path / "all.docx"
    export_articles(seed_articles, out, "docx")
    document = docx.Document(str(out))
    by_style: dict[str, list[str]] = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    articles = ordered(seed_articles)
    assert by_style["Heading 1"] == [heading_text(a) for a in articles]
    assert by_style["Byline"] == [a.byline for a in articles if a.byline]
    assert by_style["Kicker"] == [a.kicker for a in articles if a.kicker and a.title]
    assert by_style["Subtitle"] == [a.subtitle for a in articles if a.subtitle]
    assert by_style["Citation"] == [f"引用：{gbt7714(a)}" for a in articles]
    assert len(by_style["Source"]) == len(articles)
    assert by_style["Heading 2"] == [p.text for a in articles for p in a.paragraphs
                                     if p.kind == "heading"]
    assert by_style["Normal"] == [p.text for a in articles for p in a.paragraphs
                                  if p.kind == "text"]
    assert len(by_style["Contents"]) == len(articles)
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    heading_fonts = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:eastAsia")) == "黑体"
    assert heading_fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win in Word


@needs_chinese_font
@needs_pdftotext
def test_pdf_text_is_real_chinese_text(tmp_path: Path, seed_articles: list[Article]) -> None:
    out = tmp_path / "all.pdf"
    export_articles(seed_articles, out, "pdf")
    text = pdf_text(out)
    assert_complete(text, seed_articles)
    assert "来源：上城报2020年4月21日第1版" in squeeze(text)


@needs_chinese_font
@needs_pdftotext
def test_pdf_contents_give_the_page_of_each_article(
    tmp_path: Path, seed_articles: list[Article]
) -> None:
    out = tmp_path / "all.pdf"
    export_articles(seed_articles, out, "pdf")
    pages = pdf_text(out).split("\f")
    first = ordered(seed_articles)[0]
    contents = squeeze(pages[0])
    label = squeeze(f"{first.date} 第1版 {heading_text(first)}")
    after = contents[contents.index(label) + len(label):]
    page_number = re.match(r"\d+?(?=\d{4}-\d\d-\d\d|日期不详)", after).group(0)
    assert squeeze(heading_text(first)) in squeeze(pages[int(page_number) - 1])


@needs_chinese_font
@needs_pdftotext
def test_pdf_export_runs_in_a_worker_thread(tmp_path: Path,
                                           seed_articles: list[Article]) -> None:
    """As the window does it: a QRunnable on the thread pool, progress reported from there."""
    out = tmp_path / "worker.pdf"
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    threads: set[bool] = set()

    class Job(QRunnable):
        def run(self) -> None:
            threads.add(threading.current_thread() is threading.main_thread())
            try:
                export_articles(seed_articles[:4], out, "pdf",
                                progress=lambda d, t: seen.append((d, t)))
            except BaseException as err:  # pragma: no cover - reported below
                errors.append(err)

    pool = QThreadPool.globalInstance()
    pool.start(Job())
    assert pool.waitForDone(60_000)
    assert errors == []
    assert threads == {False}
    assert seen[-1] == (4, 4)
    assert_complete(pdf_text(out), seed_articles[:4])


def test_one_article_is_a_document_of_its_own(tmp_path: Path, seed_articles: list[Article]) -> None:
    lost = next(a for a in seed_articles if a.id == "1367d4048e37")
    out = tmp_path / "one.md"
    export_articles([lost], out, "md")
    text = md_text(out)
    assert text.startswith("# [区委书记金承涛专题调研区属国企工作]")
    assert "目录" not in text
    assert_complete(text, [lost])
