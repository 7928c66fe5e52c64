"""Load an existing curate dataset as staging shards, for `curate dedup DATASET`: its parts
are sketched where they are and read again by the write stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from curate.pipeline.docs import read_docs, refer_to_part
from curate.pipeline.layout import Layout
from curate.pipeline.stages import TaskResult, sketch_table
from curate.settings import Settings


@dataclass
class LoadTask:
    task: int
    part: Path
    out: Path
    settings: Settings


def load_part(job: LoadTask) -> TaskResult:
    """Sketch one data part and make it the task's staging documents (no copy)."""
    docs = read_docs(job.part, ["text", "reason"])
    layout = Layout(job.out)
    sketch_table(layout, job.task, docs, job.settings)
    refer_to_part(layout, job.task, job.part)
    return TaskResult(job.task, documents=docs.num_rows)
