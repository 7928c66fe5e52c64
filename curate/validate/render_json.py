"""The JSON report (`--json FILE`); its schema is documented in README.md, section "Validation".

`SCHEMA_VERSION` changes only on incompatible changes (removed or retyped keys); new keys may
appear without a bump.
"""

from __future__ import annotations

import json
from typing import Any

from curate.validate.report import Report

SCHEMA_VERSION = 1


def report_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "curate validate",
        "curate_version": report.curate_version,
        "dataset": report.dataset,
        "created": report.created,
        "duration_s": report.duration_s,
        "status": str(report.status),
        "strict": report.strict,
        "exit_code": report.exit_code,
        "summary": report.counts(),
        "checks": [check.to_dict() for check in report.checks],
        "stats": report.stats,
        "baseline": report.baseline,
        "drift": [row.to_dict() for row in report.drift],
    }


def render_json(report: Report) -> str:
    """Indented JSON text, keys in a stable order, non-ASCII kept."""
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
