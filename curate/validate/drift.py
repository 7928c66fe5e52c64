"""Drift between two runs: `curate validate NEW --baseline OLD`.

OLD is either an earlier dataset folder or the JSON report of an earlier validation (its
`stats` object), so CI can keep just the small report as its baseline. Four checks compare:

* `drift-counts`: relative change of input, kept and removed document counts;
* `drift-languages`: absolute change of each language's share of kept documents;
* `drift-removals`: absolute change of each removal reason's rate (of all input documents);
* `drift-length`: relative change of the p10, p50 and p90 text lengths.

>>> rows = compare_stats({"documents": {"kept": 100}}, {"documents": {"kept": 80}})
>>> [(r.key, r.change) for r in rows if r.metric == "counts"]
[('kept', -0.2)]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from curate.errors import InputError
from curate.validate.config import ValidateConfig
from curate.validate.report import CheckResult, DriftRow, Status, graded

METRICS = ("counts", "languages", "removals", "length")
LENGTH_KEYS = ("p10", "p50", "p90")


def _relative(old: float, new: float) -> float:
    if old == 0:
        return 0.0 if new == 0 else 1.0
    return round((new - old) / old, 6)


def _shares(counts: dict[str, int], total: int) -> dict[str, float]:
    return {k: v / total for k, v in counts.items()} if total else {}


def _get(stats: dict[str, Any], *keys: str) -> Any:
    node: Any = stats
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def compare_stats(old: dict[str, Any], new: dict[str, Any]) -> list[DriftRow]:
    """Rows for every compared quantity present in both `stats` objects."""
    rows: list[DriftRow] = []
    for key in ("inputs", "kept", "removed"):
        a, b = _get(old, "documents", key), _get(new, "documents", key)
        if isinstance(a, int) and isinstance(b, int):
            rows.append(DriftRow("counts", key, a, b, _relative(a, b), "relative"))
    for metric, field, denominator in (
        ("languages", "languages", ("kept",)),
        ("removals", "removed_by_group", ("kept", "removed")),
    ):
        a_counts, b_counts = _get(old, field), _get(new, field)
        if not isinstance(a_counts, dict) or not isinstance(b_counts, dict):
            continue
        a_total = sum(_get(old, "documents", k) or 0 for k in denominator)
        b_total = sum(_get(new, "documents", k) or 0 for k in denominator)
        a_sh, b_sh = _shares(a_counts, a_total), _shares(b_counts, b_total)
        if metric == "removals":
            a_sh["all"] = (_get(old, "documents", "removed") or 0) / a_total if a_total else 0.0
            b_sh["all"] = (_get(new, "documents", "removed") or 0) / b_total if b_total else 0.0
        for key in sorted(set(a_sh) | set(b_sh)):
            a, b = round(a_sh.get(key, 0.0), 6), round(b_sh.get(key, 0.0), 6)
            rows.append(DriftRow(metric, key, a, b, round(b - a, 6), "absolute"))
    a_q, b_q = _get(old, "length", "quantiles") or {}, _get(new, "length", "quantiles") or {}
    for key in LENGTH_KEYS:
        if isinstance(a_q.get(key), int | float) and isinstance(b_q.get(key), int | float):
            rows.append(
                DriftRow(
                    "length", key, a_q[key], b_q[key], _relative(a_q[key], b_q[key]), "relative"
                )
            )
    return rows


def drift_checks(rows: list[DriftRow], config: ValidateConfig) -> list[CheckResult]:
    """One graded check per metric: the largest absolute change against its thresholds."""
    titles = {
        "counts": "Drift: document counts",
        "languages": "Drift: language shares",
        "removals": "Drift: removal rates",
        "length": "Drift: text length quantiles",
    }
    results = []
    for metric in METRICS:
        name = f"drift-{metric}"
        mine = [r for r in rows if r.metric == metric]
        if not mine:
            results.append(
                CheckResult(name, titles[metric], Status.SKIP, "not present in both runs")
            )
            continue
        worst = max(mine, key=lambda r: (abs(r.change), r.key))
        unit = "%" if worst.kind == "relative" else " points"
        message = (
            f"largest change: {worst.key} {worst.old} -> {worst.new} "
            f"({worst.change * 100:+.1f}{unit})"
        )
        results.append(
            graded(
                name,
                titles[metric],
                round(abs(worst.change), 6),
                warn=getattr(config, f"drift_{metric}_warn"),
                fail=getattr(config, f"drift_{metric}_fail"),
                message=message,
                details={"rows": [r.to_dict() for r in mine]},
            )
        )
    return results


def load_baseline_stats(path: Path) -> dict[str, Any] | None:
    """`stats` of a JSON report, or None when `path` is a dataset folder (scan it instead)."""
    if path.is_dir():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"baseline {path} is neither a dataset folder nor a JSON report: {exc}"
        ) from None
    stats = data.get("stats") if isinstance(data, dict) else None
    if not isinstance(stats, dict):
        raise InputError(f"baseline {path} has no `stats` object (not a validation report?)")
    return stats
