"""Window shortcuts from the search box on a real X11 display (Xvfb), where line edits claim
Emacs-like keys (Ctrl+E: end of line; Ctrl+D: delete) that the offscreen platform's key
scheme leaves alone: the bug of issue 11, item 7, shows only there.

The window runs in a child process on the ``xcb`` platform under ``xvfb-run``; the test skips,
saying why, where neither is available.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.corpus.catalog import Catalog
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import Preferences, WindowState

    app = QApplication([])
    print("platform", app.platformName(), flush=True)
    window = MainWindow(Catalog(Path(sys.argv[1])), Preferences.load(), WindowState.load())
    pressed = []
    window.export_action.triggered.disconnect()
    window.export_action.triggered.connect(lambda: pressed.append("export"))

    def press() -> None:
        window.activateWindow()
        window.search_box.setFocus()
        box = window.search_box.lineEdit()
        QTest.qWaitForWindowActive(window, 5000)
        QTest.keyClicks(box, "abc")
        focused = QApplication.focusWidget() or box
        QTest.keyClick(focused, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        print("pressed", ",".join(pressed) or "nothing", "text", box.text(), flush=True)
        window.shutdown()
        app.quit()

    window.show()
    QTimer.singleShot(1500, press)
    QTimer.singleShot(30000, app.quit)
    app.exec()
""")


def test_ctrl_e_in_the_search_box_opens_export_on_x11(tmp_path: Path, small_library: Path):
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        pytest.skip("xvfb-run (Debian's xvfb) is not installed: no X11 display to test on")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "READER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [xvfb, "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(script),
         str(small_library)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    if "platform xcb" not in done.stdout:
        pytest.skip(f"Qt's xcb platform does not start here: {done.stderr.strip()[-300:]}")
    assert "pressed export text abc" in done.stdout, done.stdout + done.stderr
