"""Checking one bookmark of a JSON file, field by field, before it may enter the store.

A bookmarks file may come from anywhere: another machine, an older or newer reader, a hand
edit, a script. Every field is checked for its type, its range or form (dates, times,
pages), its length, and for lone surrogates (``"\\ud800"`` is valid JSON but no text: it
cannot be stored as UTF-8). A bad field makes ``EntryProblem``, which names the field; the
importer skips that entry with a line saying so and takes the others.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .bookmark import clean_tags
from .identity import ArticleRef
from .passage import NO_PASSAGE, Passage

ID_CHARS = 200
"""Article ids and uids (the reader's are 12 and 32 characters)."""
LINE_CHARS = 2_000
"""A paper's name, a headline part, a byline, a page file's name."""
PREFIX_CHARS = 2_000
NOTE_CHARS = 1_000_000
PASSAGE_CHARS = 200_000
"""An excerpt's text (a whole long article is some 20,000 characters)."""
CONTEXT_CHARS = 2_000
TAG_CHARS = 200
MAX_TAGS = 1_000
MAX_PAGE = 100_000
TEXT_FIELDS = ("paper", "kicker", "title", "subtitle", "display_title", "byline", "source")
ARTICLE_TEXT = (("id", ID_CHARS), *((k, LINE_CHARS) for k in TEXT_FIELDS),
                ("body_prefix", PREFIX_CHARS))
"""The text fields of an entry's article and their lengths at most."""


class EntryProblem(ValueError):
    """One field of an entry cannot be taken; ``str()`` names the field and says why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field} {reason}")
        self.field = field


@dataclass(frozen=True)
class Incoming:
    """One bookmark read from a file, every field checked."""

    ref: ArticleRef
    uid: str | None
    note: str
    tags: tuple[str, ...]
    added: str | None


def _shown(value: Any) -> str:
    """A bad value as it is quoted in a message: short, as JSON writes it, and with lone
    surrogates and control characters escaped (so that the line can be printed)."""
    if isinstance(value, dict):
        text = "{…}" if value else "{}"
    elif isinstance(value, list):
        text = "[…]" if value else "[]"
    elif isinstance(value, str):
        text = repr(value)
    else:
        text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else type(value).__name__


def text(value: Any, field: str, limit: int, *, checked: bool = False) -> str:
    """``value`` when it is text of at most ``limit`` characters without lone surrogates
    (``checked``: the caller looks for surrogates in all the entry's text at once)."""
    if not isinstance(value, str):
        raise EntryProblem(field, f"is {_kind(value)} ({_shown(value)}), not text")
    if len(value) > limit:
        raise EntryProblem(field, f"is {len(value):,} characters long (at most {limit:,})")
    if not checked:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            bad = value[err.start]
            raise EntryProblem(field, f"holds a lone surrogate (\\u{ord(bad):04x}), which is "
                                      "not text") from None
    return value


def optional_text(data: Mapping[str, Any], key: str, field: str, limit: int, *,
                  checked: bool = False) -> str | None:
    """The text at ``key``, None when it is missing, null or empty."""
    value = data.get(key)
    if value is None or value == "":
        return None
    return text(value, field, limit, checked=checked)


def page(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer() and 0 <= value <= MAX_PAGE:
            return int(value)
        raise EntryProblem(field, f"is {_shown(value)}, not a page number")
    if not 0 <= value <= MAX_PAGE:
        raise EntryProblem(field, f"is {_shown(value)}, not a page number (0 to {MAX_PAGE:,})")
    return value


def date(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    raw = text(value, field, 40)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise EntryProblem(field, f"is {_shown(value)}, not a date like 2022-08-10") from None


def timestamp(value: Any, field: str) -> str | None:
    """A date and time in ISO 8601 form, written back the way the store writes them."""
    if value is None or value == "":
        return None
    raw = text(value, field, 60)
    try:
        return dt.datetime.fromisoformat(raw).isoformat()
    except ValueError:
        raise EntryProblem(field, f"is {_shown(value)}, not a date and time like "
                                  "2022-08-10T09:30:00+00:00") from None


def article_ref(data: Any) -> ArticleRef:
    """The article of an entry (``article``: an object), every field checked."""
    if not isinstance(data, dict):
        raise EntryProblem("article", "is missing" if data is None else
                           f"is {_kind(data)} ({_shown(data)}), not an object")
    fields: dict[str, str | None] = {}
    for key, limit in ARTICLE_TEXT:  # the common case in line; ``text`` says what is wrong
        value = data.get(key)
        if value is None or value == "":
            fields[key] = None
        elif value.__class__ is str and len(value) <= limit:
            fields[key] = value
        else:
            fields[key] = text(value, f"article.{key}", limit)
    try:  # one look for lone surrogates in all of them; the field is named if one is found
        "".join(v for v in fields.values() if v).encode("utf-8")
    except UnicodeEncodeError:
        for key, limit in ARTICLE_TEXT:
            if value := fields[key]:
                text(value, f"article.{key}", limit)
    ref = ArticleRef(
        article_id=fields["id"] or "",
        date=date(data.get("date"), "article.date"),
        page=page(data.get("page"), "article.page"),
        body_prefix=fields["body_prefix"] or "",
        paper=fields["paper"], kicker=fields["kicker"], title=fields["title"],
        subtitle=fields["subtitle"], byline=fields["byline"],
        display_title=fields["display_title"] or fields["title"] or "",
        source=fields["source"] or "",
    )
    if not (ref.article_id or ref.display_title or ref.body_prefix):
        raise EntryProblem("article", "has neither id, title nor text")
    return ref


def tag_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EntryProblem("tags", f"is {_kind(value)} ({_shown(value)}), not a list")
    if len(value) > MAX_TAGS:
        raise EntryProblem("tags", f"has {len(value):,} tags (at most {MAX_TAGS:,})")
    return clean_tags(text(t, f"tags[{n}]", TAG_CHARS) for n, t in enumerate(value))


def _entry(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise EntryProblem("the entry", f"is {_kind(data)} ({_shown(data)}), not an object")
    return data


def incoming(data: Any) -> Incoming:
    """One entry of a bookmarks file; ``EntryProblem`` names the first field that is bad."""
    data = _entry(data)
    return Incoming(
        ref=article_ref(data.get("article")),
        uid=optional_text(data, "uid", "uid", ID_CHARS),
        note=optional_text(data, "note", "note", NOTE_CHARS) or "",
        tags=tag_list(data.get("tags")),
        added=timestamp(data.get("added"), "added"),
    )


@dataclass(frozen=True)
class IncomingExcerpt(Incoming):
    """One excerpt read from a file, every field checked."""

    passage: Passage = NO_PASSAGE


def incoming_excerpt(data: Any) -> IncomingExcerpt:
    """One excerpt of a bookmarks file; ``EntryProblem`` names the first field that is bad."""
    data = _entry(data)
    passage = Passage(
        text(data.get("text"), "text", PASSAGE_CHARS) if data.get("text") is not None
        else "",
        optional_text(data, "before", "before", CONTEXT_CHARS) or "",
        optional_text(data, "after", "after", CONTEXT_CHARS) or "")
    if not passage.text.strip():
        raise EntryProblem("text", "is missing or empty (an excerpt is its text)")
    return IncomingExcerpt(
        ref=article_ref(data.get("article")),
        passage=passage,
        uid=optional_text(data, "uid", "uid", ID_CHARS),
        note=optional_text(data, "note", "note", NOTE_CHARS) or "",
        tags=tag_list(data.get("tags")),
        added=timestamp(data.get("added"), "added"),
    )
