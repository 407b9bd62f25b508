"""Headlines: tell headline lines from body text; split a run into kicker, title, subtitle.

A Chinese news headline has up to three parts: the kicker (引题) above the main title (主题) and
the subtitle (副题) below. Markdown marks help where the extraction kept them (``###`` kicker,
``##`` title); otherwise the wording decides: a line ending in 强调/指出 introduces a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

MAX_HEADLINE_CHARS = 48


@dataclass(frozen=True)
class HeadLine:
    """One line of a headline run: its text, markdown level (0 = unmarked) and line number."""

    text: str
    level: int
    line_no: int


@dataclass
class Headline:
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None


def looks_like_headline(text: str) -> bool:
    """Short and without sentence punctuation: a headline, a section head or a teaser."""
    compact = text.replace(" ", "").replace("\u3000", "")
    if not 2 <= len(compact) <= MAX_HEADLINE_CHARS:
        return False
    if P.SENTENCE_PUNCT.search(text) or text.count("、") >= 2:
        return False  # an enumeration is body text cut by a column break
    if text[0] in "”’」』)）》〉】,，、。：:；;!！?？…":
        return False  # closing punctuation never opens a headline: a fragment of a sentence
    if re.search(r"[?？!！。][^\s?？!！”’」』]", text):
        return False  # a question or exclamation followed by more text is a sentence
    return text[-1] not in "：:、"


def _is_kicker_line(line: HeadLine) -> bool:
    return line.level >= 3 or bool(
        line.level == 0 and (P.KICKER_END.search(line.text) or P.KICKER_START.match(line.text))
    )


def split_groups(run: list[HeadLine]) -> list[list[HeadLine]]:
    """Split a run of consecutive headline lines into the headlines of separate articles."""
    groups: list[list[HeadLine]] = []
    current: list[HeadLine] = []
    has_title = False
    for line in run:
        inline = line.level in (0, 1, 2) and P.KICKER_INLINE.match(line.text)
        starts_new = current and has_title and (
            _is_kicker_line(line) or line.level in (1, 2) or bool(inline)
        )
        if starts_new:
            groups.append(current)
            current, has_title = [], False
        current.append(line)
        if line.level in (1, 2) or inline or not _is_kicker_line(line):
            has_title = True
        if inline and len(current) == 1:
            # "X强调 Y" is a whole headline on its own line.
            groups.append(current)
            current, has_title = [], False
    if current:
        groups.append(current)
    return groups


def classify(group: list[HeadLine]) -> Headline:
    """Assign kicker, title and subtitle to the lines of one headline."""
    texts = [g.text for g in group]
    marked = [i for i, g in enumerate(group) if g.level in (1, 2)]
    if marked:
        t = marked[0]
        kicker_lines = texts[:t]
        rest = texts[t + 1 :]
        head = Headline(title=texts[t])
        if kicker_lines:
            head.kicker = " ".join(kicker_lines)
        if rest:
            head.subtitle = " ".join(rest)
        return _split_inline(head)
    if len(texts) == 1:
        return _split_inline(Headline(title=texts[0]))
    first, second, rest = group[0], group[1], texts[2:]
    first_is_kicker = (
        _is_kicker_line(first)
        or (" " in second.text.strip() and " " not in first.text.strip())
    )
    if first_is_kicker:
        head = Headline(kicker=first.text, title=second.text)
        if rest:
            head.subtitle = " ".join(rest)
        return head
    return Headline(title=first.text, subtitle=" ".join(texts[1:]))


def _split_inline(head: Headline) -> Headline:
    """``金承涛…上强调 切实织密…`` on one line: the part up to 强调 is the kicker."""
    if head.kicker is None and head.title and (m := P.KICKER_INLINE.match(head.title)):
        head.kicker, head.title = m.group(1), m.group(2)
    return head
