"""Text from pages and sidecars is shown as it is written, never read as markup.

Qt guesses whether a label's, a tooltip's or a message box's text is HTML
(``Qt::mightBeRichText``): a paper name such as ``<h1 style=color:red>X</h1>`` in a sidecar
would become a red heading, and ``<img src=…>`` would load a local file. Labels that show such
text are set to plain text (``plain_label``); where Qt offers no format (tooltips, the static
message boxes), ``literal`` escapes a text that would be taken for HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui  # mightBeRichText lives in QtGui's Qt
from PySide6.QtWidgets import QLabel


def literal(text: str) -> str:
    """``text`` as Qt shows it literally where it guesses the format: unchanged when it
    cannot pass for HTML, else escaped HTML that keeps its line breaks."""
    if not QtGui.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """``label`` shows its text as plain text, whatever it holds."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
