"""Run tasks in this process or in local worker processes.

>>> InlineExecutor().map(abs, [-1, 2])
[1, 2]
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from curate.executors.progress import progress

T = TypeVar("T")
R = TypeVar("R")


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


class LocalExecutor:
    """Runs tasks in a pool of `workers` local processes (started once, reused by stages)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        method = (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))

    def map(self, fn: Callable[[T], R], tasks: Sequence[T], *, label: str = "") -> list[R]:
        futures: list[Future[R]] = [self._pool.submit(fn, task) for task in tasks]
        with progress(len(tasks), label) as bar:
            for future in futures:
                future.add_done_callback(lambda _f: bar.update(1))
            return [future.result() for future in futures]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_executor(workers: int) -> InlineExecutor | LocalExecutor:
    """An inline executor for one worker, else a pool of local processes."""
    return InlineExecutor() if workers <= 1 else LocalExecutor(workers)
