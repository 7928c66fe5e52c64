"""Run a whole pipeline: plan shards, run each stage through an executor, write the
manifest and the dataset card. This is the only module that sequences stages.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from curate.errors import InputError, OutputError
from curate.executors.base import Executor
from curate.io.discover import discover
from curate.pipeline.card import write_card
from curate.pipeline.cluster import ClusterSummary, cluster
from curate.pipeline.index import check_against, write_index_params
from curate.pipeline.layout import Layout
from curate.pipeline.load import LoadTask, load_part
from curate.pipeline.manifest import write_manifest
from curate.pipeline.plan import plan_tasks
from curate.pipeline.shards import AGAINST_BASE, Shard, ShardSet
from curate.pipeline.stages import LinkTask, PrepareTask, TaskResult, link, link_units, prepare
from curate.pipeline.write import WriteTask, write_shard
from curate.settings import Settings


@dataclass
class RunSummary:
    """What a run did, for the closing summary line and the manifest."""

    command: str
    inputs: list[str]
    against: str | None = None
    files: int = 0
    documents: int = 0
    kept: int = 0
    removed: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    dedup: ClusterSummary | None = None
    data_files: list[str] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)


def prepare_output(out: Path) -> Layout:
    """Check that `out` can hold a dataset and clear what an earlier run left there."""
    layout = Layout(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output {out} exists and is not a folder")
    if out.is_dir():
        visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
        ours = {"data", "removed", "index"}
        if visible - ours and not layout.manifest.exists():
            raise OutputError(
                f"output folder {out} is not empty and holds no curate dataset; "
                "choose another --output or empty it"
            )
    try:
        for folder in (layout.work, layout.data, layout.removed, layout.index):
            if folder.exists():
                shutil.rmtree(folder)
        layout.work.mkdir(parents=True, exist_ok=True)
        probe = layout.work / ".probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from None
    return layout


def _timed(summary: RunSummary, stage: str, start: float) -> None:
    summary.timings[stage] = round(time.perf_counter() - start, 3)


def _merge(results: list[TaskResult], summary: RunSummary) -> None:
    for result in results:
        for step, seconds in result.seconds.items():
            summary.timings[step] = summary.timings.get(step, 0.0) + seconds
    summary.documents = sum(r.documents for r in results)


def _existing_shards(dataset: Path) -> list[Shard]:
    shards = []
    for part in sorted((dataset / "data").glob("part-*.parquet")):
        task = int(part.stem.split("-")[1])
        shards.append(Shard(AGAINST_BASE + task, pq.ParquetFile(part).metadata.num_rows, part))
    return shards


def _dedup_stages(
    layout: Layout, results: list[TaskResult], settings: Settings, executor: Executor,
    summary: RunSummary, against: Path | None,
) -> None:
    index = check_against(against, settings.dedup, settings.run.bucket_partitions) if against else None
    start = time.perf_counter()
    jobs = [LinkTask(b, p, layout.out, settings, index) for b, p in link_units(settings)]
    executor.map(link, jobs, label="link")
    _timed(summary, "link", start)
    start = time.perf_counter()
    shards = [Shard(r.task, r.documents, layout.docs(r.task)) for r in results]
    if against is not None:
        shards += _existing_shards(against)
    summary.dedup = cluster(layout, ShardSet(shards, layout.work, index), settings.dedup.keep)
    _timed(summary, "cluster", start)


def _finish(
    layout: Layout, results: list[TaskResult], settings: Settings, executor: Executor,
    summary: RunSummary, started: float, *, index: bool,
) -> RunSummary:
    start = time.perf_counter()
    jobs = [WriteTask(r.task, layout.out, settings, index) for r in results]
    written = executor.map(write_shard, jobs, label="write")
    if index:
        write_index_params(layout.index, settings.dedup, settings.run.bucket_partitions)
    _timed(summary, "write", start)
    summary.kept = sum(w.kept for w in written)
    summary.removed = sum(w.removed for w in written)
    summary.data_files = sorted(p.relative_to(layout.out).as_posix() for p in layout.data.glob("part-*.parquet"))
    summary.removed_files = sorted(
        p.relative_to(layout.out).as_posix() for p in layout.removed.glob("part-*.parquet")
    )
    reasons: Counter[str] = Counter()
    for w in written:
        reasons.update(w.reasons)
    summary.reasons = dict(reasons)
    _timed(summary, "total", started)
    write_manifest(layout, summary, settings)
    write_card(layout, summary, settings)
    if not settings.run.keep_work:
        shutil.rmtree(layout.work, ignore_errors=True)
    return summary


def _check_against(against: Path | None, out: Path) -> None:
    if against is None:
        return
    if not (against / "data").is_dir():
        raise InputError(f"--against {against} holds no data/: is it a curate dataset?")
    if against.resolve() == out.resolve():
        raise OutputError("--against must name another dataset than --output")


def run_pipeline(
    inputs: list[Path], out: Path, settings: Settings, executor: Executor, *, dedup: bool,
    command: str, against: Path | None = None,
) -> RunSummary:
    """Read `inputs`, clean and normalise, optionally deduplicate, and write the dataset."""
    started = time.perf_counter()
    files = discover(inputs)
    if not files:
        raise InputError(f"no input files found in {', '.join(map(str, inputs))}")
    _check_against(against, out)
    layout = prepare_output(out)
    summary = RunSummary(command, [str(p) for p in inputs], str(against.resolve()) if against else None)
    summary.files = len(files)
    tasks = plan_tasks(files, settings.run.task_bytes, settings.run.task_files)
    jobs = [PrepareTask(i, t, out, settings, sketch=dedup) for i, t in enumerate(tasks)]
    start = time.perf_counter()
    results = executor.map(prepare, jobs, label="clean")
    _timed(summary, "prepare", start)
    _merge(results, summary)
    if dedup:
        _dedup_stages(layout, results, settings, executor, summary, against)
    return _finish(layout, results, settings, executor, summary, started, index=dedup)


def dedup_dataset(
    dataset: Path, out: Path, settings: Settings, executor: Executor, against: Path | None = None
) -> RunSummary:
    """Deduplicate a dataset that curate wrote (its `data/` parts) into `out`."""
    started = time.perf_counter()
    parts = sorted((dataset / "data").glob("part-*.parquet"))
    if not parts:
        raise InputError(f"{dataset} holds no data/part-*.parquet: is it a curate dataset?")
    if out.resolve() == dataset.resolve():
        raise OutputError("dedup output must differ from its input dataset")
    _check_against(against, out)
    layout = prepare_output(out)
    summary = RunSummary("dedup", [str(dataset)], str(against.resolve()) if against else None)
    summary.files = len(parts)
    jobs = [LoadTask(i, p, out, settings) for i, p in enumerate(parts)]
    start = time.perf_counter()
    results = executor.map(load_part, jobs, label="sketch")
    _timed(summary, "sketch", start)
    _merge(results, summary)
    _dedup_stages(layout, results, settings, executor, summary, against)
    return _finish(layout, results, settings, executor, summary, started, index=True)


def summary_line(summary: RunSummary) -> str:
    """`kept 7, removed 5 (exact-duplicate 2, …) from 12 documents in 1.2 s`."""
    ordered = sorted(summary.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    reasons = ", ".join(f"{k} {v}" for k, v in ordered)
    removed = f"removed {summary.removed}" + (f" ({reasons})" if reasons else "")
    total = summary.timings.get("total", 0.0)
    return f"kept {summary.kept}, {removed} from {summary.documents} documents in {total:.1f} s"
