"""The window's door to the bookmarks and export cores (``reader.bookmarks``, ``reader.export``):
bookmarks, excerpts and their exports.

``open_store`` turns the store's errors (a newer schema, a damaged file, an unwritable folder)
into one message for the user; the rest are thin calls the controllers share.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeGuard

from .. import bookmarks, export, paths
from ..atomicfile import write_json_atomic
from ..backend import LibraryBookmarks
from ..bookmarks import (
    ArticleRef,
    Bookmark,
    BookmarkStore,
    DamagedStoreError,
    Excerpt,
    Passage,
    Placed,
    StoreError,
)
from ..bookmarks.identity import ArticleStore
from ..corpus.model import Article, Page
from ..export import Annotation

EXPORT_STATE = "export.json"  # in the config folder: the folder of the last export


def open_store(opener: Callable[[], LibraryBookmarks] = BookmarkStore.open,
               ) -> tuple[LibraryBookmarks | None, str, StoreError | None]:
    """The user's bookmark store (as ``opener``, the library's ``open_bookmarks``, opens
    it), or None with the message to show and the store's error (a ``DamagedStoreError``
    offers a restore; others say why it cannot be used)."""
    try:
        return opener(), "", None
    except StoreError as err:
        return None, str(err), err


def is_damaged(error: object) -> TypeGuard[DamagedStoreError]:
    return isinstance(error, DamagedStoreError)


def resolve(bookmark: Bookmark, catalog: ArticleStore) -> Article | None:
    """The article a bookmark points to (by id first, then by what it remembers)."""
    article = catalog.article(bookmark.article_id)
    if article is not None:
        return article
    return bookmarks.resolve(bookmark, catalog)


class _OnePage:
    """The articles of one page, as an ``ArticleStore``."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.page.articles if a.id == article_id), None)

    def articles(self) -> list[Article]:
        return self.page.articles


def article_now(article: Article, page: Page | None) -> Article | None:
    """``article`` as its page (read again) holds it now: by its id, or, when a correction
    made elsewhere gave it a new id, found on the page by its place and headline or text."""
    if page is None:
        return None
    return bookmarks.resolve(bookmarks.ArticleRef.of(article), _OnePage(page))


def citation(article: Article) -> str:
    return export.gbt7714(article)


def quotation(text: str, article: Article) -> str:
    """A passage and its citation, as "Copy with Citation" puts them on the clipboard."""
    return str(export.plain_quotation(text, article))


def is_excerpt(entry: object) -> TypeGuard[Excerpt]:
    return isinstance(entry, bookmarks.Excerpt)


def article_finder(refs: Sequence[ArticleRef]) -> Callable[[ArticleRef], int | None]:
    """For many lookups among remembered articles (``ArticleRef``): a function giving the
    index in ``refs`` of the same article as the one it is given, or None. Each is folded
    once; only those printed where it may be (the same paper, date and page, either of them
    unknown) are compared."""
    from ..bookmarks.identity import facts_of_ref, same_facts

    by_id: dict[str, int] = {r.article_id: n for n, r in reversed(list(enumerate(refs)))
                             if r.article_id}
    Entry = tuple[int, ArticleRef, Any]  # the ref's place in ``refs``, it, its folded facts
    at: dict[tuple[str | None, dt.date | None, int | None], list[Entry]] = {}
    by_paper: dict[str | None, list[Entry]] = {}
    for n, r in enumerate(refs):
        entry = (n, r, facts_of_ref(r))
        at.setdefault((r.paper, r.date, r.page), []).append(entry)
        by_paper.setdefault(r.paper, []).append(entry)

    def find(ref: ArticleRef) -> int | None:
        if ref.article_id in by_id:
            return by_id[ref.article_id]
        if ref.date is None or ref.page is None:
            near = by_paper.get(ref.paper, [])
        else:
            near = sorted(e for key in ((ref.paper, ref.date, ref.page),
                                        (ref.paper, ref.date, None), (ref.paper, None, ref.page),
                                        (ref.paper, None, None)) for e in at.get(key, []))
        facts = facts_of_ref(ref)
        return next((n for n, r, f in near if same_facts(r, f, ref, facts)), None)

    return find


def passage(article: Article, start: int, end: int) -> Passage:
    """The passage ``article.body[start:end]``, anchored by its text and surroundings."""
    return bookmarks.Passage.cut(article.body, start, end)


def quick_place(excerpt: Excerpt, catalog: ArticleStore) -> Placed | None:
    """Where an excerpt is when its article still has its id and holds the passage as it
    was (the usual case, found without reading the library): ``Placed`` or None."""
    from ..bookmarks.passage import find_in

    article = catalog.article(excerpt.article_id)
    span = find_in(article.body, excerpt.passage) if article is not None else None
    return bookmarks.Placed(article, span) if span is not None and span.exact else None


def place(excerpt: Excerpt, catalog: ArticleStore) -> Placed:
    """Where an excerpt is now in the library (``Placed``: article, span, message)."""
    return bookmarks.place(excerpt, catalog)


def selection_item(article: Article, selected: str) -> tuple[Article, Annotation, int] | None:
    """The text selected in an article as the export dialog takes it: the article with the
    selection as its one quotation (its whole text left out), and how many characters were
    selected; None when nothing is."""
    quote = export.Quote(selected.replace("\u2028", "\n").replace("\u2029", "\n"))
    if not quote.paragraphs():
        return None
    size = sum(len(p) for p in quote.paragraphs())
    return article, export.Annotation(quotes=(quote,), quotes_only=True), size


def kept_items(entries: Sequence[Bookmark | Excerpt],
               catalog: ArticleStore) -> list[tuple[Article, Annotation | None]]:
    """Bookmarks and excerpts as the export dialog takes them: (article, annotation) pairs,
    each excerpt a quotation under its article."""
    from ..bookmarks.gather import gather

    marks = [e for e in entries if isinstance(e, Bookmark)]
    kept = [e for e in entries if is_excerpt(e)]
    found = gather(catalog, marks, kept)
    return [(a, found.notes.get(a.id)) for a in found.articles]


def formats() -> tuple[str, ...]:
    return tuple(export.FORMATS)


def suffix(fmt: str) -> str:
    return export.SUFFIXES[fmt]


def format_for(path: Path) -> str | None:
    return export.format_for(path)


def export_articles(articles: list[Article], output: Path, fmt: str, split: bool,
                    progress: Callable[[int, int], None], cancel: Callable[[], bool],
                    notes: Mapping[str, Annotation] | None = None) -> list[Path]:
    return export.export_articles(articles, output, fmt, split=split, progress=progress,
                                  cancel=cancel, notes=notes or {})


def export_folder() -> Path:
    """Where the export dialog starts: the folder of the last export that still exists,
    else the home folder."""
    try:
        data = json.loads((paths.config_dir() / EXPORT_STATE).read_text("utf-8"))
        folder = Path(data["folder"]) if isinstance(data, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        folder = None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_export_folder(folder: Path) -> None:
    """Keep ``folder`` for the next export; a config folder that cannot be written only
    means the next export starts at home."""
    with contextlib.suppress(OSError):
        write_json_atomic(paths.config_dir() / EXPORT_STATE, {"folder": str(folder)})


def export_errors() -> tuple[type[BaseException], ...]:
    """What ``export_articles`` raises on purpose: a message for the user, or a cancel."""
    return (export.ExportError, export.Cancelled)
