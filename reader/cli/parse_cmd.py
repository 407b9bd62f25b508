"""``reader parse FILE... [--json]``: show how page files are read.

Each file is read as the library reads it: an article record when its folder is an
article-per-file archive, a page otherwise; paper, date and page are settled from the sidecar,
the masthead, the file's name and folders and the library's settings file (found in a folder
above the file), and ``provenance`` says where each came from. The reader's corrections of the
page are applied (``--raw`` shows the parser's own reading).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..corpus.encoding import name_text
from ..corpus.library import PageError
from ..corpus.model import UNKNOWN_PAPER, Page
from ..corpus.resolve import load_entry
from ..corpus.serialize import page_to_dict
from .common import print_json, shown, warn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("parse", help="parse page files and print what was found")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per file")
    p.add_argument("--raw", action="store_true",
                   help="the parser's own reading, without the page's corrections")
    p.set_defaults(func=run)


def outline(page: Page) -> str:
    """A readable outline of a parsed page."""
    out: list[str] = []
    day = page.date.isoformat() if page.date else "undated"
    head = f"{shown(page.source)}: {page.paper or UNKNOWN_PAPER} {day}"
    if page.weekday:
        head += f" {page.weekday}"
    if page.lunar:
        head += f" {page.lunar}"
    if page.issue_no:
        head += f" 第{page.issue_no}期"
    if page.page:
        head += f" 第{page.page}版"
    if page.page_count:
        head += f" (共{page.page_count}版)"
    out.append(head)
    if page.provenance:
        out.append("  from: " + ", ".join(f"{k} ← {v}" for k, v in page.provenance.items()))
    if page.layout == "article":
        out.append("  one article per file (its name gives date, page and position)")
    if page.suggested_date:
        out.append(f"  suggested date (from the text): {page.suggested_date.isoformat()}")
    for n, a in enumerate(page.articles, start=1):
        derived = "  (derived title)" if a.title_is_derived else ""
        out.append(f"  {n}. [{a.id}] {a.display_title}{derived}")
        if a.kicker:
            out.append(f"       引题 {a.kicker}")
        if a.subtitle:
            out.append(f"       副题 {a.subtitle}")
        if a.byline:
            out.append(f"       作者 {a.byline}")
        if a.filing:
            out.append(f"       发稿 {a.filing}")
        heads = [p.text for p in a.paragraphs if p.kind == "heading"]
        paras = sum(1 for p in a.paragraphs if p.kind == "text")
        out.append(f"       {paras} paragraphs, {a.length} characters")
        for h in heads:
            out.append(f"       § {h}")
        if a.continues_on:
            out.append(f"       continues on page {a.continues_on}")
    for entry in page.guide:
        pages = "、".join(str(p) for p in entry.pages) or "?"
        out.append(f"  导读: {' / '.join(entry.titles)} → 第{pages}版")
    for text in page.leftover:
        out.append(f"  leftover: {text}")
    for warning in page.warnings:
        out.append(f"  warning: {warning.text}")
    return "\n".join(out)


def load_page(path: Path, raw: bool = False) -> Page:
    """Read one file as the library would (names, folders, records, settings, corrections;
    ``raw``: without the corrections)."""
    return load_entry(path, name_text(path.as_posix()), corrected=not raw)


def run(args: argparse.Namespace) -> int:
    pages: list[Page] = []
    failed = 0
    for path in args.files:
        try:
            pages.append(load_page(path, args.raw))
        except PageError as err:
            warn(f"{shown(path)}: {err}")
            failed += 1
    if args.json:
        print_json([page_to_dict(p) for p in pages])
    else:
        print("\n\n".join(outline(p) for p in pages))
    return 1 if failed else 0
