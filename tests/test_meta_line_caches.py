"""Metadata's caches of short lines: a site's template lines recur on all its pages, so
their date shape and date-line verdict are kept by text. A cached answer must equal a
fresh one, and the caches stay bounded."""

from __future__ import annotations

import pytest

from curate.clean.types import LineDecision as L
from curate.meta import candidates, layout
from curate.meta.candidates import _short_shapes
from curate.meta.layout import is_date_line, page_layout

PAGE = [
    L("Accueil > Monde", False, "menu"),
    L("Mis à jour le 12.03.2024 à 10h05", False, "template"),
    L("© 2024 Le Quotidien", False, "template"),
    L("Newsletter", False, "template"),
    L("Un titre sur le sommet", False, "title"),
    L("Publié le 11 mars 2024", False, "date"),
    L('"date": "2024-03-11",', False, "date"),
    L("Le sommet s'est ouvert lundi à Genève, en présence de nombreux dirigeants.", True, "body"),
    L("x" * 250 + " 2024", True, "body"),
]


@pytest.fixture
def cold_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "_SHAPES", {})
    layout._dated_template.cache_clear()


@pytest.mark.usefixtures("cold_caches")
def test_short_lines_shapes_are_the_same_cold_and_cached() -> None:
    cold = _short_shapes(PAGE)
    assert cold == ({1, 2, 5, 6}, {1, 5})  # the long line is left to `_candidates_of_line`
    assert _short_shapes(PAGE) == cold
    assert candidates._SHAPES["Newsletter"] == candidates._UNDATED


@pytest.mark.usefixtures("cold_caches")
def test_the_shapes_cache_is_cleared_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "_SHAPES_SIZE", 3)
    assert _short_shapes(PAGE) == ({1, 2, 5, 6}, {1, 5})
    assert len(candidates._SHAPES) <= 3


@pytest.mark.usefixtures("cold_caches")
def test_template_date_lines_are_the_same_cold_and_cached() -> None:
    verdicts = [is_date_line(decision) for decision in PAGE]
    # a template line is a date line with a full date; a quoted record field never is
    assert verdicts == [False, True, False, False, False, True, False, False, False]
    assert [is_date_line(decision) for decision in PAGE] == verdicts
    assert page_layout(PAGE).date_lines == [1, 5]
    assert layout._dated_template.cache_info().hits > 0
