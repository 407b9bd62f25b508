"""Word (.docx) export with python-docx: every part of an article in its own style.

Styles: ``Title`` (the document), ``Heading 1`` (an article's headline, with a Word bookmark
the contents link to), ``Kicker`` (引题), ``Subtitle`` (副题), ``Byline``, ``Source``,
``Citation``, ``Normal`` (paragraphs) and ``Heading 2`` (section heads inside an article).
Chinese text gets an East Asian font through ``w:rFonts/@w:eastAsia`` (the theme font
attributes are removed, since Word lets them win) and the ``zh-CN`` language. The page is
the locale's paper (A4 for zh, see ``paper``); the document's title and author say what it
is and who wrote the articles, not python-docx's template. A bookmark's note and tags follow
the citation (style ``Note``); an excerpt is its passage in ``Quote`` under the label
``Excerpt Label``, with its citation in ``Quote Citation``. Characters that XML cannot hold
(control characters from a damaged page) are left out, with a warning.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from ..corpus.model import Article
from .authors import credited_authors
from .citation import gbt7714, imprint_line
from .document import NO_NOTES, Notes, Tracker, document_title, heading_text, noted, toc_label
from .paper import paper_mm
from .quotation import LABEL, attribution

APP_NAME = "报刊阅读器"
# What XML 1.0 cannot hold: C0 controls other than tab and line ends, lone surrogates,
# U+FFFE/U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
QUOTE_FONT = "楷体"
"""Quotations are set in 楷体, as Chinese print sets quoted text apart."""
LATIN_FONT = "Times New Roman"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(style: ParagraphStyle, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Give ``style`` an explicit East Asian font (and Latin one), language zh-CN."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style(doc: Document, name: str, size: float, *, italic: bool = False,
           grey: bool = False, indent: bool = False) -> ParagraphStyle:
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(
        name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    style.font.italic = italic
    if grey:
        style.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    if indent:
        style.paragraph_format.first_line_indent = Pt(size * 2)
    return style


def _prepare(doc: Document) -> None:
    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.size = Pt(10.5)  # 五号
    normal.paragraph_format.first_line_indent = Pt(21)
    normal.paragraph_format.line_spacing = 1.3
    set_fonts(normal, BODY_FONT)
    for name in ("Title", "Heading 1", "Heading 2", "TOC Heading"):
        style = doc.styles[name]
        assert isinstance(style, ParagraphStyle)
        set_fonts(style, HEADING_FONT)
        style.paragraph_format.first_line_indent = Pt(0)
    for name, size, italic, grey in (
        ("Kicker", 12, False, False), ("Subtitle", 12, False, False),
        ("Byline", 10.5, False, False), ("Source", 9, False, True),
        ("Citation", 9, False, True), ("Contents", 10.5, False, False),
        ("Note", 10.5, True, False), ("Excerpt Label", 10.5, False, False),
        ("Quote Citation", 9, False, True),
    ):
        style = _style(doc, name, size, italic=italic, grey=grey)
        style.paragraph_format.first_line_indent = Pt(0)
        set_fonts(style, HEADING_FONT if name in ("Kicker", "Subtitle") else BODY_FONT)
    # An excerpt: its passage indented as a block quotation (Word's own Quote style), the
    # citation under it indented alike.
    quote = doc.styles["Quote"]
    assert isinstance(quote, ParagraphStyle)
    set_fonts(quote, QUOTE_FONT)
    quote.font.italic = False
    for style in (quote, doc.styles["Quote Citation"]):
        assert isinstance(style, ParagraphStyle)
        style.paragraph_format.left_indent = Pt(21)
        style.paragraph_format.first_line_indent = Pt(0)


def _bookmark(paragraph: DocxParagraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _link(paragraph: DocxParagraph, text: str, anchor: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


class _Writer:
    """Adds paragraphs by style id: python-docx looks a style up by name on every call,
    which made 1,000 articles take seconds."""

    def __init__(self, doc: Document, tracker: Tracker, notes: Notes) -> None:
        self.doc = doc
        self.tracker = tracker
        self.notes = notes
        self.dropped = 0
        self.ids = {s.name: s.style_id for s in doc.styles
                    if s.type == WD_STYLE_TYPE.PARAGRAPH}

    def add(self, text: str, style: str) -> DocxParagraph:
        text, n = NOT_XML.subn("", text)
        self.dropped += n
        paragraph = self.doc.add_paragraph(text)
        if style != "Normal":
            paragraph._p.style = self.ids[style]
        return paragraph

    def article(self, article: Article, number: int, new_page: bool) -> None:
        if article.kicker and article.title:
            kicker = self.add(article.kicker, "Kicker")
            kicker.paragraph_format.page_break_before = new_page
            new_page = False
        head = self.add(heading_text(article), "Heading 1")
        head.paragraph_format.page_break_before = new_page
        _bookmark(head, f"article_{number}", number)
        if article.subtitle and (article.title or article.kicker):
            self.add(article.subtitle, "Subtitle")
        if article.byline:
            self.add(article.byline, "Byline")
        self.add(f"来源：{imprint_line(article)}", "Source")
        self.add(f"引用：{gbt7714(article)}", "Citation")
        annotation = noted(self.notes, article)
        for label, text in annotation.lines():
            self.add(f"{label}：{text}", "Note")
        for quote in annotation.quotes:
            self.add(LABEL, "Excerpt Label")
            for line in quote.paragraphs():
                self.add(line, "Quote")
            self.add(attribution(article), "Quote Citation")
            for label, text in quote.lines():
                self.add(f"{label}：{text}", "Note")
        if annotation.with_body():
            for p in article.paragraphs:
                self.add(p.text, "Heading 2" if p.kind == "heading" else "Normal")


def _properties(doc: Document, articles: list[Article], notes: Notes) -> None:
    """Title, author and the rest of the document's properties (python-docx's template
    says ``python-docx`` and 2013)."""
    props = doc.core_properties
    props.title = NOT_XML.sub("", document_title(articles))
    names = dict.fromkeys(n for a in articles for n in credited_authors(a.byline))
    props.author = NOT_XML.sub("", "、".join(list(names)[:10])) or APP_NAME
    props.last_modified_by = APP_NAME
    props.comments = f"由{APP_NAME}导出：{len(articles)}篇报刊文章，附出处与引用"
    papers = dict.fromkeys(a.paper for a in articles if a.paper)
    props.subject = NOT_XML.sub("", "、".join(papers))
    tags = dict.fromkeys(t for a in articles if a.id in notes for t in notes[a.id].tags)
    props.keywords = NOT_XML.sub("", "、".join(tags))
    props.category = "报刊文章"
    props.language = "zh-CN"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.created = props.modified = now
    props.revision = 1


def _page(doc: Document) -> None:
    width, height = paper_mm()
    for section in doc.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        _page_numbers(section.footer.paragraphs[0])


def _page_numbers(paragraph: DocxParagraph) -> None:
    """``3 / 12`` centred in the footer, as the PDF has: fields Word fills in as it pages."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for n, instruction in enumerate(("PAGE", "NUMPAGES")):
        if n:
            paragraph.add_run(" / ").font.size = Pt(8)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        run = paragraph.add_run("1")
        run.font.size = Pt(8)
        field.append(run._r)  # the run shown until Word updates the field
        paragraph._p.append(field)


def write_docx(articles: list[Article], target: Path, tracker: Tracker,
               notes: Notes = NO_NOTES) -> None:
    doc = docx.Document()
    _prepare(doc)
    _page(doc)
    _properties(doc, articles, notes)
    many = len(articles) > 1
    writer = _Writer(doc, tracker, notes)
    if many:
        writer.add(document_title(articles), "Title")
        writer.add("目录", "TOC Heading")
        for n, article in enumerate(articles, start=1):
            _link(writer.add("", "Contents"), NOT_XML.sub("", toc_label(article)),
                  f"article_{n}")
    for n, article in enumerate(articles, start=1):
        writer.article(article, n, new_page=many)
        tracker.step()
    if writer.dropped:
        tracker.warn(f"{writer.dropped} control character(s) that a Word file cannot hold "
                     "were left out")
    # Zipped in memory, then written in one go: zipfile writing to a full disk raises, and
    # then prints "Exception ignored … seek of closed file" when the half-closed archive is
    # collected.
    buffer = io.BytesIO()
    doc.save(buffer)
    target.write_bytes(buffer.getvalue())
