"""JUnit XML (`--junit FILE`): one `<testcase>` per check in one `<testsuite>`.

A failed (or, with `--strict`, warned) check carries `<failure message=...>`; a crashed check
`<error>`; a skipped check `<skipped>`. Warnings of a passing run go to `<system-out>`.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from curate.validate.report import CheckResult, Report, Status

SUITE = "curate.validate"


def _body(check: CheckResult) -> str:
    lines = [check.message]
    if check.value is not None:
        lines.append(
            f"value={check.value} warn={check.warn} fail={check.fail} "
            f"({'lower' if check.direction == 'min' else 'upper'} bounds)"
        )
    if check.details:
        lines.append(json.dumps(check.details, ensure_ascii=False, default=str)[:4000])
    return "\n".join(lines)


def render_junit(report: Report) -> str:
    """The report as a JUnit XML document (UTF-8 text)."""
    failures = sum(1 for c in report.checks if c.status is not Status.ERROR and report.failed(c))
    errors = sum(1 for c in report.checks if c.status is Status.ERROR)
    skipped = sum(1 for c in report.checks if c.status is Status.SKIP)
    attrs = {
        "name": SUITE,
        "tests": str(len(report.checks)),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": str(skipped),
        "time": f"{report.duration_s:.3f}",
        "timestamp": report.created,
    }
    root = ET.Element(
        "testsuites",
        {k: attrs[k] for k in ("name", "tests", "failures", "errors", "skipped", "time")},
    )
    suite = ET.SubElement(root, "testsuite", attrs)
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("dataset", report.dataset),
        ("curate_version", report.curate_version),
        ("strict", str(report.strict).lower()),
        ("baseline", report.baseline or ""),
    ):
        ET.SubElement(props, "property", {"name": name, "value": value})
    for check in report.checks:
        case = ET.SubElement(
            suite, "testcase", {"classname": SUITE, "name": check.name, "time": "0"}
        )
        if check.status is Status.ERROR:
            ET.SubElement(case, "error", {"message": check.message, "type": "error"}).text = _body(
                check
            )
        elif report.failed(check):
            ET.SubElement(
                case, "failure", {"message": check.message, "type": str(check.status)}
            ).text = _body(check)
        elif check.status is Status.SKIP:
            ET.SubElement(case, "skipped", {"message": check.message})
        elif check.status is Status.WARN:
            ET.SubElement(case, "system-out").text = f"WARNING: {_body(check)}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
