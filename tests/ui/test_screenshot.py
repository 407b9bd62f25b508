"""``reader --screenshot``: renders the window with a search open to a PNG, and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from .conftest import has_cjk_font

pytestmark = pytest.mark.gui


def test_screenshot_with_a_search_open(tmp_path: Path, small_library: Path, qapp):
    if not has_cjk_font():
        pytest.skip("no CJK font on this machine: the screenshot would show empty boxes")
    out = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(small_library),
         "--screenshot", str(out), "--query", "金承涛"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    # The article column is not blank paper: the opened hit's text was painted on it.
    paper = image.pixelColor(image.width() - 8, image.height() // 2)
    inked = sum(image.pixelColor(x, y) != paper
                for x in range(900, 1380, 4) for y in range(150, 600, 4))
    assert inked > 500


def test_screenshot_of_an_unknown_article_fails_clearly(tmp_path: Path, small_library: Path):
    out = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(small_library),
         "--screenshot", str(out), "--article", "nosucharticle"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode != 0
    assert "nosucharticle" in done.stderr
    assert not out.exists()
