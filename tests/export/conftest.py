"""Fixtures for the export tests: the seed articles, and skips for missing system tools."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.corpus.model import Article

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


needs_chinese_font = pytest.mark.skipif(
    not has_chinese_font(), reason="no Chinese font installed (fonts-wqy-microhei or "
    "fonts-noto-cjk); the PDF cannot show Chinese text")
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> object:
    """The PDF writer needs a Qt application: let pytest-qt make the one every test shares
    (a bare QGuiApplication made by the exporter would break later widget tests)."""
    return qapp


@pytest.fixture(scope="session")
def seed_articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    # A catalog of its own: a session's fixture comes before each test's isolated home.
    db = tmp_path_factory.mktemp("seed-catalog") / "catalog.sqlite"
    return list(Catalog.read(CORPUS, db_path=db).articles())


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext gives it, without the page-number footers."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    # split("\n"), not splitlines(): the form feeds between pages must stay.
    lines = [line for line in out.split("\n") if not _footer(line.strip().strip("\f"))]
    return "\n".join(lines)


def _footer(line: str) -> bool:
    parts = line.split(" / ")
    return len(parts) == 2 and all(p.isdigit() for p in parts)
