"""Metadata's shortcuts: a site's template lines recur on all its pages, so their date
shape and date-line verdict are kept by text; `find_dates` shares its cache between calls
that differ only in what cannot change the answer, and skips the time search on lines
without a time's shape. A shortcut's answer must equal the long way's."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curate.clean.types import LineDecision as L
from curate.meta import candidates, dates, layout
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
TEXTS = [decision.text for decision in PAGE]


@pytest.fixture
def cold_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "_SHAPES", {})
    layout._dated_template.cache_clear()


@pytest.mark.usefixtures("cold_caches")
def test_short_lines_shapes_are_the_same_cold_and_cached() -> None:
    cold = _short_shapes(TEXTS)
    assert cold == ({1, 2, 5, 6}, {1, 5})  # the long line is left to `_candidates_of_line`
    assert _short_shapes(TEXTS) == cold
    assert candidates._SHAPES["Newsletter"] == candidates._UNDATED


@pytest.mark.usefixtures("cold_caches")
def test_the_shapes_cache_is_cleared_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "_SHAPES_SIZE", 3)
    assert _short_shapes(TEXTS) == ({1, 2, 5, 6}, {1, 5})
    assert len(candidates._SHAPES) <= 3


@pytest.mark.usefixtures("cold_caches")
def test_template_date_lines_are_the_same_cold_and_cached() -> None:
    verdicts = [is_date_line(decision) for decision in PAGE]
    # a template line is a date line with a full date; a quoted record field never is
    assert verdicts == [False, True, False, False, False, True, False, False, False]
    assert [is_date_line(decision) for decision in PAGE] == verdicts
    assert page_layout(PAGE).date_lines == [1, 5]
    assert layout._dated_template.cache_info().hits > 0


# Characters a time is made of, and a few that look like them or fold to them.
TIME_CHARS = "0123456789 \u00a0\u2009\t:hHaApPmMuUrR.zZ+-tcgTCG"


@given(st.text(alphabet=TIME_CHARS, max_size=16))
@settings(max_examples=3000, deadline=None)
def test_every_time_holds_the_cheap_time_hint(text: str) -> None:
    # `_attach_times` skips the costly time search when the hint is absent
    if dates._TIME_RE.search(text):
        assert dates._TIME_HINT.search(text)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Publié le 12 mars 2024 à 10h05", "2024-03-12T10:05"),
        ("March 5, 2021, 10:04 a.m.", "2021-03-05T10:04"),
        ("5. Oktober 2019, 10  Uhr", "2019-10-05T10:00"),
        ("March 5, 2021 10  pm", "2021-03-05T22:00"),
        ("12 mars 2024, 45 articles", "2024-03-12"),
    ],
)
def test_times_are_still_attached(line: str, iso: str) -> None:
    assert [m.value.iso() for m in dates.find_dates(line)] == [iso]


def test_calls_that_differ_in_what_cannot_matter_share_the_cache() -> None:
    dates._cached_dates.cache_clear()
    reference = dt.datetime(2024, 5, 1)
    line = "Publié le 12.03.2024"
    first = dates.find_dates(line, partial=False)
    assert dates.find_dates(line, partial=False, month_first=True, reference=reference) == first
    assert dates._cached_dates.cache_info().hits == 1
    # a "/" date reads the month order, a relative one the reference: no sharing then
    assert dates.find_dates("03/05/2021", month_first=True)[0].value.iso() == "2021-03-05"
    assert dates.find_dates("03/05/2021")[0].value.iso() == "2021-05-03"
    assert dates.find_dates("il y a 2 jours", reference=reference)[0].value.iso() == "2024-04-29"
    assert dates.find_dates("il y a 2 jours")[0].value.iso() is None
