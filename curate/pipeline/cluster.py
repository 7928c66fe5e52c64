"""The global cluster stage: union-find over every verified edge, then one kept document
per cluster. It holds one int64 per document plus the edges, nothing else of the corpus.

With `--against`, documents of the earlier dataset take part but are never removed: a
cluster that holds one keeps it, and the new copies point at it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from curate.dedup.keep import KEY_COLUMNS, best_index
from curate.dedup.store import similarity
from curate.dedup.unionfind import UnionFind
from curate.io.writer import write_parquet
from curate.pipeline.layout import Layout
from curate.pipeline.shards import ShardSet

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
    matched_existing: int = 0


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


def cluster(layout: Layout, shards: ShardSet, *, keep_rule: list[str]) -> ClusterSummary:
    """Write per-shard decision files for every new document in a cluster of two or more."""
    a, b = _read_edges(layout)
    summary = ClusterSummary(edges=len(a))
    uf = UnionFind(shards.total)
    for x, y in zip(shards.dense(a).tolist(), shards.dense(b).tolist(), strict=True):
        uf.union(x, y)
    roots = uf.roots()
    sizes = np.bincount(roots, minlength=shards.total)
    member = np.flatnonzero(sizes[roots] > 1)
    new = _new_live_mask(shards)
    summary.clusters = int(np.count_nonzero(new & (roots == np.arange(shards.total))))
    histogram = Counter(int(sizes[r]) for r in np.unique(roots[member]))
    summary.duplicate_clusters = sum(histogram.values())
    summary.sizes = {str(k): v for k, v in sorted(histogram.items())}
    summary.matched_existing = _decide(layout, shards, roots[member], member, sizes, keep_rule)
    return summary


def _new_live_mask(shards: ShardSet) -> Array:
    masks = []
    for shard in shards.shards:
        if shard.existing:
            masks.append(np.zeros(shard.count, bool))
        elif shard.count:
            reasons = pq.read_table(shard.table, columns=["reason"]).column("reason")
            masks.append(reasons.is_null().to_numpy(zero_copy_only=False))
    return np.concatenate(masks) if masks else np.zeros(0, bool)


def _member_rows(shards: ShardSet, member: Array) -> dict[int, dict[str, Any]]:
    """Keep-rule columns of the clustered documents only, read shard by shard."""
    rows: dict[int, dict[str, Any]] = {}
    k_of, row_of = shards.locate(member)
    for k in np.unique(k_of):
        shard = shards.shards[int(k)]
        picked = k_of == k
        table = pq.read_table(shard.table, columns=KEY_COLUMNS)
        subset = table.take(pa.array(row_of[picked])).to_pylist()
        for record in subset:
            record["existing"] = shard.existing
        rows.update(zip(member[picked].tolist(), subset, strict=True))
    return rows


def _decide(
    layout: Layout, shards: ShardSet, roots: Array, member: Array, sizes: Array, rule: list[str]
) -> int:
    info = _member_rows(shards, member)
    kept_of: dict[int, int] = {}
    order = np.argsort(roots, kind="stable")
    for group in np.split(member[order], np.flatnonzero(np.diff(roots[order])) + 1):
        ids = group.tolist()
        if not ids:
            continue
        existing = [i for i in ids if info[i]["existing"]]
        pool = existing or ids  # documents already published are never removed
        best = pool[best_index([info[i] for i in pool], rule)]
        for i in ids:
            kept_of[i] = best
    dense = np.array(sorted(kept_of), dtype=np.int64)
    kept = np.array([kept_of[i] for i in dense.tolist()], dtype=np.int64)
    sims = similarity(shards.arrays("sigs"), shards.gids(dense), shards.gids(kept))
    exact = shards.arrays("exact")
    exact_same = exact.rows(shards.gids(dense)) == exact.rows(shards.gids(kept))
    root_of = dict(zip(member.tolist(), roots.tolist(), strict=True))
    k_of, row_of = shards.locate(dense)
    per_shard: dict[int, list[dict[str, Any]]] = {}
    matched = 0
    for i, k, sim, same, shard_k, row in zip(
        dense.tolist(),
        kept.tolist(),
        sims.tolist(),
        exact_same.tolist(),
        k_of.tolist(),
        row_of.tolist(),
        strict=True,
    ):
        if info[i]["existing"]:
            continue
        record: dict[str, Any] = {"row": row, "cluster_size": int(sizes[root_of[i]])}
        if i == k:
            record.update(reason=None, duplicate_of=None, similarity=None)
        else:
            matched += bool(info[k]["existing"])
            record.update(
                reason="exact-duplicate" if same else "near-duplicate",
                duplicate_of=info[k]["id"],
                similarity=1.0 if same else round(float(sim), 4),
            )
        per_shard.setdefault(shard_k, []).append(record)
    for shard_k, records in per_shard.items():
        task = shards.shards[shard_k].task
        table = pa.Table.from_pylist(records, schema=DECISION_SCHEMA)
        write_parquet(table, layout.decisions(task))
    return matched
