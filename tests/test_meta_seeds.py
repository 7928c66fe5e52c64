"""The seeds' metadata (title, date, precision, source, language, dateline) and body lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from curate.clean.types import LineDecision
from curate.meta.config import MetaConfig
from curate.meta.dates import looks_like_date_line
from curate.meta.extract import Hints, Metadata, extract_metadata
from curate.meta.text import normalize_text

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
EXPECTED: dict[str, dict[str, Any]] = json.loads((SEEDS / "expected.json").read_text("utf-8"))


def gold_decisions(name: str) -> list[LineDecision]:
    """Line decisions as a correct cleaner makes them, derived from expected.json."""
    exp = EXPECTED[name]
    removed, kept = set(exp["removed"]), set(exp["text"])
    lines = normalize_text((SEEDS / f"{name}.txt").read_text("utf-8")).split("\n")
    out = []
    for line in lines:
        if not line:
            continue
        if line == exp["title"]:
            out.append(LineDecision(line, False, "title"))
        elif line not in kept and looks_like_date_line(line):
            out.append(LineDecision(line, False, "date"))
        elif line in removed:
            out.append(LineDecision(line, False, "boilerplate"))
        else:
            out.append(LineDecision(line, True, "body"))
    return out


def run(name: str) -> tuple[Metadata, list[str]]:
    return extract_metadata(gold_decisions(name), Hints(), MetaConfig())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(name: str) -> None:
    exp = EXPECTED[name]
    meta, body = run(name)
    assert meta.title == exp["title"]
    assert meta.language == exp["language"]
    if exp["date"] is None:
        assert meta.date is None or meta.date_source == "body"
    else:
        assert meta.date == exp["date"]
    assert body == exp["text"]


def test_seed_date_details() -> None:
    precisions = {name: run(name)[0] for name in EXPECTED}
    assert precisions["001_cfef82f6dadeaa59"].date_precision == "minute"
    assert precisions["001_cfef82f6dadeaa59"].date_source == "header"
    assert precisions["002_0f643d94c540def6"].date_precision == "month"
    assert precisions["002_0f643d94c540def6"].date_source == "header"
    assert precisions["003_f026335b84036910"].date_precision == "minute"
    assert precisions["003_f026335b84036910"].date_source == "inferred"
    assert precisions["003_f026335b84036910"].date_updated == "2016-05-25T13:40"
    assert precisions["004_d8fdef5fea3701d4"].date == "2025-09-10"
    assert precisions["004_d8fdef5fea3701d4"].date_precision == "day"


def test_seed_dateline() -> None:
    meta, body = run("004_d8fdef5fea3701d4")
    assert (meta.dateline_place, meta.dateline_agency) == ("PÉKIN", "CNW")
    assert body[0].startswith("La conférence 2025 sur le développement intégré")


def test_seed_counts() -> None:
    meta, body = run("001_cfef82f6dadeaa59")
    text = "\n".join(body)
    assert (meta.words, meta.chars) == (len(text.split()), len(text))


def test_seeds_with_the_classifier() -> None:
    """End to end with the real cleaner, when it is present."""
    try:
        from curate.clean.classifier import classify_lines
        from curate.clean.config import CleanConfig
    except ImportError:
        pytest.skip("no line classifier yet")
    for name, exp in EXPECTED.items():
        lines = normalize_text((SEEDS / f"{name}.txt").read_text("utf-8")).split("\n")
        decisions = classify_lines(lines, CleanConfig())
        meta, _body = extract_metadata(decisions, Hints(), MetaConfig())
        got = (meta.title, meta.date, meta.language)
        assert got == (exp["title"], exp["date"], exp["language"]), name
