"""Pages and Articles to and from plain JSON-able dicts (the ``reader parse --json`` shape)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..problems import Problem
from .model import Article, GuideEntry, Page, Paragraph


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "byline_in_text": article.byline_in_text,
        "filing": article.filing,
        "body": article.body,
        "continues_on": article.continues_on,
        "continued_from": article.continued_from,
        "paragraphs": [{"kind": p.kind, "text": p.text} for p in article.paragraphs],
        "jumps": list(article.jumps),
        "paper": article.paper,
        "date": article.date.isoformat() if article.date else None,
        "page": article.page,
        "issue_no": article.issue_no,
        "source": article.source,
        "position": article.position,
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    return Article(
        id=data["id"],
        kicker=data.get("kicker"),
        title=data.get("title"),
        subtitle=data.get("subtitle"),
        byline=data.get("byline"),
        byline_in_text=data.get("byline_in_text"),
        filing=data.get("filing"),
        paragraphs=[Paragraph(p["text"], p["kind"]) for p in data.get("paragraphs", [])],
        continues_on=data.get("continues_on"),
        continued_from=data.get("continued_from"),
        jumps=list(data.get("jumps", [])),
        paper=data.get("paper"),
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        page=data.get("page"),
        issue_no=data.get("issue_no"),
        source=data.get("source", ""),
        position=data.get("position", 0),
    )


def page_to_dict(page: Page) -> dict[str, Any]:
    return {
        "source": page.source,
        "paper": page.paper,
        "date": page.date.isoformat() if page.date else None,
        "weekday": page.weekday,
        "lunar": page.lunar,
        "issue_no": page.issue_no,
        "page_count": page.page_count,
        "page": page.page,
        "articles": [article_to_dict(a) for a in page.articles],
        "guide": [
            {"text": e.text, "titles": list(e.titles), "pages": list(e.pages), "pointer": e.pointer}
            for e in page.guide
        ],
        "guide_labels": list(page.guide_labels),
        "leftover": list(page.leftover),
        "warnings": [dict(w.to_json(), text=w.text) for w in page.warnings],
        "masthead": list(page.masthead),
        "suggested_date": page.suggested_date.isoformat() if page.suggested_date else None,
        "encoding": page.encoding,
        "removed": page.removed,
        "overrides": {
            k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in page.overrides.items()
        },
        "provenance": dict(page.provenance),
        "layout": page.layout,
    }


def page_from_dict(data: dict[str, Any]) -> Page:
    overrides = dict(data.get("overrides", {}))
    if isinstance(overrides.get("date"), str):
        overrides["date"] = dt.date.fromisoformat(overrides["date"])
    return Page(
        source=data["source"],
        paper=data.get("paper"),
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        weekday=data.get("weekday"),
        lunar=data.get("lunar"),
        issue_no=data.get("issue_no"),
        page_count=data.get("page_count"),
        page=data.get("page"),
        masthead=list(data.get("masthead", [])),
        articles=[article_from_dict(a) for a in data.get("articles", [])],
        guide=[
            GuideEntry(tuple(e.get("titles", [])), tuple(e.get("pages", [])), e.get("pointer"))
            for e in data.get("guide", [])
        ],
        guide_labels=list(data.get("guide_labels", [])),
        leftover=list(data.get("leftover", [])),
        warnings=[Problem.from_json(w) for w in data.get("warnings", [])],
        removed=data.get("removed", ""),
        suggested_date=(
            dt.date.fromisoformat(data["suggested_date"]) if data.get("suggested_date") else None
        ),
        encoding=data.get("encoding", "utf-8"),
        overrides=overrides,
        provenance=dict(data.get("provenance", {})),
        layout=data.get("layout", "page"),
    )
