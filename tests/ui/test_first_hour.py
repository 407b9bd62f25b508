"""What a new user runs into in the first hour: the article reopened at start, stale state
after moving on, the issue header and the window title."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def longest_article(window):  # type: ignore[no-untyped-def]
    return max(window.catalog.articles(), key=lambda a: len(a.body))


def test_the_article_reopened_at_start_shows_its_beginning(open_window, qtbot,
                                                           small_library: Path):
    first = open_window(small_library)
    article = longest_article(first)
    first.open_article(article.id)
    first.close()
    again = open_window(small_library)
    qtbot.waitUntil(lambda: again.current_article() is not None)
    assert again.current_article().id == article.id
    bar = again.article_view.verticalScrollBar()
    qtbot.wait(50)
    assert bar.maximum() > 0  # longer than the view: there is an end to be scrolled to
    assert bar.value() == 0
