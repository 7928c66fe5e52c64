"""Acceptance test: `curate clean` on the five seed documents gives what expected.json says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from curate.cli import cli
from tests.helpers import by_source


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    from tests.conftest import FIXTURES

    out = tmp_path_factory.mktemp("seeds-out")
    result = CliRunner().invoke(
        cli,
        ["clean", str(FIXTURES / "seeds"), "-o", str(out), "-w", "1", "-q"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return {Path(s).stem: row for s, row in by_source(out / "data").items()}


STEMS = [
    "000_6aa19dc196da93e0",
    "001_cfef82f6dadeaa59",
    "002_0f643d94c540def6",
    "003_f026335b84036910",
    "004_d8fdef5fea3701d4",
]


@pytest.mark.parametrize("stem", STEMS)
def test_seed_text(
    stem: str, cleaned: dict[str, dict[str, Any]], expected_seeds: dict[str, Any]
) -> None:
    assert cleaned[stem]["text"].split("\n") == expected_seeds[stem]["text"]


@pytest.mark.parametrize("stem", STEMS)
def test_seed_metadata(
    stem: str, cleaned: dict[str, dict[str, Any]], expected_seeds: dict[str, Any]
) -> None:
    row, want = cleaned[stem], expected_seeds[stem]
    assert row["title"] == want["title"]
    assert row["language"] == want["language"]
    if want["date"] is None:
        assert row["date"] is None or row["date_source"] == "body"
    else:
        assert row["date"] == want["date"]
    if "date_source" in want:
        assert row["date_source"] == want["date_source"]
    if "dateline" in want:
        assert (row["dateline_place"], row["dateline_agency"]) == (
            want["dateline"]["place"],
            want["dateline"]["agency"],
        )
