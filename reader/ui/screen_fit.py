"""Windows and dialogs that fit the screen they open on.

A first window of 1400×900 was cut off on a 1366×768 laptop; a geometry saved on a larger
monitor can be as wrong on a smaller one. ``fit_to_screen`` keeps the wanted size where the
screen allows it and shrinks it (never below what the window needs) where it does not.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 0.94  # of the available height and width: room for the frame and title bar


def available(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by panels and task bars."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitting(widget: QWidget, want: QSize) -> QSize:
    """``want`` shrunk to fit the available screen, but not below the widget's minimum."""
    room = available(widget)
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    width = max(min(want.width(), int(room.width() * MARGIN)), least.width())
    height = max(min(want.height(), int(room.height() * MARGIN)), least.height())
    return QSize(width, height)


def fit_to_screen(widget: QWidget, want: QSize) -> None:
    """Resize ``widget`` to ``want`` or what fits, centred on the available screen."""
    size = fitting(widget, want)
    widget.resize(size)
    room = available(widget)
    widget.move(room.x() + (room.width() - size.width()) // 2,
                room.y() + (room.height() - size.height()) // 2)


def keep_on_screen(widget: QWidget) -> None:
    """A restored geometry larger than this screen, or off it, is brought back onto it."""
    room = available(widget)
    frame = widget.frameGeometry()
    if room.contains(frame):
        return
    size = fitting(widget, widget.size())
    widget.resize(size)
    x = min(max(frame.x(), room.x()), room.right() - size.width())
    y = min(max(frame.y(), room.y()), room.bottom() - size.height())
    widget.move(max(x, room.x()), max(y, room.y()))
