"""Hit cards: a snippet longer than its two lines ends in an ellipsis, never mid-character."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from reader.ui.views.card_delegate import SNIPPET_LINES, snippet_layout

pytestmark = pytest.mark.gui


def test_a_long_snippet_ends_in_an_ellipsis_on_its_last_line(qapp):
    text = "区委书记金承涛强调，要深入学习贯彻党的二十大精神，凝练好、浸润好、发展好钱塘文化。" * 3
    layout = snippet_layout(text, [(4, 7)], QFont(), 240.0)
    assert layout.lineCount() <= SNIPPET_LINES
    last = layout.lineAt(layout.lineCount() - 1)
    shown = layout.text()[:last.textStart() + last.textLength()]
    assert shown.endswith("…")
    assert len(shown) == len(layout.text())  # everything laid out is drawn
    assert text.startswith(shown[:-1])
    marked = layout.formats()[0]
    assert layout.text()[marked.start:marked.start + marked.length] == "金承涛"


def test_a_short_snippet_is_left_whole(qapp):
    layout = snippet_layout("金承涛调研", [(0, 3)], QFont(), 240.0)
    assert layout.text() == "金承涛调研"
