"""A task's staging documents: the cleaned rows in `.work/docs/task-T.parquet`, or for
`curate dedup`, a reference to the dataset part they already sit in (read, never copied).

>>> import tempfile, pyarrow as pa, pyarrow.parquet as pq
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     part = Path(tmp) / "part-00000.parquet"
...     pq.write_table(pa.table({"id": ["a"], "text": ["hello"]}), part)
...     layout = Layout(Path(tmp) / "out")
...     refer_to_part(layout, 0, part)
...     read_docs(docs_path(layout, 0), ["id", "reason"]).to_pylist()
[{'id': 'a', 'reason': None}]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from curate.io.writer import write_text
from curate.pipeline.layout import Layout
from curate.schema import DOC_SCHEMA


def _ref(layout: Layout, task: int) -> Path:
    return layout.docs(task).with_suffix(".ref")


def refer_to_part(layout: Layout, task: int, part: Path) -> None:
    """Make `part` (a dataset's data part) the staging documents of `task`."""
    write_text(str(part.resolve()), _ref(layout, task))


def docs_path(layout: Layout, task: int) -> Path:
    """The table that holds the staging documents of `task`."""
    ref = _ref(layout, task)
    return Path(ref.read_text("utf-8")) if ref.exists() else layout.docs(task)


def conform(table: pa.Table, columns: Sequence[str] | None = None) -> pa.Table:
    """`table` with the columns of the staging schema (all, or `columns`), nulls where absent."""
    fields = [DOC_SCHEMA.field(name) for name in columns or DOC_SCHEMA.names]
    arrays = [
        table.column(f.name).cast(f.type)
        if f.name in table.column_names
        else pa.nulls(table.num_rows, f.type)
        for f in fields
    ]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def read_docs(path: Path, columns: Sequence[str] | None = None) -> pa.Table:
    """Read staging documents (or a data part) as the staging schema, or some of its columns."""
    present = set(pq.read_schema(path).names)
    wanted = list(columns or DOC_SCHEMA.names)
    table = pq.read_table(path, columns=[c for c in wanted if c in present])
    return conform(table, wanted)
