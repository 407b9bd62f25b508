"""The subtitle (副题) is set after one dash: the page's own ``——`` is not doubled."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

IND = "\u3000\u3000"


def test_a_subtitle_printed_with_its_dash_shows_one_dash(open_window, tmp_path: Path):
    day = tmp_path / "lib" / "20190305"
    day.mkdir(parents=True)
    lines = ["", "山区小学通上了网", "——全省三百所学校一年内完成改造",
             IND + "记者从省教育厅获悉，全省山区小学已全部通网。",
             IND + "下一步，各地将为教师开设网络课程。"]
    (day / "20190305-02-01.txt").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    window = open_window(tmp_path / "lib")
    (article,) = list(window.catalog.articles())
    window.open_article(article.id)
    text = window.article_view.plain_text()
    assert "——全省三百所学校" in text
    assert "————" not in text
