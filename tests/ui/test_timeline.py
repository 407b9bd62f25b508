"""The Timeline view and the names in the results, driven as a user drives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from reader.search import SearchIndex
from reader.search.timeline import timeline

from .conftest import type_chinese

pytestmark = pytest.mark.gui
# Tooltips and menus shown offscreen make the platform say what it cannot do: not the app's.
popups = pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")


def open_timeline(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.search_box.field, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline_view.isVisible()
    return window.timeline_view


@popups
def test_two_queries_typed_show_two_series_with_the_core_counts(window, qtbot):
    view = open_timeline(window, qtbot)
    assert view.edits[0].hasFocus()
    with qtbot.waitSignal(window.timeline.ready, timeout=15000):
        type_chinese(view.edits[0], "金承涛")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert len(view.edits) == 2 and view.edits[1].hasFocus()
    with qtbot.waitSignal(window.timeline.ready, timeout=15000) as ready:
        type_chinese(view.edits[1], "疫情")
    shown = ready.args[0]
    assert [s.query for s in shown.series] == ["金承涛", "疫情"]

    core = timeline(SearchIndex.for_library(window.catalog.root), ["金承涛", "疫情"], by="year")
    assert [p.label for p in shown.periods] == [p.label for p in core.periods] == \
        ["2020", "2021", "2022"]
    assert [s.articles for s in shown.series] == [s.articles for s in core.series]
    assert view.chart.timeline is shown
    # every bar of both series is drawn, each in its own colour
    chart = view.chart.chart_layout()
    assert {b.series for b in chart.bars if b.height > 0} == {0, 1}

    # Pointing at a bar tells its period and count.
    busiest = max(range(3), key=lambda p: shown.series[1].articles[p])
    qtbot.mouseMove(view.chart, view.chart.bar_centre(1, busiest).toPoint())
    assert view.status.text() == (f"{shown.periods[busiest].label} · 疫情: "
                                  f"{shown.series[1].articles[busiest]}")

    # Month by month, the same articles are counted.
    with qtbot.waitSignal(window.timeline.ready, timeout=15000) as ready:
        view.by.setFocus()
        qtbot.keyClick(view.by, Qt.Key.Key_Down)
    months = ready.args[0]
    assert months.by == "month"
    assert sum(months.series[0].articles) == sum(shown.series[0].articles)


def test_clicking_a_bar_shows_the_hits_of_that_period(window, qtbot):
    view = open_timeline(window, qtbot)
    with qtbot.waitSignal(window.timeline.ready, timeout=15000) as ready:
        type_chinese(view.edits[0], "金承涛")
    shown = ready.args[0]
    year = shown.periods.index(next(p for p in shown.periods if p.label == "2021"))
    count = shown.series[0].articles[year]
    assert 0 < count < shown.series[0].total
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as results:
        qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton,
                         pos=view.chart.bar_centre(0, year).toPoint())
    assert results.args == [count]
    assert window.search_box.text() == "金承涛 date:2021-01-01..2021-12-31"
    years = {window.hit_model.hit(r).date.year for r in range(window.hit_model.rowCount())}
    assert years == {2021} and window.hit_model.rowCount() == count


def test_the_chart_follows_the_search_box_as_it_is_typed(window, qtbot):
    view = open_timeline(window, qtbot)
    window.search_box.setFocus()
    with qtbot.waitSignal(window.timeline.ready, timeout=15000) as ready:
        type_chinese(window.search_box.field, "刘忻")
    assert view.edits[0].text() == "刘忻"
    assert ready.args[0].series[0].query == "刘忻"
    qtbot.waitUntil(lambda: window.hit_model.rowCount() > 0, timeout=10000)
    assert ready.args[0].series[0].total == window.hit_model.total


@popups
def test_export_png_svg_csv_through_the_menu(window, qtbot, monkeypatch, tmp_path: Path):
    view = open_timeline(window, qtbot)
    with qtbot.waitSignal(window.timeline.ready, timeout=15000):
        type_chinese(view.edits[0], "钱塘")
    for kind in ("png", "svg", "csv"):
        target = tmp_path / f"chart.{kind}"
        monkeypatch.setattr("reader.ui.views.timeline_view.QFileDialog.getSaveFileName",
                            lambda *a, t=target, **k: (str(t), ""))

        def choose(kind: str = kind) -> None:
            menu = QApplication.activePopupWidget()
            assert isinstance(menu, QMenu)
            action = {"png": view.export_png, "svg": view.export_svg,
                      "csv": view.export_csv}[kind]
            menu.setActiveAction(action)
            qtbot.keyClick(menu, Qt.Key.Key_Return)

        from PySide6.QtCore import QTimer

        QTimer.singleShot(200, choose)
        with qtbot.waitSignal(view.exported, timeout=5000):
            qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        assert target.stat().st_size > 100
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "chart.svg").read_text(encoding="utf-8")
    rows = (tmp_path / "chart.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("period,start,end,all articles,钱塘 articles")
    assert [r.split(",")[0] for r in rows[1:]] == ["2020", "2021", "2022"]


def test_a_name_facet_adds_a_person_filter(window, qtbot):
    window.search_box.setFocus()
    type_chinese(window.search_box.field, "钱塘")
    qtbot.keyClick(window.search_box.field, Qt.Key.Key_Return)
    facets = window.facets
    # the names are found after the index is ready (the search does not wait for them)
    qtbot.waitUntil(lambda: ("person", "金承涛") in facets.buttons, timeout=15000)
    assert facets.isVisible()
    button = facets.buttons[("person", "金承涛")]
    assert button.text() == "金承涛 9"
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as results:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.search_box.text() == "钱塘 person:金承涛"
    assert results.args == [9]


def test_the_article_lists_its_names_and_they_search(window, qtbot):
    window.search_box.setFocus()
    type_chinese(window.search_box.field, "刘忻")
    with qtbot.waitSignal(window.resultsShown, timeout=10000):
        qtbot.keyClick(window.search_box.field, Qt.Key.Key_Return)
    qtbot.keyClick(window.results.list, Qt.Key.Key_Down)
    strip = window.article_names
    qtbot.waitUntil(lambda: ("person", "刘忻") in strip.buttons, timeout=15000)
    assert strip.isVisible()
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as results:
        qtbot.mouseClick(strip.buttons[("person", "刘忻")], Qt.MouseButton.LeftButton)
    assert window.search_box.text() == "刘忻 person:刘忻"
    assert results.args[0] > 0


def test_a_query_keeps_its_colour_when_the_one_before_is_emptied(window, qtbot):
    view = open_timeline(window, qtbot)
    type_chinese(view.edits[0], "金承涛")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.timeline.ready, timeout=15000):
        type_chinese(view.edits[1], "疫情")
    assert view.chart.colours == [0, 1]
    view.edits[0].setFocus()
    with qtbot.waitSignal(window.timeline.ready, timeout=15000) as ready:
        qtbot.keyClick(view.edits[0], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view.edits[0], Qt.Key.Key_Delete)
    assert [s.query for s in ready.args[0].series] == ["疫情"]
    assert view.chart.colours == [1]


def test_a_query_that_cannot_be_read_is_explained(window, qtbot):
    view = open_timeline(window, qtbot)
    with qtbot.waitSignal(window.timeline.failed, timeout=15000):
        type_chinese(view.edits[0], '"疫情')
    assert view.chart.timeline is None
    assert "quote" in view.chart.message or "引号" in view.chart.message
