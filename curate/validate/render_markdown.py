"""Markdown report (`--markdown FILE`, and `$GITHUB_STEP_SUMMARY`): a status line, a table of
checks, a few dataset figures, and the drift table when a baseline was given.
"""

from __future__ import annotations

from typing import Any

from curate.validate.report import CheckResult, Number, Report, Status

ICONS = {
    Status.PASS: "✅",
    Status.WARN: "⚠️",
    Status.FAIL: "❌",
    Status.SKIP: "⏭️",
    Status.ERROR: "💥",
}


def cell(text: object) -> str:
    """Escape a value for a Markdown table cell.

    >>> cell("a | b\\nc")
    'a \\\\| b c'
    """
    return " ".join(str(text).split()).replace("|", "\\|")


def fmt(value: Number | None) -> str:
    """Compact number: integers as is, small floats with 4 significant digits.

    >>> fmt(0.0123456), fmt(12), fmt(None)
    ('0.01235', '12', '')
    """
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.4g}"


def _thresholds(check: CheckResult) -> tuple[str, str]:
    sign = "<" if check.direction == "min" else ">"
    warn = f"{sign} {fmt(check.warn)}" if check.warn is not None else ""
    fail = f"{sign} {fmt(check.fail)}" if check.fail is not None else ""
    return warn, fail


def _top(counts: dict[str, Any], n: int = 8) -> str:
    items = list(counts.items())
    text = ", ".join(f"{k} {v}" for k, v in items[:n])
    return text + (f", +{len(items) - n} more" if len(items) > n else "") or "none"


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    counts = report.counts()
    status = report.status
    shown = Status.FAIL if report.strict and status is Status.WARN else status
    lines = [
        f"## {ICONS[shown]} curate validate: {shown}",
        "",
        f"`{cell(report.dataset)}` · curate {report.curate_version} · "
        f"{len(report.checks)} checks: {counts['pass']} passed, {counts['warn']} warned, "
        f"{counts['fail']} failed, {counts['skip']} skipped"
        + (f", {counts['error']} crashed" if counts["error"] else "")
        + (" · strict" if report.strict else "")
        + f" · {report.duration_s:.1f} s",
        "",
        "| | Check | Result | Value | Warn if | Fail if |",
        "|---|---|---|---|---|---|",
    ]
    for check in report.checks:
        warn, fail = _thresholds(check)
        lines.append(
            f"| {ICONS[check.status]} | `{check.name}` | {cell(check.message)} | "
            f"{fmt(check.value)} | {warn} | {fail} |"
        )
    stats = report.stats
    docs = stats.get("documents", {})
    quantiles = stats.get("length", {}).get("quantiles", {})
    lines += [
        "",
        "### Dataset",
        "",
        f"- **documents**: {docs.get('kept')} kept, {docs.get('removed')} removed, "
        f"{docs.get('inputs')} inputs in the manifest",
        f"- **removed by reason**: {cell(_top(stats.get('removed_by_reason', {})))}",
        f"- **languages**: {cell(_top(stats.get('languages', {})))}",
        f"- **dated documents**: {stats.get('dates', {}).get('dated')}",
        "- **text length** (characters): "
        + (", ".join(f"{k} {fmt(v)}" for k, v in quantiles.items()) or "none"),
    ]
    if stats.get("cluster_sizes"):
        lines.append(f"- **duplicate clusters by size**: {cell(_top(stats['cluster_sizes']))}")
    if report.baseline is not None:
        lines += [
            "",
            f"### Drift against `{cell(report.baseline)}`",
            "",
            "| Metric | Key | Baseline | New | Change |",
            "|---|---|---|---|---|",
        ]
        for row in report.drift:
            change = (
                f"{row.change * 100:+.1f}%"
                if row.kind == "relative"
                else f"{row.change * 100:+.1f} pts"
            )
            lines.append(
                f"| {row.metric} | {cell(row.key)} | {fmt(row.old)} | {fmt(row.new)} | {change} |"
            )
    return "\n".join(lines) + "\n"
