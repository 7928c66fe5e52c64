"""The line classifier on the five seed documents: removed lines go with the right rule,
article paragraphs stay (the metadata prefix and dateline are the metadata step's job)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.types import LineDecision

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
EXPECTED: dict[str, Any] = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))

# The rule each seed's removed lines must be dropped by.
RULES = {
    "001_cfef82f6dadeaa59": {
        "Page d'accueil > Informations récentes": "breadcrumb",
        "[ Envoyer ce lien à un ami ]": "share",
        "[ Imprimer ]": "share",
    },
    "003_f026335b84036910": {
        "Dernière mise à jour à 13h40 le 25/05": "date",
        "Nous suivre sur WeChat": "follow",
    },
    "004_d8fdef5fea3701d4": {},
}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def _decide(stem: str) -> list[LineDecision]:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [unicodedata.normalize("NFC", x).replace("\u00a0", " ") for x in text.splitlines()]
    return classify_lines(lines, CleanConfig())


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_removed_lines_are_dropped(stem: str) -> None:
    decisions = {_norm(d.text): d for d in _decide(stem)}
    for line in EXPECTED[stem]["removed"]:
        decision = decisions[_norm(line)]
        assert not decision.keep, line
        want = RULES.get(stem, {}).get(line)
        if want is not None:
            assert decision.rule == want, line


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_article_paragraphs_are_kept_in_order(stem: str) -> None:
    kept = [_norm(d.text) for d in _decide(stem) if d.keep]
    want = [_norm(p) for p in EXPECTED[stem]["text"]]
    assert len(kept) == len(want)
    for line, paragraph in zip(kept, want, strict=True):
        # a kept line may still carry a metadata prefix or a dateline before the paragraph
        assert line.endswith(paragraph)
        assert len(line) - len(paragraph) < 60


def test_seed_003_sidebar_is_a_headline_list() -> None:
    decisions = _decide("003_f026335b84036910")
    rules = {
        d.rule for d in decisions if _norm(d.text) in EXPECTED["003_f026335b84036910"]["removed"]
    }
    assert rules == {"date", "headline-list", "follow"}


def test_seed_004_caption_rule() -> None:
    caption = EXPECTED["004_d8fdef5fea3701d4"]["removed"][0]
    found = [d for d in _decide("004_d8fdef5fea3701d4") if _norm(d.text) == _norm(caption)]
    assert [d.rule for d in found] == ["caption"]


def test_seed_001_title_and_date_lines() -> None:
    decisions = [d for d in _decide("001_cfef82f6dadeaa59") if d.text.strip()]
    assert decisions[1].rule == "title"
    assert _norm(decisions[1].text) == EXPECTED["001_cfef82f6dadeaa59"]["title"]
    assert (decisions[2].text.strip(), decisions[2].rule) == ("2023-11-08 23:10", "date")


def test_one_decision_per_line_in_order() -> None:
    text = (SEEDS / "001_cfef82f6dadeaa59.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    decisions = classify_lines(lines, CleanConfig())
    assert [d.text for d in decisions] == lines
    assert all(d.rule for d in decisions)
    assert {d.rule for d in decisions if not d.text.strip()} == {"blank"}
