"""Work off the GUI thread, one API for all of it (reading the library, the search index and
its searches, adding pages, exports): a task runs a function in a thread pool and reports by
signals, in the spirit of Anki's QueryOp/CollectionOp.

The function receives ``progress(done, total)`` and ``cancelled()`` callables; it must not touch
any widget (Anki's rule for its QueryOp). Its result, its error and its progress come back as
signals, which Qt delivers on the GUI thread because the ``TaskSignals`` object lives there.
A runner with one thread runs its tasks one after another, in the order they were started
(the search index: a build, then the searches that waited for it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger("reader.ui")

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskError(Exception):
    """An expected failure whose message is for the user (no traceback is printed)."""


def failure_message(error: BaseException) -> str:
    """What ``failed`` says of ``error``: its message, or its kind when it has none."""
    return str(error) if isinstance(error, TaskError) else str(error) or type(error).__name__


class TaskSignals(QObject):
    """What a task reports; created on the GUI thread so its signals arrive there."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    error = Signal(object)  # the exception behind ``failed``, for handlers that tell kinds apart
    outcome = Signal(bool, object)
    """The one signal the worker thread sends at the end (ok, result or exception); the GUI
    thread turns it into ``finished`` or ``failed`` after marking the task as ended, so that a
    handler never sees its own task as still running."""


class Task:
    """Run ``job(progress, cancelled)`` in a thread pool; ``cancel()`` asks it to stop.

    A plain object handed to ``QThreadPool.start`` as a callable (not a QRunnable): the pool
    keeps its own reference while it runs, so dropping ours at its end cannot free it early.
    """

    def __init__(self, job: Job, name: str = "") -> None:
        self.name = name
        self.signals = TaskSignals()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._job(self.signals.progress.emit, self._cancel.is_set)
        except TaskError as err:
            self.signals.outcome.emit(False, err)
        except Exception as err:  # reported to the user, never swallowed silently
            log.exception("background task %r failed", self.name)
            self.signals.outcome.emit(False, err)
        else:
            self.signals.outcome.emit(True, result)


class TaskRunner(QObject):
    """Owns a thread pool and the tasks running in it, so a window can cancel and wait on close."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        # Threads live as long as the runner: the index keeps a connection per thread id.
        self.pool.setExpiryTimeout(-1)
        self._tasks: set[Task] = set()
        self._closed = False

    def start(self, task: Task) -> Task:
        if self._closed:  # after shutdown (a timer of the closed window): not run
            return task
        self._tasks.add(task)
        # Owned by the runner: when its owner goes, so do the reports still on their way to
        # it (a handler must not hear of a task after the object it speaks for is gone).
        task.signals.setParent(self)

        def ended(ok: bool, value: Any) -> None:
            self._tasks.discard(task)
            signals = task.signals
            if ok:
                signals.finished.emit(value)
            else:
                signals.failed.emit(failure_message(value))
                signals.error.emit(value)
            signals.deleteLater()

        task.signals.outcome.connect(ended)
        self.pool.start(task.run)
        return task

    def run(self, job: Job, name: str = "", *, progress: Callable[[int, int], None] | None = None,
            finished: Callable[[Any], None] | None = None,
            failed: Callable[[str], None] | None = None,
            error: Callable[[BaseException], None] | None = None) -> Task:
        """Start ``job`` with its handlers connected first: a signal emitted before anyone
        listens is lost, and a short job can finish before ``run`` returns. ``failed`` hears
        the message, ``error`` the exception itself."""
        task = Task(job, name)
        signals = task.signals
        for signal, slot in ((signals.progress, progress), (signals.finished, finished),
                             (signals.failed, failed), (signals.error, error)):
            if slot is not None:
                signal.connect(slot)
        return self.start(task)

    def running(self, name: str = "") -> bool:
        """Whether a task (named ``name``, or any) is still running."""
        return any(not name or t.name == name for t in self._tasks)

    def cancel_all(self, name: str = "") -> None:
        """Ask every task (named ``name``, or any) to stop."""
        for task in list(self._tasks):
            if not name or task.name == name:
                task.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel every task, drop those not started yet, and wait for the threads to finish;
        tasks started after it are not run."""
        self._closed = True
        self.cancel_all()
        self.pool.clear()
        self.pool.waitForDone(timeout_ms)
