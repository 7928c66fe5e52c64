"""Run tasks in this process or in local worker processes.

A worker that dies (a crash in C code, the kernel's OOM killer) breaks the whole process
pool. `LocalExecutor` then starts a new pool and retries each task that was running, alone:
in the form its `isolated()` method gives when it has one (a generic hook: `PrepareTask`
answers with one child process per document), else as it is. A task that kills its worker
twice raises `WorkerCrashed`. Tasks are submitted `workers` at a time, so only the tasks
running when a worker dies are retried.

>>> InlineExecutor().map(abs, [-1, 2])
[1, 2]
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from curate.executors.progress import progress

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger(__name__)


class WorkerCrashed(RuntimeError):
    """A task killed its worker process again when retried alone."""


class InlineExecutor:
    """Runs every task in the calling process, one after the other."""

    workers = 1

    def map(self, fn: Callable[[T], R], tasks: Sequence[T], *, label: str = "") -> list[R]:
        results: list[R] = []
        with progress(len(tasks), label) as bar:
            for task in tasks:
                results.append(fn(task))
                bar.update(1)
        return results

    def close(self) -> None:
        return None


def retry_form(task: T) -> T:
    """The form of `task` to retry after its worker died: `task.isolated()` when defined."""
    isolated = getattr(task, "isolated", None)
    if callable(isolated):
        again: T = isolated()
        return again
    return task


class LocalExecutor:
    """Runs tasks in a pool of `workers` local processes (started once, reused by stages)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        method = (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        self._context = multiprocessing.get_context(method)
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context)

    def _restart(self) -> None:
        """Replace a broken pool. Its surviving workers are killed first: one may wait
        forever on a queue lock that the dead worker held, and shutting down waits for it."""
        processes = getattr(self._pool, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(Exception):
                process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()

    def map(self, fn: Callable[[T], R], tasks: Sequence[T], *, label: str = "") -> list[R]:
        results: dict[int, R] = {}
        queue = iter(range(len(tasks)))
        pending: dict[Future[R], int] = {}
        reported = 0
        with progress(len(tasks), label) as bar:
            while True:
                while len(pending) < self.workers and (index := next(queue, None)) is not None:
                    pending[self._pool.submit(fn, tasks[index])] = index
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                crashed = self._collect(done, pending, results)
                if crashed:
                    crashed += self._collect(set(pending), pending, results, finish=True)
                    self._retry(fn, tasks, sorted(crashed), results, label)
                bar.update(len(results) - reported)
                reported = len(results)
        return [results[i] for i in range(len(tasks))]

    def _collect(
        self,
        done: set[Future[R]],
        pending: dict[Future[R], int],
        results: dict[int, R],
        *,
        finish: bool = False,
    ) -> list[int]:
        """Store finished results; return the indexes of tasks lost with a broken pool."""
        if finish:
            wait(done)
        crashed: list[int] = []
        for future in done:
            index = pending.pop(future)
            try:
                results[index] = future.result()
            except BrokenProcessPool:
                crashed.append(index)
        return crashed

    def _retry(
        self,
        fn: Callable[[T], R],
        tasks: Sequence[T],
        crashed: list[int],
        results: dict[int, R],
        label: str,
    ) -> None:
        """Retry each task that was running when a worker died, alone in a fresh pool."""
        self._restart()
        for index in crashed:
            log.warning("a %s worker died; retrying task %d alone", label or "task", index)
            try:
                results[index] = self._pool.submit(fn, retry_form(tasks[index])).result()
            except BrokenProcessPool:
                self._restart()
                raise WorkerCrashed(
                    f"{label or 'task'} {index} killed its worker process twice"
                ) from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_executor(workers: int) -> InlineExecutor | LocalExecutor:
    """An inline executor for one worker, else a pool of local processes."""
    return InlineExecutor() if workers <= 1 else LocalExecutor(workers)
