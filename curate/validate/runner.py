"""Entry points: `run_validation` builds a `Report`; `write_reports` writes it in any format.

>>> from curate.validate.sample import write_sample_dataset
>>> import tempfile
>>> out = write_sample_dataset(Path(tempfile.mkdtemp()) / "out")
>>> report = run_validation(out, ValidateConfig())
>>> report.exit_code, report.check("unique-ids").status
(0, <Status.PASS: 'pass'>)
>>> sorted(p.name for p in write_default_reports(report, out))
['validation.html', 'validation.json', 'validation.md']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

from curate import __version__
from curate.errors import InputError, OutputError
from curate.validate.boilerplate import Classify, load_classifier
from curate.validate.checks import Context, run_checks
from curate.validate.config import ValidateConfig
from curate.validate.contract import lookup
from curate.validate.dataset import open_layout
from curate.validate.dates import resolve_reference
from curate.validate.drift import compare_stats, drift_checks, load_baseline_stats
from curate.validate.profile import profile_dataset
from curate.validate.render_html import render_html
from curate.validate.render_json import render_json
from curate.validate.render_junit import render_junit
from curate.validate.render_markdown import render_markdown
from curate.validate.report import Report
from curate.validate.stats import build_stats

REPORT_NAMES = {"json": "validation.json", "markdown": "validation.md", "html": "validation.html"}


def _classifier(manifest: dict[str, Any] | None) -> Classify | None:
    section = lookup(manifest, "config.clean") if manifest else None
    try:
        return load_classifier(section if isinstance(section, dict) else None)
    except ImportError:
        return None  # the cleaner is not installed: the boilerplate check is skipped


def _scan_stats(dataset: Path, config: ValidateConfig) -> dict[str, Any]:
    """Statistics of a baseline dataset folder (no MinHash, no classifier)."""
    layout = open_layout(dataset)
    if layout.manifest is None and not layout.data:
        raise InputError(f"baseline {dataset} is not a curate dataset (no manifest, no data/)")
    light = ValidateConfig(near_duplicate_sample=0, min_year=config.min_year)
    manifest_reference = lookup(layout.manifest, "reference_date")
    reference, _ = resolve_reference(config.reference_date, manifest_reference)
    data, removed = profile_dataset(layout, light, reference, None)
    return build_stats(layout.manifest, data, removed)


def run_validation(dataset: Path, config: ValidateConfig, baseline: Path | None = None) -> Report:
    """Run every check on the dataset at `dataset` (and drift against `baseline`)."""
    started = time.perf_counter()
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    dataset = Path(dataset)
    if not dataset.is_dir():
        raise InputError(f"dataset {dataset} is not a folder")
    layout = open_layout(dataset)
    if layout.manifest is None and not (dataset / "data").is_dir():
        raise InputError(f"{dataset} is not a curate dataset (no manifest.json, no data/)")
    reference, source = resolve_reference(
        config.reference_date, lookup(layout.manifest, "reference_date")
    )
    data, removed = profile_dataset(layout, config, reference, _classifier(layout.manifest))
    checks = run_checks(Context(layout, config, data, removed, reference, source))
    stats = build_stats(layout.manifest, data, removed)
    rows = []
    if baseline is not None:
        old = load_baseline_stats(baseline)
        if old is None:
            old = _scan_stats(baseline, config)
        rows = compare_stats(old, stats)
        checks += drift_checks(rows, config)
    return Report(
        dataset=str(dataset),
        checks=checks,
        stats=stats,
        curate_version=__version__,
        created=created,
        duration_s=round(time.perf_counter() - started, 3),
        strict=config.strict,
        baseline=str(baseline) if baseline is not None else None,
        drift=rows,
    )


def _write(text: str, path: Path) -> Path:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write report {path}: {exc.strerror or exc}") from None
    return path


def write_reports(
    report: Report,
    *,
    json: Path | None = None,
    markdown: Path | None = None,
    junit: Path | None = None,
    html: Path | None = None,
) -> list[Path]:
    """Write the report in each format given a path (atomically); return the paths written."""
    renderers = (
        (json, render_json),
        (markdown, render_markdown),
        (junit, render_junit),
        (html, render_html),
    )
    return [_write(render(report), Path(path)) for path, render in renderers if path is not None]


def write_default_reports(report: Report, out: Path) -> list[Path]:
    """What `curate run` writes: OUT/validation.json, .md and .html."""
    return write_reports(report, **{k: out / name for k, name in REPORT_NAMES.items()})


def append_step_summary(report: Report) -> Path | None:
    """Append the Markdown report to `$GITHUB_STEP_SUMMARY` when that variable is set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(render_markdown(report) + "\n")
    except OSError as exc:
        raise OutputError(
            f"cannot append to $GITHUB_STEP_SUMMARY ({target}): {exc.strerror or exc}"
        ) from None
    return Path(target)
