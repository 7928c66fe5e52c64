"""The cleaner's language sample, handed on to metadata (`CleanedPage.language_sample`)."""

from __future__ import annotations

from typing import Any

from pytest import MonkeyPatch

from curate.clean.classifier import classify_page
from curate.clean.config import CleanConfig
from curate.clean.stopwords import StopLists
from curate.clean.tokens import words
from curate.meta import language
from curate.meta.language import sample_language
from curate.pipeline.process import process_row
from curate.settings import Settings

FR = [
    "Accueil > Actualités > Monde",
    "Partager sur Facebook",
    "Le président a prononcé un discours lors de la cérémonie d'ouverture du sommet mondial, "
    "devant les chefs d'État et de gouvernement réunis pour l'occasion.",
    "Il a rappelé que la lutte contre le réchauffement climatique était une priorité pour son "
    "pays et que des mesures seraient prises dans les prochains mois.",
]
COOKIE = (
    "We use cookies and similar technologies to improve your experience on our website, to "
    "analyse the traffic and to show you personalised content and ads. By clicking accept "
    "you agree to the use of all cookies as described in our cookie policy, and you can "
    "change your settings at any time in the privacy center of the site."
)
CA = (
    "El Govern ha aprovat aquest dimarts un nou pla per millorar el transport públic a les "
    "comarques de l'interior. Segons el conseller, les obres començaran a la tardor i "
    "s'allargaran fins a finals del 2026. També es reforçaran els serveis d'autobús."
)


def _row(lines: list[str]) -> dict[str, Any]:
    return {"id": "1", "source": "page.txt", "content": "\n".join(lines), "format": "text"}


def test_the_article_sample_is_handed_on() -> None:
    page = classify_page(FR, CleanConfig())
    assert [d.keep for d in page.decisions] == [False, False, True, True]
    sample = page.language_sample
    assert sample is not None
    # the page's longest lines, longest first: the two paragraphs, the breadcrumb, the share
    by_length = [FR[2], FR[3], FR[0], FR[1]]
    assert sample.tokens == [word for line in by_length for word in words(line)]
    assert sample_language(sample) == ("fr", 1.0)


def test_no_sample_when_dropped_lines_hold_most_of_it() -> None:
    # the cookie notice is the longest line: the sample would say English
    page = classify_page([FR[0], COOKIE, FR[2], FR[3]], CleanConfig())
    assert [(d.keep, d.rule) for d in page.decisions] == [
        (False, "breadcrumb"),
        (False, "cookie"),
        (True, "body"),
        (True, "body"),
    ]
    assert page.language_sample is None
    row = process_row(_row([FR[0], COOKIE, FR[2], FR[3]]), Settings())
    assert (row["language"], row["language_score"]) == ("fr", 1.0)


def test_metadata_takes_the_language_from_the_sample(monkeypatch: MonkeyPatch) -> None:
    sample = classify_page(FR, CleanConfig()).language_sample
    assert sample is not None
    expected = process_row(_row(FR), Settings())
    assert (expected["language"], expected["language_score"]) == sample_language(sample)

    def weigh_again(text: str) -> None:
        raise AssertionError("the text was weighed again")

    monkeypatch.setattr(language, "function_word_language", weigh_again)
    row = process_row(_row(FR), Settings())
    assert (row["language"], row["language_score"]) == ("fr", 1.0)


def test_an_undecided_sample_leaves_the_text_to_py3langid() -> None:
    lines = ["Inici > Notícies", CA, CA.replace("dimarts", "dijous")]
    sample = classify_page(lines, CleanConfig()).language_sample
    assert sample is not None and sample_language(sample) is None  # Catalan: no stop list
    assert process_row(_row(lines), Settings())["language"] == "ca"


def test_a_languages_share_is_its_list_s_part_of_the_listed_tokens() -> None:
    stops = StopLists({"fr": ["le", "la", "et", "de"], "es": ["la", "de", "el"]})
    sample = stops.sample(["le", "chat", "et", "la", "souris", "de", "el", "barrio", "la"])
    assert dict(sample.counts) == {"le": 1, "et": 1, "la": 2, "de": 1, "el": 1}
    assert (sample.listed, sample.hits) == (6, {"fr": 5, "es": 4})
    assert (sample.share("fr"), round(sample.share("es"), 4), sample.share("de")) == (
        5 / 6,
        0.6667,
        0.0,
    )
