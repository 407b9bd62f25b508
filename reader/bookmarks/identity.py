"""What a bookmark remembers of its article, and how it finds the article again.

Article ids are content hashes made by the parser: a better parser that splits a page
differently, or a sidecar that dates an undated page, gives the same article a new id. So a
bookmark keeps an ``ArticleRef`` (id, paper, date, page, headline parts, byline, the first
characters of the body, the page's file name) and ``locate`` tries, in order:

1. the id, when the article it names still looks like the bookmarked one;
2. the same paper, date and page with the same title;
3. the body: a stretch of the remembered first characters found in an article's body
   (after NFKC and with spaces removed, so punctuation width and a moved ``本报讯`` lead do
   not matter).

When nothing matches, the bookmark is kept with its note and ``Resolution.message`` says why.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ..corpus.model import UNKNOWN_PAPER, Article

PREFIX_CHARS = 80
"""How many characters of the (normalised) body a bookmark remembers."""
PROBE_CHARS = 30
"""How long a stretch of the remembered prefix must be found in a body to count as a match."""

Method = Literal["id", "headline", "body"]


class ArticleStore(Protocol):
    """Anything that can hand out articles: the ``Catalog`` (or an index) fits."""

    def article(self, article_id: str) -> Article | None: ...

    def articles(self) -> Iterable[Article]: ...


_SPACE = re.compile(r"\s+")
_LEAD = re.compile(r"^[^\s（(]{0,12}?讯(?:[（(][^（()）]{0,40}[)）])?")


def normalise(text: str | None) -> str:
    """Text folded for comparison: NFKC (full/half width alike) and no white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def body_key(body: str) -> str:
    """The normalised body without a leading ``本报讯（…）`` that parsers may move around."""
    return _LEAD.sub("", normalise(body), count=1)


def plain_text(text: str) -> str:
    """``text`` with lone surrogates (a file name that is not UTF-8) shown as U+FFFD, so
    that it can be stored and written as UTF-8."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def file_name(source: str) -> str:
    """The page file's name without its folders (folders move; names rarely do)."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ArticleRef:
    """Enough about an article to cite it and to find it again after ids change."""

    article_id: str
    paper: str | None = None
    date: dt.date | None = None
    page: int | None = None
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    display_title: str = ""
    byline: str | None = None
    body_prefix: str = ""
    source: str = ""
    """The page file's name (no folders)."""

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        return cls(
            article_id=article.id,
            paper=article.paper,
            date=article.date,
            page=article.page,
            kicker=article.kicker,
            title=article.title,
            subtitle=article.subtitle,
            display_title=article.display_title,
            byline=article.byline,
            body_prefix=body_key(article.body)[:PREFIX_CHARS],
            source=plain_text(file_name(article.source)),
        )

    def headline_text(self) -> str:
        """Kicker, title and subtitle as printed, joined by spaces."""
        return " ".join(x for x in (self.kicker, self.title, self.subtitle) if x)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "paper": self.paper,
            "date": self.date.isoformat() if self.date else None,
            "page": self.page,
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": self.subtitle,
            "display_title": self.display_title,
            "byline": self.byline,
            "body_prefix": self.body_prefix,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRef:
        day = data.get("date")
        page = data.get("page")
        return cls(
            article_id=str(data.get("id") or ""),
            paper=data.get("paper") or None,
            date=dt.date.fromisoformat(day) if day else None,
            page=int(page) if page is not None else None,
            kicker=data.get("kicker") or None,
            title=data.get("title") or None,
            subtitle=data.get("subtitle") or None,
            display_title=str(data.get("display_title") or data.get("title") or ""),
            byline=data.get("byline") or None,
            body_prefix=str(data.get("body_prefix") or ""),
            source=str(data.get("source") or ""),
        )


@dataclass(frozen=True)
class Resolution:
    """The outcome of looking a bookmarked article up in a library."""

    article: Article | None
    method: Method | None = None
    candidates: list[Article] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.article is not None

    def message(self, ref: ArticleRef) -> str:
        """One line for the user, in particular when the article cannot be found."""
        where = " ".join(
            x for x in (ref.paper or UNKNOWN_PAPER,
                        ref.date.isoformat() if ref.date else "日期不详",
                        f"第{ref.page}版" if ref.page else "") if x
        )
        if self.article is None:
            return (f"“{ref.display_title}” ({where}) is not in this library any more; "
                    "the bookmark and its note are kept")
        if self.method == "id":
            return f"“{ref.display_title}” found"
        return f"“{ref.display_title}” ({where}) found again by its {self.method}"


@dataclass(frozen=True)
class _Facts:
    """What matching compares, folded: from an Article or from an ArticleRef."""

    paper: str
    date: dt.date | None
    page: int | None
    title: str
    headline: str
    body: str
    source: str

    @classmethod
    def of_article(cls, a: Article) -> _Facts:
        return cls(normalise(a.paper), a.date, a.page, normalise(a.title or a.display_title),
                   normalise(a.headline), body_key(a.body), file_name(a.source))

    @classmethod
    def of_ref(cls, r: ArticleRef) -> _Facts:
        return cls(normalise(r.paper), r.date, r.page, normalise(r.title or r.display_title),
                   normalise(r.headline_text()), r.body_prefix, r.source)


def _same_place(x: _Facts, y: _Facts) -> bool:
    if x.paper and y.paper and x.paper != y.paper:
        return False
    if x.page is not None and y.page is not None and x.page != y.page:
        return False
    # An undated page may have been dated since (a sidecar): an unknown date matches any.
    return x.date is None or y.date is None or x.date == y.date


def _same_title(x: _Facts, y: _Facts) -> bool:
    if not x.title or not y.title:
        return False
    if x.title == y.title:
        return True
    # A parser that now reads the kicker or subtitle apart (or together) still holds the title.
    return (len(x.title) >= 6 and x.title in y.headline) or (
        len(y.title) >= 6 and y.title in x.headline)


def _body_matches(prefix: str, body: str) -> bool:
    """A stretch of the remembered ``prefix`` is found in ``body`` (both folded)."""
    if len(prefix) < 8:
        return False
    if len(prefix) <= PROBE_CHARS:
        return prefix in body
    # A few windows of the prefix, so that a changed first line still finds the article.
    step = PROBE_CHARS // 2
    return any(prefix[s : s + PROBE_CHARS] in body
               for s in range(0, len(prefix) - PROBE_CHARS + 1, step))


def same_article(a: ArticleRef, b: ArticleRef) -> bool:
    """Two remembered articles are the same one (by id, by place and title, or by body)."""
    return same_facts(a, facts_of_ref(a), b, facts_of_ref(b))


def facts_of_ref(ref: ArticleRef) -> _Facts:
    """What ``same_facts`` compares of ``ref`` (fold it once to compare it with many)."""
    return _Facts.of_ref(ref)


def same_facts(a: ArticleRef, x: _Facts, b: ArticleRef, y: _Facts) -> bool:
    """``same_article(a, b)`` with ``x`` and ``y`` their folded facts."""
    if a.article_id and a.article_id == b.article_id:
        return True
    return _same_place(x, y) and (_same_title(x, y) or _body_matches(x.body, y.body)
                                  or _body_matches(y.body, x.body))


class Resolver:
    """Finds remembered articles in one source; folds each article once for many lookups."""

    def __init__(self, source: ArticleStore) -> None:
        self.source = source
        self._facts: list[tuple[Article, _Facts]] | None = None

    def _all(self) -> list[tuple[Article, _Facts]]:
        if self._facts is None:
            self._facts = [(a, _Facts.of_article(a)) for a in self.source.articles()]
        return self._facts

    def nearby(self, ref: ArticleRef) -> list[Article]:
        """The articles printed where ``ref`` was (the same paper, date and page, or the same
        page file): where a passage of it may be after the page was split anew."""
        want = _Facts.of_ref(ref)
        return [a for a, f in self._all() if (want.source and f.source == want.source)
                or (want.page is not None and _same_place(want, f))]

    def locate(self, ref: ArticleRef) -> Resolution:
        """Find the article by id, then by paper/date/page and title, then by body."""
        want = _Facts.of_ref(ref)
        if ref.article_id:
            by_id = self.source.article(ref.article_id)
            if by_id is not None:
                got = _Facts.of_article(by_id)
                if _same_title(want, got) or _body_matches(want.body, got.body) or not (
                    want.body or want.title
                ):
                    return Resolution(by_id, "id")
        by_headline = [a for a, f in self._all() if _same_place(want, f) and _same_title(want, f)]
        if by_headline:
            return Resolution(_best(want, by_headline), "headline", by_headline)
        by_body = [a for a, f in self._all() if _body_matches(want.body, f.body)]
        if by_body:
            return Resolution(_best(want, by_body), "body", by_body)
        return Resolution(None)


def _best(want: _Facts, found: list[Article]) -> Article:
    """Among several matches prefer the same page file, then the same place."""
    return sorted(found, key=lambda a: (
        file_name(a.source) != want.source,
        not _same_place(want, _Facts.of_article(a)),
        a.position,
    ))[0]


def locate(ref: ArticleRef, source: ArticleStore) -> Resolution:
    """Find one remembered article in ``source`` (use a ``Resolver`` for many)."""
    return Resolver(source).locate(ref)


def resolve(bookmark: Any, source: ArticleStore) -> Article | None:
    """The article a bookmark (or an ``ArticleRef``) points to in ``source``, or None."""
    ref = bookmark if isinstance(bookmark, ArticleRef) else bookmark.ref
    return locate(ref, source).article
