"""Run a whole pipeline: plan shards, run each stage through an executor, write the
manifest and the dataset card. This is the only module that sequences stages.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from curate.errors import InputError, OutputError
from curate.executors.base import Executor
from curate.io.discover import InputFile, discover
from curate.io.split import split_inputs
from curate.io.writer import write_text
from curate.pipeline.card import write_card
from curate.pipeline.cluster import ClusterSummary, cluster
from curate.pipeline.docs import docs_path
from curate.pipeline.index import check_against, write_index_params
from curate.pipeline.layout import Layout
from curate.pipeline.load import LoadTask, load_part
from curate.pipeline.manifest import write_manifest
from curate.pipeline.plan import plan_tasks
from curate.pipeline.resume import (
    MarkedTask,
    file_stamp,
    fingerprint,
    load_marker,
    marker_path,
    run_marked,
    run_stage,
)
from curate.pipeline.shards import AGAINST_BASE, Shard, ShardSet
from curate.pipeline.stages import LinkTask, PrepareTask, TaskResult, link, link_units, prepare
from curate.pipeline.template_pass import LineCountTask, LineHashTask, count_lines, hash_lines
from curate.pipeline.write import WriteTask, write_shard
from curate.settings import Settings

log = logging.getLogger("curate")


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
    fingerprint: str = ""
    templates: int = 0
    shards: list[dict[str, object]] = field(default_factory=list)


def prepare_output(out: Path, stamp_value: str, *, force: bool = False) -> tuple[Layout, bool]:
    """Check that `out` can hold a dataset and clear what an earlier run left there, unless
    it is an interrupted run of the same command (same fingerprint): then it resumes.

    Returns the layout and whether the run resumes."""
    layout = Layout(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output {out} exists and is not a folder")
    if out.is_dir():
        visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
        ours = {"data", "removed", "index"}
        ours_before = layout.manifest.exists() or (layout.work / "fingerprint").exists()
        if visible - ours and not ours_before:
            raise OutputError(
                f"output folder {out} is not empty and holds no curate dataset; "
                "choose another --output or empty it"
            )
    stamp = layout.work / "fingerprint"
    try:
        resume = not force and stamp.is_file() and stamp.read_text() == stamp_value
        if not resume:
            for folder in (layout.work, layout.data, layout.removed, layout.index):
                if folder.exists():
                    shutil.rmtree(folder)
            layout.work.mkdir(parents=True, exist_ok=True)
            write_text(stamp_value, stamp)
        layout.manifest.unlink(missing_ok=True)  # a manifest marks a finished dataset
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from None
    return layout, resume


def _timed(summary: RunSummary, stage: str, start: float) -> None:
    summary.timings[stage] = round(time.perf_counter() - start, 3)


def _keys(jobs: Sequence[Any]) -> list[str]:
    return [f"task-{job.task:05d}" for job in jobs]


def _report_resume(resumed: bool, skipped: int, total: int) -> None:
    if resumed:
        log.info("resuming an interrupted run: %d of %d shards already done", skipped, total)


def _merge(results: list[TaskResult], summary: RunSummary) -> None:
    summary.shards = [
        {
            "task": r.task,
            "documents": r.documents,
            "seconds": {k: round(v, 3) for k, v in r.seconds.items()},
        }
        for r in results
    ]
    for result in results:
        for step, seconds in result.seconds.items():
            key = f"{step}_sum_over_shards"  # worker time, unlike the stages' wall-clock times
            summary.timings[key] = summary.timings.get(key, 0.0) + seconds
    summary.documents = sum(r.documents for r in results)


def _existing_shards(dataset: Path) -> list[Shard]:
    shards = []
    for part in sorted((dataset / "data").glob("part-*.parquet")):
        task = int(part.stem.split("-")[1])
        shards.append(Shard(AGAINST_BASE + task, pq.ParquetFile(part).metadata.num_rows, part))
    return shards


def _dedup_stages(
    layout: Layout,
    results: list[TaskResult],
    settings: Settings,
    executor: Executor,
    summary: RunSummary,
    against: Path | None,
) -> None:
    index = (
        check_against(against, settings.dedup, settings.run.bucket_partitions) if against else None
    )
    start = time.perf_counter()
    units = link_units(settings)
    jobs = [LinkTask(b, p, layout.out, settings, index) for b, p in units]
    run_stage(executor, layout.work, "link", link, jobs, [f"{b}-{p:03d}" for b, p in units])
    _timed(summary, "link", start)
    start = time.perf_counter()
    marker = marker_path(layout.work, "cluster", "all")
    summary.dedup = load_marker(marker)
    if summary.dedup is None:
        shards = [Shard(r.task, r.documents, docs_path(layout, r.task)) for r in results]
        if against is not None:
            shards += _existing_shards(against)
        shard_set = ShardSet(shards, layout.work, index)
        run_marked(
            MarkedTask(partial(cluster, layout, keep_rule=settings.dedup.keep), shard_set, marker)
        )
        summary.dedup = load_marker(marker)
    _timed(summary, "cluster", start)


def _finish(
    layout: Layout,
    results: list[TaskResult],
    settings: Settings,
    executor: Executor,
    summary: RunSummary,
    started: float,
    *,
    index: bool,
) -> RunSummary:
    start = time.perf_counter()
    jobs = [WriteTask(r.task, layout.out, settings, index) for r in results]
    written, _ = run_stage(executor, layout.work, "write", write_shard, jobs, _keys(results))
    if index:
        write_index_params(layout.index, settings.dedup, settings.run.bucket_partitions)
    _timed(summary, "write", start)
    summary.kept = sum(w.kept for w in written)
    summary.removed = sum(w.removed for w in written)
    summary.data_files = sorted(
        p.relative_to(layout.out).as_posix() for p in layout.data.glob("part-*.parquet")
    )
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


def _template_pass(
    layout: Layout,
    tasks: list[list[InputFile]],
    settings: Settings,
    executor: Executor,
    summary: RunSummary,
) -> None:
    """Count line hashes across shards, then keep the frequent ones per partition."""
    start = time.perf_counter()
    jobs = [LineHashTask(i, files, layout.out, settings) for i, files in enumerate(tasks)]
    run_stage(executor, layout.work, "lines", hash_lines, jobs, _keys(jobs))
    parts = range(settings.run.bucket_partitions)
    counts = [LineCountTask(p, layout.out, settings) for p in parts]
    keys = [f"part-{p:03d}" for p in parts]
    found, _ = run_stage(executor, layout.work, "templates", count_lines, counts, keys)
    summary.templates = sum(found)
    _timed(summary, "templates", start)


def _begin(
    command: str,
    inputs: list[str],
    stamps: list[tuple[str, int, int]],
    out: Path,
    settings: Settings,
    against: Path | None,
    *,
    force: bool,
    extra: object = None,
    against_label: str | None = None,
) -> tuple[Layout, bool, RunSummary]:
    """Check `--against`, fingerprint the run, prepare (or resume) the output folder.
    `against_label` names the earlier dataset when `against` is a fetched copy of it."""
    _check_against(against, out)
    against_path = against_label or (str(against.resolve()) if against else None)
    stamp = fingerprint(command, settings.to_dict(), stamps, [against_path, extra])
    layout, resumed = prepare_output(out, stamp, force=force)
    summary = RunSummary(command, inputs, against_path, files=len(stamps), fingerprint=stamp)
    return layout, resumed, summary


def run_pipeline(
    inputs: list[Path | str],
    out: Path,
    settings: Settings,
    executor: Executor,
    *,
    dedup: bool,
    command: str,
    against: Path | None = None,
    force: bool = False,
    against_label: str | None = None,
) -> RunSummary:
    """Read `inputs`, clean and normalise, optionally deduplicate, and write the dataset."""
    started = time.perf_counter()
    files = discover(inputs)
    if not files:
        raise InputError(f"no input files found in {', '.join(map(str, inputs))}")
    stamps = [(f.uri or str(f.path), *f.stamp()) for f in files]
    layout, resumed, summary = _begin(
        command,
        [str(p) for p in inputs],
        stamps,
        out,
        settings,
        against,
        force=force,
        extra=dedup,
        against_label=against_label,
    )
    spans = split_inputs(files, settings.run.task_bytes, settings.limits)
    tasks = plan_tasks(spans, settings.run.task_bytes, settings.run.task_files)
    if settings.run.template_pass:
        _template_pass(layout, tasks, settings, executor, summary)
    jobs = [PrepareTask(i, t, out, settings, sketch=dedup) for i, t in enumerate(tasks)]
    start = time.perf_counter()
    results, skipped = run_stage(executor, layout.work, "prepare", prepare, jobs, _keys(jobs))
    _report_resume(resumed, skipped, len(jobs))
    _timed(summary, "prepare", start)
    _merge(results, summary)
    if dedup:
        _dedup_stages(layout, results, settings, executor, summary, against)
    return _finish(layout, results, settings, executor, summary, started, index=dedup)


def dedup_dataset(
    dataset: Path,
    out: Path,
    settings: Settings,
    executor: Executor,
    against: Path | None = None,
    *,
    force: bool = False,
    against_label: str | None = None,
) -> RunSummary:
    """Deduplicate a dataset that curate wrote (its `data/` parts) into `out`."""
    started = time.perf_counter()
    parts = sorted((dataset / "data").glob("part-*.parquet"))
    if not parts:
        raise InputError(f"{dataset} holds no data/part-*.parquet: is it a curate dataset?")
    if out.resolve() == dataset.resolve():
        raise OutputError("dedup output must differ from its input dataset")
    stamps = [file_stamp(p) for p in parts]
    layout, resumed, summary = _begin(
        "dedup",
        [str(dataset)],
        stamps,
        out,
        settings,
        against,
        force=force,
        against_label=against_label,
    )
    jobs = [LoadTask(i, p, out, settings) for i, p in enumerate(parts)]
    start = time.perf_counter()
    results, skipped = run_stage(executor, layout.work, "sketch", load_part, jobs, _keys(jobs))
    _report_resume(resumed, skipped, len(jobs))
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
