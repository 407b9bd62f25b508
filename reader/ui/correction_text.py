"""What a correction says in the window, in its language: "split before “…”", "the title
set to “…”", the roles of a line, and who made it when (for the article view's list and
the messages of the corrections controller)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from ..corpus.corrections import Correction


def role_name(role: str) -> str:
    names = {
        "kicker": QCoreApplication.translate("Corrections", "the kicker"),
        "title": QCoreApplication.translate("Corrections", "the title"),
        "subtitle": QCoreApplication.translate("Corrections", "the subtitle"),
        "byline": QCoreApplication.translate("Corrections", "the byline"),
        "section": QCoreApplication.translate("Corrections", "a section head"),
        "body": QCoreApplication.translate("Corrections", "body text"),
        "none": QCoreApplication.translate("Corrections", "not part of any article"),
        "paper": QCoreApplication.translate("Corrections", "the paper"),
        "date": QCoreApplication.translate("Corrections", "the date"),
        "page": QCoreApplication.translate("Corrections", "the page number"),
        "issue_no": QCoreApplication.translate("Corrections", "the issue number"),
    }
    return names.get(role, role)


def describe(c: Correction) -> str:
    """One line saying what the correction did."""
    def fill(text: str, *values: str) -> str:
        for n, value in enumerate(values, start=1):
            text = text.replace(f"%{n}", value)
        return text

    if c.op == "split":
        return fill(QCoreApplication.translate("Corrections", "a new article starts at “%1”"),
                    c.old or c.text)
    if c.op == "merge":
        return fill(QCoreApplication.translate(
            "Corrections", "“%1” and the article after it are one"), c.old or c.article)
    if c.op == "role":
        return fill(QCoreApplication.translate("Corrections", "“%1” is %2"), c.old or c.text,
                    role_name(c.field))
    if c.op == "set":
        if not c.value:
            return fill(QCoreApplication.translate("Corrections", "%1 removed (was “%2”)"),
                        role_name(c.field), c.old)
        return fill(QCoreApplication.translate("Corrections", "%1 set to “%2”"),
                    role_name(c.field), c.value)
    if c.op == "edit":
        return fill(QCoreApplication.translate("Corrections", "“%1” corrected to “%2”"),
                    c.old, c.value)
    if c.op in ("join", "joined"):
        return fill(QCoreApplication.translate(
            "Corrections", "“%1” joined with its continuation (%2)"), c.old or c.article,
            c.page)
    return fill(QCoreApplication.translate("Corrections", "%1 of the page set to %2"),
                role_name(c.field), c.value)


def when(c: Correction) -> str:
    """The time the correction was made, in the local time zone and language."""
    try:
        moment = dt.datetime.fromisoformat(c.at.replace("Z", "+00:00"))
    except ValueError:
        return c.at
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)
