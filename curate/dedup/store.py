"""Per-shard signature files, and random access to signatures by global document id.

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


def sig_path(work: Path, task: int) -> Path:
    return work / "sigs" / f"task-{task:05d}.npy"


def save_signatures(work: Path, task: int, signatures: Array) -> None:
    """Write one shard's signature matrix (rows = documents of the shard, in order)."""
    write_npy(np.ascontiguousarray(signatures), sig_path(work, task))


class SignatureStore:
    """Memory-mapped access to every shard's signatures; only touched pages are read."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self._maps: dict[int, Array] = {}

    def _task(self, task: int) -> Array:
        if task not in self._maps:
            self._maps[task] = np.load(sig_path(self.work, task), mmap_mode="r")
        return self._maps[task]

    def rows(self, gids: Array) -> Array:
        """Signatures of `gids`, in the same order."""
        tasks, rows = split_gids(gids)
        out: Array | None = None
        for task in np.unique(tasks):
            mask = tasks == task
            block = self._task(int(task))[rows[mask]]
            if out is None:
                out = np.empty((len(gids), block.shape[1]), dtype=block.dtype)
            out[mask] = block
        return out if out is not None else np.empty((0, 0), dtype=np.uint32)

    def similarity(self, a: Array, b: Array, chunk: int = 65536) -> Array:
        """Jaccard estimates (share of equal signature slots) of the pairs `(a[i], b[i])`."""
        out = np.empty(len(a), dtype=np.float64)
        for start in range(0, len(a), chunk):
            sa = self.rows(a[start : start + chunk])
            sb = self.rows(b[start : start + chunk])
            out[start : start + chunk] = (sa == sb).mean(axis=1) if sa.size else 0.0
        return out
