"""The window's menu bar, laid out from its actions (as novelWriter's ``mainmenu.py``):
File, Edit, Library, Find, View, Bookmarks, Go, Help. ``correct_menu`` (the corrections of an
article) is in Edit and in the article's context menu. The shortcuts dialog (F1) reads these menus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

from .actions import WindowActions


class WindowMenus:
    """The menus on ``bar``; ``recent_menu`` (File → Recent Libraries) is the library's."""

    def __init__(self, bar: QMenuBar, actions: WindowActions, recent_menu: QMenu) -> None:
        a = actions
        self.file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.file_menu.addAction(a.open_library_action)
        self.file_menu.addAction(a.open_archive_action)
        self.file_menu.addMenu(recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.add_pages_action)
        self.file_menu.addAction(a.add_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.export_action)
        self.file_menu.addAction(a.cite_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit_action)
        self.edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self.edit_menu.addActions([a.undo_action, a.redo_action])
        self.edit_menu.addSeparator()
        self.correct_menu = self.edit_menu.addMenu(
            QCoreApplication.translate("MainWindow", "&Correct This Article"))
        self.correct_menu.addActions([a.split_action, a.merge_next_action,
                                      a.merge_previous_action, a.merge_across_action])
        self.correct_menu.addSeparator()
        self.role_menu = self.correct_menu.addMenu(
            QCoreApplication.translate("MainWindow", "This &Line Is"))
        self.role_menu.addActions(list(a.role_actions.values()))
        self.correct_menu.addActions([a.headline_action, a.fix_words_action])
        self.correct_menu.addSeparator()
        self.correct_menu.addAction(a.page_fields_action)
        self.library_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Library"))
        self.library_menu.addActions([a.info_action, a.reload_action, a.assign_date_action])
        self.find_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "F&ind"))
        self.find_menu.addActions([a.find_action, a.find_in_article_action,
                                   a.next_occurrence_action, a.previous_occurrence_action])
        self.view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self.view_menu.addActions([a.bigger_action, a.smaller_action, a.reset_font_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(a.serif_action)
        self.view_menu.addAction(a.timeline_action)
        themes = self.view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
        themes.addActions(list(a.theme_actions.values()))
        languages = self.view_menu.addMenu(QCoreApplication.translate("MainWindow",
                                                                      "L&anguage"))
        languages.addActions(list(a.language_actions.values()))
        self.bookmarks_menu = bar.addMenu(QCoreApplication.translate("MainWindow",
                                                                     "&Bookmarks"))
        self.bookmarks_menu.addActions([a.bookmark_action, a.save_excerpt_action,
                                        a.edit_bookmark_action, a.remove_bookmarks_action,
                                        a.show_bookmarks_action])
        self.go_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Go"))
        self.go_menu.addActions([a.prev_article_action, a.next_article_action])
        self.go_menu.addSeparator()
        self.go_menu.addActions([a.prev_issue_action, a.next_issue_action,
                                 a.prev_month_action, a.next_month_action])
        self.go_menu.addSeparator()
        self.go_menu.addActions(list(a.focus_actions.values()))
        self.help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.help_menu.addActions([a.shortcuts_action, a.about_action])
