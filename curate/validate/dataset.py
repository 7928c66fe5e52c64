"""Locate the parts of a curate dataset and open them defensively.

Nothing here raises on a broken dataset: problems are recorded (`ParquetPart.error`,
`Layout.manifest_error`) so that every check can still run and report them.

>>> layout = open_layout(Path("/nonexistent"))
>>> layout.manifest is None, layout.manifest_error
(True, 'manifest.json is missing')
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

BATCH_ROWS = 4096


@dataclass
class ParquetPart:
    """One Parquet file of `data/` or `removed/`: footer facts, and the first read error."""

    path: Path
    rel: str
    rows: int = 0
    schema: pa.Schema | None = None
    compression: str | None = None
    error: str | None = None
    rows_read: int = 0

    def open_footer(self) -> None:
        """Read the footer (schema, row count, codec); record a failure in `error`."""
        try:
            meta = pq.ParquetFile(self.path).metadata
            self.schema = meta.schema.to_arrow_schema()
            self.rows = meta.num_rows
            if meta.num_row_groups and meta.num_columns:
                self.compression = str(meta.row_group(0).column(0).compression).lower()
        except Exception as exc:  # any unreadable footer is a finding, not a crash
            self.error = _one_line(exc)

    def batches(self, batch_rows: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
        """Yield every record batch, all columns decoded; a failure mid-file sets `error`."""
        if self.error is not None:
            return
        try:
            for batch in pq.ParquetFile(self.path).iter_batches(batch_size=batch_rows):
                self.rows_read += batch.num_rows
                yield batch
        except Exception as exc:  # a corrupt page: record it and stop reading this file
            self.error = _one_line(exc)
            return
        if self.rows_read != self.rows:
            self.error = f"footer says {self.rows} rows, {self.rows_read} could be read"


@dataclass
class Layout:
    """The files of a dataset folder: manifest, data parts, removed parts, stray files."""

    root: Path
    manifest: dict[str, Any] | None
    manifest_error: str | None
    data: list[ParquetPart] = field(default_factory=list)
    removed: list[ParquetPart] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)

    @property
    def parts(self) -> list[ParquetPart]:
        """Data parts, then removed parts."""
        return [*self.data, *self.removed]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]


def read_manifest(root: Path) -> tuple[dict[str, Any] | None, str | None]:
    """Parse `root/manifest.json`; return `(manifest, None)` or `(None, why it failed)`."""
    path = root / "manifest.json"
    if not path.is_file():
        return None, "manifest.json is missing"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"manifest.json is unreadable: {_one_line(exc)}"
    if not isinstance(data, dict):
        return None, "manifest.json is not a JSON object"
    return data, None


def _parts(root: Path, folder: str) -> tuple[list[ParquetPart], list[str]]:
    base = root / folder
    if not base.is_dir():
        return [], []
    parts, stray = [], []
    for path in sorted(base.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".parquet" and not path.name.startswith("."):
            part = ParquetPart(path, rel)
            part.open_footer()
            parts.append(part)
        else:
            stray.append(rel)  # temporary files left by a crash, stray copies...
    return parts, stray


def open_layout(root: Path) -> Layout:
    """Read the manifest and the Parquet footers of the dataset at `root`."""
    manifest, error = read_manifest(root)
    data, stray_data = _parts(root, "data")
    removed, stray_removed = _parts(root, "removed")
    return Layout(root, manifest, error, data, removed, stray_data + stray_removed)
