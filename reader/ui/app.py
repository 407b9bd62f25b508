"""Start the window (``reader`` without a command): the application, its language, its
preferences, and the ``--screenshot`` mode that renders the window to a PNG and exits."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from .. import paths
from ..backend import open_library
from ..paths import bundled_corpus
from ..userconfig import config_file, library_folder, load_config, save_config
from . import theme
from .errors import ErrorReporter
from .first_paint import after_first_paint
from .i18n import choose_language, install_translators
from .library_controller import OpenRequest
from .mainwindow import MainWindow
from .settings import Preferences, WindowState

SCREENSHOT_SIZE = (1400, 900)
SCREENSHOT_TIMEOUT_MS = 120_000


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("newspaper-reader")
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Newspaper Reader"))
    app.setOrganizationName("newspaper-reader")
    app.setWindowIcon(theme.app_icon())
    return app


def run_window(args: argparse.Namespace) -> int:
    """Open the window on the chosen library; with ``--screenshot`` render it and exit."""
    screenshot: Path | None = getattr(args, "screenshot", None)
    if screenshot:
        size = screenshot_size(getattr(args, "size", None))  # a bad size: before any thread
        if (sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
    app = make_application()
    # Unexpected errors: the traceback to the log file, a sentence to the user.
    reporter = ErrorReporter(app)
    reporter.install()
    bridge = _NoticeBridge(app)
    paths.set_notice_handler(bridge.told.emit)
    prefs = Preferences.load()
    translators = install_translators(app, choose_language(prefs.language))
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Newspaper Reader"))
    # In screenshot mode the window must look the same on every machine: fixed size, state
    # and preferences of a first start, the user's files left alone.
    state = WindowState() if screenshot else WindowState.load()
    if screenshot:
        prefs = Preferences(language=prefs.language, theme=getattr(args, "theme", "light"))
        state.hint_dismissed = True  # the same picture for every library
        # The library named, else the bundled one (not the user's last): the same picture
        # on every machine.
        root = getattr(args, "library", None) or bundled_corpus()
        window = MainWindow(open_library(root), prefs, state)
        return _screenshot(app, window, screenshot, getattr(args, "query", None),
                           getattr(args, "article", None), size)
    root, remember = startup_library(args)
    open_library_window(root, prefs, state, remember=remember)
    app._reader_translators = translators  # type: ignore[attr-defined]  # keep them alive
    return app.exec()


_windows: list[MainWindow] = []
_told: set[str] = set()


def tell_once(window: MainWindow, messages: list[str]) -> None:
    """Show each message (a config file set aside, a folder replaced by a temporary one)
    in one window of this process, not again in the next one."""
    for message in messages:
        if message not in _told:
            _told.add(message)
            window.show_notice(f"told:{message}", message, "warning")


class _NoticeBridge(QObject):
    """Carries ``reader.paths`` notices from any thread to the newest window."""

    told = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.told.connect(self._tell)

    @staticmethod
    def _tell(message: str) -> None:
        if _windows:
            tell_once(_windows[-1], [message])


def startup_library(args: argparse.Namespace) -> tuple[Path, bool]:
    """The library to open at start, and whether to remember it as the user's library.

    The first start, with no library named or chosen before, opens the sample newspapers
    without remembering them (the window then says how to open one's own archive).
    """
    first_run = getattr(args, "library", None) is None and load_config().current_library is None
    return library_folder(getattr(args, "library", None)), not first_run


def open_library_window(root: Path | str, prefs: Preferences | None = None,
                        state: WindowState | None = None, remember: bool = True) -> MainWindow:
    """Show a window on the library at ``root`` (a folder, or a shared archive's URL:
    ``ServerError`` when it cannot be opened), remembered (unless ``remember`` is false)
    as the library to open next time (by the window and by the command line)."""
    config = load_config()  # before the window reads it (its messages come with the first read)
    window = MainWindow(open_library(root), prefs, state)
    search_without_waiting(window)
    # What ``reader.paths`` had to say of its folders (a cache or log folder that cannot be
    # written is replaced by a temporary one).
    tell_once(window, config.messages + paths.notices())
    if remember:
        config.remember_library(root)
        try:
            save_config(config)
        except OSError as err:
            window.show_status(QCoreApplication.translate(
                "MainWindow", "The list of recent libraries could not be saved in %1: %2")
                .replace("%1", str(config_file().parent))
                .replace("%2", err.strerror or str(err)))
    window.openLibraryRequested.connect(lambda request: _switch(window, request))
    window.show()
    _windows.append(window)
    return window


def search_without_waiting(window: MainWindow) -> None:
    """Make the search ready from what the catalog held at start, without waiting for the
    library's walk: the index only takes what the catalog holds and it already had (nothing,
    unless pages changed while the catalog was read last), and what the walk then finds
    follows like any change. A library never read before waits for its first reading."""
    if window.issues():
        after_first_paint(window, lambda: window.update_index(quiet=True))


def _switch(old: MainWindow, request: OpenRequest) -> None:
    """Open the library asked for in a fresh window in place of ``old`` (same preferences
    and geometry), then do what the request asks there."""
    old.save_state()
    new = open_library_window(request.root, old.prefs, WindowState.load())
    new.setGeometry(old.geometry())
    new.arrive(request)
    old.close()  # stops its background work and waits for it
    if old in _windows:
        _windows.remove(old)
    # Deliver what its workers had already sent before the window goes away.
    QCoreApplication.sendPostedEvents()
    old.deleteLater()
    new.activateWindow()


def screenshot_size(text: str | None) -> tuple[int, int]:
    """``1366x768`` → (1366, 768); the default size for none."""
    if not text:
        return SCREENSHOT_SIZE
    width, _, height = text.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        _usage(f"--size wants WIDTHxHEIGHT, such as 1366x768, not {text!r}")
    if min(size) < 200 or max(size) > 10000:
        _usage(f"--size {text} is not a window size")
    return size


def _usage(message: str) -> NoReturn:
    """A wrong option: one line, and exit status 2 as for any usage error."""
    print(f"reader: {message}", file=sys.stderr)
    raise SystemExit(2)


def _screenshot(app: QApplication, window: MainWindow, path: Path, query: str | None,
                article: str | None, size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Show the window, wait for the library, the search and the article, then grab it."""
    window.resize(*size)
    window.show()
    outcome = {"code": 1}

    def grab() -> None:
        app.processEvents()
        outcome["code"] = 0 if window.grab().save(str(path)) else 1
        if outcome["code"]:
            print(f"reader: could not write {path}", file=sys.stderr)
        window.close()
        app.quit()

    def after_search(total: int) -> None:
        # The article asked for, or else the best hit, shown with its occurrences marked.
        if article or total > 0:
            window.occurrencesShown.connect(lambda _: QTimer.singleShot(0, grab))
            if article:
                window.open_article(article, query=query or "")
            else:
                window.results.list.setCurrentIndex(window.hit_model.index(0, 0))
        else:
            QTimer.singleShot(0, grab)

    def ready() -> None:
        if article and window.catalog.locate(article) is None:
            print(f"reader: no article {article} in the library", file=sys.stderr)
            window.close()
            app.quit()
            return
        if query:
            window.resultsShown.connect(after_search)
            window.search_box.setEditText(query)
            window.run_search(query)
            return
        if article:
            window.open_article(article)
        elif window.current_article() is None and window.issues():
            window.open_issue(next(iter(window.issues())))
        QTimer.singleShot(0, grab)

    window.search.indexReady.connect(ready)
    def give_up() -> None:
        print("reader: gave up waiting for the window", file=sys.stderr)
        grab()

    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    app.exec()
    return outcome["code"]
