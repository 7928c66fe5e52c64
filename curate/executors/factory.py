"""Choose an executor from the command line: local processes (default) or Ray."""

from __future__ import annotations

from curate.executors.base import Executor
from curate.executors.local import InlineExecutor, LocalExecutor


def make_executor(kind: str, workers: int, ray_address: str | None = None) -> Executor:
    """`local`: in-process for one worker, else a pool of processes; `ray`: a Ray cluster."""
    if kind == "ray":
        from curate.executors.ray import RayExecutor

        return RayExecutor(workers, ray_address)
    return InlineExecutor() if workers <= 1 else LocalExecutor(workers)
