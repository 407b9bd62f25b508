"""The corrections saved from the window, one at a time, off the GUI thread (a page of a
real paper takes a few tenths of a second to read), each a command on a ``QUndoStack``:
undo puts back the sidecar's very bytes (the core's journal), redo saves the same
corrections again, checked on the page as it is then. A save, an undo or a redo that fails
changes nothing and leaves the stack where it was. What became of a page's corrections is
read there too and kept by the page's stamp, for the article view's list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..corpus.correction_store import Saved, Step, page_outcomes, save_again, undo
from ..corpus.corrections import CorrectionError, Outcome
from ..corpus.library import PageError, file_stamp
from ..corpus.resolve import load_entry
from ..corpus.walk import source_path
from .workers import TaskRunner

_PROBLEMS = (CorrectionError, PageError, OSError)
TASK = "correction"


class CorrectionCommand(QUndoCommand):
    """One correction (or a few saved as one, as a headline dialog's) on the undo stack.
    Its undo and redo are saved in the background by the controller; ``skip`` makes the next
    one only move the stack (the correction was saved already, or its undo failed)."""

    def __init__(self, owner: CorrectionHistory, text: str, steps: list[Step], group: str,
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


class CorrectionHistory(QObject):
    """The undo stack of the window's corrections and the task that saves them."""

    saved = Signal(str, object)  # the command's name, its Done: a new correction was saved
    moved = Signal(str)  # an undo or redo was saved: the article to show
    refused = Signal(str)  # why nothing was saved
    waiting = Signal()  # asked while another save runs: nothing done

    def __init__(self, root: Path, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.runner = runner
        self.stack = QUndoStack(self)
        self._outcomes: dict[str, tuple[str, list[Outcome]]] = {}

    def outcomes(self, source: str) -> list[Outcome]:
        """What became of the corrections of page ``source`` (kept while the page is as it
        was when they were read). Raises OSError, ValueError or PageError."""
        stamp = _stamp(source_path(self.root, source))
        cached = self._outcomes.get(source)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        outcomes = page_outcomes(self.root, source)
        self._outcomes[source] = (stamp, outcomes)
        return outcomes

    # -- in the background ----------------------------------------------------------------

    def busy(self) -> bool:
        """A correction, an undo or a redo is being saved (one at a time)."""
        if self.runner.running(TASK):
            self.waiting.emit()
            return True
        return False

    def _run(self, work: Work, then: Callable[[Done], None]) -> None:
        """Do ``work`` (it saves) off the GUI thread: a page of a real paper takes a few
        tenths of a second to read; then ``then`` on the GUI thread."""
        root = self.root

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

        self.runner.run(job, name=TASK, finished=then, failed=self.refused.emit)

    def save(self, label: str, before: str, work: Work) -> None:
        """Do ``work`` (a correction of the article ``before``), then push it as ``label``."""
        if self.busy():
            return

        def then(done: Done) -> None:
            if done.error:
                self.refused.emit(done.error)
                return
            self._outcomes.update(done.outcomes)
            self.stack.push(CorrectionCommand(self, label, done.steps, done.saved[0].group,
                                              before, done.after))
            self.saved.emit(label, done)

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
        root = self.root

        def work() -> tuple[list[Step], list[Saved], Show]:
            undo(root, group=command.group)
            return command.steps, [], command.before

        self._run(work, partial(self._moved, command, command.before, self.stack.redo))

    def save_again(self, command: CorrectionCommand) -> None:
        """Redo ``command``: its corrections saved again, checked on the pages as they are."""
        root = self.root

        def work() -> tuple[list[Step], list[Saved], Show]:
            return command.steps, save_again(root, command.steps, command.group), command.after

        self._run(work, partial(self._moved, command, command.after, self.stack.undo))

    def _moved(self, command: CorrectionCommand, show: str, back: Callable[[], None],
               done: Done) -> None:
        if done.error:  # nothing changed: the stack goes back to where it was, and says why
            self.refused.emit(done.error)
            command.skip = True
            back()
            return
        self._outcomes.update(done.outcomes)
        self.moved.emit(show)


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
