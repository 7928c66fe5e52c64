"""Drift between two runs: `curate validate NEW --baseline OLD` (folder or JSON report)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from curate.validate import ValidateConfig, run_validation
from curate.validate.command import validate
from curate.validate.drift import compare_stats, drift_checks
from curate.validate.sample import write_sample_dataset

DRIFT = ["drift-counts", "drift-languages", "drift-removals", "drift-length"]


@pytest.fixture(autouse=True)
def _clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _statuses(report: dict[str, Any]) -> dict[str, str]:
    return {c["name"]: c["status"] for c in report["checks"]}


def _all_english(dataset: Path) -> None:
    for part in (dataset / "data").glob("*.parquet"):
        table = pq.read_table(part)
        index = table.schema.get_field_index("language")
        english = pa.array(["en"] * table.num_rows, pa.string())
        pq.write_table(table.set_column(index, "language", english), part, compression="zstd")


def test_same_data_has_no_drift(tmp_path: Path) -> None:
    old = write_sample_dataset(tmp_path / "old")
    new = write_sample_dataset(tmp_path / "new")
    report = run_validation(new, ValidateConfig(), baseline=old)
    assert [report.check(name).status for name in DRIFT] == ["pass"] * 4
    assert all(row.change == 0 for row in report.drift)
    assert report.exit_code == 0


def test_language_shift_fails_against_folder_baseline(tmp_path: Path) -> None:
    old = write_sample_dataset(tmp_path / "old")
    new = write_sample_dataset(tmp_path / "new")
    _all_english(new)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(validate, [str(new), "--baseline", str(old), "--json", str(out)])
    assert result.exit_code == 1
    report = json.loads(out.read_text("utf-8"))
    checks = _statuses(report)
    assert checks["drift-languages"] == "fail"
    assert checks["drift-counts"] == "pass"
    assert report["baseline"] == str(old)
    fr = next(r for r in report["drift"] if r["metric"] == "languages" and r["key"] == "fr")
    assert (fr["old"], fr["new"], fr["change"]) == (0.5, 0.0, -0.5)


def test_json_report_as_baseline(tmp_path: Path) -> None:
    old = write_sample_dataset(tmp_path / "old", n_docs=10)
    baseline = tmp_path / "old.json"
    assert CliRunner().invoke(validate, [str(old), "--json", str(baseline)]).exit_code == 0
    new = write_sample_dataset(tmp_path / "new", n_docs=30, seed=3)
    out = tmp_path / "new.json"
    args = [
        str(new),
        "--baseline",
        str(baseline),
        "--json",
        str(out),
        "--markdown",
        str(tmp_path / "m.md"),
    ]
    result = CliRunner().invoke(validate, args)
    assert result.exit_code == 1
    checks = _statuses(json.loads(out.read_text("utf-8")))
    assert checks["drift-counts"] == "fail"  # 10 -> 30 kept: +200%
    assert checks["drift-languages"] == "pass"
    assert "### Drift against" in (tmp_path / "m.md").read_text("utf-8")


def test_baseline_that_is_not_a_report_is_a_usage_error(tmp_path: Path) -> None:
    new = write_sample_dataset(tmp_path / "new")
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]", "utf-8")
    result = CliRunner().invoke(validate, [str(new), "--baseline", str(junk)])
    assert result.exit_code == 2
    assert "no `stats` object" in result.output


def test_thresholds_grade_the_largest_change() -> None:
    old = {
        "documents": {"inputs": 100, "kept": 90, "removed": 10},
        "removed_by_group": {"near-duplicate": 10},
        "languages": {"en": 90},
        "length": {"quantiles": {"p10": 100, "p50": 500, "p90": 1000}},
    }
    new = {
        "documents": {"inputs": 100, "kept": 80, "removed": 20},
        "removed_by_group": {"near-duplicate": 20},
        "languages": {"en": 80},
        "length": {"quantiles": {"p10": 100, "p50": 700, "p90": 1000}},
    }
    checks = {c.name: c for c in drift_checks(compare_stats(old, new), ValidateConfig())}
    assert checks["drift-counts"].value == pytest.approx(1.0)  # removed 10 -> 20
    assert checks["drift-counts"].status == "fail"
    assert checks["drift-removals"].value == pytest.approx(0.1)
    assert checks["drift-removals"].status == "warn"
    assert checks["drift-length"].value == pytest.approx(0.4)
    assert checks["drift-length"].status == "warn"
    assert checks["drift-languages"].status == "pass"
