"""Read one file of a library as what it is, and settle its paper, date and page.

A folder whose files are named as article records (``20190201-01-02.txt``) is read as an
article-per-file archive (``records``); any other file is a page, read by the page parser.
Then each field takes the first value found and remembers where it came from
(``Page.provenance``): the page's sidecar, then the masthead, then the path (for the paper: a
folder named like a paper, then the library's settings file); for the date a suggestion from
the text is labelled but never used. A masthead that disagrees with its path keeps its value,
and the file gets a warning that the catalog lists among the library's problems. A date line
alone at the top, with nothing else of a masthead, gives way to the path's date.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..problems import Problem, ProblemKind
from . import patterns as P
from .correction_store import correct_page
from .library import (
    apply_sidecar,
    is_page_file,
    load_page,
    read_page_text,
)
from .model import Page
from .parser import finish_page
from .pathmeta import Layout, PathMeta, folder_layout, read_path
from .records import read_record
from .settings_file import library_settings as library_settings
from .sidecar import LIBRARY_FILE as LIBRARY_FILE  # also the catalog's name for it

NOTICES = frozenset({ProblemKind.SIDECAR_IGNORED, ProblemKind.PATH_DISAGREES,
                     ProblemKind.CORRECTION_MISSING})
"""Warnings that make a file one of the library's problems."""
_SEARCH_UP = 8

_lock = threading.Lock()
_layouts: dict[str, tuple[int, Layout]] = {}


def layout_of(folder: Path) -> Layout:
    """The layout of the page files directly in ``folder`` (cached until the folder changes)."""
    key = str(folder)
    try:
        mtime = folder.stat().st_mtime_ns
    except OSError:
        return "pages"
    with _lock:
        cached = _layouts.get(key)
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        names = [p.name for p in folder.iterdir() if is_page_file(p)]
    except OSError:
        names = []
    layout = folder_layout(names)
    with _lock:
        _layouts[key] = (mtime, layout)
    return layout


def root_of(path: Path, source: str) -> Path:
    """The library folder of ``path`` whose path inside the library is ``source``."""
    return path.parents[len(PurePosixPath(source).parts) - 1]


def settings_root(path: Path) -> Path | None:
    """The nearest folder above ``path`` that holds a library settings file."""
    for folder in list(path.resolve().parents)[:_SEARCH_UP]:
        if (folder / LIBRARY_FILE).is_file():
            return folder
    return None


def source_in(path: Path, given: Iterable[Path]) -> str:
    """How ``path``, found in one of the folders ``given`` to be added, is read for its name
    and folders: from that folder's own name down (``钱塘新区报/2022年8月10日/第2版.txt``)."""
    resolved = path.resolve()
    for folder in given:
        top = folder.resolve()
        if top.is_dir() and resolved.is_relative_to(top):
            return PurePosixPath(top.name, *resolved.relative_to(top).parts).as_posix()
    return path.name


def _load_record(path: Path, source: str) -> Page:
    decoded = read_page_text(path)
    page = read_record(decoded.text, source)
    page.encoding = decoded.encoding
    page.warnings[:0] = decoded.warnings
    apply_sidecar(page, path)
    return page


def load_entry(path: Path, source: str, root: Path | None = None, *,
               corrected: bool = True) -> Page:
    """Read one library file (a page or an article record) with its fields settled and the
    reader's corrections applied (``corrected=False``: as the parser reads it).

    ``source`` is the file's path inside the library (names and folders are read from it);
    ``root`` the library folder, for its settings file (searched upwards when None).
    Raises PageError when the file cannot be read at all.
    """
    meta = read_path(source)
    if meta.position is not None and layout_of(path.parent) == "articles":
        page = _load_record(path, source)
    else:
        page = load_page(path, source)
    settings, _ = library_settings(root if root is not None else settings_root(path))
    resolve_fields(page, meta, settings)
    if corrected:
        correct_page(page, path)
    return page


def _disagree(notes: list[Problem], field: str, stated: str | int, from_path: str | int,
              where: str) -> None:
    notes.append(Problem.of(ProblemKind.PATH_DISAGREES, field=field, stated=stated,
                            found=from_path, where=where))


def resolve_fields(page: Page, meta: PathMeta, settings: dict[str, object]) -> None:
    """Fill the paper, date and page the page lacks from its path and the library settings,
    label every field with where it came from, and note a masthead that disagrees."""
    prov: dict[str, str] = {}
    notes: list[Problem] = []
    stated = page.overrides
    strong = _masthead_stands(page)
    if "paper" in stated:
        prov["paper"] = "sidecar"
    elif page.paper:
        prov["paper"] = "masthead"
        if meta.paper and meta.paper != page.paper:
            _disagree(notes, "paper", page.paper, meta.paper, "folder")
    elif meta.paper:
        page.paper, prov["paper"] = meta.paper, "path"
    elif isinstance(settings.get("paper"), str):
        page.paper, prov["paper"] = str(settings["paper"]), "library"
    if "date" in stated:
        prov["date"] = "sidecar"
    elif page.date is not None and (strong or meta.date in (None, page.date)):
        prov["date"] = "masthead"
        if meta.date and meta.date != page.date:
            _disagree(notes, "date", page.date.isoformat(), meta.date.isoformat(), "path")
    elif meta.date is not None:
        if page.date is not None:
            page.warnings.append(Problem.of(  # a page warning, not a problem: no masthead
                ProblemKind.DATE_LINE_ONLY,    # is overruled
                stated=page.date.isoformat(), date=meta.date.isoformat()))
        page.date, prov["date"] = meta.date, "path"
        page.suggested_date = None
        page.warnings = [w for w in page.warnings if w.kind is not ProblemKind.NO_DATE]
    elif page.suggested_date is not None:
        prov["date"] = "suggestion"
    if "page" in stated:
        prov["page"] = "sidecar"
    elif page.page is not None and _page_stated(page):
        prov["page"] = "masthead"
        if meta.page and meta.page != page.page:
            _disagree(notes, "page", page.page, meta.page, "name")
    elif meta.page is not None:
        page.page, prov["page"] = meta.page, "path"
    elif page.page is not None:
        prov["page"] = "masthead"
    page.warnings.extend(notes)
    page.provenance = prov
    finish_page(page)


def _masthead_stands(page: Page) -> bool:
    """A masthead with more than a date (a name, weekday, lunar date, number or page count);
    a date line alone at the top is as often the date of a document printed on the page."""
    return bool(page.paper or page.weekday or page.lunar or page.issue_no or page.page_count)


def _page_stated(page: Page) -> bool:
    """Does the masthead print the page number (not only a nameplate taken for page 1)?"""
    return any(P.PAGE_NO.search(line) for line in page.masthead)

