"""Validation reports that `curate run` writes into its output folder."""

from __future__ import annotations

import logging
from pathlib import Path

from curate.config import build_section
from curate.settings import Settings
from curate.validate.config import ValidateConfig
from curate.validate.runner import run_validation, write_default_reports

log = logging.getLogger("curate")


def write_run_reports(out: Path, settings: Settings) -> None:
    """Validate the fresh dataset and write its JSON, Markdown and HTML reports into `out`."""
    config = build_section(settings.validate_section, "validate", ValidateConfig)
    if config.reference_date == "" and settings.meta.reference_date:
        config.reference_date = settings.meta.reference_date
    report = run_validation(out, config)
    for path in write_default_reports(report, out):
        log.info("report: %s", path)
    failed = [c.name for c in report.checks if c.status == "fail"]
    if failed:
        log.warning("validation: %d check(s) failed: %s", len(failed), ", ".join(failed))
