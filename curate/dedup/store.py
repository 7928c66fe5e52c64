"""Per-shard arrays (signatures, shingle-set sizes, exact keys) and random access to them
by global document id.

A global id (`gid`) packs the shard number and the row: `gid = task << 32 | row`.

>>> int(make_gids(3, 2)[1])
12884901889
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from curate.io.writer import write_npy

Array = np.ndarray[Any, Any]


def make_gids(task: int, n: int) -> Array:
    """Global ids of rows `0..n-1` of shard `task`."""
    return (np.uint64(task) << np.uint64(32)) | np.arange(n, dtype=np.uint64)


def split_gids(gids: Array) -> tuple[Array, Array]:
    """(task, row) arrays of global ids."""
    gids = gids.astype(np.uint64, copy=False)
    return (gids >> np.uint64(32)).astype(np.int64), (gids & np.uint64(0xFFFFFFFF)).astype(np.int64)


def array_path(work: Path, kind: str, task: int) -> Path:
    return work / kind / f"task-{task:05d}.npy"


def save_array(work: Path, kind: str, task: int, array: Array) -> None:
    """Write one shard's array of `kind` (rows = documents of the shard, in order)."""
    write_npy(np.ascontiguousarray(array), array_path(work, kind, task))


class ShardArrays:
    """Memory-mapped access to one kind of per-shard array; only touched pages are read.

    Shards numbered from `base` up are read from the `against` folder (an earlier dataset's
    index), as shard `task - base`.
    """

    def __init__(
        self, work: Path, kind: str, *, against: Path | None = None, base: int = 1 << 62
    ) -> None:
        self.work = work
        self.kind = kind
        self.against = against
        self.base = base
        self._maps: dict[int, Array] = {}

    def path(self, task: int) -> Path:
        if task >= self.base and self.against is not None:
            return array_path(self.against, self.kind, task - self.base)
        return array_path(self.work, self.kind, task)

    def shard(self, task: int) -> Array:
        if task not in self._maps:
            self._maps[task] = np.load(self.path(task), mmap_mode="r")
        return self._maps[task]

    def rows(self, gids: Array) -> Array:
        """Rows of `gids`, in the same order."""
        tasks, rows = split_gids(gids)
        out: Array | None = None
        for task in np.unique(tasks):
            mask = tasks == task
            block = self.shard(int(task))[rows[mask]]
            if out is None:
                out = np.empty((len(gids), *block.shape[1:]), dtype=block.dtype)
            out[mask] = block
        return out if out is not None else np.empty(0)


def similarity(signatures: ShardArrays, a: Array, b: Array, chunk: int = 65536) -> Array:
    """Jaccard estimates (share of equal signature slots) of the pairs `(a[i], b[i])`."""
    out = np.empty(len(a), dtype=np.float64)
    for start in range(0, len(a), chunk):
        sa = signatures.rows(a[start : start + chunk])
        sb = signatures.rows(b[start : start + chunk])
        out[start : start + chunk] = (sa == sb).mean(axis=1) if sa.size else 0.0
    return out
