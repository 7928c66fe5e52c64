"""The command line: help with examples everywhere, one-line errors, documented exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from curate import __version__
from curate.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(cli.commands)


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"curate, version {__version__}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_examples(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "-h"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"curate {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_in_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert re.search(rf"`curate {name}\b", readme), f"README does not document curate {name}"


def test_expected_commands_exist() -> None:
    assert {"run", "clean", "dedup", "validate", "explain"} <= set(COMMANDS)


def _main(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from curate.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_input_is_one_line_exit_2(tmp_path: Path) -> None:
    done = _main("run", str(tmp_path / "nope"), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == f"Error: input not found: {tmp_path / 'nope'}"
    assert "Traceback" not in done.stderr


def test_unwritable_output_is_exit_4(tmp_path: Path, raw_corpus: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = _main("run", str(raw_corpus), "-o", str(blocker / "out"), cwd=tmp_path)
    assert done.returncode == 4
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_non_dataset_output_folder_is_refused(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "precious"
    out.mkdir()
    (out / "thesis.tex").write_text("keep me")
    done = _main("run", str(raw_corpus), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 4
    assert (out / "thesis.tex").read_text() == "keep me"


def test_malformed_config_names_the_key(tmp_path: Path, raw_corpus: Path) -> None:
    (tmp_path / "curate.toml").write_text("[dedup]\nthreshhold = 0.7\n")
    done = _main("run", str(raw_corpus), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "Error: config: unknown key dedup.threshhold"


def test_config_type_error(tmp_path: Path, raw_corpus: Path) -> None:
    (tmp_path / "curate.toml").write_text('[dedup]\nthreshold = "high"\n')
    done = _main("run", str(raw_corpus), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    assert "dedup.threshold" in done.stderr


def test_invalid_toml_is_one_line(tmp_path: Path, raw_corpus: Path) -> None:
    (tmp_path / "curate.toml").write_text("[dedup\n")
    done = _main("run", str(raw_corpus), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_click_exceptions_are_click() -> None:
    from curate.errors import ConfigError, OutputError

    assert issubclass(ConfigError, click.ClickException)
    assert OutputError("x").exit_code == 4


def test_readme_config_example_loads(tmp_path: Path) -> None:
    from curate.config import build_section
    from curate.settings import load_settings
    from curate.validate.config import ValidateConfig

    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    config = tmp_path / "curate.toml"
    config.write_text(block)
    settings = load_settings(config)
    assert settings.clean.template_min_docs == 10
    assert settings.dedup.keep == ["metadata", "length", "earliest", "id"]
    assert settings.fields.text == ["body", "text"]
    assert build_section(settings.validate_section, "validate", ValidateConfig).languages == [
        "fr",
        "en",
        "de",
    ]


def test_bad_reference_date_fails_before_any_work(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "out"
    done = _main(
        "run", str(raw_corpus), "-o", str(out), "--reference-date", "notadate", cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "Error: reference date 'notadate' is not an ISO date (YYYY-MM-DD) "
        "(--reference-date or meta.reference_date)"
    )
    assert not out.exists()
