"""The write stage: one shard's staging rows and dedup decisions to its final part files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from curate.dedup.store import ShardArrays, save_array
from curate.io.writer import write_parquet
from curate.pipeline.docs import docs_path, read_docs
from curate.pipeline.index import write_index_shard
from curate.pipeline.layout import Layout
from curate.schema import DATA_SCHEMA, REMOVED_SCHEMA
from curate.settings import Settings


@dataclass
class WriteTask:
    task: int
    out: Path
    settings: Settings
    index: bool = False  # also index the kept rows for later `--against` runs


@dataclass
class WriteResult:
    task: int
    kept: int
    removed: int
    reasons: dict[str, int]


def write_shard(job: WriteTask) -> WriteResult:
    """Write `data/part-T.parquet` (kept rows) and `removed/part-T.parquet` (the rest)."""
    layout = Layout(job.out)
    docs = read_docs(docs_path(layout, job.task))
    n = docs.num_rows
    reason = docs.column("reason").to_pylist()
    duplicate_of: list[str | None] = [None] * n
    similarity: list[float | None] = [None] * n
    cluster_size: list[int | None] = [1 if r is None else None for r in reason]
    decisions_path = layout.decisions(job.task)
    if decisions_path.exists():
        for d in pq.read_table(decisions_path).to_pylist():
            row = d["row"]
            cluster_size[row] = d["cluster_size"]
            if d["reason"] is not None:
                reason[row] = d["reason"]
                duplicate_of[row] = d["duplicate_of"]
                similarity[row] = d["similarity"]
    reasons = pa.array(reason, pa.string())
    kept_mask = pc.is_null(reasons)
    docs = docs.set_column(docs.schema.get_field_index("reason"), "reason", reasons)
    docs = docs.append_column("duplicate_of", pa.array(duplicate_of, pa.string()))
    docs = docs.append_column("similarity", pa.array(similarity, pa.float64()))
    docs = docs.append_column("cluster_size", pa.array(cluster_size, pa.int64()))
    kept = docs.filter(kept_mask).select(DATA_SCHEMA.names).cast(DATA_SCHEMA)
    if job.index:
        _index_kept(layout, job, kept_mask.to_numpy(zero_copy_only=False))
    removed = docs.filter(pc.invert(kept_mask)).select(REMOVED_SCHEMA.names).cast(REMOVED_SCHEMA)
    if kept.num_rows or job.task == 0:
        write_parquet(kept, layout.data_part(job.task))
    if removed.num_rows or job.task == 0:
        write_parquet(removed, layout.removed_part(job.task))
    counts = pc.value_counts(removed.column("reason")).to_pylist()
    reasons = {c["values"]: c["counts"] for c in counts}
    return WriteResult(job.task, kept.num_rows, removed.num_rows, reasons)


def _index_kept(layout: Layout, job: WriteTask, kept: np.ndarray) -> None:  # type: ignore[type-arg]
    rows = np.flatnonzero(kept)
    kinds = ("sigs", "sizes", "exact")
    sigs, sizes, exact = (ShardArrays(layout.work, kind).shard(job.task)[rows] for kind in kinds)
    cfg, partitions = job.settings.dedup, job.settings.run.bucket_partitions
    write_index_shard(layout.index, job.task, sigs, sizes, exact, cfg, partitions)
    # Signatures of removed rows too (same order as removed/part-T), for `dedup --explain`.
    removed_sigs = ShardArrays(layout.work, "sigs").shard(job.task)[np.flatnonzero(~kept)]
    save_array(layout.index, "removed-sigs", job.task, removed_sigs)
