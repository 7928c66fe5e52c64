"""The page layout shared by the title and date steps, and the fast date-shape gates."""

from __future__ import annotations

import pytest

from curate.clean.types import LineDecision as L
from curate.meta.candidates import body_years, line_candidates
from curate.meta.config import MetaConfig
from curate.meta.dates import find_dates, has_month_word
from curate.meta.layout import page_layout
from curate.meta.title import find_title

LONG = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, "
    "après un long débat."
)
PAGE = [
    L("Accueil > Politique", False, "breadcrumb"),
    L("Publié le 4 mars 2024 à 10h05", False, "template"),
    L("Menu du site", False, "template"),
    L("Le budget de la ville adopté", False, "title"),
    L("Mis à jour le 5 mars 2024", False, "date"),
    L("", True, "blank"),
    L("Court.", True, "body"),
    L(LONG, True, "body"),
    L("Lire aussi", False, "related"),
]


def test_page_layout_finds_each_part_in_one_pass() -> None:
    layout = page_layout(PAGE)
    assert layout.kept == [6, 7]  # the blank kept line is not a kept line
    assert layout.start == 7  # the first kept line of 15 words or more
    assert layout.ruled_title == 3
    # a template line with a full date is a date line; a template menu is not
    assert layout.date_lines == [1, 4]
    assert layout.texts[0] == "Accueil > Politique"


def test_page_layout_without_kept_lines() -> None:
    layout = page_layout([L("Un titre", False, "title"), L("Menu", False, "menu")])
    assert (layout.kept, layout.start, layout.ruled_title) == ([], 2, None)


def test_title_and_dates_same_with_a_given_layout() -> None:
    body = ["Court.", LONG]
    layout = page_layout(PAGE)
    assert find_title(PAGE, body) == find_title(PAGE, body, layout=layout)
    assert find_title(PAGE, body, layout=layout) == ("Le budget de la ville adopté", 3)
    config = MetaConfig()
    alone = line_candidates(PAGE, None, False, config)
    shared = line_candidates(PAGE, None, False, config, layout=layout)
    assert alone == shared
    assert sorted((c.value.iso(), c.updated) for c in shared) == [
        ("2024-03-04T10:05", False),
        ("2024-03-05", True),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("en 2016, puis 2013\nEt 1999.", [2016, 2013, 1999]),
        ("12020 1.2021 2022-05 x2023 2024", [2023, 2024]),
        ("tel. 2016-2017", []),
    ],
)
def test_body_years(text: str, years: list[int]) -> None:
    assert body_years(text) == years


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mis à jour le 3 janv. 2024", ["2024-01-03"]),
        ("le 12.03.2021 et le 2021-04-05", ["2021-03-12", "2021-04-05"]),
        # digits glued before a date shape are not a date
        ("ref 112.03.2021 / 92021-04-05", []),
        ("26 | 01 | 2022", ["2022-01-26"]),
    ],
)
def test_numeric_patterns_keep_their_boundaries(text: str, found: list[str]) -> None:
    assert [m.value.iso() for m in find_dates(text, partial=False)] == found


@pytest.mark.parametrize(
    ("text", "month"),
    [("Le 3 JANV.", True), ("29 août", True), ("NİSAN 2020", True), ("Rien ici", False)],
)
def test_has_month_word(text: str, month: bool) -> None:
    assert has_month_word(text) is month
