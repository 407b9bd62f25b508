"""A timeline as a picture and as numbers: the chart's geometry, an SVG of it, and CSV rows.

The window's chart (``reader/ui/views/timeline_chart.py``) paints the same ``ChartLayout``
with QPainter; ``reader timeline --svg`` writes ``svg(...)``. Text from the queries is
escaped: it is never read as markup.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from html import escape as _escape
from typing import TYPE_CHECKING


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (as ``xml.sax.saxutils.escape``, whose import
    brings ``urllib``: 30 ms of the window's start)."""
    return _escape(text, quote=False)


if TYPE_CHECKING:
    from .timeline import Measure, Timeline

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255",
           "#117733")
"""One colour per query (Okabe and Ito's, told apart also by most colour-blind readers)."""
MEASURE_LABELS = {"articles": "articles", "occurrences": "occurrences",
                  "share": "share of all articles"}


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round values from 0 to at least ``top`` for the value axis."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


def format_value(value: float, measure: Measure) -> str:
    if measure == "share":
        return f"{value * 100:.1f}%" if value < 0.1 else f"{value * 100:.0f}%"
    return f"{value:,.0f}"


@dataclass(frozen=True)
class Bar:
    series: int
    period: int
    x: float
    y: float
    width: float
    height: float
    value: float


@dataclass(frozen=True)
class ChartLayout:
    """Where everything goes in a ``width`` × ``height`` chart (y downwards)."""

    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float
    ticks: list[float]
    bars: list[Bar]
    labels: list[tuple[float, str]]
    """x of the centre of a period and its label, thinned so they do not overlap."""

    def bar_at(self, x: float, y: float) -> Bar | None:
        """The bar under the point, or the period's tallest bar when the point is above it
        inside the plot (a thin bar is easy to miss)."""
        if not (self.left <= x <= self.right and self.top <= y <= self.bottom):
            return None
        column = [b for b in self.bars if b.x <= x <= b.x + b.width]
        exact = [b for b in column if b.y <= y]
        ranked = exact or sorted(column, key=lambda b: -b.value)
        return ranked[0] if ranked else None

    def value_y(self, value: float) -> float:
        top = self.ticks[-1] or 1.0
        return self.bottom - (self.bottom - self.top) * value / top


def layout(tl: Timeline, measure: Measure, width: float, height: float,
           char_width: float = 7.0, line_height: float = 16.0,
           legend_height: float = 0.0) -> ChartLayout:
    """The chart's geometry: bars of each period side by side, one per query."""
    series = range(len(tl.series))
    values = [tl.values(i, measure) for i in series]
    top_value = max((v for vs in values for v in vs), default=0.0)
    ticks = nice_ticks(top_value)
    tick_text = max((len(format_value(t, measure)) for t in ticks), default=1)
    left = char_width * (tick_text + 1) + 8
    top = legend_height + line_height * 0.5
    right = width - max(12.0, char_width * 4)  # room for half the last period's label
    bottom = height - line_height * 1.8
    periods = len(tl.periods)
    chart = ChartLayout(width, height, left, top, right, bottom, ticks, [], [])
    if periods == 0 or right <= left or bottom <= top:
        return chart
    slot = (right - left) / periods
    group = slot * (0.8 if slot > 4 else 1.0)
    bar_width = group / max(1, len(values))
    bars = []
    for p in range(periods):
        x0 = left + p * slot + (slot - group) / 2
        for i, vs in enumerate(values):
            y = chart.value_y(vs[p])
            bars.append(Bar(i, p, x0 + i * bar_width, y, bar_width, chart.bottom - y, vs[p]))
    label_chars = max(len(p.label) for p in tl.periods)
    every = max(1, math.ceil((label_chars * char_width + 10) / slot))
    labels = [(left + (p + 0.5) * slot, tl.periods[p].label) for p in range(0, periods, every)]
    return ChartLayout(width, height, left, top, right, bottom, ticks, bars, labels)


def svg(tl: Timeline, measure: Measure = "articles", width: int = 960,
        height: int = 420, colours: list[int] | None = None) -> str:
    """The timeline as a standalone SVG: legend, value axis, bars, period labels.
    ``colours[i]`` is the palette index of series ``i`` (its own index by default)."""

    def fill(series: int) -> str:
        return colour(colours[series] if colours else series)

    legend = 26.0
    chart = layout(tl, measure, width, height, legend_height=legend)
    font = 'font-family="Noto Sans CJK SC, Source Han Sans SC, sans-serif" font-size="12"'
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">',
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    x = chart.left
    for i, s in enumerate(tl.series):
        out.append(f'<rect x="{x:.1f}" y="8" width="12" height="12" fill="{fill(i)}"/>')
        out.append(f'<text x="{x + 16:.1f}" y="18" {font} fill="#222">{escape(s.query)}</text>')
        x += 16 + 13 * len(s.query) + 24
    out.append(f'<text x="{width - 12}" y="18" {font} fill="#666" text-anchor="end">'
               f'{escape(MEASURE_LABELS[measure])} per {tl.by}</text>')
    for t in chart.ticks:
        y = chart.value_y(t)
        out.append(f'<line x1="{chart.left:.1f}" x2="{chart.right:.1f}" y1="{y:.1f}" '
                   f'y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{chart.left - 6:.1f}" y="{y + 4:.1f}" {font} fill="#444" '
                   f'text-anchor="end">{format_value(t, measure)}</text>')
    for b in chart.bars:
        if b.height > 0:
            out.append(f'<rect x="{b.x:.2f}" y="{b.y:.2f}" width="{b.width:.2f}" '
                       f'height="{b.height:.2f}" fill="{fill(b.series)}">'
                       f'<title>{escape(tl.periods[b.period].label)}: '
                       f'{escape(tl.series[b.series].query)} '
                       f'{format_value(b.value, measure)}</title></rect>')
    out.append(f'<line x1="{chart.left:.1f}" x2="{chart.right:.1f}" y1="{chart.bottom:.1f}" '
               f'y2="{chart.bottom:.1f}" stroke="#444"/>')
    for cx, label in chart.labels:
        out.append(f'<text x="{cx:.1f}" y="{chart.bottom + 16:.1f}" {font} fill="#444" '
                   f'text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def csv_text(tl: Timeline) -> str:
    """One row per period: its label, first and last day, all articles, then each query's
    articles (and occurrences, when counted) and share."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    head = ["period", "start", "end", "all articles"]
    for s in tl.series:
        head += [f"{s.query} articles"]
        if s.occurrences is not None:
            head += [f"{s.query} occurrences"]
        head += [f"{s.query} share"]
    writer.writerow(head)
    for p, period in enumerate(tl.periods):
        row: list[object] = [period.label, period.start.isoformat(), period.end.isoformat(),
                             tl.totals[p]]
        for s in tl.series:
            row.append(s.articles[p])
            if s.occurrences is not None:
                row.append(s.occurrences[p])
            row.append(f"{s.articles[p] / tl.totals[p]:.6f}" if tl.totals[p] else "0")
        writer.writerow(row)
    return buf.getvalue()
