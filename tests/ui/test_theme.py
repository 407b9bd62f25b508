"""Switching the theme while the window is open leaves no colour of the other theme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def pure_blue_pixels(widget) -> int:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if (c := image.pixelColor(x, y)).blue() > 200 and c.red() < 60
               and c.green() < 60)


def theme_action(window, name: str):  # type: ignore[no-untyped-def]
    view = next(a.menu() for a in window.menuBar().actions() if a.menu()
                and window.serif_action in a.menu().actions())
    themes = next(a.menu() for a in view.actions() if a.menu()
                  and window.theme_actions[name] in a.menu().actions())
    return next(a for a in themes.actions() if a is window.theme_actions[name])


def test_links_take_the_dark_theme_colour_after_a_switch(window, qtbot):
    theme_action(window, "light").trigger()
    info = window.calendar_panel.info
    assert "<a " in info.text()  # the open issue's day, with a link to the issue
    assert pure_blue_pixels(info) > 0  # light: Qt's blue links
    theme_action(window, "dark").trigger()
    qtbot.wait(20)
    assert pure_blue_pixels(info) == 0


def test_the_message_bar_follows_back_to_light(window, qtbot):
    theme_action(window, "dark").trigger()
    bar = window.show_notice("test", "A message above the panes", "info",
                             buttons=(("Do It", lambda: None),))
    qtbot.waitUntil(bar.isVisible)
    theme_action(window, "light").trigger()
    qtbot.wait(20)
    app = QApplication.instance().palette()
    role = QPalette.ColorRole
    assert bar.label.palette().color(role.WindowText) == app.color(role.WindowText)
    assert bar.buttons[0].palette().color(role.Button) == app.color(role.Button)
    assert bar.buttons[0].palette().color(role.ButtonText) == app.color(role.ButtonText)


def contrast(a, b) -> float:  # type: ignore[no-untyped-def]
    """WCAG contrast ratio of two colours."""
    def lum(c) -> float:  # type: ignore[no-untyped-def]
        parts = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def indicator_contrast(box) -> float:  # type: ignore[no-untyped-def]
    """How far the check box's box stands out from the window behind it (the best pixel)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    window = box.palette().color(QPalette.ColorRole.Window)
    return max(contrast(image.pixelColor(x, y), window)
               for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def test_the_date_check_box_shows_on_the_dark_theme(window, qtbot):
    from PySide6.QtCore import Qt

    box = window.results.dated
    window.tabs.setCurrentWidget(window.results)
    for name in ("dark", "light"):
        theme_action(window, name).trigger()
        qtbot.wait(20)
        # WCAG asks 3:1 of what the user must see to use a control.
        assert indicator_contrast(box) >= 3, name
    theme_action(window, "dark").trigger()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and window.results.date_from.isEnabled()
    assert indicator_contrast(box) >= 3
