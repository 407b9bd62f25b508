"""Bookmarks to and from a JSON file, to move them to another machine or keep a copy.

The file (``format: newspaper-reader-bookmarks``, ``version: 2``) holds, per bookmark: its
``uid``, note, tags, when it was added, the remembered article (``article``: id, paper,
date, page, headline parts, byline, body prefix, page file) and its citation (GB/T 7714
text and a CSL-JSON item). ``excerpts`` (since version 2) holds, per excerpt, the same and
the passage (``text``, with the ``before`` and ``after`` it was found between). A file of
version 1 has no excerpts and is read as it is. Importing never removes anything; the merge
rule is in ``merge.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import jsondepth
from ..corpus.model import Article
from ..export.atomic import ExportError, write_text
from ..export.citation import Cited, csl_item, gbt7714
from .bookmark import Bookmark, Kept
from .errors import StoreError, TransferError
from .excerpt import Excerpt
from .identity import ArticleRef, ArticleStore, Resolver

FORMAT = "newspaper-reader-bookmarks"
VERSION = 2


def cited_of_ref(ref: ArticleRef) -> Cited:
    """Citation fields from what a bookmark remembers (when the article is not at hand)."""
    return Cited.from_parts(
        id=ref.article_id, byline=ref.byline, kicker=ref.kicker, title=ref.title,
        subtitle=ref.subtitle, derived_title=ref.display_title, paper=ref.paper,
        date=ref.date, page=ref.page,
    )


def entry(bookmark: Kept, article: Article | None = None) -> dict[str, Any]:
    """One bookmark or excerpt as it is written to the file (citation from the live article
    if given)."""
    data = bookmark.to_dict()
    cited = Cited.of(article) if article is not None else cited_of_ref(bookmark.ref)
    data["citation"] = {"gbt7714": gbt7714(cited), "csl": csl_item(cited)}
    return data


def write_bookmarks(path: Path, bookmarks: list[Bookmark],
                    source: ArticleStore | None = None,
                    excerpts: list[Excerpt] | None = None) -> int:
    """Write ``bookmarks`` and ``excerpts`` to ``path`` atomically; return how many
    bookmarks were written."""
    resolver = Resolver(source) if source is not None else None
    entries = []
    for b in bookmarks:
        article = resolver.locate(b.ref).article if resolver is not None else None
        if article is not None and article.id != b.ref.article_id:
            b = replace(b, ref=ArticleRef.of(article))
        entries.append(entry(b, article))
    kept = []
    for e in excerpts or []:
        article = resolver.locate(e.ref).article if resolver is not None else None
        if article is not None and article.id != e.ref.article_id:
            e = replace(e, ref=ArticleRef.of(article))
        kept.append(entry(e, article))
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "exported": dt.datetime.now(dt.UTC).isoformat(),
        "bookmarks": entries,
        "excerpts": kept,
    }
    try:
        write_text(Path(path), json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    except ExportError as err:
        raise StoreError(str(err)) from None
    return len(entries)


def read_transfer(path: Path) -> tuple[list[Any], list[Any]]:
    """The bookmark and the excerpt entries of a file written by ``write_bookmarks``;
    refuses anything else (a file of version 1 has no excerpts)."""
    try:
        doc = jsondepth.load_utf8(Path(path).read_bytes())
    except OSError as err:
        raise TransferError(f"cannot read {path}: {err.strerror or err}") from None
    except jsondepth.TooDeep as err:
        raise TransferError(f"{path} is not a bookmarks file ({err}; a bookmarks file is "
                            "seven levels deep); nothing was imported") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise TransferError(f"{path} is not a bookmarks file (not valid JSON: {err})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise TransferError(f"{path} is not a bookmarks file of this reader")
    version = doc.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise TransferError(f"{path} was written by a newer version of the reader "
                            f"(format {version}; this version reads up to {VERSION})")
    items = doc.get("bookmarks")
    if not isinstance(items, list):
        raise TransferError(f"{path} has no list of bookmarks")
    excerpts = doc.get("excerpts", [])
    if not isinstance(excerpts, list):
        raise TransferError(f"{path}: its excerpts are not a list; nothing was imported")
    return items, excerpts
