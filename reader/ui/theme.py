"""Light and dark themes: the Fusion style with a palette, following the system by default.

The article page takes its paper and ink colours from ``ArticleColors`` so that a dark theme
reads as white print on dark paper, not as a page of black text on a dark window. Fusion draws
the box of a check box with an outline darker than the window, which on a dark window cannot
be seen (the 日期 filter of the results looked like a bare word): ``ReaderStyle`` outlines it
in a colour that stands out from the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from ..paths import resources_dir


@dataclass(frozen=True)
class ArticleColors:
    paper: QColor
    ink: QColor
    muted: QColor
    accent: QColor
    highlight: QColor
    current: QColor


LIGHT_ARTICLE = ArticleColors(
    paper=QColor("#fbf8f1"), ink=QColor("#1d1b18"), muted=QColor("#6b645a"),
    accent=QColor("#9b1c1c"), highlight=QColor("#ffe27a"), current=QColor("#ff9f43"),
)
DARK_ARTICLE = ArticleColors(
    paper=QColor("#1f1e1c"), ink=QColor("#e8e4dc"), muted=QColor("#a09a90"),
    accent=QColor("#e57373"), highlight=QColor("#7a6300"), current=QColor("#c0570f"),
)


INDICATOR_OUTLINE = {"dark": QColor("#a09a90"), "light": QColor("#7a7a7a")}
"""The outline of check boxes and radio buttons (5:1 against the dark window, 3.7:1 against
the light one; WCAG asks 3:1 of a control's boundary)."""


class ReaderStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined so that they show on a dark
    window (and stand out on a light one)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        indicators = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                      QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if element not in indicators:
            return
        dark = option.palette.color(QPalette.ColorRole.Window).lightness() < 128
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(INDICATOR_OUTLINE["dark" if dark else "light"], 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.adjusted(1, 1, -1, -1).toRectF().adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> str:
    """``light`` or ``dark`` for a preference of ``system``, ``light`` or ``dark``."""
    if theme in ("light", "dark"):
        return theme
    return "dark" if system_is_dark() else "light"


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    window, base, text = QColor("#2b2a28"), QColor("#1f1e1c"), QColor("#e8e4dc")
    for r, c in (
        (role.Window, window), (role.WindowText, text), (role.Base, base),
        (role.AlternateBase, QColor("#272624")), (role.ToolTipBase, QColor("#3a3936")),
        (role.ToolTipText, text), (role.Text, text), (role.Button, QColor("#353431")),
        (role.ButtonText, text), (role.BrightText, QColor("#ff6b6b")),
        (role.Link, QColor("#8ab4f8")), (role.Highlight, QColor("#8c3b2e")),
        (role.HighlightedText, QColor("#ffffff")), (role.PlaceholderText, QColor("#8a857c")),
        (role.Mid, QColor("#44423e")), (role.Dark, QColor("#181716")),
        (role.Light, QColor("#4a4844")),
    ):
        p.setColor(r, c)
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#77736b"))
    return p


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor("#9b1c1c"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return p


def apply(app: QApplication, theme: str) -> str:
    """Apply ``theme`` to the application; returns the resolved ``light`` or ``dark``."""
    resolved = resolve(theme)
    if not isinstance(app.style(), ReaderStyle):
        app.setStyle(ReaderStyle())
    app.setPalette(dark_palette() if resolved == "dark" else light_palette())
    _repaint_cached_colours(app)
    return resolved


def _repaint_cached_colours(app: QApplication) -> None:
    """What keeps the old theme's colours after a switch, made to take the new palette.

    A rich-text label lays its text out once, with the link colour of that moment (Qt's
    blue on a dark page); a widget with a style sheet (a message bar) keeps the palette its
    children were polished with (dark text and buttons on a light window)."""
    for widget in app.allWidgets():
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText \
                and "<a " in (text := widget.text()):
            widget.clear()
            widget.setText(text)
        elif sheet := widget.styleSheet():
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def article_colors(resolved: str) -> ArticleColors:
    return DARK_ARTICLE if resolved == "dark" else LIGHT_ARTICLE


def app_icon() -> QIcon:
    """The reader's icon (``resources/icons/reader.svg``), for the window and the task bar."""
    return QIcon(str(resources_dir() / "icons" / "reader.svg"))
