"""Shared fixtures: the seed pages, and an isolated home for every test's user files."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data, cache, config and log folders (never the user's)."""
    home = tmp_path_factory.mktemp("reader-home")
    monkeypatch.setenv("READER_HOME", str(home))
    for kind in ("DATA", "CACHE", "CONFIG", "LOG"):
        monkeypatch.delenv(f"READER_{kind}_DIR", raising=False)
    return home


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    """A library folder holding copies of the five seeds in a paper/year layout."""
    root = tmp_path / "library"
    for seed in SEEDS:
        dest = root / "pages" / seed.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(seed.read_bytes())
    return root


def age(root: Path, seconds: float = 3600) -> None:
    """Set every file and folder of ``root`` back in time, as in an archive kept for years."""
    then = time.time() - seconds
    for here, folders, files in os.walk(root):
        for name in files + folders:
            os.utime(Path(here) / name, (then, then))
    os.utime(root, (then, then))
