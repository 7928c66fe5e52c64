"""Run tasks on a Ray cluster (`pip install curate[ray]`, `--executor ray`).

The same stage functions run as Ray tasks, one per shard. Data moves through the shared output
filesystem (the band-partitioned files), never through Ray's object store, so a Ray run writes
byte-identical output to a local one. The output folder must be reachable from every node
(a shared filesystem) for multi-node clusters.

>>> RayExecutor.__name__
'RayExecutor'
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from curate.errors import CurateError
from curate.executors.progress import progress

T = TypeVar("T")
R = TypeVar("R")


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise CurateError("--executor ray needs Ray: pip install 'curate[ray]'") from None
    return ray


class RayExecutor:
    """Submits every task to Ray and gathers the results in task order.

    Connects to `address` (e.g. `ray://head:10001` or `auto`), or starts a local Ray with
    `workers` CPUs when no address is given and Ray is not initialised yet.
    """

    def __init__(self, workers: int, address: str | None = None) -> None:
        self._ray = _import_ray()
        self._owns = False
        if not self._ray.is_initialized():
            kwargs: dict[str, Any] = {
                "log_to_driver": False,
                "include_dashboard": False,
                "logging_level": logging.ERROR,
            }
            if address:
                kwargs["address"] = address
            else:
                kwargs["num_cpus"] = workers
            try:
                self._ray.init(**kwargs)
            except (ConnectionError, ValueError, RuntimeError) as exc:
                raise CurateError(
                    f"cannot start or reach Ray ({address or 'local'}): {exc}"
                ) from None
            self._owns = True
        self.workers = int(self._ray.cluster_resources().get("CPU", workers))

    def map(self, fn: Callable[[T], R], tasks: Sequence[T], *, label: str = "") -> list[R]:
        remote = self._ray.remote(num_cpus=1, max_retries=1)(fn)
        refs = [remote.remote(task) for task in tasks]
        pending = list(refs)
        with progress(len(refs), label) as bar:
            while pending:
                done, pending = self._ray.wait(pending, num_returns=1)
                bar.update(len(done))
        return list(self._ray.get(refs))

    def close(self) -> None:
        if self._owns:
            self._ray.shutdown()
