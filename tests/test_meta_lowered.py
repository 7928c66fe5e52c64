"""The cleaner's lower-cased lines, handed on to metadata (`CleanedPage.lowered`)."""

from __future__ import annotations

from curate.clean.classifier import LINK_PRIOR, classify_page
from curate.clean.config import CleanConfig
from curate.clean.types import LineDecision as L
from curate.meta.config import MetaConfig
from curate.meta.extract import Hints, _lower_body, extract_metadata
from curate.meta.layout import page_layout

LINES = [
    "ACCUEIL > ÉCONOMIE",
    "Énergie : l'État relève le bouclier tarifaire",
    "L'ÉTAT a annoncé mardi que le bouclier tarifaire sur l'énergie serait prolongé jusqu'à "
    "la fin de l'année, pour protéger les ménages les plus modestes.",
    "Le gouvernement estime le coût de la mesure à plusieurs milliards d'euros, financés par "
    "une taxe sur les profits exceptionnels des producteurs.",
]


def test_the_cleaner_hands_on_every_line_lower_cased() -> None:
    page = classify_page(LINES, CleanConfig())
    assert list(page.lowered) == [line.lower() for line in LINES]


def test_link_lines_the_cleaner_did_not_read_have_none() -> None:
    priors = [LINK_PRIOR, 0.0, 0.0, 0.0]
    page = classify_page(LINES, CleanConfig(), priors=priors)
    assert list(page.lowered) == [None, *(line.lower() for line in LINES[1:])]


def test_metadata_is_the_same_with_the_lowered_lines_or_without() -> None:
    page = classify_page(LINES, CleanConfig())
    shared = extract_metadata(page.decisions, Hints(), MetaConfig(), lowered=page.lowered)
    alone = extract_metadata(page.decisions, Hints(), MetaConfig())
    assert shared == alone
    assert shared[0].title == "Énergie : l'État relève le bouclier tarifaire"


def _body(decisions: list[L], lowered: list[str | None], body: list[str]) -> str:
    return _lower_body(body, page_layout(decisions), lowered, "\n".join(body))


def test_the_lowered_body_follows_the_cut_first_line() -> None:
    decisions = [
        L("DATE 2022-11 Le CONSEIL a voté.", True, "body"),
        L("Puis À midi.", True, "body"),
    ]
    lowered: list[str | None] = [d.text.lower() for d in decisions]
    # a glued prefix cut off the first line
    assert _body(decisions, lowered, ["Le CONSEIL a voté.", "Puis À midi."]) == (
        "le conseil a voté.\npuis à midi."
    )
    # the first line gone (all prefix and dateline)
    assert _body(decisions, lowered, ["Puis À midi."]) == "puis à midi."


def test_the_lowered_body_falls_back_where_the_cleaner_has_no_line() -> None:
    decisions = [L("Le CONSEIL a voté.", True, "body"), L("Puis À midi.", True, "body")]
    body = [d.text for d in decisions]
    # a line the cleaner did not read, and a lowered line that is not the decision's
    assert _body(decisions, [None, "puis à midi."], body) == "le conseil a voté.\npuis à midi."
    assert _body(decisions, ["x", "puis à midi."], body) == "le conseil a voté.\npuis à midi."
