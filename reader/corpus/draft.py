"""An article while the parser builds it: headline, byline parts, paragraphs, jump markers.

Both page layouts (column-broken pages and pages whose paragraphs are whole lines) fill the
same draft, so that the article they give is made the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import patterns as P
from .dateline import Lead
from .headline import Headline
from .model import Paragraph


@dataclass
class Draft:
    headline: Headline | None = None
    byline_parts: list[str] = field(default_factory=list)
    """Bylines printed apart from the text (a line of their own above it)."""
    text_credits: list[str] = field(default_factory=list)
    """Credits read from the text, which keeps them where printed (see ``dateline``)."""
    lead_end: int = 0
    """Paragraphs before this one are credits opening the text: a dateline may still follow."""
    filing: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    jumps: list[str] = field(default_factory=list)
    continues_on: int | None = None
    continued_from: int | None = None
    headline_after_body: bool = False

    @property
    def headless(self) -> bool:
        return self.headline is None

    @property
    def has_body(self) -> bool:
        return any(p.kind == "text" for p in self.paragraphs)

    @property
    def before_text(self) -> bool:
        """No paragraph yet but credits: where a dateline may open the text."""
        return not any(p.kind == "text" for p in self.paragraphs[self.lead_end :])

    @property
    def byline(self) -> str | None:
        return " ".join(self.byline_parts + self.text_credits) or None

    @property
    def byline_in_text(self) -> str | None:
        return " ".join(self.text_credits) or None

    def read_credit(self, lead: Lead) -> None:
        """Take a credit read from the text into the byline, and its filing line."""
        if lead.credit:
            self.text_credits.append(lead.credit)
        self.filing = self.filing or lead.filing

    def add_byline(self, text: str) -> None:
        self.byline_parts.append(text)

    def add_heading_text(self, text: str) -> None:
        self.paragraphs.append(Paragraph(text, "heading"))

    def add_text(self, text: str, *, join_open: bool = True) -> None:
        """Add a paragraph; with ``join_open`` a paragraph cut mid-sentence is continued."""
        text = self._take_jumps(text)
        if not text:
            return
        last = self.paragraphs[-1] if self.paragraphs else None
        if join_open and last is not None and last.kind == "text" and P.is_open(last.text):
            self.paragraphs[-1] = Paragraph(last.text + text, "text")
        else:
            self.paragraphs.append(Paragraph(text, "text"))

    def _take_jumps(self, text: str) -> str:
        for pattern, attr in ((P.JUMP_ON, "continues_on"), (P.JUMP_FROM, "continued_from")):
            for m in list(pattern.finditer(text)):
                self.jumps.append(m.group(0))
                setattr(self, attr, int(m.group(1)))
            text = pattern.sub("", text)
        return text.strip()
