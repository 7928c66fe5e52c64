"""Resumable stages: each finished task leaves a completion marker under `.work/done/`, and a
rerun of the same command skips the tasks that have one.

Markers are valid only for the run that wrote them: `.work/fingerprint` holds a hash of the
configuration, the code version and the input files (names, sizes, modification times); a
run whose fingerprint differs starts from scratch.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

import xxhash

from curate import __version__
from curate.io.writer import atomic_path

T = TypeVar("T")
R = TypeVar("R")


def file_stamp(path: Path) -> tuple[str, int, int]:
    """(name, size, modification time) of a local file, for `fingerprint`."""
    try:
        stat = path.stat()
    except OSError:
        return (str(path), 0, 0)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def fingerprint(
    command: str,
    settings: dict[str, Any],
    inputs: Sequence[tuple[str, int, int]],
    extra: Any = None,
) -> str:
    """A hash of everything a run's output depends on (not the worker count): the code
    version, the command, the settings and every input's (name, size, mtime)."""
    run = dict(settings.get("run", {}))
    run.pop("workers", None)
    state: list[Any] = [__version__, command, {**settings, "run": run}, extra, list(inputs)]
    return xxhash.xxh3_128_hexdigest(json.dumps(state, sort_keys=True, default=str).encode())


def marker_path(work: Path, stage: str, key: str) -> Path:
    return work / "done" / stage / f"{key}.pickle"


@dataclass
class MarkedTask(Generic[T, R]):
    """A task whose result is recorded as its completion marker once it has run."""

    fn: Callable[[T], R]
    task: T
    marker: Path

    def isolated(self) -> MarkedTask[T, R]:
        """The form to retry after a worker died: the task's own `isolated()`, if any."""
        retry = getattr(self.task, "isolated", None)
        return replace(self, task=retry()) if callable(retry) else self


def run_marked(job: MarkedTask[T, R]) -> R:
    """Run a marked task (a top-level function, so executors can ship it anywhere)."""
    result = job.fn(job.task)
    with atomic_path(job.marker) as tmp:
        tmp.write_bytes(pickle.dumps(result))
    return result


def run_stage(
    executor: Any,
    work: Path,
    stage: str,
    fn: Callable[[T], R],
    tasks: Sequence[T],
    keys: Sequence[str],
) -> tuple[list[R], int]:
    """Run the tasks of one stage that have no marker yet; return every task's result (in
    task order) and how many were skipped as already done."""
    results: list[R | None] = [load_marker(marker_path(work, stage, k)) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    jobs = [MarkedTask(fn, tasks[i], marker_path(work, stage, keys[i])) for i in todo]
    for i, result in zip(todo, executor.map(run_marked, jobs, label=stage), strict=True):
        results[i] = result
    return [r for r in results if r is not None], len(tasks) - len(todo)


def load_marker(path: Path) -> Any:
    """The result recorded in a marker, or None if there is none (or it is unreadable)."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
