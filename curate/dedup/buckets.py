"""Band-partitioned bucket files and the candidate pairs they yield.

Each shard writes, for every LSH band, the band keys of its documents into
`bands/<band>/part-<p>/task-<t>.parquet` (partitioned by key), so each (band, partition)
unit can be grouped independently by any worker, with memory bounded by the unit's size.
The exact-duplicate keys use the same layout under the band name `exact`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from curate.io.writer import write_parquet

Array = np.ndarray[Any, Any]

# A bucket larger than this is linked as a star from its first members, not all pairs.
ALL_PAIRS_MAX = 32
STAR_CENTRES = 4


def unit_dir(work: Path, band: str, part: int) -> Path:
    return work / "bands" / band / f"part-{part:03d}"


def write_band_files(
    work: Path, task: int, band: str, keys: Array, gids: Array, partitions: int
) -> None:
    """Write one shard's keys of one band, split into `partitions` files by key."""
    part_of = (keys % np.uint64(partitions)).astype(np.int64)
    for part in range(partitions):
        mask = part_of == part
        table = pa.table({"key": pa.array(keys[mask]), "gid": pa.array(gids[mask])})
        write_parquet(
            table, unit_dir(work, band, part) / f"task-{task:05d}.parquet", compression="none"
        )


def read_unit(work: Path, band: str, part: int) -> tuple[Array, Array]:
    """All (key, gid) rows of one unit, sorted by key then gid."""
    files = sorted(unit_dir(work, band, part).glob("task-*.parquet"))
    if not files:
        return np.empty(0, np.uint64), np.empty(0, np.uint64)
    tables = [pq.read_table(f) for f in files]
    keys = np.concatenate([t.column("key").to_numpy() for t in tables]).astype(np.uint64)
    gids = np.concatenate([t.column("gid").to_numpy() for t in tables]).astype(np.uint64)
    order = np.lexsort((gids, keys))
    return keys[order], gids[order]


def candidate_pairs(keys: Array, gids: Array, *, star_only: bool = False) -> tuple[Array, Array]:
    """Pairs `(a, b)`, `a < b`, of documents sharing a key (input sorted by key then gid).

    Small buckets give all pairs; large ones link every member to the first few, which keeps
    the pair count linear while still reaching every member.

    >>> k = np.array([1, 1, 1, 2], np.uint64); g = np.array([5, 6, 7, 8], np.uint64)
    >>> [list(map(int, x)) for x in candidate_pairs(k, g)]
    [[5, 5, 6], [6, 7, 7]]
    """
    if len(keys) < 2:
        return np.empty(0, np.uint64), np.empty(0, np.uint64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    left: list[Array] = []
    right: list[Array] = []
    for start, end in zip(starts, ends, strict=True):
        size = end - start
        if size < 2:
            continue
        members = gids[start:end]
        if not star_only and size <= ALL_PAIRS_MAX:
            i, j = np.triu_indices(size, k=1)
        else:
            centres = 1 if star_only else STAR_CENTRES
            i = np.repeat(np.arange(centres), size)
            j = np.tile(np.arange(size), centres)
            keep = j > i
            i, j = i[keep], j[keep]
        left.append(members[i])
        right.append(members[j])
    if not left:
        return np.empty(0, np.uint64), np.empty(0, np.uint64)
    return np.concatenate(left), np.concatenate(right)
