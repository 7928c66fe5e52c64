"""Atomic writes: data goes to a hidden temporary file, then is renamed into place, so a
crash or Ctrl-C never leaves a half-written file under a final name.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it to `path` only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        tmp.replace(path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_parquet(table: pa.Table, path: Path, *, compression: str = "zstd") -> None:
    """Write `table` to `path` atomically (zstd, deterministic bytes for the same table)."""
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression=compression, write_statistics=True)


def write_json(data: Any, path: Path) -> None:
    """Write `data` as indented, key-sorted JSON atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(
            json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", "utf-8"
        )


def write_text(text: str, path: Path) -> None:
    """Write a text file atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_npy(array: np.ndarray[Any, Any], path: Path) -> None:
    """Write a numpy array atomically (readable with `np.load(path, mmap_mode="r")`)."""
    with atomic_path(path) as tmp, tmp.open("wb") as handle:
        np.save(handle, array)
