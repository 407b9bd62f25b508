"""Corrections made in the window: the Edit menu's and the article menu's "a new article
starts here", merges (on the page, and across a 下转/上接 jump), what a line is, the
headline and byline, words of a paragraph, and the page's own fields.

Each correction is checked and saved by the core (``correction_store``: the page's sidecar,
or the user's overlay for a library that cannot be written) in the background, as a command
on the undo stack (``correction_history``); then ``pageCorrected`` names the article to
show: the window reads the library again quietly, which re-reads and re-indexes only the
corrected page, and opens it. The controller holds no widget but the view it reads the
article and the cursor from, and the window it opens its dialogs on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from ..corpus.catalog import Catalog
from ..corpus.correction_store import (
    Build,
    Saved,
    Step,
    correct_all,
    join_across,
)
from ..corpus.corrections import (
    CorrectionError,
    edit,
    merge,
    page_field,
    set_field,
    set_role,
    split_before,
)
from ..corpus.jumps import jump_target
from ..corpus.library import PageError
from ..corpus.model import Article, Page
from ..corpus.overlay import overlay_for
from ..corpus.walk import source_path
from .actions import WindowActions
from .correction_history import CorrectionHistory, Done, Show
from .correction_text import describe, when
from .dialogs.headline_dialog import HeadlineDialog
from .dialogs.page_fields import PageFieldsDialog
from .dialogs.words_dialog import WordsDialog
from .views.article_document import CorrectionNote
from .views.article_view import ArticleView
from .workers import TaskRunner

log = logging.getLogger("reader.ui")
REFUSED = "correction-refused"
OVERLAY = "corrections-overlay"
MISSING = "corrections-missing"


class CorrectionsController(QObject):
    """Makes, undoes and redoes corrections of the article shown in ``view``."""

    statusMessage = Signal(str)
    noticeRequested = Signal(str, str, str)  # key, text, kind
    noticeClosed = Signal(str)
    pageCorrected = Signal(str)  # the article to show once its page is read again

    def __init__(self, catalog: Catalog, runner: TaskRunner, view: ArticleView,
                 actions: WindowActions, window: QWidget) -> None:
        super().__init__(window)
        self.catalog = catalog
        self.view = view
        self.window = window
        self.history = history = CorrectionHistory(catalog.root, runner, self)
        self.stack = history.stack
        history.saved.connect(self._saved)
        history.moved.connect(self.pageCorrected)
        history.refused.connect(self._refused_text)
        history.waiting.connect(lambda: self.statusMessage.emit(
            self.tr("A correction is being saved; one moment.")))
        view.notes_for = self.notes_for
        a = actions
        a.undo_action.triggered.connect(history.undo)
        a.redo_action.triggered.connect(history.redo)
        for action in (a.undo_action, a.redo_action):
            action.setEnabled(False)
            action.setData(action.text())  # the text without the command's name
        self.stack.canUndoChanged.connect(partial(self._enable, a.undo_action))
        self.stack.canRedoChanged.connect(partial(self._enable, a.redo_action))
        self.stack.undoTextChanged.connect(partial(self._name, a.undo_action))
        self.stack.redoTextChanged.connect(partial(self._name, a.redo_action))
        slots: dict[QAction, Callable[[], None]] = {
            a.split_action: self.split_here,
            a.merge_next_action: lambda: self.merge(1),
            a.merge_previous_action: lambda: self.merge(-1),
            a.merge_across_action: self.merge_across,
            a.headline_action: self.edit_headline,
            a.fix_words_action: self.fix_words,
            a.page_fields_action: self.edit_page,
        }
        for action, slot in slots.items():
            action.triggered.connect(slot)
        for role, action in a.role_actions.items():
            action.triggered.connect(partial(self.set_role, role))

    @staticmethod
    def _enable(action: QAction, enabled: bool) -> None:
        if shiboken6.isValid(action):
            action.setEnabled(enabled)

    @staticmethod
    def _name(action: QAction, text: str) -> None:
        if not shiboken6.isValid(action):  # the stack says it is empty as the window closes
            return
        base = str(action.data())
        action.setText(f"{base} “{text}”" if text else base)

    # -- what the user asks for -----------------------------------------------------------

    def _article(self) -> Article | None:
        article = self.view.article
        if article is None:
            self.statusMessage.emit(self.tr("Open an article to correct it."))
        return article

    def _unit(self, article: Article, body_only: bool = False) -> tuple[str, int] | None:
        """The headline field or paragraph under the text cursor, or a word saying where to
        put the cursor."""
        place = self.view.place()
        if place is None or (body_only and place[0] != "body"):
            self.statusMessage.emit(self.tr(
                "Put the cursor in a paragraph of the article (or on a line of its headline) "
                "first."))
            return None
        return place

    @staticmethod
    def _text_of(article: Article, place: tuple[str, int]) -> str:
        name, n = place
        if name == "body":
            return article.paragraphs[n].text
        return str(getattr(article, name) or "")

    def _selected(self) -> str:
        """The words selected in the view when they lie inside one paragraph."""
        text = self.view.textCursor().selectedText()
        return "" if "\u2029" in text else text.strip()

    @Slot()
    def split_here(self) -> None:
        """A new article starts at the paragraph under the cursor (at the selected words,
        when a few words of it are selected)."""
        article = self._article()
        place = self._unit(article, body_only=True) if article else None
        if article is None or place is None:
            return
        text = self._selected() or self._text_of(article, place)
        self._correct(self.tr("Split the Article"), article, [
            lambda page, i: (split_before(page, page.articles[i], text), {})], 1)

    @Slot()
    def merge(self, step: int) -> None:
        """Merge with the next (``step`` 1) or the previous (-1) article on the page; with
        its continuation on another page when there is none and it jumps (下转/上接)."""
        article = self._article()
        if article is None:
            return
        page = self.catalog.page(article.source)
        count = len(page.articles) if page else 0
        if not 0 <= article.position + step < count:
            jumps = article.continues_on if step > 0 else article.continued_from
            if jumps:
                self._join(article, step > 0)
            else:
                self.refused(CorrectionError(
                    self.tr("There is no article after this one on its page.") if step > 0
                    else self.tr("There is no article before this one on its page.")))
            return

        def build(page: Page, i: int) -> tuple:  # type: ignore[type-arg]
            j = i + step
            if not 0 <= j < len(page.articles):
                raise CorrectionError(self.tr("The article has no neighbour there any more."))
            first, second = sorted((i, j))
            return merge(page, page.articles[first], page.articles[second]), {}

        self._correct(self.tr("Merge Articles"), article, [build], min(step, 0))

    @Slot()
    def merge_across(self) -> None:
        """Merge with the article it continues on, or from, another page (下转/上接)."""
        article = self._article()
        if article is None:
            return
        if not (article.continues_on or article.continued_from):
            self.refused(CorrectionError(self.tr(
                "This article does not continue on another page (no 下转 or 上接 line).")))
            return
        self._join(article, bool(article.continues_on))

    def _join(self, article: Article, forward: bool) -> None:
        found = jump_target(self.catalog, article, forward)
        if found is None:
            page_no = article.continues_on if forward else article.continued_from
            self.refused(CorrectionError(self.tr(
                "No article on page %1 of this issue continues this one (or the page is not in "
                "the library).").replace("%1", str(page_no))))
            return
        other = self.catalog.article(found[1])
        pair = ((article.source, article.id), found) if forward else (
            found, (article.source, article.id))
        first = article if forward else other
        root = self.catalog.root

        def work() -> tuple[list[Step], list[Saved], Show]:
            saved = join_across(root, *pair)
            steps = [Step(source, s.outcome.correction) for (source, _), s in
                     zip(pair, saved, strict=True) if s.outcome is not None]
            return steps, saved, (first.source, first.position) if first else ""

        self.history.save(self.tr("Merge with the Continuation"), article.id, work)

    @Slot()
    def set_role(self, role: str) -> None:
        """The line under the cursor is a kicker, title, … or no part of any article."""
        article = self._article()
        place = self._unit(article) if article else None
        if article is None or place is None:
            return
        line = self._text_of(article, place)
        self._correct(self.tr("Set What a Line Is"), article, [
            lambda page, i: (set_role(page, page.articles[i], line, role), {})])

    @Slot()
    def edit_headline(self) -> None:
        article = self._article()
        if article is None:
            return
        dialog = HeadlineDialog(article, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changes():
            return
        builds: list[Build] = [
            partial(lambda name, value, page, i: (set_field(page.articles[i], name, value), {}),
                    name, value) for name, value in dialog.changes().items()]
        self._correct(self.tr("Correct the Headline"), article, builds)

    @Slot()
    def fix_words(self) -> None:
        article = self._article()
        place = self._unit(article) if article else None
        if article is None or place is None:
            return
        dialog = WordsDialog(self._text_of(article, place), self._selected(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        old, new = dialog.words()
        if not old.strip() or old == new:
            return
        self._correct(self.tr("Fix Words"), article, [
            lambda page, i: (edit(page.articles[i], old, new), {})])

    @Slot(str, object)
    def assign_date(self, source: str, day: dt.date) -> None:
        """Give the undated page ``source`` its date, as a correction of the page (undone by
        Ctrl+Z); its first article is then shown in its dated issue."""
        page = self.catalog.page(source)
        if page is None or not page.articles:
            self.refused(CorrectionError(self.tr(
                "The page %1 holds no article to date.").replace("%1", source)))
            return
        shown = self.view.article  # kept in view when it is on that page
        article = shown if shown is not None and shown.source == source else page.articles[0]
        self._correct(self.tr("Assign the Date %1").replace("%1", day.isoformat()),
                      article, [lambda page, i: (page_field("date", day.isoformat()),
                                                          {"date": day})])

    @Slot()
    def edit_page(self) -> None:
        article = self._article()
        page = self.catalog.page(article.source) if article else None
        if article is None or page is None:
            return
        dialog = PageFieldsDialog(page, article.source.rsplit("/", 1)[-1], self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changes():
            return
        builds: list[Build] = [
            partial(lambda key, value, page, i: (page_field(key, str(value)), {key: value}),
                    key, value) for key, value in dialog.changes().items()]
        self._correct(self.tr("Correct the Page"), article, builds)

    # -- saving, undo, and what to say ----------------------------------------------------

    def _correct(self, label: str, article: Article, builds: list[Build],
                 shift: int = 0) -> None:
        """Save the corrections ``builds`` make of ``article``, as one step to undo; then
        show the article ``shift`` places after it on the page (the new one of a split)."""
        root = self.catalog.root

        def work() -> tuple[list[Step], list[Saved], Show]:
            made: list[Step] = []

            def keeping(build: Build, page: Page, i: int) -> tuple:  # type: ignore[type-arg]
                correction, fields = build(page, i)
                made.append(Step(article.source, correction, fields))
                return correction, fields

            saved = correct_all(root, article.source, article.id,
                                [partial(keeping, b) for b in builds])
            return made, saved, (article.source, article.position + shift)

        self.history.save(label, article.id, work)

    def _saved(self, label: str, done: Done) -> None:
        self.noticeClosed.emit(REFUSED)
        overlay = next((s.file for s in done.saved if s.overlay), None)
        if overlay is not None:
            self.noticeRequested.emit(OVERLAY, self.tr(
                "This library's folder cannot be written: your corrections of it are kept "
                "in your own data folder (%1) and shown only to you. “reader corrections "
                "export” moves them to another machine.").replace("%1", str(overlay.parent)),
                "info")
        self.statusMessage.emit(self.tr("Corrected: %1 (Ctrl+Z takes it back).").replace(
            "%1", label))
        self.pageCorrected.emit(done.after)

    def refused(self, err: Exception) -> None:
        """Say why a correction (or its undo) was not made; nothing was changed."""
        self._refused_text(str(err))

    @Slot(str)
    def _refused_text(self, text: str) -> None:
        self.noticeRequested.emit(REFUSED, QCoreApplication.translate(
            "CorrectionsController", "Not corrected: %1").replace("%1", text), "warning")

    # -- the article view's list ------------------------------------------------------------

    def notes_for(self, article: Article) -> list[CorrectionNote]:
        """The corrections of ``article`` for the view's list (page fields count for every
        article of the page); a bar when one of its page's corrections no longer applies."""
        page_file = source_path(self.catalog.root, article.source)
        try:
            outcomes = self.history.outcomes(article.source)  # mostly read as it was saved
        except (OSError, ValueError, PageError) as err:
            log.warning("corrections of %s not read: %s", article.source, err)
            return []
        gone = [describe(o.correction) for o in outcomes if not o.applies]
        if gone:
            self.noticeRequested.emit(MISSING, self.tr(
                "A correction of this page no longer applies (the page was read anew): %1. It "
                "is kept, and listed in Library Information.").replace("%1", "; ".join(gone)),
                "warning")
        else:
            self.noticeClosed.emit(MISSING)
        found = overlay_for(page_file)
        overlay = found is not None and found[1].exists()
        return [CorrectionNote(describe(o.correction), o.correction.by, when(o.correction),
                               overlay)
                for o in outcomes
                if o.applies and (article.id in o.articles or o.correction.op == "page")]
