"""The executor interface: map independent tasks onto processes.

Stages hand an executor a picklable callable and a list of task arguments; the executor
returns the results in task order. Stages never see processes, executors never see data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs `fn(task)` for every task and returns the results in task order."""

    workers: int

    def map(self, fn: Callable[[T], R], tasks: Sequence[T], *, label: str = "") -> list[R]: ...

    def close(self) -> None: ...
