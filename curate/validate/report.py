"""The result model of `curate validate`: one `CheckResult` per check, gathered in a `Report`.

Thresholds are graded the same way everywhere: for an upper bound (`direction="max"`) a value
above `fail` fails and a value above `warn` warns; for a lower bound (`direction="min"`, e.g.
date coverage) a value below `fail` fails and a value below `warn` warns.

>>> grade(3, warn=0, fail=5)
<Status.WARN: 'warn'>
>>> grade(0.9, warn=0.5, fail=0.1, direction="min")
<Status.PASS: 'pass'>
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal

from curate.errors import EXIT_CHECKS_FAILED, EXIT_INTERNAL, EXIT_OK

Number = int | float
Direction = Literal["max", "min"]


class Status(enum.StrEnum):
    """Outcome of one check. `error` means the check itself crashed (an internal error)."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"
    ERROR = "error"


# Worst first: the overall status of a report is the worst of its checks.
_SEVERITY = {Status.ERROR: 4, Status.FAIL: 3, Status.WARN: 2, Status.PASS: 1, Status.SKIP: 0}


def grade(value: Number, *, warn: Number, fail: Number, direction: Direction = "max") -> Status:
    """Grade `value` against warn and fail thresholds."""
    if direction == "max":
        if value > fail:
            return Status.FAIL
        return Status.WARN if value > warn else Status.PASS
    if value < fail:
        return Status.FAIL
    return Status.WARN if value < warn else Status.PASS


@dataclass
class CheckResult:
    """One check's outcome.

    `value` is the measured number the thresholds apply to (None for pass/fail-only checks);
    `details` holds JSON-ready extra facts (examples, per-file problems, sample sizes).

    >>> CheckResult("unique-ids", "Unique ids", Status.PASS, "all 10 ids are unique").ok
    True
    """

    name: str
    title: str
    status: Status
    message: str
    value: Number | None = None
    warn: Number | None = None
    fail: Number | None = None
    direction: Direction = "max"
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True unless the check failed or crashed."""
        return self.status not in (Status.FAIL, Status.ERROR)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (see README.md, section "Validation" for the schema)."""
        return {
            "name": self.name,
            "title": self.title,
            "status": str(self.status),
            "message": self.message,
            "value": self.value,
            "warn": self.warn,
            "fail": self.fail,
            "direction": self.direction,
            "details": self.details,
        }


def graded(
    name: str,
    title: str,
    value: Number,
    *,
    warn: Number,
    fail: Number,
    message: str,
    direction: Direction = "max",
    details: dict[str, Any] | None = None,
) -> CheckResult:
    """Build a `CheckResult` whose status comes from `grade(value, warn, fail)`.

    >>> graded("x", "X", 2, warn=0, fail=0, message="2 bad").status
    <Status.FAIL: 'fail'>
    """
    status = grade(value, warn=warn, fail=fail, direction=direction)
    return CheckResult(name, title, status, message, value, warn, fail, direction, details or {})


@dataclass
class DriftRow:
    """One compared quantity between a baseline and the new dataset.

    `change` is relative (`(new - old) / old`) for counts and quantiles and absolute (new - old)
    for shares and rates; `kind` says which.
    """

    metric: str
    key: str
    old: Number | None
    new: Number | None
    change: float
    kind: Literal["relative", "absolute"]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "metric": self.metric,
            "key": self.key,
            "old": self.old,
            "new": self.new,
            "change": self.change,
            "kind": self.kind,
        }


@dataclass
class Report:
    """Everything `curate validate` found: checks, dataset statistics, optional drift rows."""

    dataset: str
    checks: list[CheckResult]
    stats: dict[str, Any]
    curate_version: str
    created: str
    duration_s: float
    strict: bool = False
    baseline: str | None = None
    drift: list[DriftRow] = field(default_factory=list)

    @property
    def status(self) -> Status:
        """The worst check status (`pass` when every check passed or was skipped)."""
        worst = max((c.status for c in self.checks), key=_SEVERITY.__getitem__, default=Status.SKIP)
        return Status.PASS if worst is Status.SKIP else worst

    def counts(self) -> dict[str, int]:
        """Number of checks per status, every status present."""
        out = {str(s): 0 for s in Status}
        for check in self.checks:
            out[str(check.status)] += 1
        return out

    @property
    def exit_code(self) -> int:
        """0 pass (warnings allowed unless strict), 1 failed checks, 3 a check crashed."""
        status = self.status
        if status is Status.ERROR:
            return EXIT_INTERNAL
        if status is Status.FAIL or (self.strict and status is Status.WARN):
            return EXIT_CHECKS_FAILED
        return EXIT_OK

    def failed(self, check: CheckResult) -> bool:
        """Whether `check` counts as failed under this report's strictness."""
        return not check.ok or (self.strict and check.status is Status.WARN)

    def check(self, name: str) -> CheckResult:
        """The check called `name` (KeyError when absent)."""
        for check in self.checks:
            if check.name == name:
                return check
        raise KeyError(name)
