"""Wire datelines and glued metadata prefixes."""

from __future__ import annotations

import pytest

from curate.meta.dateline import find_dateline, strip_meta_prefix
from curate.meta.dates import PartialDate


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "date", "rest"),
    [
        (
            "PÉKIN, 10 septembre 2025 /CNW/ - La conférence",
            "PÉKIN",
            "CNW",
            PartialDate(2025, 9, 10),
            "La conférence",
        ),
        (
            "NEW YORK, March 5, 2021 /PRNewswire/ -- Acme Inc. today",
            "NEW YORK",
            "PRNewswire",
            PartialDate(2021, 3, 5),
            "Acme Inc. today",
        ),
        ("PARIS (Reuters) - Stocks rose.", "PARIS", "Reuters", None, "Stocks rose."),
        ("Berlin (dpa) - Die Regierung hat", "Berlin", "dpa", None, "Die Regierung hat"),
        (
            "PARIS, 5 mars (AFP) - Le gouvernement",
            "PARIS",
            "AFP",
            PartialDate(None, 3, 5),
            "Le gouvernement",
        ),
        ("WASHINGTON — The president said.", "WASHINGTON", None, None, "The president said."),
        (
            "SAN FRANCISCO, Calif., Jan. 3, 2022 /PRNewswire/ -- X",
            "SAN FRANCISCO, Calif.",
            "PRNewswire",
            PartialDate(2022, 1, 3),
            "X",
        ),
    ],
)
def test_datelines(
    paragraph: str, place: str, agency: str | None, date: PartialDate | None, rest: str
) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.agency, found.date, found.rest) == (place, agency, date, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Paris - Ville lumière",
        "Le WIC (World Internet Conference) - bla",
        "COVID-19 - new cases",
        "La conférence s'est tenue le 6 septembre à Shenyang.",
        "PARIS (AFP) - ",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_meta_prefix() -> None:
    assert strip_meta_prefix(" date 2022-11 Du 9 au 11 novembre") == (
        "date",
        "2022-11",
        "Du 9 au 11 novembre",
    )
    assert strip_meta_prefix("date 2025-09-10 PÉKIN, 10 septembre") == (
        "date",
        "2025-09-10",
        "PÉKIN, 10 septembre",
    )
    assert strip_meta_prefix("Date limite : 12 mars") is None
    assert strip_meta_prefix("Le 2022-11 rapport") is None


def test_adversarial_input_stays_fast() -> None:
    import time

    cases = [
        "A" * 5000 + ", " + "B" * 5000,
        "NEW YORK " * 500 + "(x",
        "PARIS, " * 300 + "/",
        "PÉKIN, 10 septembre 2025 /" * 200,
    ]
    start = time.perf_counter()
    for case in cases:
        assert find_dateline(case) is None
    assert time.perf_counter() - start < 1.0
