"""Load an existing curate dataset as staging shards, for `curate dedup DATASET`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from curate.io.writer import write_parquet
from curate.pipeline.layout import Layout
from curate.pipeline.stages import TaskResult, sketch_table
from curate.schema import DOC_SCHEMA
from curate.settings import Settings


@dataclass
class LoadTask:
    task: int
    part: Path
    out: Path
    settings: Settings


def load_part(job: LoadTask) -> TaskResult:
    """Copy one data part into the staging layout (missing columns null), then sketch it."""
    table = pq.read_table(job.part)
    columns = []
    for field in DOC_SCHEMA:
        if field.name in table.column_names:
            columns.append(table.column(field.name).cast(field.type))
        else:
            columns.append(pa.nulls(table.num_rows, field.type))
    docs = pa.Table.from_arrays(columns, schema=DOC_SCHEMA)
    layout = Layout(job.out)
    write_parquet(docs, layout.docs(job.task), compression="lz4")
    result = TaskResult(job.task, documents=docs.num_rows)
    sketch_table(layout, job.task, docs, job.settings)
    return result
