"""The View menu's preferences: text size, serif type, theme and language, applied to the
article view and to the actions' checks, and saved at once (a save that fails is said; a
new language offers to restart the reader).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from . import theme
from .actions import WindowActions
from .restart import offer_restart
from .settings import Preferences, step_font_size
from .views.article_view import ArticleView


class ViewPreferences(QObject):
    """Answers the View menu's actions on ``prefs``."""

    statusMessage = Signal(str)

    def __init__(self, prefs: Preferences, article_view: ArticleView, actions: WindowActions,
                 window: QWidget) -> None:
        super().__init__(window)
        self.prefs = prefs
        self.article_view = article_view
        self.actions = actions
        self.window = window  # the parent of the restart question
        actions.bigger_action.triggered.connect(lambda: self.change_font(1))
        actions.smaller_action.triggered.connect(lambda: self.change_font(-1))
        actions.reset_font_action.triggered.connect(self.reset_font)
        actions.serif_action.triggered.connect(self.toggle_serif)
        for theme_name, action in actions.theme_actions.items():
            action.triggered.connect(lambda _=False, t=theme_name: self.set_theme(t))
        for language, action in actions.language_actions.items():
            action.triggered.connect(lambda _=False, lang=language: self.set_language(lang))

    def apply(self) -> None:
        app = QApplication.instance()
        resolved = theme.apply(app, self.prefs.theme) if isinstance(app, QApplication) \
            else "light"
        self.article_view.set_style(theme.article_colors(resolved), self.prefs.font_size,
                                    self.prefs.serif)
        self.actions.serif_action.setChecked(self.prefs.serif)
        self.actions.theme_actions[self.prefs.theme].setChecked(True)
        self.actions.language_actions[self.prefs.language].setChecked(True)

    def _save(self) -> bool:
        try:
            self.prefs.save()
        except OSError as err:
            self.statusMessage.emit(QCoreApplication.translate(
                "MainWindow", "Preferences could not be saved in %1: %2").replace(
                "%1", str(Preferences.path().parent)).replace("%2", err.strerror or str(err)))
            return False
        return True

    @Slot()
    def change_font(self, steps: int) -> None:
        self.prefs.font_size = step_font_size(self.prefs.font_size, steps)
        self.apply()
        if self._save():
            self.statusMessage.emit(QCoreApplication.translate(
                "MainWindow", "Text size %1 pt").replace("%1", str(self.prefs.font_size)))

    @Slot()
    def reset_font(self) -> None:
        self.prefs.font_size = Preferences().font_size
        self.apply()
        self._save()

    @Slot()
    def toggle_serif(self) -> None:
        self.prefs.serif = self.actions.serif_action.isChecked()
        self.apply()
        self._save()

    def set_theme(self, name: str) -> None:
        self.prefs.theme = name
        self.apply()
        self._save()

    def set_language(self, name: str) -> None:
        if name == self.prefs.language:
            return  # the language chosen already: nothing to restart for
        self.prefs.language = name
        if self._save():
            self.statusMessage.emit(QCoreApplication.translate(
                "MainWindow", "The language changes when the reader is started again."))
            offer_restart(self.window)
