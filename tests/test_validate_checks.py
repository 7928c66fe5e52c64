"""`curate validate` on a valid sample dataset and on one corruption at a time."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from curate.validate import ValidateConfig, checks, run_validation
from curate.validate.checks import CHECKS
from curate.validate.command import validate
from curate.validate.sample import write_sample_dataset

ALL_CHECKS = [name for name, _ in CHECKS]


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """10 kept documents in two parts, 3 removed, a consistent manifest."""
    monkeypatch.chdir(tmp_path)  # no curate.toml from the working folder
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return write_sample_dataset(tmp_path / "out", n_docs=10)


def invoke(dataset: Path, *args: str) -> tuple[Result, dict[str, Any]]:
    """Run the command with --json; return the click result and the parsed report."""
    report = dataset.parent / "report.json"
    result = CliRunner().invoke(validate, [str(dataset), "--json", str(report), *args])
    data = json.loads(report.read_text("utf-8")) if report.exists() else {}
    return result, data


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {c["name"]: c["status"] for c in report["checks"]}


def rewrite(part: Path, change: Callable[[list[dict[str, Any]]], None], schema: Any = None) -> None:
    """Load a Parquet part as rows, let `change` edit them in place, write it back."""
    table = pq.read_table(part)
    rows = table.to_pylist()
    change(rows)
    pq.write_table(
        pa.Table.from_pylist(rows, schema=schema or table.schema), part, compression="zstd"
    )


def edit_manifest(dataset: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = dataset / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    change(manifest)
    path.write_text(json.dumps(manifest), "utf-8")


def test_valid_dataset_passes(dataset: Path) -> None:
    result, report = invoke(dataset)
    assert result.exit_code == 0, result.output
    assert statuses(report) == dict.fromkeys(ALL_CHECKS, "pass")
    assert report["status"] == "pass"
    assert "PASS" in result.output  # the summary (stderr is mixed in by CliRunner)


def test_missing_column_fails_schema(dataset: Path) -> None:
    for part in sorted((dataset / "data").glob("*.parquet")):
        table = pq.read_table(part)
        pq.write_table(table.drop_columns(["language"]), part, compression="zstd")
    result, report = invoke(dataset)
    assert result.exit_code == 1
    schema = next(c for c in report["checks"] if c["name"] == "schema")
    assert schema["status"] == "fail"
    assert "missing column 'language'" in schema["message"]
    assert len(report["checks"]) == len(ALL_CHECKS)  # every check still ran


def test_duplicate_ids_fail_unique_ids(dataset: Path) -> None:
    first = pq.read_table(dataset / "data/part-00000.parquet").column("id")[0].as_py()

    def clash(rows: list[dict[str, Any]]) -> None:
        rows[0]["id"] = first

    rewrite(dataset / "data/part-00001.parquet", clash)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    check = next(c for c in report["checks"] if c["name"] == "unique-ids")
    assert check["status"] == "fail"
    assert check["value"] == 1
    assert check["details"]["examples"] == [first]


def test_truncated_parquet_fails_readable(dataset: Path) -> None:
    part = dataset / "data/part-00001.parquet"
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    result, report = invoke(dataset)
    assert result.exit_code == 1
    checks = statuses(report)
    assert checks["readable"] == "fail"
    assert checks["accounting"] == "fail"  # its rows are missing from the count
    assert checks["unique-ids"] == "pass"  # the readable part is still checked
    readable = next(c for c in report["checks"] if c["name"] == "readable")
    assert "data/part-00001.parquet" in readable["message"]


def test_empty_texts_fail(dataset: Path) -> None:
    def blank(rows: list[dict[str, Any]]) -> None:
        rows[0]["text"] = ""
        rows[1]["text"] = "  \n "

    rewrite(dataset / "data/part-00000.parquet", blank)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    check = next(c for c in report["checks"] if c["name"] == "empty-texts")
    assert check["status"] == "fail"
    assert check["value"] == 2


def test_injected_near_duplicates_fail(dataset: Path) -> None:
    def copy_with_edit(rows: list[dict[str, Any]]) -> None:
        for i in (1, 3):
            rows[i]["text"] = rows[i - 1]["text"] + "\nUpdated at noon with a correction."

    rewrite(dataset / "data/part-00000.parquet", copy_with_edit)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    checks = statuses(report)
    assert checks["near-duplicates"] == "fail"
    assert checks["exact-duplicates"] == "pass"  # not exact: only MinHash catches them
    near = next(c for c in report["checks"] if c["name"] == "near-duplicates")
    assert near["details"]["pairs"] == 2
    assert near["value"] == pytest.approx(0.4)


def test_exact_duplicate_fails(dataset: Path) -> None:
    def repeat(rows: list[dict[str, Any]]) -> None:
        rows[1]["text"] = rows[0]["text"].upper().replace("\n", "  \n")

    rewrite(dataset / "data/part-00000.parquet", repeat)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    assert statuses(report)["exact-duplicates"] == "fail"


def test_count_mismatch_fails_accounting(dataset: Path) -> None:
    def lose_one(manifest: dict[str, Any]) -> None:
        manifest["inputs"]["documents"] += 1

    edit_manifest(dataset, lose_one)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    check = next(c for c in report["checks"] if c["name"] == "accounting")
    assert check["status"] == "fail"
    assert check["value"] == 1
    assert "inputs.documents" in check["message"]
    assert statuses(report)["manifest"] == "pass"


def test_removed_file_deleted_fails_manifest_and_accounting(dataset: Path) -> None:
    (dataset / "removed/part-00000.parquet").unlink()
    result, report = invoke(dataset)
    assert result.exit_code == 1
    checks = statuses(report)
    assert checks["manifest"] == "fail"  # lists a file that is gone
    assert checks["accounting"] == "fail"


def test_missing_manifest_fails(dataset: Path) -> None:
    (dataset / "manifest.json").unlink()
    result, report = invoke(dataset)
    assert result.exit_code == 1
    checks = statuses(report)
    assert checks["manifest"] == "fail"
    assert checks["accounting"] == "skip"


def test_future_and_malformed_dates_fail(dataset: Path) -> None:
    def bad_dates(rows: list[dict[str, Any]]) -> None:
        rows[0]["date"] = "2031-04-01"
        rows[1]["date"] = "05/11/2022"

    rewrite(dataset / "data/part-00000.parquet", bad_dates)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    check = next(c for c in report["checks"] if c["name"] == "dates")
    assert check["status"] == "fail"
    assert check["details"]["after_reference"] == 1
    assert check["details"]["malformed"] == 1


def test_languages_outside_allowed_set(dataset: Path, tmp_path: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text('[validate]\nlanguages = ["en"]\n', "utf-8")
    result, report = invoke(dataset, "-c", str(config))
    assert result.exit_code == 1
    check = next(c for c in report["checks"] if c["name"] == "languages")
    assert check["status"] == "fail"
    assert check["details"]["outside"] == {"fr": 5}


def test_dangling_duplicate_of_fails_removed_records(dataset: Path) -> None:
    def dangle(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            if row["duplicate_of"]:
                row["duplicate_of"] = "no-such-id"

    rewrite(dataset / "removed/part-00000.parquet", dangle)
    result, report = invoke(dataset)
    assert result.exit_code == 1
    assert statuses(report)["removed-records"] == "fail"


def test_strict_turns_warning_into_failure(dataset: Path, tmp_path: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text("[validate]\ndate_coverage_warn = 0.95\n", "utf-8")  # 90% dated
    result, report = invoke(dataset, "-c", str(config))
    assert result.exit_code == 0
    assert statuses(report)["date-coverage"] == "warn"
    assert report["status"] == "warn"
    result, report = invoke(dataset, "-c", str(config), "--strict")
    assert result.exit_code == 1
    assert report["strict"] is True and report["exit_code"] == 1


def test_strict_from_config(dataset: Path, tmp_path: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text("[validate]\nstrict = true\ndate_coverage_warn = 0.95\n", "utf-8")
    result, _ = invoke(dataset, "-c", str(config))
    assert result.exit_code == 1


def test_usage_errors_exit_2_without_traceback(dataset: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(validate, [str(tmp_path / "nope")])
    assert missing.exit_code == 2
    not_dataset = runner.invoke(validate, [str(tmp_path)])
    assert not_dataset.exit_code == 2
    assert "not a curate dataset" in not_dataset.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[validate]\nno_such_key = 1\n", "utf-8")
    unknown = runner.invoke(validate, [str(dataset), "-c", str(bad)])
    assert unknown.exit_code == 2
    assert "validate.no_such_key" in unknown.output
    for result in (missing, not_dataset, unknown):
        assert "Traceback" not in result.output


def test_internal_error_exits_3(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: Any, **__: Any) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("curate.validate.command.run_validation", boom)
    result = CliRunner().invoke(validate, [str(dataset)])
    assert result.exit_code == 3
    assert "internal error" in result.output and "simulated bug" in result.output
    assert "Traceback" not in result.output


def test_crashing_check_is_an_error_and_the_rest_run(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(_: Any) -> None:
        raise ValueError("broken check")

    monkeypatch.setattr(checks, "CHECKS", [("schema", boom), *checks.CHECKS[3:]])
    report = run_validation(dataset, ValidateConfig())
    assert report.check("schema").status == "error"
    assert report.check("unique-ids").status == "pass"
    assert report.exit_code == 3


def test_help_has_examples_and_exit_codes() -> None:
    result = CliRunner().invoke(validate, ["--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "curate validate output/" in result.output
    assert "Exit codes:" in result.output


def test_missing_dataset_card_warns(dataset: Path) -> None:
    (dataset / "README.md").unlink()
    result, report = invoke(dataset)
    assert result.exit_code == 0
    assert statuses(report)["manifest"] == "warn"
    result, _ = invoke(dataset, "--strict")
    assert result.exit_code == 1
