"""Worker processes for work spread over the cores (reading pages, building the index).

Workers are spawned, not forked: forking a process with threads (the window) is unsafe. And
each worker ends as soon as its parent is gone: a reader killed in the middle (SIGKILL, a
crash) would otherwise leave its workers waiting forever on pipes nobody reads.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def exit_with_parent() -> None:
    """In a worker: end this process when its parent process ends."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start(initializer: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    exit_with_parent()
    if initializer is not None:
        initializer(*args)


def process_pool(workers: int, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that do not outlive this one."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_start, initargs=(initializer, initargs),
    )
