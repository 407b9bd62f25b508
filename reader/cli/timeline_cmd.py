"""``reader timeline QUERY…``: how many articles match each query per year, month or week.

Prints a table (or ``--json``, ``--csv``) and draws the chart with ``--svg FILE`` (written
here, no Qt) or ``--png FILE`` (the same SVG rendered by Qt, imported only for that).
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CommandError, add_library_option, print_json, shown
from .search_cmd import search_index

if TYPE_CHECKING:
    from ..search.timeline import Timeline


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("timeline", help="matching articles per year, month or week")
    add_library_option(p)
    p.add_argument("queries", nargs="+", metavar="QUERY",
                   help="one or more queries (the search language, filters included)")
    p.add_argument("--by", choices=("year", "month", "week"), default="year")
    p.add_argument("--measure", choices=("articles", "occurrences", "share"),
                   default="articles", help="what the chart shows (articles)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--svg", type=Path, metavar="FILE", help="write the chart as SVG")
    p.add_argument("--png", type=Path, metavar="FILE", help="write the chart as PNG")
    p.set_defaults(func=cmd_timeline)


def _json(tl: Timeline) -> dict[str, object]:
    return {
        "by": tl.by,
        "periods": [{"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat(),
                     "articles": tl.totals[i]} for i, p in enumerate(tl.periods)],
        "series": [{"query": s.query, "total": s.total, "undated": s.undated,
                    "articles": list(s.articles), "occurrences": list(s.occurrences or ()),
                    "share": [round(v, 6) for v in tl.values(i, "share")]}
                   for i, s in enumerate(tl.series)],
    }


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(tl: Timeline) -> str:
    widths = [max(_width(s.query), 6) + 2 for s in tl.series]
    head = "period    " + "".join(" " * (w - _width(s.query)) + s.query
                                  for s, w in zip(tl.series, widths, strict=True))
    lines = [head + "     all"]
    for i, p in enumerate(tl.periods):
        lines.append(f"{p.label:<10}" + "".join(
            f"{s.articles[i]:>{w}}" for s, w in zip(tl.series, widths, strict=True))
            + f"{tl.totals[i]:>8}")
    for s in tl.series:
        undated = f", {s.undated} undated" if s.undated else ""
        lines.append(f"{s.query}: {s.total} articles{undated}")
    return "\n".join(lines)


_app: object = None  # the Qt application a PNG needs, kept for the process's life


def write_png(svg_text: str, path: Path) -> None:
    """Render the SVG with Qt (imported only here) and save it as PNG."""
    global _app
    from PySide6.QtCore import QByteArray, QCoreApplication
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is None:
        # A QApplication (not only a QGuiApplication): whatever later wants widgets in this
        # process finds the kind of application it needs.
        _app = QApplication(["reader", "-platform", "offscreen"])
    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    size = renderer.defaultSize() * 2  # crisp on high-density screens
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path)):
        raise CommandError(f"{shown(path)}: the PNG could not be written")


def cmd_timeline(args: argparse.Namespace) -> int:
    from ..search import IndexNotReady, QueryError
    from ..search.timeline import timeline
    from ..search.timeline_chart import csv_text, svg

    index = search_index(args)
    try:
        tl = timeline(index, args.queries, by=args.by,
                      occurrences=args.measure == "occurrences" or args.json or args.csv)
    except QueryError as err:
        raise CommandError(f"bad query: {err}", status=2) from None
    except IndexNotReady as err:
        raise CommandError(str(err)) from None
    if args.svg or args.png:
        picture = svg(tl, args.measure)
        if args.svg:
            args.svg.write_text(picture, encoding="utf-8")
        if args.png:
            write_png(picture, args.png)
    if args.json:
        print_json(_json(tl))
    elif args.csv:
        print(csv_text(tl), end="")
    else:
        print(_table(tl))
    return 0
