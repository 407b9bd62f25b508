"""Citations of newspaper articles: GB/T 7714-2015, RIS and CSL-JSON, and the imprint line.

GB/T 7714-2015 (entry type ``[N]``, newspaper) reads ``作者. 题名[N]. 报纸名, 出版日期(版次).``:

- authors are the names (or the office, ``本报讯（望江街道）``) in the byline, roles removed;
  more than three become the first three and ``, 等``; no author → the entry starts at the title;
- the title is the main title only (not the kicker or subtitle); when extraction lost the whole
  headline, the stand-in title derived from the first sentence is given in square brackets,
  the standard's mark for information the cataloguer supplied;
- an undated page gives ``[出版日期不详]`` in place of the date (the same bracketed form the
  standard uses for ``[出版地不详]``); an unknown page number leaves out ``(版次)``; an unknown
  paper gives ``[未知报纸]`` (the reader's one name for it, ``UNKNOWN_PAPER``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..corpus.model import UNKNOWN_PAPER, Article
from .authors import credited_authors

MAX_AUTHORS = 3
UNDATED = "出版日期不详"


@dataclass(frozen=True)
class Cited:
    """The fields a citation needs, from an Article or from what a bookmark remembers."""

    id: str
    authors: tuple[str, ...]
    title: str
    title_derived: bool
    paper: str | None
    date: dt.date | None
    page: int | None
    kicker: str | None = None
    subtitle: str | None = None

    @classmethod
    def of(cls, article: Article) -> Cited:
        return cls.from_parts(
            id=article.id, byline=article.byline, kicker=article.kicker, title=article.title,
            subtitle=article.subtitle, derived_title=article.display_title,
            paper=article.paper, date=article.date, page=article.page,
        )

    @classmethod
    def from_parts(
        cls, *, id: str, byline: str | None, kicker: str | None, title: str | None,
        subtitle: str | None, derived_title: str, paper: str | None, date: dt.date | None,
        page: int | None,
    ) -> Cited:
        main = title or kicker or subtitle
        return cls(
            id=id,
            authors=tuple(credited_authors(byline)),
            title=main or derived_title,
            title_derived=not main,
            paper=paper,
            date=date,
            page=page,
            kicker=kicker,
            subtitle=subtitle,
        )


def _cited(item: Article | Cited) -> Cited:
    return item if isinstance(item, Cited) else Cited.of(item)


def gbt7714(item: Article | Cited) -> str:
    """The GB/T 7714-2015 reference for a newspaper article."""
    c = _cited(item)
    head = ""
    if c.authors:
        head = ", ".join(c.authors[:MAX_AUTHORS])
        if len(c.authors) > MAX_AUTHORS:
            head += ", 等"
        head += ". "
    title = f"[{c.title}]" if c.title_derived else c.title
    day = c.date.isoformat() if c.date else f"[{UNDATED}]"
    page = f"({c.page})" if c.page is not None else ""
    return f"{head}{title}[N]. {c.paper or f'[{UNKNOWN_PAPER}]'}, {day}{page}."


def imprint_line(article: Article) -> str:
    """Where the article was printed: paper, date and page (and the page file)."""
    day = f"{article.date.year}年{article.date.month}月{article.date.day}日" if article.date \
        else "日期不详"
    page = f"第{article.page}版" if article.page is not None else "版次不详"
    line = f"{article.paper or UNKNOWN_PAPER} {day} {page}"
    if article.source:
        line += f"（{article.source.replace(chr(92), '/').rsplit('/', 1)[-1]}）"
    return line


def ris(items: Iterable[Article | Cited]) -> str:
    """RIS records (``TY  - NEWS``) for Zotero, EndNote and the like."""
    out: list[str] = []
    for item in items:
        c = _cited(item)
        tags: list[tuple[str, str]] = [("TY", "NEWS")]
        tags += [("AU", name) for name in c.authors]
        tags.append(("TI", c.title))
        if c.paper:
            tags.append(("T2", c.paper))
        if c.date:
            tags += [("PY", str(c.date.year)), ("DA", c.date.strftime("%Y/%m/%d/"))]
        if c.page is not None:
            tags.append(("SP", str(c.page)))
        tags.append(("LA", "zh-CN"))
        if c.title_derived:
            tags.append(("N1", "标题在文本提取中丢失，题名取自正文首句"))
        tags += [("ID", c.id), ("ER", "")]
        # The RIS end tag is "ER  - " with its trailing space.
        out.extend(f"{tag}  - {value}" for tag, value in tags)
        out.append("")
    return "\n".join(out)


def csl_item(item: Article | Cited) -> dict[str, Any]:
    """One CSL-JSON item (``type: article-newspaper``)."""
    c = _cited(item)
    data: dict[str, Any] = {"id": c.id, "type": "article-newspaper", "title": c.title}
    if c.authors:
        # Chinese names are kept whole: splitting family from given name is a guess.
        data["author"] = [{"literal": name} for name in c.authors]
    if c.paper:
        data["container-title"] = c.paper
    if c.date:
        data["issued"] = {"date-parts": [[c.date.year, c.date.month, c.date.day]]}
    if c.page is not None:
        data["page"] = str(c.page)
    data["language"] = "zh-CN"
    if c.title_derived:
        data["note"] = "标题在文本提取中丢失，题名取自正文首句"
    return data


def csl_json(items: Iterable[Article | Cited]) -> str:
    """A CSL-JSON array for the given articles."""
    return json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2)
