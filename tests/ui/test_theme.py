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
