"""`curate validate`: checks a dataset that curate wrote and reports for people and CI.

>>> from curate.validate import ValidateConfig, run_validation  # doctest: +SKIP
>>> report = run_validation(Path("output"), ValidateConfig())  # doctest: +SKIP
>>> write_reports(report, json=Path("report.json"), html=Path("report.html"))  # doctest: +SKIP
"""

from curate.validate.config import ValidateConfig, load_validate_config
from curate.validate.report import CheckResult, DriftRow, Report, Status
from curate.validate.runner import (
    append_step_summary,
    run_validation,
    write_default_reports,
    write_reports,
)

__all__ = [
    "CheckResult",
    "DriftRow",
    "Report",
    "Status",
    "ValidateConfig",
    "append_step_summary",
    "load_validate_config",
    "run_validation",
    "write_default_reports",
    "write_reports",
]
