"""The window's actions: each one's name, text and shortcut, declared once (as Picard's
``actions.py``). ``WindowActions`` builds the QActions on the window, so that their shortcuts
work in every pane; the window connects them to what they do, and ``menus.py`` lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = str | QKeySequence.StandardKey | tuple[str, ...]
CONTEXT = "MainWindow"
"""The translation context of the texts (the one they had when the window built them)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for lupdate (by this name), to be translated when the action is built."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the attribute of WindowActions (and of the window) that holds the action
    text: str  # marked for translation in CONTEXT; translated when the action is built
    keys: Keys | None
    checkable: bool = False


# The order is the order of the window's actions (and of the keys in the shortcuts dialog).
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open_library_action", QT_TRANSLATE_NOOP("MainWindow", "&Open Library Folder…"),
               "Ctrl+O"),
    ActionSpec("open_archive_action", QT_TRANSLATE_NOOP("MainWindow", "Open S&hared Archive…"),
               "Ctrl+Shift+O"),
    ActionSpec("add_pages_action", QT_TRANSLATE_NOOP("MainWindow", "&Add Pages…"), "Ctrl+I"),
    ActionSpec("add_folder_action", QT_TRANSLATE_NOOP("MainWindow", "Add a &Folder of Pages…"),
               "Ctrl+Shift+I"),
    ActionSpec("reload_action", QT_TRANSLATE_NOOP("MainWindow", "&Reload Library"), "F5"),
    ActionSpec("info_action", QT_TRANSLATE_NOOP("MainWindow", "Library &Information…"),
               "Ctrl+L"),
    ActionSpec("quit_action", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "Ctrl+Q"),
    ActionSpec("find_action", QT_TRANSLATE_NOOP("MainWindow", "&Search the Archive"), "Ctrl+F"),
    ActionSpec("find_in_article_action", QT_TRANSLATE_NOOP("MainWindow", "&Find in Article"),
               "Ctrl+Shift+F"),
    ActionSpec("next_occurrence_action", QT_TRANSLATE_NOOP("MainWindow", "Next &Occurrence"),
               "F3"),
    ActionSpec("previous_occurrence_action",
               QT_TRANSLATE_NOOP("MainWindow", "&Previous Occurrence"), "Shift+F3"),
    ActionSpec("bigger_action", QT_TRANSLATE_NOOP("MainWindow", "&Larger Text"),
               ("Ctrl+=", "Ctrl++")),
    ActionSpec("smaller_action", QT_TRANSLATE_NOOP("MainWindow", "S&maller Text"), "Ctrl+-"),
    ActionSpec("reset_font_action", QT_TRANSLATE_NOOP("MainWindow", "&Normal Text Size"),
               "Ctrl+0"),
    ActionSpec("serif_action", QT_TRANSLATE_NOOP("MainWindow", "Se&rif Type"), "Ctrl+Shift+R",
               checkable=True),
    ActionSpec("timeline_action", QT_TRANSLATE_NOOP("MainWindow", "&Timeline"), "Ctrl+T",
               checkable=True),
)
THEMES: tuple[tuple[str, str], ...] = (
    ("system", QT_TRANSLATE_NOOP("MainWindow", "Follow the &System")),
    ("light", QT_TRANSLATE_NOOP("MainWindow", "&Light")),
    ("dark", QT_TRANSLATE_NOOP("MainWindow", "&Dark")),
)
LANGUAGES: tuple[tuple[str, str, bool], ...] = (  # name, label, whether the label is translated
    ("system", QT_TRANSLATE_NOOP("MainWindow", "Follow the System"), True),
    ("zh_CN", "中文", False),
    ("en", "English", False),
)
GO_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("prev_article_action", QT_TRANSLATE_NOOP("MainWindow", "Pre&vious Article"),
               "Alt+Up"),
    ActionSpec("next_article_action", QT_TRANSLATE_NOOP("MainWindow", "Ne&xt Article"),
               "Alt+Down"),
    ActionSpec("prev_issue_action", QT_TRANSLATE_NOOP("MainWindow", "Previous &Issue"),
               "Alt+PgUp"),
    ActionSpec("next_issue_action", QT_TRANSLATE_NOOP("MainWindow", "Next I&ssue"),
               "Alt+PgDown"),
    ActionSpec("prev_month_action",
               QT_TRANSLATE_NOOP("MainWindow", "Previous &Month with Issues"), "Ctrl+Alt+PgUp"),
    ActionSpec("next_month_action", QT_TRANSLATE_NOOP("MainWindow", "Next M&onth with Issues"),
               "Ctrl+Alt+PgDown"),
)
FOCUS: tuple[tuple[str, str], ...] = (  # the panes that Ctrl+digit moves into
    ("calendar", QT_TRANSLATE_NOOP("MainWindow", "&Calendar")),
    ("issue_list", QT_TRANSLATE_NOOP("MainWindow", "Issue &List")),
    ("pages", QT_TRANSLATE_NOOP("MainWindow", "&Pages of the Issue")),
    ("results", QT_TRANSLATE_NOOP("MainWindow", "Search &Results")),
    ("article", QT_TRANSLATE_NOOP("MainWindow", "&Article")),
)
FOCUS_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+6")  # Ctrl+5: the bookmarks
LATER_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("bookmark_action", QT_TRANSLATE_NOOP("MainWindow", "&Bookmark This Article"),
               "Ctrl+D", checkable=True),
    ActionSpec("edit_bookmark_action", QT_TRANSLATE_NOOP("MainWindow", "&Edit Note and Tags…"),
               "Ctrl+Shift+D"),
    ActionSpec("save_excerpt_action", QT_TRANSLATE_NOOP("MainWindow", "Save E&xcerpt…"),
               "Ctrl+Shift+E"),
    ActionSpec("remove_bookmarks_action",
               QT_TRANSLATE_NOOP("MainWindow", "&Remove Selected Bookmarks"), "Ctrl+Shift+Del"),
    ActionSpec("show_bookmarks_action", QT_TRANSLATE_NOOP("MainWindow", "Show &Bookmarks"),
               "Ctrl+5"),
    ActionSpec("export_action", QT_TRANSLATE_NOOP("MainWindow", "&Export…"), "Ctrl+E"),
    ActionSpec("cite_action", QT_TRANSLATE_NOOP("MainWindow", "&Copy Citation"),
               "Ctrl+Shift+C"),
)
EDIT_ACTIONS: tuple[ActionSpec, ...] = (  # undo, redo and the corrections of an article
    ActionSpec("undo_action", QT_TRANSLATE_NOOP("MainWindow", "&Undo"),
               QKeySequence.StandardKey.Undo),
    ActionSpec("redo_action", QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
               ("Ctrl+Shift+Z", "Ctrl+Y")),
    ActionSpec("split_action", QT_TRANSLATE_NOOP("MainWindow", "A &New Article Starts Here"),
               "Ctrl+Alt+Return"),
    ActionSpec("merge_next_action",
               QT_TRANSLATE_NOOP("MainWindow", "&Merge with the Next Article"), "Ctrl+Alt+J"),
    ActionSpec("merge_previous_action",
               QT_TRANSLATE_NOOP("MainWindow", "Merge with the &Previous Article"),
               "Ctrl+Alt+Shift+J"),
    ActionSpec("merge_across_action",
               QT_TRANSLATE_NOOP("MainWindow", "Merge with Its &Continuation (下转/上接)"),
               "Ctrl+Alt+Shift+C"),
    ActionSpec("headline_action", QT_TRANSLATE_NOOP("MainWindow", "Correct the &Headline…"),
               "Ctrl+Alt+H"),
    ActionSpec("fix_words_action", QT_TRANSLATE_NOOP("MainWindow", "Fix &Words…"),
               "Ctrl+Alt+W"),
    ActionSpec("page_fields_action",
               QT_TRANSLATE_NOOP("MainWindow", "Correct the P&age's Paper, Date, Number…"),
               "Ctrl+Alt+P"),
)
ROLES: tuple[tuple[str, str, str], ...] = (  # "This Line Is": the roles of corrections.ROLES
    ("kicker", QT_TRANSLATE_NOOP("MainWindow", "the &Kicker"), "Ctrl+Alt+Shift+K"),
    ("title", QT_TRANSLATE_NOOP("MainWindow", "the &Title"), "Ctrl+Alt+Shift+T"),
    ("subtitle", QT_TRANSLATE_NOOP("MainWindow", "the &Subtitle"), "Ctrl+Alt+Shift+S"),
    ("byline", QT_TRANSLATE_NOOP("MainWindow", "the &Byline"), "Ctrl+Alt+Shift+B"),
    ("section", QT_TRANSLATE_NOOP("MainWindow", "a S&ection Head"), "Ctrl+Alt+Shift+E"),
    ("body", QT_TRANSLATE_NOOP("MainWindow", "Bo&dy Text"), "Ctrl+Alt+Shift+D"),
    ("none", QT_TRANSLATE_NOOP("MainWindow", "&Not Part of Any Article"), "Ctrl+Alt+Shift+N"),
)
HELP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("shortcuts_action", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
               QKeySequence.StandardKey.HelpContents),
    ActionSpec("about_action", QT_TRANSLATE_NOOP("MainWindow", "&About"), "Ctrl+Shift+F1"),
)


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class WindowActions:
    """Every action of the window, built on it and held by name."""

    open_library_action: QAction
    open_archive_action: QAction
    add_pages_action: QAction
    add_folder_action: QAction
    reload_action: QAction
    info_action: QAction
    quit_action: QAction
    find_action: QAction
    find_in_article_action: QAction
    next_occurrence_action: QAction
    previous_occurrence_action: QAction
    bigger_action: QAction
    smaller_action: QAction
    reset_font_action: QAction
    serif_action: QAction
    timeline_action: QAction
    prev_article_action: QAction
    next_article_action: QAction
    prev_issue_action: QAction
    next_issue_action: QAction
    prev_month_action: QAction
    next_month_action: QAction
    bookmark_action: QAction
    edit_bookmark_action: QAction
    save_excerpt_action: QAction
    remove_bookmarks_action: QAction
    show_bookmarks_action: QAction
    export_action: QAction
    cite_action: QAction
    assign_date_action: QAction
    undo_action: QAction
    redo_action: QAction
    split_action: QAction
    merge_next_action: QAction
    merge_previous_action: QAction
    merge_across_action: QAction
    headline_action: QAction
    fix_words_action: QAction
    page_fields_action: QAction
    shortcuts_action: QAction
    about_action: QAction

    def __init__(self, window: QWidget, assign_date_action: QAction) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self._build(ACTIONS)
        self.theme_group = QActionGroup(window)
        self.theme_actions: dict[str, QAction] = {}
        for n, (name, label) in enumerate(THEMES, start=1):
            action = self._make(translated(label), f"Ctrl+Shift+{n}", checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action
        self.language_group = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for n, (name, label, tr) in enumerate(LANGUAGES, start=1):
            action = self._make(translated(label) if tr else label, f"Ctrl+Alt+{n}",
                                checkable=True)
            self.language_group.addAction(action)
            self.language_actions[name] = action
        self._build(GO_ACTIONS)
        self.focus_actions: dict[str, QAction] = {
            name: self._make(translated(label), keys)
            for (name, label), keys in zip(FOCUS, FOCUS_KEYS, strict=True)}
        self._build(LATER_ACTIONS)
        self.bookmark_action.setIconText("☆")
        # The issue list's own action (its context menu has it too) gets the window's key.
        self.assign_date_action = assign_date_action
        assign_date_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        window.addAction(assign_date_action)
        self.by_name["assign_date_action"] = assign_date_action
        self._build(EDIT_ACTIONS)
        self.role_actions: dict[str, QAction] = {
            name: self._make(translated(label), keys) for name, label, keys in ROLES}
        self._build(HELP_ACTIONS)
        self.prev_article_action.setIconText("◀")
        self.next_article_action.setIconText("▶")

    def _build(self, specs: tuple[ActionSpec, ...]) -> None:
        for spec in specs:
            action = self._make(translated(spec.text), spec.keys, spec.checkable)
            setattr(self, spec.name, action)
            self.by_name[spec.name] = action

    def _make(self, text: str, keys: Keys | None, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if isinstance(keys, tuple):
            action.setShortcuts([QKeySequence(k) for k in keys])
        elif keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.setCheckable(checkable)
        self.window.addAction(action)
        return action
