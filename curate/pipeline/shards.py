"""The shards a dedup pass sees: this run's, plus an earlier dataset's with `--against`.

Shards of an earlier dataset get task numbers from `AGAINST_BASE` up, so global ids of old
and new documents never collide. Per-shard arrays of this run live in `OUT/.work/<kind>/`,
those of an earlier dataset in `EXISTING/index/<kind>/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from curate.dedup.store import ShardArrays, split_gids

Array = np.ndarray[Any, Any]

AGAINST_BASE = 1 << 24


@dataclass(frozen=True)
class Shard:
    """One shard: its task number, its document count and the table holding its rows."""

    task: int
    count: int
    table: Path  # staging docs (this run) or data part (earlier dataset)

    @property
    def existing(self) -> bool:
        return self.task >= AGAINST_BASE


class ShardSet:
    """Dense numbering of every document of a list of shards (sorted by task)."""

    def __init__(self, shards: list[Shard], work: Path, against_index: Path | None) -> None:
        self.shards = sorted(shards, key=lambda s: s.task)
        self.tasks = np.array([s.task for s in self.shards], dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum([s.count for s in self.shards])]).astype(
            np.int64
        )
        self.work = work
        self.against_index = against_index

    @property
    def total(self) -> int:
        return int(self.offsets[-1])

    def dense(self, gids: Array) -> Array:
        tasks, rows = split_gids(gids)
        return self.offsets[np.searchsorted(self.tasks, tasks)] + rows

    def locate(self, dense: Array) -> tuple[Array, Array]:
        """(shard index, row) of dense ids."""
        k = np.searchsorted(self.offsets, dense, side="right") - 1
        return k, dense - self.offsets[k]

    def gids(self, dense: Array) -> Array:
        k, rows = self.locate(dense)
        return (self.tasks[k].astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64)

    def arrays(self, kind: str) -> ShardArrays:
        """Per-shard arrays of `kind`, resolved for new and existing shards alike."""
        return ShardArrays(self.work, kind, against=self.against_index, base=AGAINST_BASE)
