"""Run a whole pipeline: plan shards, run each stage through an executor, write the
manifest and the dataset card. This is the only module that sequences stages.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from curate.errors import InputError, OutputError
from curate.executors.base import Executor
from curate.io.discover import discover
from curate.pipeline.card import write_card
from curate.pipeline.cluster import ClusterSummary, cluster
from curate.pipeline.layout import Layout
from curate.pipeline.load import LoadTask, load_part
from curate.pipeline.manifest import write_manifest
from curate.pipeline.plan import plan_tasks
from curate.pipeline.stages import LinkTask, PrepareTask, TaskResult, link, link_units, prepare
from curate.pipeline.write import WriteTask, write_shard
from curate.settings import Settings


@dataclass
class RunSummary:
    """What a run did, for the closing summary line and the manifest."""

    command: str
    inputs: list[str]
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
        visible = [p for p in out.iterdir() if not p.name.startswith(".")]
        if (
            visible
            and not layout.manifest.exists()
            and {p.name for p in visible} - {"data", "removed"}
        ):
            raise OutputError(
                f"output folder {out} is not empty and holds no curate dataset; "
                "choose another --output or empty it"
            )
    try:
        for folder in (layout.work, layout.data, layout.removed):
            if folder.exists():
                shutil.rmtree(folder)
        layout.work.mkdir(parents=True, exist_ok=True)
        probe = layout.work / ".probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from None
    return layout


def _merge(results: list[TaskResult], summary: RunSummary) -> None:
    for result in results:
        for step, seconds in result.seconds.items():
            summary.timings[step] = summary.timings.get(step, 0.0) + seconds
    summary.documents = sum(r.documents for r in results)


def _dedup_stages(
    layout: Layout,
    results: list[TaskResult],
    settings: Settings,
    executor: Executor,
    summary: RunSummary,
) -> None:
    start = time.perf_counter()
    jobs = [LinkTask(band, part, layout.out, settings) for band, part in link_units(settings)]
    executor.map(link, jobs, label="link")
    summary.timings["link"] = time.perf_counter() - start
    start = time.perf_counter()
    summary.dedup = cluster(layout.out, [r.documents for r in results], settings.dedup.keep)
    summary.timings["cluster"] = time.perf_counter() - start


def _finish(
    layout: Layout,
    results: list[TaskResult],
    settings: Settings,
    executor: Executor,
    summary: RunSummary,
    started: float,
) -> RunSummary:
    start = time.perf_counter()
    written = executor.map(
        write_shard, [WriteTask(r.task, layout.out) for r in results], label="write"
    )
    summary.timings["write"] = time.perf_counter() - start
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
    summary.timings["total"] = time.perf_counter() - started
    write_manifest(layout, summary, settings)
    write_card(layout, summary, settings)
    if not settings.run.keep_work:
        shutil.rmtree(layout.work, ignore_errors=True)
    return summary


def run_pipeline(
    inputs: list[Path],
    out: Path,
    settings: Settings,
    executor: Executor,
    *,
    dedup: bool,
    command: str,
) -> RunSummary:
    """Read `inputs`, clean and normalise, optionally deduplicate, and write the dataset."""
    started = time.perf_counter()
    files = discover(inputs)
    if not files:
        raise InputError(f"no input files found in {', '.join(map(str, inputs))}")
    layout = prepare_output(out)
    summary = RunSummary(command=command, inputs=[str(p) for p in inputs], files=len(files))
    tasks = plan_tasks(files, settings.run.task_bytes, settings.run.task_files)
    jobs = [PrepareTask(i, t, out, settings, sketch=dedup) for i, t in enumerate(tasks)]
    start = time.perf_counter()
    results = executor.map(prepare, jobs, label="clean")
    summary.timings["prepare"] = time.perf_counter() - start
    _merge(results, summary)
    if dedup:
        _dedup_stages(layout, results, settings, executor, summary)
    return _finish(layout, results, settings, executor, summary, started)


def dedup_dataset(dataset: Path, out: Path, settings: Settings, executor: Executor) -> RunSummary:
    """Deduplicate a dataset that curate wrote (its `data/` parts) into `out`."""
    started = time.perf_counter()
    parts = sorted((dataset / "data").glob("part-*.parquet"))
    if not parts:
        raise InputError(f"{dataset} holds no data/part-*.parquet: is it a curate dataset?")
    if out.resolve() == dataset.resolve():
        raise OutputError("dedup output must differ from its input dataset")
    layout = prepare_output(out)
    summary = RunSummary(command="dedup", inputs=[str(dataset)], files=len(parts))
    jobs = [LoadTask(i, p, out, settings) for i, p in enumerate(parts)]
    start = time.perf_counter()
    results = executor.map(load_part, jobs, label="sketch")
    summary.timings["sketch"] = time.perf_counter() - start
    _merge(results, summary)
    _dedup_stages(layout, results, settings, executor, summary)
    return _finish(layout, results, settings, executor, summary, started)


def summary_line(summary: RunSummary) -> str:
    """`kept 7, removed 5 (exact-duplicate 2, …) from 12 documents in 1.2 s`."""
    reasons = ", ".join(
        f"{k} {v}" for k, v in sorted(summary.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    removed = f"removed {summary.removed}" + (f" ({reasons})" if reasons else "")
    total = summary.timings.get("total", 0.0)
    return f"kept {summary.kept}, {removed} from {summary.documents} documents in {total:.1f} s"
