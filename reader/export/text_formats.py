"""Plain text and Markdown exports.

Plain text follows Chinese print habits: paragraphs indented by two ideographic spaces,
section heads flush left. Markdown escapes what a Markdown reader would take as markup, and
only that: emphasis, code, HTML, links and images (``[x](javascript:…)`` and ``![](http://…)``
stay text), and at the start of a line headings, quotes, lists and rules. An ordered list
marker is escaped after its digits (``1\\.``): a backslash before a digit is not an escape and
would show. A bookmark's note and tags follow the citation, then the excerpts as quotations
(``quotation.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..corpus.model import Article
from .citation import gbt7714, imprint_line
from .document import NO_NOTES, Notes, Tracker, document_title, heading_text, noted, toc_label
from .quotation import LABEL, attribution

INDENT = "\u3000\u3000"


def _txt_article(article: Article, notes: Notes) -> list[str]:
    lines = []
    if article.kicker and article.title:
        lines.append(article.kicker)
    lines.append(heading_text(article))
    if article.subtitle and (article.title or article.kicker):
        lines.append(article.subtitle)
    if article.byline:
        lines.append(article.byline)
    lines += [f"来源：{imprint_line(article)}", f"引用：{gbt7714(article)}"]
    annotation = noted(notes, article)
    lines += [f"{label}：{text}" for label, text in annotation.lines()]
    for quote in annotation.quotes:
        lines += ["", f"{LABEL}："]
        lines += [INDENT + line for line in quote.paragraphs()]
        lines.append(INDENT + attribution(article))
        lines += [f"{label}：{text}" for label, text in quote.lines()]
    if annotation.with_body():
        lines.append("")
        for p in article.paragraphs:
            lines.append(p.text if p.kind == "heading" else INDENT + p.text)
    return lines


def render_txt(articles: list[Article], tracker: Tracker, notes: Notes = NO_NOTES) -> str:
    out: list[str] = []
    if len(articles) > 1:
        title = document_title(articles)
        out += [title, "=" * len(title) * 2, "", "目录", ""]
        out += [f"{n}. {toc_label(a)}" for n, a in enumerate(articles, start=1)]
    for article in articles:
        if out:
            out += ["", "─" * 30, ""]
        out += _txt_article(article, notes)
        tracker.step()
    return "\n".join(out) + "\n"


# Anywhere in a line: backslash, code, emphasis, HTML/autolinks, entities, link and image
# brackets; ``_`` only where it can open or close emphasis (not inside snake_case words).
_MD_SPECIAL = re.compile(r"([\\`*<>&\[\]!~|]|(?<!\w)_|_(?!\w))")
# At the start of a line (after up to three spaces): headings, quotes, bullets, rules,
# setext underlines and ordered list markers (the digits stay, the dot or paren is escaped).
_MD_LINE_START = re.compile(r"^( {0,3})(?:([#+\-=])|(\d{1,9})([.)]))", re.M)


def md_escape(text: str) -> str:
    """Escape Markdown syntax in plain text (a paragraph stays one paragraph)."""
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)

    def line_start(m: re.Match[str]) -> str:
        if m.group(2):
            return f"{m.group(1)}\\{m.group(2)}"
        return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"

    return _MD_LINE_START.sub(line_start, text)


def _md_article(article: Article, level: int, anchor: str | None, notes: Notes) -> list[str]:
    lines = []
    if anchor:
        lines += [f'<a id="{anchor}"></a>', ""]
    if article.kicker and article.title:
        lines += [f"*{md_escape(article.kicker)}*", ""]
    lines += [f"{'#' * level} {md_escape(heading_text(article))}", ""]
    if article.subtitle and (article.title or article.kicker):
        lines += [f"**{md_escape(article.subtitle)}**", ""]
    if article.byline:
        lines += [md_escape(article.byline), ""]
    lines += [f"> 来源：{md_escape(imprint_line(article))}  ",
              f"> 引用：{md_escape(gbt7714(article))}"]
    annotation = noted(notes, article)
    if annotation.lines():
        lines[-1] += "  "
        lines += [f"> {label}：{md_escape(text)}  " for label, text in annotation.lines()]
        lines[-1] = lines[-1].rstrip()
    lines.append("")
    for quote in annotation.quotes:
        lines += [f"**{LABEL}**", ""]
        for line in quote.paragraphs():
            lines += [f"> {md_escape(line)}", ">"]
        lines += [f"> {md_escape(attribution(article))}", ""]
        lines += [f"{label}：{md_escape(text)}  " for label, text in quote.lines()]
        if quote.lines():
            lines[-1] = lines[-1].rstrip()
            lines.append("")
    if annotation.with_body():
        for p in article.paragraphs:
            prefix = "#" * (level + 1) + " " if p.kind == "heading" else ""
            lines += [prefix + md_escape(p.text), ""]
    return lines


def render_md(articles: list[Article], tracker: Tracker, notes: Notes = NO_NOTES) -> str:
    if len(articles) == 1:
        lines = _md_article(articles[0], 1, None, notes)
        tracker.step()
        return "\n".join(lines).rstrip() + "\n"
    lines = [f"# {md_escape(document_title(articles))}", "", "## 目录", ""]
    lines += [f"{n}. [{md_escape(toc_label(a))}](#article-{n})"
              for n, a in enumerate(articles, start=1)]
    lines.append("")
    for n, article in enumerate(articles, start=1):
        lines += ["---", "", *_md_article(article, 2, f"article-{n}", notes)]
        tracker.step()
    return "\n".join(lines).rstrip() + "\n"


def write_txt(articles: list[Article], target: Path, tracker: Tracker,
              notes: Notes = NO_NOTES) -> None:
    target.write_text(render_txt(articles, tracker, notes), encoding="utf-8", newline="\n")


def write_md(articles: list[Article], target: Path, tracker: Tracker,
             notes: Notes = NO_NOTES) -> None:
    target.write_text(render_md(articles, tracker, notes), encoding="utf-8", newline="\n")
