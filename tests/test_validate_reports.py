"""The report formats: JSON schema, JUnit XML, Markdown (and the step summary), HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from junitparser import Error, Failure, JUnitXml, Skipped

from curate.validate import ValidateConfig, run_validation, write_default_reports, write_reports
from curate.validate.checks import CHECKS
from curate.validate.command import validate
from curate.validate.render_json import SCHEMA_VERSION
from curate.validate.sample import write_sample_dataset


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return write_sample_dataset(tmp_path / "out", n_docs=10)


@pytest.fixture
def broken(dataset: Path) -> Path:
    """The sample with duplicate ids (a failure) and 90% date coverage under a 95% warn."""
    part = dataset / "data/part-00001.parquet"
    table = pq.read_table(part)
    ids = table.column("id").to_pylist()
    ids[1] = ids[0]
    pq.write_table(table.set_column(0, "id", [ids]), part, compression="zstd")
    return dataset


def test_json_schema_is_stable(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(validate, [str(dataset), "--json", str(out)])
    assert result.exit_code == 0
    report = json.loads(out.read_text("utf-8"))
    assert report["schema_version"] == SCHEMA_VERSION
    assert set(report) == {
        "schema_version",
        "tool",
        "curate_version",
        "dataset",
        "created",
        "duration_s",
        "status",
        "strict",
        "exit_code",
        "summary",
        "checks",
        "stats",
        "baseline",
        "drift",
    }
    assert report["summary"] == {"pass": len(CHECKS), "warn": 0, "fail": 0, "skip": 0, "error": 0}
    for check in report["checks"]:
        assert set(check) == {
            "name",
            "title",
            "status",
            "message",
            "value",
            "warn",
            "fail",
            "direction",
            "details",
        }
    stats = report["stats"]
    assert stats["documents"] == {"inputs": 13, "kept": 10, "removed": 3}
    assert stats["languages"] == {"en": 5, "fr": 5}
    assert sum(stats["length"]["histogram"]["counts"]) == 10
    assert set(stats["length"]["quantiles"]) >= {"p10", "p50", "p90"}
    assert stats["cluster_sizes"] == {"2": 2}
    assert stats["removed_by_reason"] == {
        "empty-after-cleaning": 1,
        "exact-duplicate": 1,
        "near-duplicate": 1,
    }


def test_junit_parses_with_one_case_per_check(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "junit.xml"
    result = CliRunner().invoke(validate, [str(broken), "--junit", str(out)])
    assert result.exit_code == 1
    xml = JUnitXml.fromfile(str(out))
    suites = list(xml)
    assert len(suites) == 1
    cases = {case.name: case for case in suites[0]}
    assert list(cases) == [name for name, _ in CHECKS]
    failure = cases["unique-ids"].result
    assert len(failure) == 1 and isinstance(failure[0], Failure)
    assert "1 duplicate ids" in failure[0].message
    assert cases["schema"].is_passed
    assert suites[0].failures == 1 and suites[0].tests == len(CHECKS)


def test_junit_strict_warning_is_a_failure(dataset: Path, tmp_path: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text("[validate]\ndate_coverage_warn = 0.95\n", "utf-8")
    out = tmp_path / "junit.xml"
    runner = CliRunner()
    runner.invoke(validate, [str(dataset), "-c", str(config), "--junit", str(out)])
    case = next(c for c in next(iter(JUnitXml.fromfile(str(out)))) if c.name == "date-coverage")
    assert case.is_passed and "WARNING" in (case.system_out or "")
    runner.invoke(validate, [str(dataset), "-c", str(config), "--strict", "--junit", str(out)])
    case = next(c for c in next(iter(JUnitXml.fromfile(str(out)))) if c.name == "date-coverage")
    assert isinstance(case.result[0], Failure)


def test_junit_skipped_and_error(dataset: Path, tmp_path: Path) -> None:
    (dataset / "manifest.json").unlink()
    report = run_validation(dataset, ValidateConfig())
    report.checks[0].status = report.checks[0].status.ERROR
    out = tmp_path / "junit.xml"
    write_reports(report, junit=out)
    cases = {c.name: c for c in next(iter(JUnitXml.fromfile(str(out))))}
    assert isinstance(cases["accounting"].result[0], Skipped)
    assert isinstance(cases["manifest"].result[0], Error)


def test_markdown_and_step_summary(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = tmp_path / "report.md"
    result = CliRunner().invoke(validate, [str(broken), "--markdown", str(out)])
    assert result.exit_code == 1
    text = out.read_text("utf-8")
    assert text.startswith("## ❌ curate validate: fail")
    assert re.search(r"^\| ❌ \| `unique-ids` \| 1 duplicate ids", text, re.M)
    assert "| ✅ | `schema` |" in text
    appended = summary.read_text("utf-8")
    assert appended.startswith("# earlier step\n") and text in appended


def test_html_is_self_contained_with_charts(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(validate, [str(broken), "--html", str(out)])
    assert result.exit_code == 1
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 6
    for title in (
        "Text length",
        "Languages",
        "Dates by year",
        "Removals by reason",
        "Duplicate clusters by size",
    ):
        assert title in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "<script" not in html


def test_write_default_reports(dataset: Path) -> None:
    report = run_validation(dataset, ValidateConfig())
    written = write_default_reports(report, dataset)
    assert sorted(p.name for p in written) == [
        "validation.html",
        "validation.json",
        "validation.md",
    ]
    # The reports beside data/ do not disturb a later validation.
    assert run_validation(dataset, ValidateConfig()).exit_code == 0


def test_unwritable_report_is_one_line_error(dataset: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    result = CliRunner().invoke(validate, [str(dataset), "--json", str(blocker / "r.json")])
    assert result.exit_code == 4
    assert "cannot write report" in result.output and "Traceback" not in result.output
