"""The corpus data model: Page, Article and the parts of a page.

These are plain dataclasses with no behaviour beyond small derived properties, so that
every layer (search, library, export, ui) can share them without importing the parser.

A paper has no class: it is its name as printed (``Page.paper``, ``Article.paper``, the
``paper`` of the catalog's ``IssueInfo``), None when nothing names it. An issue is the
catalog's ``IssueInfo`` (``reader.corpus.catalog``): a paper's pages of one date, listed by
their numbers and sources, its ``key`` the one name of an issue in the window and the CLI.

What the classes here are: ``Paragraph`` (one paragraph of an article body), ``Article``
(one article of a page), ``GuideEntry`` (one line of a front-page guide) and ``Page`` (one page
file read into its articles); ``derived_title`` gives an untitled article a title from its body.

"Source" means one thing: the page file's path, ``Page.source`` / ``Article.source`` (``str``),
relative to the library's folder with ``/`` between the parts (``钱塘新区报/2022/08-10/01.txt``);
the key of a page in the catalog and the search index. For a single file parsed on its own
(``reader parse FILE``) it is the path as given. Two neighbours have names of their own:

- ``PageStore`` (``reader.corpus.library``): the protocol of what pages are read from
  (``stamps()`` and ``page(source)``), which the ``Catalog`` follows and the search index
  updates from; ``ArticleStore`` (``reader.bookmarks.identity``) hands out articles by id.
- the *imprint line* of an export or citation (``reader.export.citation.imprint_line``):
  where the article was printed, as words (paper, date, page, and the page file's name);
  exports label it 来源.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..problems import Problem
from .patterns import NEWS_DATELINE

UNKNOWN_PAPER = "未知报纸"
"""The name of a paper nothing names (no masthead, folder or ``library.toml``): one name in
the window, citations, exports and the command line (a citation puts it in square brackets,
GB/T 7714's mark for what the cataloguer supplied)."""

ParagraphKind = Literal["text", "heading"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article body; ``heading`` marks a section head inside the article."""

    text: str
    kind: ParagraphKind = "text"


@dataclass
class Article:
    """One article of a page: headline parts, byline and repaired body paragraphs."""

    id: str
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    """Who is credited: bylines printed apart, then credits read from the text."""
    byline_in_text: str | None = None
    """The end of ``byline`` that was read from the text (a dateline's credit, a closing
    credit), which keeps those words where they are printed; counted there, not twice."""
    filing: str | None = None
    """Place and date of filing read from the dateline (``北京 2月14日``); the dateline itself
    stays in the text, where it is printed."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    continues_on: int | None = None
    continued_from: int | None = None
    jumps: list[str] = field(default_factory=list)
    """Raw jump markers removed from the body, e.g. ``(下转第2版)``."""
    # Where the article is printed (copied from its page so an Article stands alone).
    paper: str | None = None
    date: dt.date | None = None
    page: int | None = None
    issue_no: int | None = None
    source: str = ""
    position: int = 0
    """0-based order of the article on its page."""

    @property
    def body(self) -> str:
        """The repaired body text, paragraphs separated by a newline."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def has_headline(self) -> bool:
        return bool(self.title or self.kicker or self.subtitle)

    @property
    def headline(self) -> str:
        """Kicker, title and subtitle joined by spaces (empty when the headline is lost)."""
        return " ".join(x for x in (self.kicker, self.title, self.subtitle) if x)

    @property
    def display_title(self) -> str:
        """The title, or a headline derived from the body when the page lost it."""
        if self.title:
            return self.title
        if self.kicker or self.subtitle:
            return self.kicker or self.subtitle or ""
        return derived_title(self.body)

    @property
    def title_is_derived(self) -> bool:
        return not self.has_headline

    @property
    def length(self) -> int:
        """Number of characters in the body (without separators)."""
        return sum(len(p.text) for p in self.paragraphs)

    @property
    def byline_apart(self) -> str | None:
        """The part of the byline printed apart from the text."""
        if not self.byline or not self.byline_in_text:
            return self.byline
        if not self.byline.endswith(self.byline_in_text):
            return self.byline  # corrected since: the byline is the reader's, all of it
        return self.byline[: -len(self.byline_in_text)].strip() or None

    def text_fields(self) -> Iterator[str]:
        """Every piece of text this article holds, for accounting (see ``accounting``)."""
        for value in (self.kicker, self.title, self.subtitle, self.byline_apart):
            if value:
                yield value
        for p in self.paragraphs:
            yield p.text
        yield from self.jumps


_WHEN = re.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:\s*[-—－至和到]\s*(?:\d{1,2}月)?\d{1,2}日)?"
    r"|日前|近日|昨日|今日|昨天|今天|目前)"
    r"(?:上午|下午|晚上|晚|早上|凌晨|中午)?\s*[,，]?\s*"
)


def derived_title(body: str, limit: int = 24) -> str:
    """A short stand-in headline from the first sentence of ``body``."""
    first = body.split("\n", 1)[0].strip()
    if (lead := NEWS_DATELINE.match(first)) is not None:
        first = first[lead.end() :].lstrip()  # 本报讯（记者 …）, 本报北京2月14日电（记者施芳）
    first = _WHEN.sub("", first)
    for stop in "。！？!?；;":
        cut = first.find(stop)
        if cut > 0:
            first = first[:cut]
    first = first.strip()
    if len(first) > limit:
        comma = [i for i, c in enumerate(first) if c in ",，" and 8 <= i <= limit]
        first = first[: comma[-1]] if comma else first[:limit] + "…"
    return first


@dataclass(frozen=True)
class GuideEntry:
    """An entry of the 导读 block: one or more teaser lines and the pages they point to."""

    titles: tuple[str, ...]
    pages: tuple[int, ...] = ()
    pointer: str | None = None
    """The raw pointer line, e.g. ``>>>详见第2、3版``."""

    @property
    def text(self) -> str:
        return "\n".join(self.titles)


@dataclass
class Page:
    """A page file, parsed: masthead fields, articles, guide entries, leftovers, warnings."""

    source: str
    paper: str | None = None
    date: dt.date | None = None
    weekday: str | None = None
    lunar: str | None = None
    issue_no: int | None = None
    page_count: int | None = None
    page: int | None = None
    masthead: list[str] = field(default_factory=list)
    """Raw masthead lines (paper name, date, hotlines, publisher …) and page furniture
    (责任编辑：…) as printed."""
    articles: list[Article] = field(default_factory=list)
    guide: list[GuideEntry] = field(default_factory=list)
    guide_labels: list[str] = field(default_factory=list)
    """The heading(s) of the guide block as printed (``导读``)."""
    leftover: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    removed: str = ""
    """Markup characters the repair removed on purpose (``#`` of headings, the ``■`` mark)."""
    suggested_date: dt.date | None = None
    """A date guessed from the text for an undated page; never used unless the user agrees."""
    encoding: str = "utf-8"
    overrides: dict[str, object] = field(default_factory=dict)
    """Fields set by the page's sidecar file."""
    provenance: dict[str, str] = field(default_factory=dict)
    """Where ``paper``, ``date`` and ``page`` came from: ``sidecar``, ``masthead``, ``path``
    (the file's name and folders) or ``library`` (the library's settings file); ``date`` may
    be ``suggestion`` when only the text suggests one (then ``date`` itself stays None)."""
    layout: str = "page"
    """``page`` for a page file, ``article`` for one record of an article-per-file archive."""

    @property
    def undated(self) -> bool:
        return self.date is None
