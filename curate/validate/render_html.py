"""One self-contained HTML page (`--html FILE`): status, the checks table, inline-SVG charts
(text-length histogram, languages, dates, removals by reason, duplicate cluster sizes) and
drift. No scripts, fonts or images are loaded from anywhere.
"""

from __future__ import annotations

import itertools
from html import escape
from typing import Any

from curate.validate.charts import bar_chart, column_chart
from curate.validate.render_markdown import fmt
from curate.validate.report import Report, Status

COLORS = {
    Status.PASS: "#1a7f37",
    Status.WARN: "#b7791f",
    Status.FAIL: "#cf222e",
    Status.SKIP: "#6e7781",
    Status.ERROR: "#8250df",
}
MAX_YEARS = 40
# Distinct fill colours per chart (the screenshot check looks for each of them).
CHART_COLORS = {
    "length": "#2e8b57",
    "languages": "#3b6fb6",
    "dates": "#7a4fd0",
    "removals": "#d9822b",
    "clusters": "#c03d8c",
    "precision": "#5f7d8c",
}

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;max-width:1120px;
 color:#1f2328;padding:0 16px;line-height:1.4}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}
.meta{color:#57606a;font-size:13px}
.badge{display:inline-block;color:#fff;border-radius:12px;padding:2px 12px;font-weight:600}
.summary span{margin-right:14px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}
.chip{color:#fff;border-radius:4px;padding:1px 6px;font-size:11px;font-weight:600;
 text-transform:uppercase}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:18px}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px}
.card svg{max-width:100%;height:auto}
code{font-size:12px}
"""


def _chip(status: Status) -> str:
    return f"<span class='chip' style='background:{COLORS[status]}'>{status}</span>"


def _length_items(hist: dict[str, list[int]]) -> list[tuple[str, int]]:
    edges, counts = hist.get("edges", []), hist.get("counts", [])

    def short(n: int) -> str:
        return f"{n // 1000}k" if n >= 1000 else str(n)

    labels = [f"{short(a)}–{short(b)}" for a, b in itertools.pairwise(edges)]
    labels.append(f"{short(edges[-1])}+" if edges else "")
    return list(zip(labels, counts, strict=False))


def _year_items(by_year: dict[str, int]) -> list[tuple[str, int]]:
    items = sorted(by_year.items())
    if len(items) > MAX_YEARS:
        cut = len(items) - MAX_YEARS + 1
        items = [(f"<{items[cut][0]}", sum(v for _, v in items[:cut])), *items[cut:]]
    return items


def charts(stats: dict[str, Any]) -> list[str]:
    """The report's SVG charts, in page order."""
    docs = stats.get("documents", {})
    dates = stats.get("dates", {})
    undated = max(0, (docs.get("kept") or 0) - (dates.get("dated") or 0))
    return [
        column_chart(
            _length_items(stats.get("length", {}).get("histogram", {})),
            "Text length (characters)",
            x_label="characters per document",
            color=CHART_COLORS["length"],
        ),
        bar_chart(
            list(stats.get("languages", {}).items()),
            "Languages (kept documents)",
            color=CHART_COLORS["languages"],
        ),
        column_chart(
            _year_items(dates.get("by_year", {})),
            f"Dates by year ({undated} undated)",
            color=CHART_COLORS["dates"],
            x_label="year",
        ),
        bar_chart(
            list(stats.get("removed_by_reason", {}).items()),
            "Removals by reason",
            color=CHART_COLORS["removals"],
        ),
        column_chart(
            [(k, v) for k, v in stats.get("cluster_sizes", {}).items()],
            "Duplicate clusters by size",
            color=CHART_COLORS["clusters"],
            x_label="documents per cluster",
        ),
        bar_chart(
            list(dates.get("by_precision", {}).items()),
            "Date precision",
            color=CHART_COLORS["precision"],
        ),
    ]


def _checks_table(report: Report) -> str:
    rows = []
    for check in report.checks:
        sign = "&lt;" if check.direction == "min" else "&gt;"
        warn = f"{sign} {fmt(check.warn)}" if check.warn is not None else ""
        fail = f"{sign} {fmt(check.fail)}" if check.fail is not None else ""
        rows.append(
            f"<tr><td>{_chip(check.status)}</td><td><code>{escape(check.name)}</code><br>"
            f"<span class='meta'>{escape(check.title)}</span></td>"
            f"<td>{escape(check.message)}</td><td class='num'>{fmt(check.value)}</td>"
            f"<td class='num'>{warn}</td><td class='num'>{fail}</td></tr>"
        )
    return (
        "<table><thead><tr><th>Status</th><th>Check</th><th>Result</th><th>Value</th>"
        "<th>Warn if</th><th>Fail if</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _drift_table(report: Report) -> str:
    if report.baseline is None:
        return ""
    rows = "".join(
        f"<tr><td>{escape(r.metric)}</td><td>{escape(r.key)}</td><td class='num'>{fmt(r.old)}"
        f"</td><td class='num'>{fmt(r.new)}</td><td class='num'>{r.change * 100:+.1f}"
        f"{'%' if r.kind == 'relative' else ' pts'}</td></tr>"
        for r in report.drift
    )
    return (
        f"<h2>Drift against <code>{escape(report.baseline)}</code></h2><table><thead><tr>"
        "<th>Metric</th><th>Key</th><th>Baseline</th><th>New</th><th>Change</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def render_html(report: Report) -> str:
    """The report as one HTML document."""
    status = report.status
    shown = Status.FAIL if report.strict and status is Status.WARN else status
    counts = report.counts()
    docs = report.stats.get("documents", {})
    summary = " ".join(f"<span>{_chip(Status(k))} {v}</span>" for k, v in counts.items() if v)
    cards = "".join(f"<div class='card'>{svg}</div>" for svg in charts(report.stats))
    title = f"curate validate: {report.dataset}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{CSS}</style></head>
<body>
<h1>curate validate <span class='badge' style='background:{COLORS[shown]}'>{shown}</span></h1>
<div class='meta'><code>{escape(report.dataset)}</code> · curate {escape(report.curate_version)}
 · {escape(report.created)} · {report.duration_s:.1f} s{" · strict" if report.strict else ""}</div>
<p>{docs.get("kept")} kept · {docs.get("removed")} removed · {docs.get("inputs")} input documents
 in the manifest</p>
<div class='summary'>{summary}</div>
<h2>Checks</h2>
{_checks_table(report)}
<h2>Dataset</h2>
<div class='charts'>{cards}</div>
{_drift_table(report)}
</body></html>
"""
