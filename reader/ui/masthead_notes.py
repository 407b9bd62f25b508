"""What a page's masthead says against itself (a lunar date or weekday that does not match
its Gregorian date): read by the parser as warnings, shown by the window where the command
line shows them: in the report of pages added and in Library Information."""

from __future__ import annotations

from pathlib import Path

from ..corpus.catalog import Catalog
from ..corpus.library import PageError, load_page
from ..problems import Problem, ProblemKind

MASTHEAD = frozenset({ProblemKind.WEEKDAY_MISMATCH, ProblemKind.LUNAR_MISMATCH,
                      ProblemKind.BAD_MASTHEAD_DATE})


def page_notes(warnings: list[Problem]) -> list[Problem]:
    """The warnings about the masthead's date among a page's warnings."""
    return [w for w in warnings if w.kind in MASTHEAD]


def library_notes(catalog: Catalog) -> list[tuple[str, Problem]]:
    """(page file, note) for every page of the library whose masthead contradicts itself.

    Only pages the catalog counted warnings for are opened."""
    notes = []
    for source in catalog.warned_sources():  # the catalog keeps a warning count for each file
        page = catalog.page(source)
        if page is not None:
            notes += [(source, note) for note in page_notes(page.warnings)]
    return notes


def added_notes(root: Path, added: list[str]) -> list[tuple[str, Problem]]:
    """(page file, note) for the pages just added (read before the library is synced)."""
    notes = []
    for rel in added:
        try:
            page = load_page(root / rel, rel)
        except (PageError, OSError):
            continue
        notes += [(rel, note) for note in page_notes(page.warnings)]
    return notes
