"""What every export format shares: the order of articles, headings, file names, progress.

Many articles go in the order of a newspaper archive: by date (undated last), paper, page and
position on the page; the table of contents lists them in that order.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..corpus.model import Article
from .atomic import CancelCheck, Progress, check_cancel
from .quotation import Quote

MAX_TITLE_IN_NAME = 40


@dataclass(frozen=True)
class Annotation:
    """What the user wrote about an article: a bookmark's note and tags, and the passages
    kept from it (``quotes``); ``quotes_only``: the article is exported for its excerpts
    alone, so its whole text is left out."""

    note: str = ""
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quotes_only: bool = False

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) pairs to print with the article: 笔记 (one per line of the note),
        标签."""
        return Quote("", self.note, self.tags).lines()

    def with_body(self) -> bool:
        return not self.quotes_only


Notes = Mapping[str, Annotation]  # article id → what its bookmark and excerpts say
NO_NOTES: Notes = {}
NO_ANNOTATION = Annotation()


def noted(notes: Notes, article: Article) -> Annotation:
    """What is to be printed with ``article`` (nothing when the user wrote nothing)."""
    return notes.get(article.id, NO_ANNOTATION)


def ordered(articles: Iterable[Article]) -> list[Article]:
    """Articles by date (undated last), paper, page and position on the page."""
    far = dt.date.max
    return sorted(articles, key=lambda a: (
        a.date or far, a.paper or "", a.page if a.page is not None else 999, a.position,
        a.source,
    ))


def heading_text(article: Article) -> str:
    """The headline to print: the title, or the derived one in square brackets when the page
    lost it (the mark GB/T 7714 uses for supplied information)."""
    title = article.title or article.kicker or article.subtitle
    return title if title else f"[{article.display_title}]"


def day_text(article: Article) -> str:
    return article.date.isoformat() if article.date else "日期不详"


def page_text(article: Article) -> str:
    return f"第{article.page}版" if article.page is not None else "版次不详"


def toc_label(article: Article) -> str:
    """A table-of-contents entry: date, page and headline."""
    return f"{day_text(article)} {page_text(article)}  {heading_text(article)}"


def document_title(articles: list[Article]) -> str:
    if len(articles) == 1:
        return heading_text(articles[0])
    return f"报刊文章选编（{len(articles)}篇）"


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_name(text: str, limit: int = MAX_TITLE_IN_NAME) -> str:
    """Text fit for a file name on Windows, macOS and Linux (no separators, no controls)."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("", text)
    text = re.sub(r"\s+", "_", text).strip("._ ")
    return text[:limit].rstrip("._ ") or "无标题"


def file_name(article: Article, suffix: str) -> str:
    """``YYYY-MM-DD_第N版_标题.ext`` (``日期不详`` / ``版次不详`` when unknown)."""
    return f"{day_text(article)}_{page_text(article)}_{safe_name(article.display_title)}{suffix}"


def unique_names(articles: list[Article], suffix: str) -> list[str]:
    """File names for ``articles``, numbered ``_2``, ``_3`` … where two would be the same."""
    seen: dict[str, int] = {}
    names = []
    for article in articles:
        name = file_name(article, suffix)
        key = name.casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            name = f"{name[: -len(suffix)]}_{seen[key]}{suffix}"
        names.append(name)
    return names


@dataclass
class Tracker:
    """Reports ``(done, total)``, passes warnings on and raises ``Cancelled`` when the user
    asked to stop."""

    total: int
    progress: Progress | None = None
    cancel: CancelCheck | None = None
    done: int = 0
    warning: Callable[[str], None] | None = None

    def warn(self, message: str) -> None:
        """Tell the user about something the export changed (a control character left out)."""
        if self.warning is not None:
            self.warning(message)

    def at(self, done: int) -> None:
        check_cancel(self.cancel)
        self.done = max(self.done, min(done, self.total))
        if self.progress is not None:
            self.progress(self.done, self.total)

    def step(self) -> None:
        self.at(self.done + 1)
