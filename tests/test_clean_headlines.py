"""Headline lists: a sidebar of unrelated headlines goes, a list continuing the article stays."""

from __future__ import annotations

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.headlines import content_vocab, is_title_like, overlap

ARTICLE = [
    "La Chine est solidement attachée à la coopération internationale dans le cyberespace et "
    "se tient prête à construire un réseau plus sûr avec les autres pays, a indiqué l'ambassadeur.",
    "Selon lui, la coopération dans le cyberespace doit respecter la souveraineté de chaque pays "
    "et favoriser le développement commun des infrastructures d'Internet dans le monde.",
    "Il a ajouté que la sécurité du cyberespace était un point central de la gouvernance "
    "d'Internet, et que la Chine voulait travailler avec tous les pays sur ce sujet.",
]
SIDEBAR = [
    "Les cinq chars d'assaut les plus chers du monde",
    "Apple main dans la main avec les développeurs chinois",
    "Huawei renforce sa présence au Royaume-Uni",
    "Le premier avion électrique prêt pour le décollage",
    "Une fillette de sept ans s'occupe de ses grands-parents malades",
]


def test_unrelated_run_after_article_is_dropped() -> None:
    decisions = classify_lines([*ARTICLE, *SIDEBAR], CleanConfig())
    assert [d.keep for d in decisions[:3]] == [True, True, True]
    assert [(d.keep, d.rule) for d in decisions[3:]] == [(False, "headline-list")] * len(SIDEBAR)


def test_section_headings_inside_article_stay() -> None:
    lines = [
        ARTICLE[0],
        "Une coopération dans le cyberespace ?",
        ARTICLE[1],
        "La sécurité du cyberespace au centre",
        ARTICLE[2],
    ]
    assert all(d.keep for d in classify_lines(lines, CleanConfig()))


def test_bullet_list_continuing_the_article_stays() -> None:
    bullets = [
        "De placer la coopération internationale au cœur du développement du cyberespace.",
        "D'ériger la sécurité commune du cyberespace en fondement de la gouvernance.",
        "De respecter la souveraineté de chaque pays dans le cyberespace.",
        "De construire ensemble les infrastructures d'Internet des pays en développement.",
    ]
    lines = [ARTICLE[0], "Les participants ont souligné la nécessité :", *bullets, ARTICLE[1]]
    assert all(d.keep for d in classify_lines(lines, CleanConfig()))


def test_list_after_a_related_label_is_dropped() -> None:
    lines = [*ARTICLE, "Lire aussi", *SIDEBAR[:3]]
    decisions = classify_lines(lines, CleanConfig())
    assert decisions[3].rule == "related"
    assert not any(d.keep for d in decisions[3:])


def test_overlap_and_title_like() -> None:
    stop = frozenset({"la", "le", "les", "de", "du", "dans"})
    vocab = content_vocab(ARTICLE, stop)
    assert overlap(SIDEBAR, vocab, stop) < 0.2
    assert overlap(["La coopération dans le cyberespace"], vocab, stop) == 1.0
    assert is_title_like("Huawei renforce sa présence au Royaume-Uni", 7, False, 25)
    assert not is_title_like("Huawei renforce sa présence.", 4, True, 25)
