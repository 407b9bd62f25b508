"""The window's place and shape kept between sessions: geometry, toolbars and docks, and the
splitters' positions, in the per-user ``WindowState`` (``settings.py``).

A window restored where no screen is any more is moved back onto one; a first window fits
the screen it opens on. Saving is a convenience and never blocks closing the window.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from .screen_fit import fit_to_screen, keep_on_screen
from .settings import WindowState

log = logging.getLogger("reader.ui")
FIRST_SIZE = QSize(1400, 900)


def restore(window: QMainWindow, state: WindowState, splitters: Iterable[QSplitter]) -> None:
    """Put ``window`` and its ``splitters`` (known by their object names) as they were."""
    if state.geometry is not None:
        window.restoreGeometry(state.geometry)
        keep_on_screen(window)
    else:
        fit_to_screen(window, FIRST_SIZE)
    if state.window_state is not None:
        window.restoreState(state.window_state)
    for splitter in splitters:
        saved = state.splitters.get(splitter.objectName())
        if saved is not None:
            splitter.restoreState(saved)


def save(window: QMainWindow, state: WindowState, splitters: Iterable[QSplitter]) -> None:
    """Remember ``window`` and its ``splitters`` in ``state``, and write it."""
    state.geometry = window.saveGeometry()
    state.window_state = window.saveState()
    for splitter in splitters:
        state.splitters[splitter.objectName()] = splitter.saveState()
    try:
        state.save()
    except OSError as err:  # a convenience; never block closing the window
        log.warning("window state not saved: %s", err)
