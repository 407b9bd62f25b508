"""HTML export, and the HTML that the PDF export lays out with Qt.

The same markup serves both; ``for_print`` adds page breaks before each article and leaves
out the CSS Qt's rich-text engine does not know.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..corpus.model import Article
from .citation import gbt7714, imprint_line
from .document import NO_NOTES, Notes, Tracker, document_title, heading_text, noted, toc_label
from .quotation import LABEL, attribution

CSS = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
       max-width: 46em; margin: 2em auto; line-height: 1.8; padding: 0 1em; }
.kicker, .subtitle { color: #444; margin: 0.2em 0; }
.byline { margin: 0.4em 0; }
.source, .citation { font-size: 90%; color: #555; margin: 0.1em 0; }
.note { margin: 0.1em 0; font-style: italic; }
article { margin-bottom: 3em; }
article p.text { text-indent: 2em; }
nav ol { padding-left: 1.5em; }
.excerpt-label { font-weight: bold; margin: 1em 0 0.2em; }
blockquote.excerpt { margin: 0.3em 0 0.6em 2em; padding-left: 1em; border-left: 3px solid #bbb; }
"""


def _article_html(article: Article, level: int, anchor: str | None, page_break: bool,
                  notes: Notes) -> str:
    h, sub = f"h{level}", f"h{level + 1}"
    brk = ' style="page-break-before: always"' if page_break else ""
    parts = []
    if anchor:
        parts.append(f'<a name="{anchor}" id="{anchor}"></a>')
    if article.kicker and article.title:
        parts.append(f'<p class="kicker"{brk}>{escape(article.kicker)}</p>')
        brk = ""
    parts.append(f'<{h} class="headline"{brk}>{escape(heading_text(article))}</{h}>')
    if article.subtitle and (article.title or article.kicker):
        parts.append(f'<p class="subtitle">{escape(article.subtitle)}</p>')
    if article.byline:
        parts.append(f'<p class="byline">{escape(article.byline)}</p>')
    parts.append(f'<p class="source">来源：{escape(imprint_line(article))}</p>')
    parts.append(f'<p class="citation">引用：{escape(gbt7714(article))}</p>')
    annotation = noted(notes, article)
    parts += [f'<p class="note">{label}：{escape(text)}</p>'
              for label, text in annotation.lines()]
    for quote in annotation.quotes:
        parts.append(f'<p class="excerpt-label">{LABEL}</p>')
        parts.append('<blockquote class="excerpt">' + "".join(
            f'<p class="quote">{escape(p)}</p>' for p in quote.paragraphs())
            + f'<p class="citation quote">{escape(attribution(article))}</p></blockquote>')
        parts += [f'<p class="note">{label}：{escape(text)}</p>'
                  for label, text in quote.lines()]
    if annotation.with_body():
        for p in article.paragraphs:
            if p.kind == "heading":
                parts.append(f"<{sub}>{escape(p.text)}</{sub}>")
            else:
                parts.append(f'<p class="text">{escape(p.text)}</p>')
    return "\n".join(parts)


def render_html(articles: list[Article], tracker: Tracker, *, for_print: bool = False,
                toc_pages: list[str] | None = None, notes: Notes = NO_NOTES) -> str:
    """A complete HTML document; ``toc_pages`` puts page numbers in the contents (PDF)."""
    title = document_title(articles)
    body: list[str] = []
    many = len(articles) > 1
    if many:
        body.append(f"<h1>{escape(title)}</h1>")
        if toc_pages is not None:
            rows = "".join(
                f'<tr><td><a href="#article-{n}">{escape(toc_label(a))}</a></td>'
                f'<td align="right">{toc_pages[n - 1]}</td></tr>'
                for n, a in enumerate(articles, start=1))
            body.append(f'<h2>目录</h2><table width="100%" cellpadding="2">{rows}</table>')
        else:
            items = "".join(f'<li><a href="#article-{n}">{escape(toc_label(a))}</a></li>'
                            for n, a in enumerate(articles, start=1))
            body.append(f"<nav><h2>目录</h2><ol>{items}</ol></nav>")
    for n, article in enumerate(articles, start=1):
        inner = _article_html(article, 2 if many else 1, f"article-{n}" if many else None,
                              page_break=for_print and many, notes=notes)
        body.append(inner if for_print else f"<article>\n{inner}\n</article>")
        tracker.step()
    style = "" if for_print else f"<style>{CSS}</style>"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n{style}\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def write_html(articles: list[Article], target: Path, tracker: Tracker,
               notes: Notes = NO_NOTES) -> None:
    target.write_text(render_html(articles, tracker, notes=notes), encoding="utf-8",
                      newline="\n")
