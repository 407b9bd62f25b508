"""Turn the text of one newspaper page into a ``Page``: masthead, articles, guide, leftovers.

The parser works in three passes over the non-empty lines:

1. markup is taken off (``#`` heading marks, the ``■`` byline mark) and the masthead zone at
   the top is cut out;
2. each remaining line is classified (headline, byline, dateline lead, credit, text, guide),
   using its neighbours where one line alone is ambiguous (a column break can leave a short
   fragment that looks like a headline);
3. the classified elements are assembled into articles. A byline opens an article; a run of
   headline lines before it is its headline; a headline run that follows the body of an article
   whose headline was missing goes back to that article; headline runs inside an article are its
   section heads when the article has several of them.

That is the reading of column-broken pages (the bundled seeds). Pages whose paragraphs are
whole lines (e-paper text, scraped archives: indented paragraphs, flush headlines, datelines
in the national style) are told apart by ``prose.is_prose_page`` and read by ``prose``.

Nothing is dropped: every character of the input ends up in exactly one field of the Page (see
``accounting``), except the markup the repair removes on purpose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..problems import Problem, ProblemKind
from . import patterns as P
from . import prose
from .byline import is_byline_text, is_trailing_byline
from .draft import Draft
from .headline import HeadLine, Headline, classify, looks_like_headline, split_groups
from .masthead import masthead_extent, read_masthead
from .model import Article, GuideEntry, Page
from .unwrap import unwrap
from .versions import PARSER_VERSION as PARSER_VERSION  # kept here, read without the parser

# --------------------------------------------------------------------------------------------
# Pass 1: lines and markup


@dataclass
class _Line:
    no: int
    text: str
    level: int = 0
    marked_byline: bool = False
    indent: bool = False
    blanks: int = 0
    """Blank lines right above this line."""


def _split_lines(text: str) -> tuple[list[_Line], str]:
    lines: list[_Line] = []
    removed: list[str] = []
    blanks = 0
    for no, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        indent = raw[:1].isspace()
        level = 0
        if stripped.startswith("#") and (m := P.MARKUP_HEADING.match(stripped)):
            rest = stripped[m.end() :].strip()
            if rest:
                level = len(m.group(1))
                removed.append("#" * level)
                stripped = rest
        marked = False
        if stripped.startswith(P.BYLINE_MARK):
            rest = stripped.lstrip(P.BYLINE_MARK).strip()
            if rest and len(rest) <= 60 and "。" not in rest:
                removed.append(stripped[: len(stripped) - len(stripped.lstrip(P.BYLINE_MARK))])
                stripped = rest
                marked = True
        lines.append(_Line(no, stripped, level, marked, indent, blanks))
        blanks = 0
    return lines, "".join(removed)


# --------------------------------------------------------------------------------------------
# Pass 2: classification


@dataclass
class _Run:
    lines: list[HeadLine]


@dataclass
class _By:
    parts: list[str]


@dataclass
class _Lead:
    credit: str | None
    text: str


@dataclass
class _Trail:
    text: str


@dataclass
class _Text:
    text: str


@dataclass
class _Guide:
    label: str
    entries: list[GuideEntry]


_Element = _Run | _By | _Lead | _Trail | _Text | _Guide


def _base_kind(line: _Line) -> str:
    text = line.text
    if line.marked_byline:
        return "byline"
    if line.level:
        return "head"
    if P.GUIDE_HEAD.match(text):
        return "guide"
    if is_byline_text(text):
        return "byline"
    if is_trailing_byline(text):
        return "trail"
    if P.DATELINE.match(text):
        return "lead"
    if looks_like_headline(text):
        return "head"
    return "text"


def _read_guide(lines: Sequence[_Line], start: int) -> tuple[_Guide, int]:
    """Read the 导读 block that starts at ``lines[start]``; return it and the next index."""
    entries: list[GuideEntry] = []
    pending: list[str] = []
    i = start + 1
    while i < len(lines):
        text = lines[i].text
        if P.GUIDE_POINTER.match(text):
            m = P.GUIDE_PAGES.search(text)
            pages = P.parse_page_list(m.group(1)) if m else ()
            entries.append(GuideEntry(tuple(pending), pages, text))
            pending = []
        elif looks_like_headline(text) and not lines[i].marked_byline:
            pending.append(text)
        else:
            break
        i += 1
    if pending:
        entries.append(GuideEntry(tuple(pending), (), None))
    return _Guide(lines[start].text, entries), i


def _classify(lines: list[_Line]) -> list[_Element]:
    kinds = [_base_kind(line) for line in lines]
    elements: list[_Element] = []
    i = 0
    last_text_open = False
    while i < len(lines):
        line, kind = lines[i], kinds[i]
        if kind == "guide":
            guide, i = _read_guide(lines, i)
            elements.append(guide)
            last_text_open = False
            continue
        if kind == "head" and line.level == 0 and last_text_open:
            # A short fragment after a paragraph cut mid-sentence is its continuation,
            # unless a byline right after the run shows it is a real headline.
            j = i
            while j < len(kinds) and kinds[j] == "head" and lines[j].level == 0:
                j += 1
            if j >= len(kinds) or kinds[j] not in ("byline", "lead", "trail"):
                kind = "text"
        if kind == "head":
            hl = HeadLine(line.text, line.level, line.no)
            if elements and isinstance(elements[-1], _Run):
                elements[-1].lines.append(hl)
            else:
                elements.append(_Run([hl]))
            last_text_open = False
        elif kind == "byline":
            if elements and isinstance(elements[-1], _By) and (
                not line.marked_byline or len(elements[-1].parts) == 0
            ):
                elements[-1].parts.append(line.text)
            else:
                elements.append(_By([line.text]))
            last_text_open = False
        elif kind == "trail":
            elements.append(_Trail(line.text))
            last_text_open = False
        elif kind == "lead":
            m = P.DATELINE_CREDIT.match(line.text)
            lead = _Lead(m.group(1), line.text[m.end() :].strip()) if m else _Lead(None, line.text)
            elements.append(lead)
            last_text_open = P.is_open(lead.text) if lead.text else False
        else:
            elements.append(_Text(line.text))
            last_text_open = P.is_open(line.text)
        i += 1
    return elements


# --------------------------------------------------------------------------------------------
# Pass 3: assembly


def _headline_of(groups: list[list[HeadLine]]) -> Headline:
    lines = [line for group in groups for line in group]
    return classify(lines)


def _hard_starts(elements: list[_Element]) -> list[bool]:
    starts = []
    for j, e in enumerate(elements):
        prev = elements[j - 1] if j else None
        nxt = elements[j + 1] if j + 1 < len(elements) else None
        if isinstance(e, _Run):
            starts.append(isinstance(nxt, _By | _Lead | _Trail))
        elif isinstance(e, _By):
            starts.append(not isinstance(prev, _Run))
        elif isinstance(e, _Lead):
            starts.append(not isinstance(prev, _Run | _By))
        else:
            starts.append(False)
    return starts


def _section_runs(elements: list[_Element]) -> set[int]:
    """Indexes of headline runs that are section heads inside an article, not new articles."""
    starts = _hard_starts(elements)
    sections: set[int] = set()
    segment_has_start = False
    inner: list[int] = []

    def close() -> None:
        if segment_has_start and len(inner) >= 2:
            sections.update(inner)

    for j, e in enumerate(elements):
        nxt = elements[j + 1] if j + 1 < len(elements) else None
        if starts[j]:
            close()
            segment_has_start, inner = True, []
        elif isinstance(e, _Guide):
            close()
            segment_has_start, inner = False, []
        elif isinstance(e, _Run) and isinstance(nxt, _Text):
            if all(h.level == 0 or h.level >= 3 for h in e.lines):
                inner.append(j)
            else:
                close()
                segment_has_start, inner = False, []
        elif isinstance(e, _Trail) and isinstance(elements[j - 1] if j else None, _Text):
            close()
            segment_has_start, inner = False, []
    close()
    return sections


def _assemble(elements: list[_Element], page: Page) -> list[Draft]:
    drafts: list[Draft] = []
    sections = _section_runs(elements)
    current: Draft | None = None

    def start(headline: Headline | None = None) -> Draft:
        nonlocal current
        current = Draft(headline=headline)
        drafts.append(current)
        return current

    def give_back(groups: list[list[HeadLine]]) -> list[list[HeadLine]]:
        """A headline run after the body of a headless article: its first headline is that
        article's own (printed after the text); the rest belong to the next article."""
        if current is not None and current.headless and current.has_body and len(groups) >= 2:
            current.headline = classify(groups[0])
            current.headline_after_body = True
            return groups[1:]
        return groups

    i = 0
    n = len(elements)
    while i < n:
        e = elements[i]
        nxt = elements[i + 1] if i + 1 < n else None
        if isinstance(e, _Run):
            if isinstance(nxt, _By | _Lead | _Trail):
                groups = give_back(split_groups(e.lines))
                draft = start(_headline_of(groups))
                if isinstance(nxt, _By):
                    draft.byline_parts.extend(nxt.parts)
                elif isinstance(nxt, _Trail):
                    draft.add_byline(nxt.text)
                else:
                    if nxt.credit:
                        draft.add_byline(nxt.credit)
                    draft.add_text(nxt.text)
                i += 2
                continue
            if isinstance(nxt, _Text):
                if i in sections and current is not None:
                    current.add_heading_text(" ".join(h.text for h in e.lines))
                else:
                    groups = give_back(split_groups(e.lines))
                    start(_headline_of(groups))
                i += 1
                continue
            # A headline run at the end of the page (or before the guide).
            groups = split_groups(e.lines)
            if current is not None and current.headless and current.has_body:
                current.headline = _headline_of(groups)
                current.headline_after_body = True
            else:
                page.leftover.extend(h.text for h in e.lines)
                page.warnings.append(Problem.of(ProblemKind.LEFTOVER_HEADLINE,
                                                line=e.lines[0].line_no, text=e.lines[0].text))
            i += 1
            continue
        if isinstance(e, _By):
            if current is not None and not current.paragraphs and not current.byline_parts:
                current.byline_parts.extend(e.parts)
            else:
                start().byline_parts.extend(e.parts)
        elif isinstance(e, _Lead):
            if current is None or current.paragraphs:
                start()
            assert current is not None
            if e.credit:
                current.add_byline(e.credit)
            current.add_text(e.text)
        elif isinstance(e, _Trail):
            if current is None:
                start()
            assert current is not None
            current.add_byline(e.text)
        elif isinstance(e, _Text):
            if current is None:
                start()
            assert current is not None
            current.add_text(e.text)
        elif isinstance(e, _Guide):
            page.guide_labels.append(e.label)
            page.guide.extend(e.entries)
        i += 1
    return drafts


# --------------------------------------------------------------------------------------------
# Ids, dates, entry point


def article_id(paper: str | None, day: str, page: int | None, head: str, body: str) -> str:
    """A stable id: the same article gets the same id each time the library is read."""
    key = f"{paper or ''}|{day}|{page or 0}|{head}|{body[:60]}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_BARE_DAY = re.compile(r"(?<![\d月])(\d{1,2})\s*日")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def suggest_date(text: str) -> dt.date | None:
    """Guess the date of an undated page from the dates its articles mention."""
    years = [int(y) for y in _YEAR.findall(text) if 1949 <= int(y) <= dt.date.today().year]
    if not years:
        return None
    year = max(years)
    pairs = sorted({(int(m), int(d)) for m, d in _MONTH_DAY.findall(text)
                    if 1 <= int(m) <= 12 and 1 <= int(d) <= 31})
    if not pairs:
        return None
    month, day = pairs[-1]
    bare = [int(d) for d in _BARE_DAY.findall(text) if day < int(d) <= day + 3]
    if bare:
        day = max(bare)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_page(text: str, source: str = "", *, encoding: str = "utf-8") -> Page:
    """Parse the text of one page. Never raises on any text; problems become warnings."""
    joined = unwrap(text)
    lines, removed = _split_lines(text if joined is None else joined)
    page = Page(source=source, removed=removed, encoding=encoding)
    texts = [line.text for line in lines]
    stop = {
        i
        for i, line in enumerate(lines)
        if line.marked_byline or P.DATELINE.match(line.text)
    }
    all_prose = [prose.ProseLine(line.text, line.indent, line.blanks) for line in lines]
    marked = any(line.level or (line.marked_byline and is_byline_text(line.text)) for line in lines)
    # A hard-wrapped page, joined back into paragraphs, is read as a page of whole lines.
    is_prose = prose.is_prose_page(all_prose, marked=marked) or (
        joined is not None and not marked)
    extent = masthead_extent(texts, stop)
    if is_prose:
        # Whole-line pages carry their headline at the top: the masthead is only the lines
        # that are masthead lines themselves (a speech's title over its date is not one).
        extent = next(
            (i for i in range(extent) if masthead_extent(texts[i : i + 1], set()) == 0), extent
        )
    mh = read_masthead(texts[:extent])
    page.masthead = mh.lines
    page.paper, page.date, page.weekday, page.lunar = mh.paper, mh.date, mh.weekday, mh.lunar
    page.issue_no, page.page_count, page.page = mh.issue_no, mh.page_count, mh.page
    page.warnings.extend(mh.warnings)

    body_lines = lines[extent:]
    if is_prose:
        # Credits of the page's design (版式设计：…) close the article they follow.
        drafts = prose.assemble(all_prose[extent:])
    else:
        content = []
        for line in body_lines:
            if P.FURNITURE.match(line.text) and len(line.text) <= 60:
                page.masthead.append(line.text)
            else:
                content.append(line)
        drafts = _assemble(_classify(content), page)
    for position, draft in enumerate(drafts):
        head = draft.headline or Headline()
        article = Article(
            id="",
            kicker=head.kicker,
            title=head.title,
            subtitle=head.subtitle,
            byline=draft.byline,
            byline_in_text=draft.byline_in_text,
            filing=draft.filing,
            paragraphs=draft.paragraphs,
            continues_on=draft.continues_on,
            continued_from=draft.continued_from,
            jumps=draft.jumps,
            position=position,
        )
        page.articles.append(article)
        if draft.headless:
            page.warnings.append(Problem.of(ProblemKind.NO_HEADLINE, position=position + 1,
                                            label=article.byline or article.display_title))
        elif draft.paragraphs and draft.paragraphs[-1].kind == "text" and (
            draft.continues_on is None and P.is_open(draft.paragraphs[-1].text)
        ):
            page.warnings.append(Problem.of(ProblemKind.ENDS_MID_SENTENCE, position=position + 1,
                                            title=article.display_title))
    if page.date is None:
        page.warnings.append(Problem.of(ProblemKind.NO_DATE))
        page.suggested_date = suggest_date(text)
    finish_page(page)
    return page


def finish_page(page: Page) -> None:
    """Copy the page's fields onto its articles and give them their ids.

    Called again after a sidecar file changes the page's fields.
    """
    day = page.date.isoformat() if page.date else "undated:" + _file_name(page.source)
    seen: dict[str, int] = {}
    for article in page.articles:
        article.paper, article.date, article.page = page.paper, page.date, page.page
        article.issue_no, article.source = page.issue_no, page.source
        base = article_id(page.paper, day, page.page, article.headline, article.body)
        count = seen.get(base, 0)
        seen[base] = count + 1
        article.id = base if count == 0 else f"{base[:9]}-{count + 1}"


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]
