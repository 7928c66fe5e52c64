"""The global cluster stage: union-find over every verified edge, then one kept document
per cluster. It holds one int64 per document plus the edges, nothing else of the corpus.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from curate.dedup.keep import KEY_COLUMNS, best_index
from curate.dedup.store import ShardArrays, similarity, split_gids
from curate.dedup.unionfind import UnionFind
from curate.io.writer import write_parquet
from curate.pipeline.layout import Layout

Array = np.ndarray[Any, Any]

DECISION_SCHEMA = pa.schema(
    [
        ("row", pa.int64()),
        ("reason", pa.string()),
        ("duplicate_of", pa.string()),
        ("similarity", pa.float64()),
        ("cluster_size", pa.int64()),
    ]
)


@dataclass
class ClusterSummary:
    """Counts for the manifest."""

    edges: int = 0
    clusters: int = 0
    duplicate_clusters: int = 0
    sizes: dict[str, int] = field(default_factory=dict)


def _read_edges(layout: Layout) -> tuple[Array, Array]:
    files = sorted((layout.work / "edges").glob("*.parquet"))
    tables = [pq.read_table(f, columns=["a", "b"]) for f in files]
    if not tables:
        return np.empty(0, np.uint64), np.empty(0, np.uint64)
    a = np.concatenate([t.column("a").to_numpy() for t in tables]).astype(np.uint64)
    b = np.concatenate([t.column("b").to_numpy() for t in tables]).astype(np.uint64)
    if len(a):
        pairs = np.unique(np.stack([a, b], axis=1), axis=0)
        a, b = pairs[:, 0], pairs[:, 1]
    return a, b


def cluster(out: Path, task_counts: list[int], keep_rule: list[str]) -> ClusterSummary:
    """Write per-shard decision files for every document in a cluster of two or more."""
    layout = Layout(out)
    offsets = np.concatenate([[0], np.cumsum(task_counts)]).astype(np.int64)
    total = int(offsets[-1])
    a, b = _read_edges(layout)
    summary = ClusterSummary(edges=len(a))
    uf = UnionFind(total)
    for x, y in zip(_dense(a, offsets).tolist(), _dense(b, offsets).tolist(), strict=True):
        uf.union(x, y)
    roots = uf.roots()
    sizes = np.bincount(roots, minlength=total)
    member = np.flatnonzero(sizes[roots] > 1)
    live = _live_mask(layout, task_counts)
    summary.clusters = int(np.count_nonzero(live & (roots == np.arange(total))))
    histogram = Counter(int(sizes[r]) for r in np.unique(roots[member]))
    summary.duplicate_clusters = sum(histogram.values())
    summary.sizes = {str(k): v for k, v in sorted(histogram.items())}
    _decide(layout, offsets, roots[member], member, sizes, keep_rule)
    return summary


def _dense(gids: Array, offsets: Array) -> Array:
    tasks, rows = split_gids(gids)
    return offsets[tasks] + rows


def _gids(dense: Array, offsets: Array) -> Array:
    tasks = np.searchsorted(offsets, dense, side="right") - 1
    rows = dense - offsets[tasks]
    return (tasks.astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64)


def _live_mask(layout: Layout, task_counts: list[int]) -> Array:
    masks = []
    for task, count in enumerate(task_counts):
        if count:
            reasons = pq.read_table(layout.docs(task), columns=["reason"]).column("reason")
            masks.append(reasons.is_null().to_numpy(zero_copy_only=False))
    return np.concatenate(masks) if masks else np.zeros(0, bool)


def _member_rows(layout: Layout, offsets: Array, member: Array) -> dict[int, dict[str, Any]]:
    """Keep-rule columns of the clustered documents only, read shard by shard."""
    rows: dict[int, dict[str, Any]] = {}
    tasks = np.searchsorted(offsets, member, side="right") - 1
    for task in np.unique(tasks):
        picked = member[tasks == task]
        table = pq.read_table(layout.docs(int(task)), columns=KEY_COLUMNS)
        subset = table.take(pa.array(picked - offsets[task])).to_pylist()
        rows.update(zip(picked.tolist(), subset, strict=True))
    return rows


def _decide(
    layout: Layout, offsets: Array, roots: Array, member: Array, sizes: Array, rule: list[str]
) -> None:
    info = _member_rows(layout, offsets, member)
    exact = ShardArrays(layout.work, "exact")
    kept_of: dict[int, int] = {}
    root_of = dict(zip(member.tolist(), roots.tolist(), strict=True))

    order = np.argsort(roots, kind="stable")
    groups = np.split(member[order], np.flatnonzero(np.diff(roots[order])) + 1)
    for group in groups:
        if len(group) == 0:
            continue
        ids = group.tolist()
        best = ids[best_index([info[i] for i in ids], rule)]
        for i in ids:
            kept_of[i] = best
    dense = np.array(sorted(kept_of), dtype=np.int64)
    kept = np.array([kept_of[i] for i in dense.tolist()], dtype=np.int64)
    sims = similarity(ShardArrays(layout.work, "sigs"), _gids(dense, offsets), _gids(kept, offsets))
    per_task: dict[int, list[dict[str, Any]]] = {}

    def locate(i: int) -> tuple[int, int]:
        task = int(np.searchsorted(offsets, i, side="right") - 1)
        return task, i - int(offsets[task])

    for i, k, sim in zip(dense.tolist(), kept.tolist(), sims.tolist(), strict=True):
        task, row = locate(i)
        record: dict[str, Any] = {"row": row, "cluster_size": int(sizes[root_of[i]])}
        if i == k:
            record.update(reason=None, duplicate_of=None, similarity=None)
        else:
            same = exact.shard(task)[row] == exact.shard(locate(k)[0])[locate(k)[1]]
            record.update(
                reason="exact-duplicate" if same else "near-duplicate",
                duplicate_of=info[k]["id"],
                similarity=1.0 if same else round(float(sim), 4),
            )
        per_task.setdefault(task, []).append(record)
    for task, records in per_task.items():
        write_parquet(pa.Table.from_pylist(records, schema=DECISION_SCHEMA), layout.decisions(task))
