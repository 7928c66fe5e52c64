"""Dataset statistics for the report's charts and for drift comparison.

The dict built here is the `stats` object of the JSON report (README.md, "Validation"); drift
reads the same shape back from an earlier report, so its keys are part of the stable schema.

>>> length_histogram(np.array([10, 120, 130, 5000]))["counts"][:4]
[1, 0, 2, 0]
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from curate.validate.profile import DataProfile, RemovedProfile

# Fixed 1-2-5 bin edges (code points) so histograms of two runs line up; the last is open.
LENGTH_EDGES = [0, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000]
QUANTILES = {
    "p0": 0.0,
    "p10": 0.1,
    "p25": 0.25,
    "p50": 0.5,
    "p75": 0.75,
    "p90": 0.9,
    "p99": 0.99,
    "p100": 1.0,
}


def length_histogram(lengths: np.ndarray[Any, Any]) -> dict[str, list[int]]:
    """Counts of text lengths per bin `[edges[i], edges[i+1])`, the last bin open-ended."""
    bins = np.searchsorted(np.array(LENGTH_EDGES[1:]), lengths, side="right")
    counts = np.bincount(bins, minlength=len(LENGTH_EDGES))
    return {"edges": list(LENGTH_EDGES), "counts": [int(c) for c in counts]}


def length_quantiles(lengths: np.ndarray[Any, Any]) -> dict[str, float]:
    """Text length quantiles (empty dict for an empty dataset)."""
    if lengths.size == 0:
        return {}
    values = np.quantile(lengths, list(QUANTILES.values()))
    return {key: round(float(v), 1) for key, v in zip(QUANTILES, values, strict=True)}


def reason_group(reason: str) -> str:
    """`unreadable: binary file` -> `unreadable` (charts and drift group by this)."""
    return reason.split(":", 1)[0].strip() or reason


def _manifest_int(manifest: dict[str, Any] | None, *keys: str) -> int | None:
    node: Any = manifest
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, int) and not isinstance(node, bool) else None


def cluster_sizes(manifest: dict[str, Any] | None, data: DataProfile) -> dict[str, int]:
    """Duplicate clusters per size: the manifest's `dedup.cluster_sizes`, else the kept
    documents' `cluster_size` column (sizes above 1)."""
    dedup = manifest.get("dedup") if isinstance(manifest, dict) else None
    sizes = dedup.get("cluster_sizes") if isinstance(dedup, dict) else None
    if isinstance(sizes, dict) and all(isinstance(v, int) for v in sizes.values()):
        items = sorted(sizes.items(), key=lambda kv: _size_key(str(kv[0])))
        return {str(k): int(v) for k, v in items if _size_key(str(k)) > 1}
    derived = {k: v for k, v in data.cluster_sizes.items() if _size_key(k) > 1}
    return dict(sorted(derived.items(), key=lambda kv: _size_key(kv[0])))


def _size_key(size: str) -> int:
    try:
        return int(size)
    except ValueError:
        return 1 << 30


def build_stats(
    manifest: dict[str, Any] | None, data: DataProfile, removed: RemovedProfile
) -> dict[str, Any]:
    """The `stats` object of the report."""
    lengths = data.length_array()
    groups: Counter[str] = Counter()
    for reason, count in removed.reasons.items():
        groups[reason_group(reason)] += count
    return {
        "documents": {
            "inputs": _manifest_int(manifest, "inputs", "documents"),
            "kept": data.rows,
            "removed": removed.rows,
        },
        "removed_by_reason": dict(removed.reasons.most_common()),
        "removed_by_group": dict(groups.most_common()),
        "languages": dict(data.languages.most_common()),
        "dates": {
            "dated": data.dated,
            "by_year": dict(sorted(data.years.items())),
            "by_precision": dict(data.precisions.most_common()),
        },
        "length": {
            "quantiles": length_quantiles(lengths),
            "histogram": length_histogram(lengths),
            "mean": round(float(lengths.mean()), 1) if lengths.size else None,
        },
        "cluster_sizes": cluster_sizes(manifest, data),
    }
