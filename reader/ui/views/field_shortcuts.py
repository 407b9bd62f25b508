"""The window's shortcuts win in its text fields.

A line edit claims keys through ``ShortcutOverride``; on X11 that includes Emacs-like keys
such as Ctrl+E (end of line) and Ctrl+D (delete), so Export… and Bookmark did nothing while
the search box had focus, which it has at start and after every search. This filter lets a
key that is one of the window's shortcuts reach its action, except the keys a text field
needs to edit (copy, paste, undo, select all, moving and deleting by word or line).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

Std = QKeySequence.StandardKey
EDITING_KEYS = (
    Std.Copy, Std.Cut, Std.Paste, Std.Undo, Std.Redo, Std.SelectAll, Std.Delete,
    Std.Backspace, Std.DeleteStartOfWord, Std.DeleteEndOfWord, Std.MoveToNextWord,
    Std.MoveToPreviousWord, Std.SelectNextWord, Std.SelectPreviousWord,
    Std.SelectStartOfLine, Std.SelectEndOfLine,
)


class WindowKeysFirst(QObject):
    """Installed on text fields of ``window``: its actions' shortcuts are not taken by them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def watch(self, *fields: QWidget) -> None:
        for field in fields:
            field.installEventFilter(self)

    def _is_window_key(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self._window.actions() if action.isEnabled()
                   for shortcut in action.shortcuts())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in EDITING_KEYS):
                return False
            if self._is_window_key(event):
                event.ignore()  # not the field's: the shortcut goes to its action
                return True
        return False
