"""The structural passes of the classifier on exact lines: where the article ends (closing
labels, boxes of other articles, trailing fragments, the author's bio), the lead paragraph,
lists, numbered lists and code blocks inside the article, comment forms."""

from __future__ import annotations

import pytest

from curate.clean.classifier import _recover_lead, classify_lines
from curate.clean.config import CleanConfig
from curate.clean.features import line_features
from curate.clean.stopwords import StopLists
from tests.test_clean_rules import PROSE

EN = [
    *PROSE["en"],
    "The library will also get new computers, and the school board said that the roads near "
    "the two schools would be repaired before the start of the next school year in September.",
    "Several council members asked for a report on the costs, which the finance director "
    "promised to deliver before the end of the month, together with a plan for the parks.",
]
DE = [
    *PROSE["de"],
    "Die Bibliothek soll außerdem neue Computer bekommen, und die Straßen vor den beiden Schulen "
    "werden bis zum Beginn des neuen Schuljahres im September repariert, sagte die Schulleiterin.",
    "Mehrere Mitglieder des Rates baten um einen Bericht über die Kosten, den die Kämmerin bis "
    "zum Ende des Monats vorlegen will, zusammen mit einem Plan für die Parks der Stadt.",
]
FR = [
    *PROSE["fr"],
    "La bibliothèque recevra aussi de nouveaux ordinateurs, et les rues autour des deux écoles "
    "seront réparées avant la rentrée de septembre, a précisé la directrice de l'école.",
    "Plusieurs conseillers ont demandé un rapport sur les coûts, que la directrice des finances "
    "a promis de remettre avant la fin du mois, avec un plan pour les parcs de la ville.",
]


def decide(lines: list[str]) -> list[tuple[bool, str]]:
    return [(d.keep, d.rule) for d in classify_lines(lines, CleanConfig())]


def test_box_of_other_articles_inside_the_article() -> None:
    lines = [DE[0], DE[1], "Lesen Sie auch", "Sturm schließt Schulen in der Region"]
    lines += ["Neue Brücke eröffnet", DE[2], DE[3]]
    assert decide(lines) == [
        (True, "body"),
        (True, "body"),
        (False, "related"),
        (False, "related"),
        (False, "related"),
        (True, "body"),
        (True, "body"),
    ]


def test_label_of_other_articles_ends_the_article() -> None:
    teasers = [
        "Storm closes schools across the region",
        "A winter storm closed dozens of schools on Monday morning, the county said.",
        "Mayor opens the new bridge over the river",
        "The bridge links the two halves of the old town and cost less than planned.",
    ]
    decisions = decide([*EN, "Related articles", *teasers])
    assert decisions[:4] == [(True, "body")] * 4
    assert decisions[4] == (False, "related")
    assert not any(keep for keep, _ in decisions[5:])


def test_author_label_and_bio_end_the_article() -> None:
    bio = "Hans Müller ist Redakteur bei der Stadtzeitung und schreibt seit 2010 über Politik."
    decisions = decide([*DE, "Über den Autor", bio])
    assert decisions[:4] == [(True, "body")] * 4
    assert decisions[4] == (False, "author")
    assert not decisions[5][0]
    bio = "Jane Doe is a senior writer for the City Gazette, where she covers the council."
    assert decide([*EN, bio])[4] == (False, "author")


def test_trailing_fragments_are_trimmed() -> None:
    assert decide([*EN, "Tagged:", "Budget"])[4:] == [(False, "fragment"), (False, "menu")]
    assert decide([*DE, "Quellenangaben:"])[4:] == [(False, "fragment")]


def test_see_also_does_not_close_the_article() -> None:
    lines = [EN[0], EN[1], "See also", "Budget of the city", "List of libraries", EN[2], EN[3]]
    assert [keep for keep, _ in decide(lines)] == [True, True, False, True, True, True, True]


def test_lead_paragraph_between_headline_and_body_is_kept() -> None:
    lead = (
        "Le conseil a voté plus d'argent pour les écoles et la bibliothèque, et contre une "
        "hausse des impôts locaux cette année."
    )
    lines = ["Accueil", "Le conseil adopte le budget", "Publié le 12 mars 2023 à 10h05", lead]
    lines += ["Photo : Jean Dupont", "Partager", *FR]
    decisions = decide(lines)
    assert decisions[1:4] == [(False, "title"), (False, "date"), (True, "body")]
    assert decisions[4:6] == [(False, "caption"), (False, "share")]
    assert decisions[6:] == [(True, "body")] * 4


@pytest.mark.parametrize(
    ("between", "recovered"),
    [
        (["date", "share", "share"], True),  # the lead recovery used to look 3 lines up only
        (["date", "blank", "share", "blank", "share"], True),
        (["date", "share", "share", "share"], False),  # too far from its headline
        (["date", "comments", "share"], False),
    ],
)
def test_lead_recovered_under_date_and_buttons(between: list[str], recovered: bool) -> None:
    """The pass that takes back a lead the segmentation left out (`_recover_lead`)."""
    lead = (
        "Le conseil a voté plus d'argent pour les écoles et la bibliothèque, et contre une "
        "hausse des impôts locaux cette année."
    )
    gap = ["" if rule == "blank" else "Partager" for rule in between]
    lines = ["Accueil", "Le conseil adopte le budget", *gap, lead, *FR]
    rules: list[str | None] = ["menu", None, *between, None, *[None] * len(FR)]
    keep = [False] * (len(lines) - len(FR)) + [True] * len(FR)
    feats = line_features(lines, StopLists.default())
    leads = _recover_lead(feats, keep, rules, 0.2, CleanConfig())
    lead_index = len(lines) - len(FR) - 1
    assert leads == ([lead_index] if recovered else [])
    assert keep[lead_index] is recovered


def test_list_items_share_the_fate_of_the_list() -> None:
    items = [
        "+ New computers for the library",
        "+ Roads repaired near the schools",
        "+ Longer opening hours for the library",
    ]
    decisions = decide([EN[0], "The plan includes:", *items, EN[1], EN[2]])
    assert decisions == [(True, "body")] * 7


def test_numbered_list_inside_the_article_is_kept() -> None:
    items = ["1. North", "2. East", "3. West", "4. South"]
    lines = [EN[0], EN[1], "The overall ranking of the districts was as follows:", *items]
    assert decide([*lines, EN[2], EN[3]]) == [(True, "body")] * 9


def test_code_block_inside_the_article_is_kept() -> None:
    code = ["SELECT avg(n)", "FROM series", "WHERE n > 0;", "avg", "───────", "4.33"]
    assert decide([EN[0], EN[1], *code, EN[2], EN[3]]) == [(True, "body")] * 10


def test_stretch_after_a_comment_form_is_not_the_article() -> None:
    comment = (
        "I have lived in this town for thirty years and I think that the council should "
        "have asked the residents before it decided to spend so much money on the bridge, "
        "because the roads in the north of the town are in a terrible state and nobody "
        "seems to care about them at all, which is a shame for everyone who lives there."
    )
    comments = [comment.replace("thirty", n) for n in ("thirty", "forty", "fifty", "sixty")]
    menu = ["Home", "News", "Sport", "Weather", "Culture", "Business"] * 5
    lines = [EN[0], EN[1], *menu, "Leave a Reply", *comments]
    decisions = decide(lines)
    assert decisions[:2] == [(True, "body"), (True, "body")]
    assert decisions[-5] == (False, "comments")
    assert not any(keep for keep, _ in decisions[2:])
    # the longer stretch of comments would win were it not after the form's label
    config = CleanConfig(after_comments_weight=1.0)
    assert [d.keep for d in classify_lines(lines, config)][:2] == [False, False]
