"""What a library holds, in one dictionary: its papers, dates, counts, settings file, undated
pages and problem files (``reader library info`` prints it; the window's Library Information
shows it)."""

from __future__ import annotations

from typing import Any

from ..problems import Problem
from .catalog import Catalog
from .encoding import name_text
from .settings_file import library_settings
from .sidecar import LIBRARY_FILE


def problem_row(problem: Problem) -> dict[str, Any]:
    """A problem file as the summary lists it: its path, the English ``message``, and the
    ``kind`` and ``params`` a face words it from (``Problem.from_json`` reads it back)."""
    return {"path": problem.path, "message": problem.text, "kind": problem.kind.value,
            "params": dict(problem.params)}


def library_info(catalog: Catalog) -> dict[str, Any]:
    papers = catalog.paper_summaries()
    dates = [str(p["first_date"]) for p in papers if p["first_date"]] + [
        str(p["last_date"]) for p in papers if p["last_date"]
    ]
    counts = catalog.counts()
    settings, _ = library_settings(catalog.root)
    return {
        "root": name_text(str(catalog.root)),
        "papers": papers,
        "date_range": [min(dates), max(dates)] if dates else None,
        "issues": counts["issues"],
        "pages": counts["pages"],
        "articles": counts["articles"],
        "article_records": counts["article_records"],
        "settings": {
            "file": LIBRARY_FILE if (catalog.root / LIBRARY_FILE).is_file() else None,
            "paper": settings.get("paper"),
        },
        "undated_pages": catalog.undated_sources(),
        "problems": [problem_row(p) for p in catalog.problems()],
    }
