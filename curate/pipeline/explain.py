"""`curate dedup DATASET --explain ID`: a document's duplicate cluster, with the estimated
Jaccard similarity of every pair of its members (from the signatures in `index/`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq

from curate.dedup.store import array_path
from curate.errors import InputError


@dataclass
class Member:
    id: str
    source: str
    status: str  # "kept" or the removal reason
    duplicate_of: str | None
    signature: np.ndarray[Any, Any] | None


def _find(dataset: Path, folder: str, kind: str, match: Any) -> list[Member]:
    """Members of `folder` whose rows satisfy `match(table)` (a boolean mask)."""
    found: list[Member] = []
    for part in sorted((dataset / folder).glob("part-*.parquet")):
        table = pq.read_table(part)
        rows = np.flatnonzero(match(table))
        if not len(rows):
            continue
        task = int(part.stem.split("-")[1])
        sigs_path = array_path(dataset / "index", kind, task)
        sigs = np.load(sigs_path, mmap_mode="r") if sigs_path.exists() else None
        for r in rows.tolist():
            row = table.slice(r, 1).to_pylist()[0]
            status = "kept" if folder == "data" else row["reason"]
            signature = None if sigs is None else sigs[r]
            found.append(
                Member(row["id"], row["source"], status, row.get("duplicate_of"), signature)
            )
    return found


def _column_is(name: str, value: str) -> Any:
    def match(table: Any) -> Any:
        if name not in table.column_names:
            return np.zeros(table.num_rows, bool)
        return np.array([v == value for v in table.column(name).to_pylist()], bool)

    return match


def cluster_of(dataset: Path, doc_id: str) -> list[Member]:
    """The kept document of `doc_id`'s cluster first, then its duplicates."""
    kept = _find(dataset, "data", "sigs", _column_is("id", doc_id))
    if not kept:
        removed = _find(dataset, "removed", "removed-sigs", _column_is("id", doc_id))
        if not removed:
            raise InputError(f"no document with id {doc_id} in {dataset}")
        target = removed[0].duplicate_of
        if not target:
            return removed[:1]
        kept = _find(dataset, "data", "sigs", _column_is("id", target))
    if not kept:
        return []
    dups = _find(dataset, "removed", "removed-sigs", _column_is("duplicate_of", kept[0].id))
    return kept[:1] + dups


def render(members: list[Member]) -> str:
    """A member table and a matrix of pairwise similarities."""
    lines = [f"cluster of {len(members)} document(s)", ""]
    for i, m in enumerate(members):
        lines.append(f"[{i}] {m.id}  {m.status:<16} {m.source}")
    sigs = [m.signature for m in members]
    if len(members) > 1 and all(s is not None for s in sigs):
        header = "".join(f"[{j}]".rjust(7) for j in range(len(members)))
        lines += ["", "estimated Jaccard similarity:", "      " + header]
        for i, a in enumerate(sigs):
            cells = "".join(f"{float(np.mean(a == b)):7.3f}" for b in sigs)  # type: ignore[operator]
            lines.append(f"[{i}]".ljust(6) + cells)
    return "\n".join(lines)
