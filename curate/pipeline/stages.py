"""Stages: each is a function of one task, reading and writing files under `OUT/.work`.

Stages wrap the steps (read, clean, normalise, sketch, link, cluster, write) into units of
work that an executor can run anywhere; they hold no state between tasks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from curate.dedup.buckets import candidate_pairs, write_band_files
from curate.dedup.exact import exact_keys
from curate.dedup.lsh import band_keys
from curate.dedup.minhash import BatchMinHash
from curate.dedup.shingles import exact_jaccard, shingle_batch, shingle_hashes
from curate.dedup.store import ShardArrays, make_gids, save_array, similarity, split_gids
from curate.dedup.verify import accept, candidate_bands
from curate.io.discover import InputFile
from curate.io.remote import fetched
from curate.io.writer import write_parquet
from curate.pipeline.docs import docs_path, read_docs
from curate.pipeline.guard import process_files
from curate.pipeline.index import read_unit_with_against
from curate.pipeline.layout import Layout
from curate.pipeline.shards import AGAINST_BASE
from curate.pipeline.template_pass import load_templates
from curate.schema import DOC_SCHEMA
from curate.settings import Settings

Array = np.ndarray[Any, Any]


@dataclass
class TaskResult:
    """What a shard task reports back: counts and seconds per step."""

    task: int
    documents: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class PrepareTask:
    """Read, clean and normalise one shard of input files (then sketch it, when deduplicating).

    `isolate` runs every document in its own child process: the retry of a task whose
    worker died (executors call `isolated()`, see `curate.executors.local`).
    """

    task: int
    files: list[InputFile]
    out: Path
    settings: Settings
    sketch: bool = True
    isolate: bool = False

    def isolated(self) -> PrepareTask:
        """This task, to be retried with every document alone."""
        return replace(self, isolate=True)


def prepare(job: PrepareTask) -> TaskResult:
    """Clean one shard into `.work/docs/task-T.parquet`, each document guarded (time limits,
    failures and crashes cost that document only: see `curate.pipeline.guard`)."""
    layout = Layout(job.out)
    result = TaskResult(job.task)
    start = time.perf_counter()
    templates = load_templates(job.out) if job.settings.run.template_pass else {}
    with fetched(job.files, layout.work / "fetch" / f"task-{job.task:05d}") as files:
        rows = process_files(files, job.settings, isolate=job.isolate, templates=templates)
    table = pa.Table.from_pylist(rows, schema=DOC_SCHEMA)
    write_parquet(table, layout.docs(job.task), compression="lz4")
    result.seconds["clean"] = time.perf_counter() - start
    result.documents = table.num_rows
    if job.sketch:
        start = time.perf_counter()
        sketch_table(layout, job.task, table, job.settings)
        result.seconds["sketch"] = time.perf_counter() - start
    return result


def sketch_table(layout: Layout, task: int, table: pa.Table, settings: Settings) -> int:
    """Signatures, exact keys and band files of the documents of one shard still in play."""
    cfg = settings.dedup
    texts = table.column("text").to_pylist()
    reasons = table.column("reason").to_pylist()
    live = np.array([r is None and bool(t) for t, r in zip(texts, reasons, strict=True)], bool)
    n = len(texts)
    live_texts = [t for t, ok in zip(texts, live, strict=True) if ok]
    shingles = shingle_batch(live_texts, cfg, unique=False)
    live_sigs = BatchMinHash(cfg.num_perm, cfg.seed).signatures_csr(
        shingles.values, shingles.offsets
    )
    signatures = np.full((n, cfg.num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    signatures[live] = live_sigs
    save_array(layout.work, "sigs", task, signatures)
    sizes = np.zeros(n, dtype=np.int64)
    sizes[live] = np.maximum(shingles.n_tokens - shingles.ngram + 1, 1)
    save_array(layout.work, "sizes", task, sizes)
    exact = np.zeros(n, dtype=np.uint64)
    exact[live] = exact_keys(live_texts)
    save_array(layout.work, "exact", task, exact)
    gids = make_gids(task, n)[live]
    parts = settings.run.bucket_partitions
    write_band_files(layout.work, task, "exact", exact[live], gids, parts)
    bands, rows = candidate_bands(cfg)
    keys = band_keys(live_sigs, bands, rows)
    for band in range(bands):
        write_band_files(layout.work, task, f"band-{band:02d}", keys[:, band], gids, parts)
    return int(live.sum())


@dataclass
class LinkTask:
    """Group one (band, key-partition) unit into buckets and verify its candidate pairs."""

    band: str
    part: int
    out: Path
    settings: Settings
    against: Path | None = None  # index folder of an earlier dataset (`--against`)


EDGE_SCHEMA = pa.schema([("a", pa.uint64()), ("b", pa.uint64()), ("similarity", pa.float64())])


def link(job: LinkTask) -> int:
    """Write the verified edges of one unit; return how many there are."""
    layout = Layout(job.out)
    keys, gids = read_unit_with_against(layout.work, job.against, job.band, job.part)
    exact = job.band == "exact"
    a, b = candidate_pairs(keys, gids, star_only=exact)
    if len(a):
        pairs = np.unique(np.stack([a, b], axis=1), axis=0)
        old = np.uint64(AGAINST_BASE) << np.uint64(32)
        pairs = pairs[pairs[:, 0] < old]  # pairs inside the earlier dataset are settled
        a, b = pairs[:, 0], pairs[:, 1]
    if exact:
        sim = np.ones(len(a))
    else:
        arrays = {
            kind: ShardArrays(layout.work, kind, against=job.against, base=AGAINST_BASE)
            for kind in ("sigs", "sizes")
        }
        sim = similarity(arrays["sigs"], a, b)
        sizes = arrays["sizes"]
        keep = accept(sim, sizes.rows(a), sizes.rows(b), job.settings.dedup)
        a, b, sim = a[keep], b[keep], sim[keep]
        if job.settings.dedup.exact_verify and len(a):
            a, b, sim = _exact_verify(layout, job, a, b)
    table = pa.table({"a": a, "b": b, "similarity": sim}, schema=EDGE_SCHEMA)
    write_parquet(table, layout.edges(job.band, job.part), compression="none")
    return len(a)


def _texts(layout: Layout, against: Path | None, gids: Array) -> dict[int, str]:
    """Texts of `gids`, read shard by shard (staging docs, or the earlier dataset's parts)."""
    tasks, rows = split_gids(gids)
    out: dict[int, str] = {}
    for task in np.unique(tasks).tolist():
        if task >= AGAINST_BASE and against is not None:
            path = against.parent / "data" / f"part-{task - AGAINST_BASE:05d}.parquet"
        else:
            path = docs_path(layout, task)
        column = read_docs(path, ["text"]).column("text")
        picked = gids[tasks == task]
        texts = column.take(pa.array(rows[tasks == task])).to_pylist()
        out.update(zip(picked.tolist(), texts, strict=True))
    return out


def _exact_verify(layout: Layout, job: LinkTask, a: Array, b: Array) -> tuple[Array, Array, Array]:
    """Re-check accepted pairs with the exact shingle sets instead of the signatures."""
    cfg = job.settings.dedup
    texts = _texts(layout, job.against, np.unique(np.concatenate([a, b])))
    sets = {gid: shingle_hashes(text or "", cfg) for gid, text in texts.items()}
    jac = np.array(
        [exact_jaccard(sets[x], sets[y]) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    )
    size_a = np.array([len(sets[x]) for x in a.tolist()])
    size_b = np.array([len(sets[y]) for y in b.tolist()])
    keep = accept(jac, size_a, size_b, cfg)
    return a[keep], b[keep], jac[keep]


def link_units(settings: Settings) -> list[tuple[str, int]]:
    """Every (band, partition) unit of a run."""
    bands, _ = candidate_bands(settings.dedup)
    names = ["exact"] + [f"band-{b:02d}" for b in range(bands)]
    return [(name, p) for name in names for p in range(settings.run.bucket_partitions)]
