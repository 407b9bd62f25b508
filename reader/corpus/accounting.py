"""The nothing-lost check: every character of a page file is found in exactly one field.

``missing`` and ``extra`` compare the non-whitespace characters of the input with those held by a
parsed Page (masthead, headlines, bylines, bodies, jump markers, guide, leftover) plus the markup
the repair removed on purpose. Both are empty for a correct parse.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .model import Page


def _chars(text: str) -> Iterator[str]:
    return (c for c in text if not c.isspace())


def page_texts(page: Page) -> Iterator[str]:
    """Every piece of text a Page holds."""
    yield from page.masthead
    for article in page.articles:
        yield from article.text_fields()
    yield from page.guide_labels
    for entry in page.guide:
        yield from entry.titles
        if entry.pointer:
            yield entry.pointer
    yield from page.leftover
    yield page.removed


def difference(source_text: str, page: Page) -> tuple[Counter[str], Counter[str]]:
    """(missing, extra): characters of the input not in the Page, and the other way round."""
    source = Counter(_chars(source_text))
    held: Counter[str] = Counter()
    for text in page_texts(page):
        held.update(_chars(text))
    return source - held, held - source
