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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland variables")
def test_screenshot_needs_no_display(tmp_path: Path, small_library: Path):
    """On a machine with no screen (a server, CI) the picture is rendered offscreen, rather
    than Qt aborting because it cannot reach a display."""
    out = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(small_library),
         "--screenshot", str(out), "--size", "1366x768"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_a_bad_size_is_a_usage_error_before_anything_starts(tmp_path: Path,
                                                           small_library: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(small_library),
         "--screenshot", str(tmp_path / "w.png"), "--size", "100"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "reader: --size wants WIDTHxHEIGHT, such as 1366x768, not '100'"]
    assert not (tmp_path / "w.png").exists()
