"""Small helpers for reading curate outputs in tests."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq


def rows(folder: Path) -> list[dict[str, Any]]:
    """All rows of `folder/part-*.parquet`, in file order."""
    out: list[dict[str, Any]] = []
    for part in sorted(folder.glob("part-*.parquet")):
        out.extend(pq.read_table(part).to_pylist())
    return out


def by_source(folder: Path) -> dict[str, dict[str, Any]]:
    return {r["source"]: r for r in rows(folder)}


def digest(out: Path) -> dict[str, str]:
    """SHA-256 of every Parquet file under `out/data` and `out/removed`."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.glob("*/part-*.parquet"))
    }
