"""Excerpts as quotations: the passage, then the article's GB/T 7714 citation (with its page).

Every format prints an excerpt the same way after the article's source and citation lines:
the label ``摘录``, the passage as a block quotation (its paragraphs kept), the citation
``——作者. 题名[N]. 报纸名, 出版日期(版次).`` under it, and the excerpt's note and tags. An
article exported only for its excerpts (not bookmarked, not asked for) shows its headline,
source and quotations without its whole text. ``plain_quotation`` is the text form, also
what "Copy with Citation" of a selection puts on the clipboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus.model import Article
from .citation import gbt7714

LABEL = "摘录"


@dataclass(frozen=True)
class Quote:
    """A passage kept from an article, with what the user wrote about it."""

    text: str
    note: str = ""
    tags: tuple[str, ...] = ()

    def paragraphs(self) -> list[str]:
        """The passage's paragraphs (a selection across paragraphs keeps them apart)."""
        return [p.strip() for p in self.text.splitlines() if p.strip()]

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) pairs printed under the quotation: 笔记 per line, 标签."""
        out = [("笔记", line) for line in self.note.strip().splitlines() if line.strip()]
        if self.tags:
            out.append(("标签", "、".join(self.tags)))
        return out


def attribution(article: Article) -> str:
    """The line under a quotation: ``——`` and the article's citation."""
    return "——" + gbt7714(article)


def plain_quotation(text: str, article: Article) -> str:
    """``“passage”`` and, on the next line, its citation: a quotation as it is pasted."""
    body = "\n".join(Quote(text).paragraphs())
    return f"“{body}”\n{attribution(article)}"
