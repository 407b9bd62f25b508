"""Pages whose paragraphs are whole lines: articles from the shape of the lines.

E-paper text and scraped archives keep each paragraph on one line and set the headline lines
apart; nothing was cut by a column break, so no line is joined to the next. What opens an
article is read from cues of the layout, each weighed in ``opens_article``:

- indentation: where the page indents its paragraphs, a flush line is a headline line and an
  indented one is text (section heads inside an article are indented like the text);
- final punctuation: a paragraph ends a sentence, a headline line does not;
- blank lines: two blank lines, or one before a headline of two lines, open an article; a line
  right under a paragraph with no blank line between is a section head or a signature;
- what follows: a dateline (``本报北京2月14日电``) or a credit line under a headline;
- what never opens an article: block labels (核心阅读, 编者按 …), numbered section heads
  (一、 （二） 第三节), signatures (a name line, a date line) and ``——`` attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .byline import is_byline_text, is_trailing_byline
from .dateline import Lead, read_closing, read_credit_line, read_lead
from .draft import Draft
from .headline import HeadLine, Headline, classify

SENTENCE_END = "。！？!?…；;"
_OPEN_END = "：:，,、"
BLOCK_LABELS = re.compile(
    r"^(?:核心阅读|编者按|编后|记者手记|记者观察|记者札记|采访手记|延伸阅读|相关链接|链接|背景链接"
    r"|背景|短评|点评|专家点评|数说|新闻链接|新闻背景|小贴士)[：:]?$"
)
NUMBERED_HEAD = re.compile(
    rf"^(?:[{P.CN_DIGITS}]{{1,3}}[、.．]|[（(][{P.CN_DIGITS}\d]{{1,3}}[)）]"
    rf"|第[{P.CN_DIGITS}\d]{{1,3}}[章节部分篇条]|\d{{1,2}}[、.．](?!\d))"
)
DATE_LINE = re.compile(
    rf"^(?:\d{{4}}|[{P.CN_DIGITS}]{{4}})\s*年\s*[{P.CN_DIGITS}\d]{{1,3}}\s*月"
    rf"\s*[{P.CN_DIGITS}\d]{{1,3}}\s*日(?:\s*于\s*[{P.HAN}]{{2,8}})?$"
)
PHOTO_REPORT = re.compile(r"^(?:图片报道|图片新闻|新闻图片|组图|图说|影像)$")
COLUMN_TAG = re.compile(r"[（(](?![^（()）]*\d{4}\s*年)[^（()）]{2,30}[)）]$")
"""A column's name in brackets after a title: （人民论坛）, （新春走基层）, （钟声）."""
OPENS_AT = 2
"""The score from which a headline run opens an article (see ``opens_article``)."""


@dataclass(frozen=True)
class ProseLine:
    """A non-empty line: its text (stripped), whether it was indented, blank lines above it."""

    text: str
    indent: bool
    blanks: int


@dataclass(frozen=True)
class Regime:
    """What the page's own habits say: does it indent its paragraphs, do blank lines part it?"""

    indents: bool
    blanks_tell: bool
    blank_base: int

    def gap(self, line: ProseLine) -> int:
        """Blank lines above ``line`` beyond those the page puts between any two lines."""
        return max(0, line.blanks - self.blank_base)


_NOTE_AFTER = re.compile(r"[（(][^（()）]{1,40}[)）]\s*$")


def ends_sentence(text: str) -> bool:
    """Does the line end a sentence (a note in brackets after a full stop aside)?"""
    t = text.rstrip()
    before = _NOTE_AFTER.sub("", t).rstrip()
    if before.endswith("。"):
        return True
    t = t.rstrip(P.CLOSERS + " \u3000\xa0")
    return bool(t) and t[-1] in SENTENCE_END


def is_prose_page(lines: list[ProseLine], *, marked: bool = False) -> bool:
    """Are the paragraphs whole lines (no column breaks)?

    ``marked``: the page marks headlines or bylines (``##``, ``■记者``), as the column-broken
    pages do. Otherwise a page that indents its paragraphs is one; so is a page whose long
    lines nearly all end sentences, or three in four where the page does not double-space its
    lines (column-broken pages put a blank line after every line).
    """
    if marked:
        return False
    long = [line for line in lines if len(line.text) >= 30]
    if len(long) < 2:
        return False
    whole = sum(1 for line in long if ends_sentence(line.text)) / len(long)
    regime = regime_of(lines)
    return regime.indents or whole >= 0.9 or (whole >= 0.75 and regime.blank_base == 0)


def regime_of(lines: list[ProseLine]) -> Regime:
    """Indentation: most sentence-ending lines indented. Blank lines: ``blank_base`` is 1 where
    nearly every line has one above it (double spacing); they tell where some gaps are wider."""
    paras = [line for line in lines if len(line.text) >= 20 and ends_sentence(line.text)]
    indents = len(paras) >= 2 and sum(line.indent for line in paras) >= 0.6 * len(paras)
    after_first = lines[1:]
    spaced = sum(1 for line in after_first if line.blanks > 0)
    base = 1 if after_first and spaced >= 0.9 * len(after_first) else 0
    tell = any(line.blanks > base for line in after_first)
    return Regime(indents, tell, base)


def is_credit(text: str) -> bool:
    """A line that only credits people: a byline, a photo credit, a bracketed credit."""
    if len(text) > 40 or PHOTO_REPORT.match(text):
        return False
    return bool(
        is_byline_text(text)
        or is_trailing_byline(text)
        or P.PHOTO_CREDIT.match(text)
        or P.FURNITURE.match(text)
        or P.TRAIL_DATELINE.match(text)
        or P.TRAIL_CREDIT.fullmatch(text)
    )


def _is_head_line(line: ProseLine, regime: Regime) -> bool:
    text = line.text
    if text[-1] in _OPEN_END or is_credit(text):
        return False
    if regime.indents:
        return not line.indent and len(text) <= 200
    return not ends_sentence(text) and len(text) <= 100


def _is_signature(run: list[ProseLine]) -> bool:
    return len(run) <= 3 and bool(DATE_LINE.match(run[-1].text))


def opens_article(
    run: list[ProseLine],
    regime: Regime,
    prev: ProseLine | None,
    nxt: ProseLine | None,
    after_body: bool = True,
) -> bool:
    """Does this run of headline-like lines open a new article? A sum of the cues' weights.

    ``after_body``: the article before has text; a run under a bare headline is its standfirst
    or a quote from it unless a wide gap (two blank lines) parts them.
    """
    if prev is None:
        return True
    first = run[0].text
    if BLOCK_LABELS.match(first) or _is_signature(run):
        return False
    if not after_body and not (regime.blanks_tell and regime.gap(run[0]) >= 2):
        return False
    score = 0
    if regime.indents:
        score += 3
    led = nxt is not None and bool(is_credit(nxt.text) or read_lead(nxt.text))
    if regime.blanks_tell:
        # Set off by blank lines: two above, or one above and one below a two-line headline.
        gap = regime.gap(run[0])
        below = nxt is not None and regime.gap(nxt) >= 1
        score += 3 if gap >= 2 else -3 if gap == 0 else 2 if below and len(run) >= 2 else 0
        score += 1 if led else 0
    else:
        score += 1 if not regime.indents else 0  # nothing but punctuation to go by
        score += 3 if led else 0
        score += 1 if len(run) >= 2 else 0
    if nxt is None:
        score -= 1
    if is_credit(prev.text):
        score += 1  # a credit closes the article before
    elif not ends_sentence(prev.text) and not _is_head_line(prev, regime):
        score -= 1  # under an unfinished line: a fragment, a list, a caption
    else:
        score += 1 if not regime.indents and not regime.blanks_tell else 0
    if NUMBERED_HEAD.match(first):
        score -= 3
    if first.startswith(("——", "—", "--")):
        score -= 3
    return score >= OPENS_AT


def headline_of(run: list[ProseLine], regime: Regime, *, first_on_page: bool = False) -> Headline:
    """Kicker, title and subtitle of a headline run."""
    texts = [line.text for line in run]
    sub = next((k for k, t in enumerate(texts) if k and t.startswith(("——", "—"))), None)
    if sub is not None:
        head = headline_of(run[:sub], regime) if sub > 0 else Headline()
        head.subtitle = " ".join([*([head.subtitle] if head.subtitle else []), *texts[sub:]])
        return head
    if len(texts) == 2:
        first, second = texts
        if first.endswith(("——", "：", ":", "……")) or P.KICKER_END.search(first):
            return Headline(kicker=first, title=second)
        tagged = [bool((m := COLUMN_TAG.search(t)) and m.start() > 0) for t in texts]
        if tagged == [False, True]:
            return Headline(kicker=first, title=second)  # the column's tag goes with the title
        if tagged == [True, False]:
            return Headline(title=first, subtitle=second)
        if regime.blanks_tell:
            # An empty line where a missing kicker would be: two blank lines above the title
            # where articles are parted by one (none above the first article of a page).
            gap = regime.gap(run[0]) + (1 if first_on_page else 0)
            if gap == 1:
                return Headline(kicker=first, title=second)
            return Headline(title=first, subtitle=second)
    if len(texts) >= 3:
        return Headline(kicker=texts[0], title=texts[1], subtitle=" ".join(texts[2:]))
    return classify([HeadLine(t, 0, 0) for t in texts])


def assemble(lines: list[ProseLine]) -> list[Draft]:
    """The articles of a prose page, in order."""
    regime = regime_of(lines)
    heads = [_is_head_line(line, regime) for line in lines]
    for k in range(len(lines) - 2, -1, -1):
        # 国务院扶贫办： or 有了公益食堂…… over a headline line is its kicker, set apart
        # like the headline.
        line = lines[k]
        if (
            not heads[k] and heads[k + 1] and regime.gap(lines[k + 1]) == 0
            and (line.text[-1] in "：:" or line.text.endswith("……")) and len(line.text) <= 30
            and (not line.indent if regime.indents else regime.gap(line) >= 1)
        ):
            heads[k] = True
    drafts: list[Draft] = []
    current: Draft | None = None
    prev: ProseLine | None = None
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if heads[i]:
            j = i + 1
            while j < n and heads[j] and regime.gap(lines[j]) == 0 and not (
                BLOCK_LABELS.match(lines[j].text)
            ):
                j += 1
            run, nxt = lines[i:j], lines[j] if j < n else None
            if current is None or opens_article(run, regime, prev, nxt, current.has_body):
                current = Draft(headline=headline_of(run, regime, first_on_page=prev is None))
                drafts.append(current)
            else:
                heading = nxt is not None and not heads[j] and len(run) <= 2 and not (
                    _is_signature(run)
                )
                for r in run:
                    if heading and len(r.text) <= 40:
                        current.add_heading_text(r.text)
                    else:
                        current.add_text(r.text, join_open=False)
            prev, i = run[-1], j
            continue
        if current is None:
            current = Draft()
            drafts.append(current)
        if regime.indents and _is_section_head(line, lines[i + 1] if i + 1 < n else None):
            current.add_heading_text(line.text)
        else:
            _add_line(current, line.text)
        prev, i = line, i + 1
    for draft in drafts:
        _close(draft)
    return drafts


def _is_section_head(line: ProseLine, nxt: ProseLine | None) -> bool:
    """On an indenting page: a short indented line over more text, with no final punctuation."""
    text = line.text
    return (
        line.indent and nxt is not None and len(text) <= 24 and text[-1] not in _OPEN_END
        and not ends_sentence(text) and not is_credit(text) and not DATE_LINE.match(text)
        and not text.startswith(("——", "—")) and ends_sentence(nxt.text)
    )


def _add_line(draft: Draft, text: str) -> None:
    if draft.before_text:
        if is_credit(text):
            draft.read_credit(read_credit_line(text))
            draft.add_text(text, join_open=False)
            draft.lead_end = len(draft.paragraphs)
            return
        if (lead := read_lead(text)) is not None:
            draft.read_credit(lead)
    draft.add_text(text, join_open=False)


def _close(draft: Draft) -> None:
    """Credits printed after the text (``余中华摄``, ``（本报记者 韩鑫）``) are read into the
    byline; the text keeps them where they are printed."""
    paras = draft.paragraphs
    trailing: list[Lead] = []
    k = len(paras) - 1
    while k >= draft.lead_end and paras[k].kind == "text":
        if is_credit(paras[k].text) and k > 0:
            trailing.insert(0, read_credit_line(paras[k].text))
            k -= 1
            continue
        if (lead := read_closing(paras[k].text)) is not None:
            trailing.insert(0, lead)
        break
    for lead in trailing:
        draft.read_credit(lead)
