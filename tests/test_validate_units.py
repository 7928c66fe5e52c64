"""Building blocks of `curate validate`: grading, dates, sampling, shingles, stats, config."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from curate.errors import ConfigError
from curate.validate.config import ValidateConfig, load_validate_config
from curate.validate.dates import is_after, parse_date, resolve_reference
from curate.validate.neardup import NearDupFinder, word_shingles
from curate.validate.report import Status, grade
from curate.validate.sampling import in_sample, sample_rate
from curate.validate.stats import length_histogram, length_quantiles, reason_group


@pytest.mark.parametrize(
    ("value", "direction", "expected"),
    [
        (0, "max", "pass"),
        (1, "max", "warn"),
        (6, "max", "fail"),
        (0.9, "min", "pass"),
        (0.4, "min", "warn"),
        (0.05, "min", "fail"),
    ],
)
def test_grade(value: float, direction: str, expected: str) -> None:
    warn, fail = (0, 5) if direction == "max" else (0.5, 0.1)
    assert grade(value, warn=warn, fail=fail, direction=direction) == Status(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2022", True),
        ("2022-11", True),
        ("2022-11-05", True),
        ("2022-11-05T13:40", True),
        ("2022-02-30", False),
        ("2022-11-05 13:40", False),
        ("Nov 2022", False),
        ("", False),
    ],
)
def test_parse_date(value: str, ok: bool) -> None:
    assert (parse_date(value) is not None) is ok


def test_is_after_compares_at_the_coarser_precision() -> None:
    assert not is_after("2024-06", "2024-06-15")
    assert not is_after("2024-06-15T23:59", "2024-06-15")
    assert is_after("2024-06-16", "2024-06-15T10:00")


def test_reference_date_sources() -> None:
    assert resolve_reference("", "2023-05-01") == ("2023-05-01", "manifest")
    assert resolve_reference("2020-01-01", "2023-05-01")[1] == "config"
    assert resolve_reference("", None)[1] == "today"
    with pytest.raises(ConfigError):
        resolve_reference("yesterday", None)


def test_sampling_is_deterministic_and_close_to_the_rate() -> None:
    ids = [f"doc-{i}" for i in range(20000)]
    rate = sample_rate(len(ids), 2000)
    picked = [i for i in ids if in_sample(i, rate, "x")]
    assert picked == [i for i in ids if in_sample(i, rate, "x")]
    assert 1800 < len(picked) < 2200
    assert picked != [i for i in ids if in_sample(i, rate, "y")]  # salted per use


def test_word_shingles() -> None:
    assert word_shingles("One, two three!", 2) == [b"one two", b"two three"]
    assert word_shingles("Short", 5) == [b"short"]
    assert word_shingles("   ", 5) == []


def test_near_duplicates_on_a_sample_are_scaled() -> None:
    base = " ".join(f"word{i}" for i in range(60))
    finder = NearDupFinder(ValidateConfig(near_duplicate_sample=1000), total_docs=1000)
    for i in range(500):
        finder.add(f"a{i}", f"{base} unique{i} tail{i}")
    result = finder.result()
    assert result.rate == 1.0
    assert result.with_partner == 500
    assert result.estimated_share == 1.0


def test_length_stats() -> None:
    lengths = np.array([10, 60, 60, 250, 150_000])
    hist = length_histogram(lengths)
    assert hist["counts"][0] == 1 and hist["counts"][1] == 2 and hist["counts"][-1] == 1
    assert sum(hist["counts"]) == 5
    assert length_quantiles(lengths)["p50"] == 60.0
    assert length_quantiles(np.array([], dtype=np.int64)) == {}


def test_reason_group() -> None:
    assert reason_group("unreadable: binary file") == "unreadable"
    assert reason_group("near-duplicate") == "near-duplicate"


def test_config_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.curate.validate]\nmin_year = 1990\nlanguages = ["fr"]\n', "utf-8")
    config = load_validate_config(pyproject)
    assert config.min_year == 1990 and config.languages == ["fr"]
    assert load_validate_config(None, search=False) == ValidateConfig()
    bad = tmp_path / "curate.toml"
    bad.write_text('[validate]\nmin_year = "1990"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"validate\.min_year"):
        load_validate_config(bad)
