"""The global cluster stage: connected components of the verified edges, then one kept document
per cluster. It holds one int64 per document plus the edges, nothing else of the corpus.

With `--against`, documents of the earlier dataset take part but are never removed: a
cluster that holds one keeps it, and the new copies point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from curate.dedup.components import component_roots
from curate.dedup.keep import KEY_COLUMNS, kept_positions
from curate.dedup.store import similarity
from curate.io.writer import write_parquet
from curate.pipeline.docs import read_docs
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


def _read_edges(layout: Layout, shards: ShardSet) -> tuple[Array, Array]:
    """Every distinct verified edge, as dense ids."""
    files = sorted((layout.work / "edges").glob("*.parquet"))
    tables = [pq.read_table(f, columns=["a", "b"]) for f in files]
    if not tables:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    a, b = (
        shards.dense(np.concatenate([t.column(c).to_numpy() for t in tables]).astype(np.uint64))
        for c in ("a", "b")
    )
    pairs = np.unique(a * np.int64(shards.total) + b)  # one int64 per edge: a fast unique
    return pairs // shards.total, pairs % shards.total


def cluster(layout: Layout, shards: ShardSet, *, keep_rule: list[str]) -> ClusterSummary:
    """Write per-shard decision files for every new document in a cluster of two or more."""
    a, b = _read_edges(layout, shards)
    summary = ClusterSummary(edges=len(a))
    roots = component_roots(shards.total, a, b)
    sizes = np.bincount(roots, minlength=shards.total)
    member = np.flatnonzero(sizes[roots] > 1)
    new = _new_live_mask(shards)
    summary.clusters = int(np.count_nonzero(new & (roots == np.arange(shards.total))))
    size, count = np.unique(sizes[np.unique(roots[member])], return_counts=True)
    summary.duplicate_clusters = int(count.sum())
    summary.sizes = {str(k): v for k, v in zip(size.tolist(), count.tolist(), strict=True)}
    summary.matched_existing = _decide(layout, shards, roots[member], member, sizes, keep_rule)
    return summary


def _new_live_mask(shards: ShardSet) -> Array:
    masks = []
    for shard in shards.shards:
        if shard.existing:
            masks.append(np.zeros(shard.count, bool))
        elif shard.count:
            reasons = read_docs(shard.table, ["reason"]).column("reason")
            masks.append(reasons.is_null().to_numpy(zero_copy_only=False))
    return np.concatenate(masks) if masks else np.zeros(0, bool)


def _member_rows(shards: ShardSet, member: Array) -> tuple[pa.Table, Array]:
    """Keep-rule columns of the clustered documents only (read shard by shard, in `member`
    order), and whether each belongs to the earlier dataset."""
    k_of, row_of = shards.locate(member)
    tables = []
    for k in np.unique(k_of).tolist():
        table = read_docs(shards.shards[k].table, KEY_COLUMNS)
        tables.append(table.take(pa.array(row_of[k_of == k])))
    existing = np.array([s.existing for s in shards.shards], bool)[k_of]
    return pa.concat_tables(tables), existing


def _decide(
    layout: Layout, shards: ShardSet, roots: Array, member: Array, sizes: Array, rule: list[str]
) -> int:
    """Write the decision of every new clustered document; return how many new documents
    duplicate one of the earlier dataset."""
    if not len(member):
        return 0
    info, existing = _member_rows(shards, member)
    kept_at = kept_positions(info, roots, rule, existing)
    kept = member[kept_at]
    sims = similarity(shards.arrays("sigs"), shards.gids(member), shards.gids(kept))
    exact = shards.arrays("exact")
    same = exact.rows(shards.gids(member)) == exact.rows(shards.gids(kept))
    dropped = kept != member
    null = pa.scalar(None, pa.string())
    reason = pc.if_else(pa.array(same), "exact-duplicate", "near-duplicate")
    columns = {
        "reason": pc.if_else(pa.array(dropped), reason, null),
        "duplicate_of": pc.if_else(pa.array(dropped), info.column("id").take(kept_at), null),
        "similarity": [
            (1.0 if s else round(x, 4)) if d else None
            for d, s, x in zip(dropped.tolist(), same.tolist(), sims.tolist(), strict=True)
        ],
        "cluster_size": sizes[roots],
    }
    k_of, row_of = shards.locate(member)
    decisions = pa.table({"row": row_of, **columns}, schema=DECISION_SCHEMA)
    for k in np.unique(k_of[~existing]).tolist():
        rows = np.flatnonzero((k_of == k) & ~existing)
        write_parquet(decisions.take(pa.array(rows)), layout.decisions(shards.shards[k].task))
    return int(np.count_nonzero(dropped & ~existing & existing[kept_at]))
