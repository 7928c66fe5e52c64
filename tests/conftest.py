"""Shared fixtures: the sample corpus and the seed documents, copied into `tmp_path`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def raw_corpus(tmp_path: Path) -> Path:
    """A copy of the project's sample corpus `raw/`."""
    target = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", target)
    return target


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """The five seed documents alone."""
    target = tmp_path / "seeds"
    target.mkdir()
    for path in (FIXTURES / "seeds").glob("*.txt"):
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def expected_seeds() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "seeds" / "expected.json").read_text("utf-8"))
    return data
