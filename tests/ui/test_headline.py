"""Headlines break at their spaces, in even lines, never leaving one character alone."""

from __future__ import annotations

import pytest

from reader.ui.views.headline import LINE_BREAK

pytestmark = pytest.mark.gui


def set_column(window, width: int) -> None:  # type: ignore[no-untyped-def]
    window.resize(300 + 360 + width + 20, window.height())
    window.main_splitter.setSizes([300, 360, width])


def headline_lines(view) -> list[str]:  # type: ignore[no-untyped-def]
    start, _length = view._layout.headline
    block = view.document().findBlock(start)
    layout = block.layout()
    text = block.text()
    return [text[layout.lineAt(n).textStart():layout.lineAt(n).textStart()
                 + layout.lineAt(n).textLength()].strip(" " + LINE_BREAK)
            for n in range(layout.lineCount())]


def test_a_headline_with_a_space_breaks_there(window, qtbot):
    article = next(a for a in window.catalog.articles()
                   if a.title == "坚持改革开放创新发展 打造产业高地一流新区")
    window.open_article(article.id)
    view = window.article_view
    for width in (520, 640, 760):
        set_column(window, width)
        qtbot.wait(10)
        lines = headline_lines(view)
        if len(lines) > 1:
            assert lines == ["坚持改革开放创新发展", "打造产业高地一流新区"], width
    assert view.plain_text().count("坚持改革开放创新发展") == 1


def test_no_headline_leaves_one_character_alone(window, qtbot):
    view = window.article_view
    seen = 0
    for article in window.catalog.articles():
        if not article.title or " " in article.title:
            continue
        window.open_article(article.id)
        for width in (420, 520, 640):
            set_column(window, width)
            qtbot.wait(5)
            lines = headline_lines(view)
            if len(lines) > 1:
                seen += 1
                assert min(len(line) for line in lines) >= 2, (article.title, width, lines)
                assert max(map(len, lines)) - min(map(len, lines)) <= 2, (lines, width)
    assert seen > 0
