"""Corrections made in the window: the Edit menu's and the article menu's "a new article
starts here", merges (on the page, and across a 下转/上接 jump), what a line is, the
headline and byline, words of a paragraph, and the page's own fields.

Each correction is checked and saved by the core (``correction_store``: the page's sidecar,
or the user's overlay for a library that cannot be written), then ``pageCorrected`` names
the article to show: the window reads the library again quietly, which re-reads and
re-indexes only the corrected page, and opens it. Every correction is a command on a
``QUndoStack``: undo puts back the sidecar's very bytes (the core's journal), redo saves the
same correction again. The controller holds no widget but the view it reads the article and
the cursor from, and the window it opens its dialogs on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from ..corpus.catalog import Catalog
from ..corpus.correction_store import (
    Build,
    Saved,
    Step,
    correct_all,
    join_across,
    page_outcomes,
    save_again,
    undo,
)
from ..corpus.corrections import (
    CorrectionError,
    Outcome,
    edit,
    merge,
    page_field,
    set_field,
    set_role,
    split_before,
)
from ..corpus.jumps import jump_target
from ..corpus.library import PageError, file_stamp
from ..corpus.model import Article, Page
from ..corpus.overlay import overlay_for
from ..corpus.resolve import load_entry
from ..corpus.walk import source_path
from .actions import WindowActions
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
_PROBLEMS = (CorrectionError, PageError, OSError)
TASK = "correction"


class CorrectionCommand(QUndoCommand):
    """One correction (or a few saved as one, as a headline dialog's) on the undo stack.
    Its undo and redo are saved in the background by the controller; ``skip`` makes the next
    one only move the stack (the correction was saved already, or its undo failed)."""

    def __init__(self, owner: CorrectionsController, text: str, steps: list[Step], group: str,
                 before: str, after: str) -> None:
        super().__init__(text)
        self.owner, self.steps, self.group = owner, steps, group
        self.before, self.after = before, after  # the article to show after undo / redo
        self.skip = True  # pushed once it is saved: the first redo has nothing to do

    def redo(self) -> None:
        if self.skip:
            self.skip = False
            return
        self.owner.save_again(self)

    def undo(self) -> None:
        if self.skip:
            self.skip = False
            return
        self.owner.take_back(self)


@dataclass
class Done:
    """What a correction (or its undo, or redo) saved, in the background."""

    steps: list[Step]
    saved: list[Saved]
    after: str
    """The article to show once the page is read again."""
    outcomes: dict[str, tuple[str, list[Outcome]]]
    """Page → (its stamp, what became of its corrections), for the article view's list."""
    error: str = ""


Show = str | tuple[str, int]
"""The article to show afterwards: its id, or (page, position) when the correction gives it
a new id."""
Work = Callable[[], tuple[list[Step], list[Saved], Show]]


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
        self.runner = runner
        self.view = view
        self.window = window
        self.stack = QUndoStack(self)
        self._outcomes: dict[str, tuple[str, list[Outcome]]] = {}
        view.notes_for = self.notes_for
        a = actions
        a.undo_action.triggered.connect(self.undo)
        a.redo_action.triggered.connect(self.redo)
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

        self._save(self.tr("Merge with the Continuation"), article.id, work)

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

        self._save(label, article.id, work)

    # -- in the background ----------------------------------------------------------------

    def busy(self) -> bool:
        """A correction, an undo or a redo is being saved (one at a time)."""
        if self.runner.running(TASK):
            self.statusMessage.emit(self.tr("A correction is being saved; one moment."))
            return True
        return False

    def _run(self, work: Work, then: Callable[[Done], None]) -> None:
        """Do ``work`` (it saves) off the GUI thread: a page of a real paper takes a few
        tenths of a second to read; then ``then`` on the GUI thread."""
        root = self.catalog.root

        def job(progress: object, cancelled: object) -> Done:
            try:
                steps, saved, show = work()
            except _PROBLEMS as err:
                text = str(err)
                if isinstance(err, OSError) and err.strerror:
                    text = f"{err.filename}: {err.strerror}" if err.filename else err.strerror
                return Done([], [], "", {}, text)
            return Done(steps, saved, shown_after(root, show),
                        outcomes_now(root, {step.source for step in steps}))

        self.runner.run(job, name=TASK, finished=then, failed=self._refused_text)

    def _save(self, label: str, before: str, work: Work) -> None:
        if self.busy():
            return

        def then(done: Done) -> None:
            if done.error:
                self._refused_text(done.error)
                return
            self._outcomes.update(done.outcomes)
            self.noticeClosed.emit(REFUSED)
            self.stack.push(CorrectionCommand(self, label, done.steps, done.saved[0].group,
                                              before, done.after))
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

        self._run(work, then)

    @Slot()
    def undo(self) -> None:
        if not self.busy() and self.stack.canUndo():
            self.stack.undo()

    @Slot()
    def redo(self) -> None:
        if not self.busy() and self.stack.canRedo():
            self.stack.redo()

    def take_back(self, command: CorrectionCommand) -> None:
        """Undo ``command``'s saves: the sidecars get back their bytes."""
        root = self.catalog.root

        def work() -> tuple[list[Step], list[Saved], Show]:
            undo(root, group=command.group)
            return command.steps, [], command.before

        self._run(work, partial(self._moved, command, command.before, self.stack.redo))

    def save_again(self, command: CorrectionCommand) -> None:
        """Redo ``command``: its corrections saved again, checked on the pages as they are."""
        root = self.catalog.root

        def work() -> tuple[list[Step], list[Saved], Show]:
            return command.steps, save_again(root, command.steps, command.group), command.after

        self._run(work, partial(self._moved, command, command.after, self.stack.undo))

    def _moved(self, command: CorrectionCommand, show: str, back: Callable[[], None],
               done: Done) -> None:
        if done.error:  # nothing changed: the stack goes back to where it was, and says why
            self._refused_text(done.error)
            command.skip = True
            back()
            return
        self._outcomes.update(done.outcomes)
        self.pageCorrected.emit(show)

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
        root = self.catalog.root
        page_file = source_path(root, article.source)
        cached = self._outcomes.get(article.source)
        if cached is not None and cached[0] == _stamp(page_file):
            outcomes = cached[1]  # read in the background as the correction was saved
        else:
            try:
                outcomes = page_outcomes(root, article.source)
            except (OSError, ValueError, PageError) as err:
                log.warning("corrections of %s not read: %s", article.source, err)
                return []
            self._outcomes[article.source] = (_stamp(page_file), outcomes)
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


def _stamp(page_file: Path) -> str:
    try:
        return file_stamp(page_file)
    except OSError:
        return ""


def shown_after(root: Path, show: Show) -> str:
    """The id of the article ``show`` names, on its page as corrected now."""
    if isinstance(show, str):
        return show
    source, position = show
    try:
        page = load_entry(source_path(root, source), source, root)
    except (OSError, ValueError, PageError):
        return ""
    if not page.articles:
        return ""
    return page.articles[max(0, min(position, len(page.articles) - 1))].id


def outcomes_now(root: Path, sources: set[str]) -> dict[str, tuple[str, list[Outcome]]]:
    """What became of the corrections of ``sources``, with the stamp they were read at."""
    out = {}
    for source in sources:
        page_file = source_path(root, source)
        stamp = _stamp(page_file)
        try:
            out[source] = (stamp, page_outcomes(root, source))
        except (OSError, ValueError, PageError):
            continue
    return out
