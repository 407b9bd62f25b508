"""Work off the GUI thread: a task that runs a function in a thread pool and reports by signals.

The function receives ``progress(done, total)`` and ``cancelled()`` callables; it must not touch
any widget (Anki's rule for its QueryOp). Its result, its error and its progress come back as
signals, which Qt delivers on the GUI thread because the ``TaskSignals`` object lives there.
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


class TaskSignals(QObject):
    """What a task reports; created on the GUI thread so its signals arrive there."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    outcome = Signal(bool, object)
    """The one signal the worker thread sends at the end (ok, result or message); the GUI
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
            self.signals.outcome.emit(False, str(err))
        except Exception as err:  # reported to the user, never swallowed silently
            log.exception("background task %r failed", self.name)
            self.signals.outcome.emit(False, str(err) or type(err).__name__)
        else:
            self.signals.outcome.emit(True, result)


class TaskRunner(QObject):
    """Owns a thread pool and the tasks running in it, so a window can cancel and wait on close."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._tasks: set[Task] = set()

    def start(self, task: Task) -> Task:
        self._tasks.add(task)

        def ended(ok: bool, value: Any) -> None:
            self._tasks.discard(task)
            (task.signals.finished if ok else task.signals.failed).emit(value)

        task.signals.outcome.connect(ended)
        self.pool.start(task.run)
        return task

    def run(self, job: Job, name: str = "", *, progress: Callable[[int, int], None] | None = None,
            finished: Callable[[Any], None] | None = None,
            failed: Callable[[str], None] | None = None) -> Task:
        """Start ``job`` with its handlers connected first: a signal emitted before anyone
        listens is lost, and a short job can finish before ``run`` returns."""
        task = Task(job, name)
        for signal, slot in ((task.signals.progress, progress),
                             (task.signals.finished, finished), (task.signals.failed, failed)):
            if slot is not None:
                signal.connect(slot)
        return self.start(task)

    def running(self, name: str = "") -> bool:
        """Whether a task (named ``name``, or any) is still running."""
        return any(not name or t.name == name for t in self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel every task and wait for the threads to finish."""
        self.cancel_all()
        self.pool.waitForDone(timeout_ms)
