"""Corrections: what a reader fixed on a parsed page, kept as operations and replayed.

A ``Correction`` is one operation on the articles of a page — split an article before a
paragraph, merge two articles, say what a line is, set a headline field or the byline, edit
words inside one paragraph — addressed by content anchors (``anchors``): a few folded
characters of the article's opening, of the line, or of the text around the place. They are
replayed in the order they were made on the page as the parser reads it (``apply``), each on
the result of the ones before, so each finds the text it was made on. One whose text is gone
is reported (``Outcome``) and kept; it never stops the others.

Page fields (paper, date, page, issue number) are not replayed here: they are the sidecar's
own keys (``sidecar``); a ``page`` correction only records who set them and when.

This module knows nothing of files; ``correction_store`` reads and writes them.
"""

from __future__ import annotations

import copy
import datetime as dt
import getpass
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Literal

from ..problems import Problem, ProblemKind
from .anchors import (
    ANCHOR_CHARS,
    CONTEXT_CHARS,
    alike,
    fold,
    folded_map,
    locate,
    occurrences,
    raw_span,
    suffix_score,
)
from .model import Article, Page, Paragraph
from .parser import finish_page

Op = Literal["split", "merge", "role", "set", "edit", "page", "join", "joined"]
OPS: tuple[str, ...] = ("split", "merge", "role", "set", "edit", "page", "join", "joined")
ACROSS: tuple[str, ...] = ("join", "joined")
"""The two halves of a merge across a jump to another page (see ``join``)."""
ROLES: tuple[str, ...] = ("kicker", "title", "subtitle", "byline", "section", "body", "none")
HEAD_FIELDS: tuple[str, ...] = ("kicker", "title", "subtitle", "byline")
PAGE_FIELDS: tuple[str, ...] = ("paper", "date", "page", "issue_no")
OPENING_CHARS = 24
"""Folded characters of an article's body that name the article in a correction."""
HEAD_CHARS = 40
LINE_CHARS = 200

Status = Literal["applied", "already", "missing"]
log = logging.getLogger(__name__)


class CorrectionError(ValueError):
    """A correction that cannot be made on the page as it is; the message says why."""


@dataclass(frozen=True)
class Correction:
    """One operation, its anchors and who made it when. Unused fields are empty strings."""

    op: str
    article: str = ""
    """Folded opening of the article it applies to (the first one, for a merge)."""
    head: str = ""
    """Folded headline of that article, when its opening does not find it."""
    other: str = ""
    """Folded opening of the second article of a merge."""
    text: str = ""
    """Folded anchor text: where a split starts, the line of a role, the words of an edit."""
    before: str = ""
    """Folded text just before the place (split, edit)."""
    after: str = ""
    """Folded text just after the words of an edit."""
    field: str = ""
    """The headline field of ``set``, the role of ``role``, the page field of ``page``."""
    page: str = ""
    """For ``join`` and ``joined``: the other page's file, relative to this page's folder."""
    value: str = ""
    """The new text (``set``, ``edit``, ``page``)."""
    old: str = ""
    """What was there before, as printed (for the list and the report)."""
    by: str = ""
    at: str = ""
    """When, as an ISO date and time in UTC."""

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, data: dict[str, object], where: str = "") -> Correction:
        """A correction from its stored keys; CorrectionError names what is wrong."""
        known = {f.name for f in fields(cls)}
        op = data.get("op")
        if op not in OPS:
            raise CorrectionError(f"{where}op = {op!r} is not one of {', '.join(OPS)}")
        values: dict[str, str] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if not isinstance(value, str):
                raise CorrectionError(f"{where}{key} = {value!r} should be text")
            values[key] = value
        return cls(**values)

    def describe(self) -> str:
        """One line saying what the correction does."""
        if self.op == "split":
            return f"split before “{self.old or self.text}”"
        if self.op == "merge":
            return f"merge “{self.old or self.article}” with the article after it"
        if self.op == "role":
            return f"“{self.old or self.text}” is {self.field}"
        if self.op == "set":
            return f"{self.field} set to “{self.value}”" + (f" (was “{self.old}”)" if self.old
                                                            else "")
        if self.op == "edit":
            return f"“{self.old}” → “{self.value}”"
        if self.op == "join":
            return f"“{self.old or self.article}” continues with an article of {self.page}"
        if self.op == "joined":
            return f"“{self.old or self.article}” is shown with the article it continues, on " \
                f"{self.page}"
        return f"page {self.field} set to {self.value}"


@dataclass(frozen=True)
class Outcome:
    """What became of one correction when the page was read."""

    number: int
    """1-based, in the order the page's corrections were made."""
    correction: Correction
    status: Status
    reason: str = ""
    articles: tuple[str, ...] = ()
    """Ids of the articles, as corrected, that this correction changed or made."""

    @property
    def applies(self) -> bool:
        return self.status != "missing"


def stamp() -> tuple[str, str]:
    """Who is correcting (the OS user name) and when (UTC, to the second)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = "unknown"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return user, now.isoformat().replace("+00:00", "Z")


# -- building corrections from what the reader sees -------------------------------------------


def opening(article: Article) -> str:
    return fold(article.body)[:OPENING_CHARS]


def _named(op: str, article: Article, **more: str) -> Correction:
    user, when = stamp()
    return Correction(op=op, article=opening(article), head=fold(article.headline)[:HEAD_CHARS],
                      by=user, at=when, **more)


def split_before(page: Page, article: Article, text: str) -> Correction:
    """A new article starts at ``text`` (the start of a paragraph, or words inside one)."""
    stream, places = _stream(page)
    wanted = fold(text)[:ANCHOR_CHARS]
    if not wanted:
        raise CorrectionError("say where the new article starts: a few words of its text")
    mine = [i for i, p in enumerate(places) if page.articles[p[0]] is article]
    body = "".join(stream[i] for i in mine)
    at = body.find(wanted)
    if at < 0:
        raise CorrectionError(f"“{text}” is not in the body of this article")
    if at == 0:
        raise CorrectionError(f"“{text}” already starts this article")
    offset = mine[at]
    return _named("split", article, text=stream[offset : offset + ANCHOR_CHARS],
                  before=stream[max(0, offset - CONTEXT_CHARS) : offset], old=text.strip())


def merge(page: Page, first: Article, second: Article) -> Correction:
    """``second`` (which follows ``first`` on the page) is part of ``first``."""
    return _named("merge", first, other=opening(second) or fold(second.headline)[:HEAD_CHARS],
                  old=first.display_title)


def join(first: Article, second: Article, second_page: str, first_page: str) -> tuple[
        Correction, Correction]:
    """``second``, on another page, continues ``first`` (a jump, 下转/上接): the ``join`` for
    the first's page and the ``joined`` for the second's; the page names are each relative to
    the other's folder."""
    other = opening(second) or fold(second.headline)[:HEAD_CHARS]
    one = _named("join", first, other=other, page=second_page, old=first.display_title)
    two = Correction(op="joined", article=opening(second),
                     head=fold(second.headline)[:HEAD_CHARS], page=first_page,
                     old=second.display_title, by=one.by, at=one.at)
    return one, two


def set_role(page: Page, article: Article, line: str, role: str) -> Correction:
    """The line ``line`` of ``article`` is a kicker, title, … or not part of any article."""
    if role not in ROLES:
        raise CorrectionError(f"{role!r} is not one of {', '.join(ROLES)}")
    wanted = fold(line)[:LINE_CHARS]
    unit = _find_unit(article, wanted) if wanted else None
    if unit is None:
        raise CorrectionError(f"“{line}” is not a line of this article")
    if fold(unit.text) == wanted and _role_of(article, unit) == role:
        raise CorrectionError(f"“{line}” is the {role} already")
    return _named("role", article, text=wanted, field=role, old=line.strip())


def set_field(article: Article, name: str, value: str) -> Correction:
    """Set a headline field (kicker, title, subtitle) or the byline; empty text clears it."""
    if name not in HEAD_FIELDS:
        raise CorrectionError(f"{name!r} is not one of {', '.join(HEAD_FIELDS)}")
    if (getattr(article, name) or "") == value.strip():
        raise CorrectionError(f"the {name} is “{value.strip()}” already")
    return _named("set", article, field=name, value=value.strip(),
                  old=getattr(article, name) or "")


def edit(article: Article, old: str, new: str) -> Correction:
    """Replace the words ``old`` by ``new`` inside one paragraph (or headline field)."""
    if "\n" in old or "\n" in new:
        raise CorrectionError("an edit stays inside one paragraph: no line breaks")
    wanted = fold(old)
    if not wanted:
        raise CorrectionError("say which words to replace")
    hits = [(u, i) for u in _units(article) for i in occurrences(fold(u.text), wanted)]
    if not hits:
        raise CorrectionError(f"“{old}” is not in one paragraph of this article")
    if len(hits) > 1:
        raise CorrectionError(f"“{old}” is in this article {len(hits)} times; give a few "
                              "more words so that it is found once")
    unit, i = hits[0]
    folded = fold(unit.text)
    return _named("edit", article, text=wanted, value=new,
                  before=folded[max(0, i - CONTEXT_CHARS) : i],
                  after=folded[i + len(wanted) : i + len(wanted) + CONTEXT_CHARS], old=old)


def page_field(name: str, value: str) -> Correction:
    """The record of a page field set by hand (the value itself is a sidecar key)."""
    if name not in PAGE_FIELDS:
        raise CorrectionError(f"{name!r} is not one of {', '.join(PAGE_FIELDS)}")
    user, when = stamp()
    return Correction(op="page", field=name, value=value, by=user, at=when)


# -- replaying them ---------------------------------------------------------------------------


Continuation = Callable[[Correction], Article | None]
"""Finds the article of another page that a ``join`` names (as corrected on its page)."""


def apply(page: Page, corrections: list[Correction],
          continuation: Continuation | None = None) -> list[Outcome]:
    """Replay ``corrections`` on ``page`` in order; a page warning for each that is gone.

    ``continuation`` reads the other page of a ``join``; without it a join does not apply."""
    done: list[tuple[int, Correction, Status, str, list[Article]]] = []
    for number, c in enumerate(corrections, start=1):
        before = {id(a): _look(a) for a in page.articles}
        try:
            if c.op == "join":
                status, reason = _apply_join(page, c, continuation)
            else:
                status, reason = _APPLY[c.op](page, c)
        except Exception as err:
            log.warning("correction %d of %s failed", number, page.source, exc_info=True)
            status, reason = "missing", f"it could not be replayed ({err})"
        touched = [a for a in page.articles if before.get(id(a)) != _look(a)]
        done.append((number, c, status, reason, touched))
        if status == "missing":
            page.warnings.append(Problem.of(
                ProblemKind.CORRECTION_MISSING, number=number, correction=c.describe(),
                by=c.by, at=c.at, reason=reason))
    page.articles = [a for a in page.articles
                     if a.has_headline or a.byline or a.paragraphs or a.jumps]
    for position, article in enumerate(page.articles):
        article.position = position
    finish_page(page)
    kept = {id(a) for a in page.articles}
    return [Outcome(number, c, status, reason,
                    tuple(dict.fromkeys(a.id for a in touched if id(a) in kept)))
            for number, c, status, reason, touched in done]


def _look(article: Article) -> tuple[object, ...]:
    """What a correction can change of an article."""
    return (article.kicker, article.title, article.subtitle, article.byline,
            tuple(article.paragraphs))


def corrected(page: Page, corrections: list[Correction],
              continuation: Continuation | None = None) -> tuple[Page, list[Outcome]]:
    """A corrected copy of ``page`` (the page itself is left as it is)."""
    copied = copy.deepcopy(page)
    return copied, apply(copied, corrections, continuation)


_Result = tuple[Status, str]


def find_article(page: Page, opening_text: str, head: str) -> int | None:
    """The index of the article whose body opens with ``opening_text`` (folded), else whose
    headline is ``head``, else whose opening is at least 75 % alike; None when none is.

    An opening shorter than ``OPENING_CHARS`` is a whole body: it must be the whole body."""
    arts = page.articles
    bodies = [fold(a.body) for a in arts]
    short = len(opening_text) < OPENING_CHARS
    if opening_text:
        for i, body in enumerate(bodies):
            if body == opening_text if short else body.startswith(opening_text):
                return i
    if head:
        for i, a in enumerate(arts):
            if fold(a.headline)[:HEAD_CHARS] == head:
                return i
    if opening_text and not short:
        probe = opening_text[: OPENING_CHARS // 2]
        for i, body in enumerate(bodies):
            if probe in body[:80]:
                return i
    if opening_text:
        scored = [(alike(body[: len(opening_text)], opening_text), i)
                  for i, body in enumerate(bodies)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= 0.75:
            return best[1]
    return None


def _stream(page: Page) -> tuple[str, list[tuple[int, int, int]]]:
    """The folded bodies of all articles as one text, and for each folded character its
    article, paragraph and index in the paragraph's text."""
    chars: list[str] = []
    places: list[tuple[int, int, int]] = []
    for ai, article in enumerate(page.articles):
        for pi, para in enumerate(article.paragraphs):
            folded, where = folded_map(para.text)
            chars.append(folded)
            places.extend((ai, pi, ri) for ri in where)
    return "".join(chars), places


def _apply_split(page: Page, c: Correction) -> _Result:
    stream, places = _stream(page)
    found = locate(stream, c.text, c.before)
    if found is None:
        return "missing", "the text where the new article starts is not on the page"
    ai, pi, ri = places[found.offset]
    article = page.articles[ai]
    if pi == 0 and ri == 0:
        return "already", "an article starts there already"
    paras = article.paragraphs
    head, tail = list(paras[:pi]), list(paras[pi + 1 :])
    cut = paras[pi]
    if ri > 0:
        head.append(Paragraph(cut.text[:ri].rstrip(), cut.kind))
        tail.insert(0, Paragraph(cut.text[ri:].lstrip(), cut.kind))
    else:
        tail.insert(0, cut)
    _start_article(page, ai, head, tail)
    return "applied", ""


def _start_article(page: Page, index: int, head: list[Paragraph], tail: list[Paragraph],
                   **fields: str) -> None:
    """Article ``index`` keeps the paragraphs ``head``; a new one after it gets ``tail`` (and
    the jump to another page, which is at its end)."""
    article = page.articles[index]
    new = Article(id="", paragraphs=tail, continues_on=article.continues_on)
    for name, value in fields.items():  # a headline part: kicker, title or subtitle
        setattr(new, name, value)
    article.paragraphs, article.continues_on = head, None
    page.articles.insert(index + 1, new)


def _apply_merge(page: Page, c: Correction) -> _Result:
    i = find_article(page, c.article, c.head)
    if i is None:
        return "missing", "the first article is not on the page"
    first = page.articles[i]
    if _holds(first, c.other):
        return "already", "the two are one article already"
    if i + 1 >= len(page.articles):
        return "missing", "no article follows it on the page"
    second = page.articles[i + 1]
    if not (fold(second.body).startswith(c.other) or fold(second.headline).startswith(c.other)
            or alike(fold(second.body)[: len(c.other)], c.other) >= 0.75):
        return "missing", "the article that followed it is no longer next to it"
    _take_in(first, second)
    del page.articles[i + 1]
    return "applied", ""


def _holds(article: Article, opening_text: str) -> bool:
    """Does ``article`` hold, after its own opening, the opening of another article (which
    it then took in already)? Too short an opening tells nothing."""
    return len(opening_text) >= CONTEXT_CHARS and opening_text in fold(
        article.body)[len(opening(article)) // 2 :]


def _take_in(first: Article, second: Article) -> None:
    """``first`` takes in the text of ``second``, which continues it."""
    if second.has_headline:
        first.paragraphs.append(Paragraph(second.headline, "heading"))
    if second.byline:
        if first.byline:
            if second.byline_apart:  # credits read from its text stay in that text
                first.paragraphs.append(Paragraph(second.byline_apart, "text"))
        else:
            first.byline, first.byline_in_text = second.byline, second.byline_in_text
            first.filing = first.filing or second.filing
    first.paragraphs.extend(second.paragraphs)
    first.jumps.extend(second.jumps)
    first.continues_on = second.continues_on or first.continues_on
    first.continued_from = first.continued_from or second.continued_from


def _apply_join(page: Page, c: Correction, continuation: Continuation | None) -> _Result:
    i = find_article(page, c.article, c.head)
    if i is None:
        return "missing", "the first article is not on the page"
    first = page.articles[i]
    if _holds(first, c.other):
        return "already", "the two are one article already"
    second = continuation(c) if continuation is not None else None
    if second is None:
        return "missing", f"the article it continues with is not on {c.page}"
    came_from = first.continued_from
    _take_in(first, copy.deepcopy(second))
    first.continues_on = second.continues_on
    first.continued_from = came_from  # the continuation's 上接 pointed back here
    return "applied", ""


def _apply_joined(page: Page, c: Correction) -> _Result:
    i = find_article(page, c.article, c.head)
    if i is None:
        return "missing", "the continued article is not on the page"
    del page.articles[i]
    return "applied", ""


@dataclass
class _Unit:
    """A line's home in an article: a headline field or a paragraph."""

    field: str
    """``kicker``, ``title``, ``subtitle``, ``byline`` or ``paragraph``."""
    index: int
    text: str


def _units(article: Article) -> list[_Unit]:
    units = [_Unit(name, -1, getattr(article, name)) for name in HEAD_FIELDS
             if getattr(article, name)]
    units += [_Unit("paragraph", i, p.text) for i, p in enumerate(article.paragraphs)]
    return units


def _find_unit(article: Article, line: str) -> _Unit | None:
    units = _units(article)
    for unit in units:
        if fold(unit.text) == line:
            return unit
    for unit in units:
        if line in fold(unit.text):
            return unit
    scored = [(alike(fold(u.text), line), n) for n, u in enumerate(units)]
    best = max(scored, default=(0.0, -1))
    return units[best[1]] if best[0] >= 0.75 else None


def _role_of(article: Article, unit: _Unit) -> str:
    if unit.field != "paragraph":
        return unit.field
    return "section" if article.paragraphs[unit.index].kind == "heading" else "body"


def _join(*parts: str | None) -> str | None:
    return " ".join(p for p in parts if p) or None


def _apply_role(page: Page, c: Correction) -> _Result:
    i = find_article(page, c.article, c.head)
    order = ([i] if i is not None else []) + [n for n in range(len(page.articles)) if n != i]
    for n in order:
        unit = _find_unit(page.articles[n], c.text)
        if unit is not None:
            break
    else:
        if any(c.text in fold(x) for x in page.leftover):
            return ("already" if c.field == "none" else "missing"), "the line is not in an article"
        return "missing", "the line is not on the page"
    article = page.articles[n]
    whole = fold(unit.text) == c.text or alike(fold(unit.text), c.text) >= 0.75
    if whole and _role_of(article, unit) == c.field:
        return "already", "the line is that already"
    folded, where = folded_map(unit.text)
    start = folded.find(c.text)
    s, e = (0, len(unit.text)) if whole or start < 0 else raw_span(
        where, unit.text, start, start + len(c.text))
    line, rest_before, rest_after = unit.text[s:e].strip(), unit.text[:s].strip(), \
        unit.text[e:].strip()
    # Take the line out of where it was; ``spot`` is where a paragraph would go back in.
    spot = 0
    if unit.field == "paragraph":
        kind = article.paragraphs[unit.index].kind
        parts = [Paragraph(t, kind) for t in (rest_before,) if t]
        spot = unit.index + len(parts)
        parts += [Paragraph(t, kind) for t in (rest_after,) if t]
        article.paragraphs[unit.index : unit.index + 1] = parts
    else:
        setattr(article, unit.field, _join(rest_before, rest_after))
    role = c.field
    if role in ("body", "section"):
        article.paragraphs.insert(spot, Paragraph(line, "heading" if role == "section"
                                                  else "text"))
    elif role == "none":
        page.leftover.append(line)
    elif role == "byline":
        article.byline = _join(article.byline, line)
    elif unit.field == "paragraph" and any(p.kind == "text"
                                           for p in article.paragraphs[:spot]):
        # A headline below body text starts the next article.
        _start_article(page, n, article.paragraphs[:spot], article.paragraphs[spot:],
                       **{role: line})
    else:
        occupant = getattr(article, role)
        if occupant and unit.field in HEAD_FIELDS and not getattr(article, unit.field):
            setattr(article, unit.field, occupant)  # two headline lines change places
            occupant = None
        setattr(article, role, _join(occupant, line))
    return "applied", ""


def _apply_set(page: Page, c: Correction) -> _Result:
    i = find_article(page, c.article, c.head)
    if i is None:
        return "missing", "the article is not on the page"
    article = page.articles[i]
    if (getattr(article, c.field) or "") == c.value:
        return "already", f"the {c.field} is that already"
    setattr(article, c.field, c.value or None)
    return "applied", ""


def _apply_edit(page: Page, c: Correction) -> _Result:
    i = find_article(page, c.article, c.head)
    order = ([i] if i is not None else []) + [n for n in range(len(page.articles)) if n != i]
    best: tuple[int, int, _Unit, int] | None = None
    for n in order:
        for unit in _units(page.articles[n]):
            folded = fold(unit.text)
            for at in occurrences(folded, c.text):
                score = _context(folded, at, len(c.text), c)
                if best is None or score > best[0]:
                    best = (score, n, unit, at)
        if best is not None and n == i:
            break
    if best is None:
        new = fold(c.value)
        if new and any(new in fold(u.text) for a in page.articles for u in _units(a)):
            return "already", "the text reads so already"
        return "missing", "the words to replace are not on the page"
    _, n, unit, at = best
    article = page.articles[n]
    folded, where = folded_map(unit.text)
    s, e = raw_span(where, unit.text, at, at + len(c.text))
    text = unit.text[:s] + c.value + unit.text[e:]
    if unit.field == "paragraph":
        kind = article.paragraphs[unit.index].kind
        article.paragraphs[unit.index] = Paragraph(text, kind)
    else:
        setattr(article, unit.field, text.strip() or None)
    return "applied", ""


def _context(folded: str, at: int, length: int, c: Correction) -> int:
    """How much of the edit's context agrees with the text around ``at``."""
    end, after = at + length, 0
    while after < len(c.after) and end + after < len(folded) and \
            folded[end + after] == c.after[after]:
        after += 1
    return suffix_score(folded, at, c.before) + after


def _apply_page(page: Page, c: Correction) -> _Result:
    return "applied", ""


_APPLY = {
    "split": _apply_split,
    "merge": _apply_merge,
    "role": _apply_role,
    "set": _apply_set,
    "edit": _apply_edit,
    "page": _apply_page,
    "joined": _apply_joined,
}
