"""Article-per-file archives: one record file is one Article, read as it is laid out.

Archives scraped from e-paper sites keep one file per article, named for its date, page and
position (``20190201/20190201-01-02.txt``: 1 February 2019, page 1, the second article). The
first three lines hold the kicker (引题), the title and the subtitle (副题), each often empty;
the body paragraphs follow, indented with ideographic spaces. Nothing is guessed: the record
is one article, its headline the first lines, its place on the page the position in its name.
"""

from __future__ import annotations

from ..problems import Problem, ProblemKind
from . import patterns as P
from .byline import is_byline_text, is_trailing_byline
from .dateline import Lead, read_closing, read_credit_line, read_lead
from .model import Article, Page, Paragraph

HEAD_LINES = 3
_INDENT = "\u3000 \t\u00a0"
MAX_HEADING = 30


def _is_heading(text: str) -> bool:
    """A short line inside the body with no sentence punctuation: a section head."""
    return (
        len(text) <= MAX_HEADING
        and not P.SENTENCE_PUNCT.search(text)
        and P.is_open(text)
        and text[0] not in "（(【[■●"
    )


def _credits(texts: list[str]) -> tuple[list[str], str | None]:
    """The credits the body paragraphs ``texts`` print, as on a prose page: a credit line
    first or last, a dateline opening the first paragraph (``本报北京2月14日电（记者施芳）…``),
    a credit in brackets closing the last one; and the filing line (place and date) the
    dateline gives. The paragraphs keep them: they are the record's text."""
    leads: list[Lead] = []
    first = 0
    if texts and is_byline_text(texts[0]):
        leads.append(read_credit_line(texts[0]))
        first = 1
    if first < len(texts) and (lead := read_lead(texts[first])) is not None:
        leads.append(lead)
    if len(texts) > first + 1 and (is_trailing_byline(texts[-1]) or is_byline_text(texts[-1])):
        leads.append(read_credit_line(texts[-1]))
    elif len(texts) > first and (lead := read_closing(texts[-1])) is not None:
        leads.append(lead)
    credits = [lead.credit for lead in leads if lead.credit]
    return credits, next((lead.filing for lead in leads if lead.filing), None)


def read_record(text: str, source: str) -> Page:
    """The Page holding the one Article of a record file.

    The article is the first (``position`` 0) of its file; its order on the printed page is
    the position in the file's name, which the catalog keeps. The date, page and paper are set
    with their provenance by ``resolve.resolve_fields``.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    head: list[str | None] = []
    body_start = 0
    for line in lines[:HEAD_LINES]:
        if line[:1] in _INDENT and line.strip():
            break  # the body starts early: the record has fewer headline lines
        head.append(line.strip() or None)
        body_start += 1
    head += [None] * (HEAD_LINES - len(head))
    kicker, title, subtitle = head
    if title is None and (kicker or subtitle):
        title, kicker, subtitle = (kicker, None, subtitle) if kicker else (subtitle, None, None)
    texts = [line.strip(_INDENT) for line in lines[body_start:]]
    texts = [t for t in texts if t]
    bylines, filing = _credits(texts)
    paragraphs = [
        Paragraph(t, "heading" if 0 < n < len(texts) - 1 and _is_heading(t) else "text")
        for n, t in enumerate(texts)
    ]
    page = Page(source=source, layout="article")
    page.articles.append(Article(
        id="", kicker=kicker, title=title, subtitle=subtitle, byline=" ".join(bylines) or None,
        byline_in_text=" ".join(bylines) or None,
        filing=filing, paragraphs=paragraphs,
    ))
    if not any((kicker, title, subtitle)):
        page.warnings.append(Problem.of(ProblemKind.RECORD_NO_HEADLINE))
    return page
