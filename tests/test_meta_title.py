"""Title choice: never a breadcrumb, the site name or the first body sentence."""

from __future__ import annotations

from curate.clean.types import LineDecision as L
from curate.meta.title import choose_title, clean_title, is_breadcrumb, is_site_name

BODY = [
    "Huawei a annoncé mardi renforcer sa présence au Royaume-Uni avec un nouveau centre de "
    "recherche à Cambridge, a indiqué le groupe chinois dans un communiqué.",
]


def test_header_line_is_the_title() -> None:
    rules = [
        L("Accueil > Économie", False, "breadcrumb"),
        L("Le Monde", False, "menu"),
        L("Huawei renforce sa présence au Royaume-Uni", False, "short"),
        L("12/05/2023 14:00", False, "date"),
        L(BODY[0], True, "body"),
    ]
    assert choose_title(rules, BODY, domain="lemonde.fr") == (
        "Huawei renforce sa présence au Royaume-Uni"
    )


def test_no_header_no_title() -> None:
    rules = [L(BODY[0], True, "body")]
    assert choose_title(rules, BODY) is None


def test_menu_words_do_not_win() -> None:
    rules = [L("Next story", False, "menu"), L("Sign in", False, "menu"), L(BODY[0], True, "body")]
    assert choose_title(rules, BODY) is None


def test_hint_without_site_name() -> None:
    rules = [L(BODY[0], True, "body")]
    hint = "Huawei renforce sa présence au Royaume-Uni | Le Monde"
    assert choose_title(rules, BODY, hint=hint, domain="lemonde.fr") == (
        "Huawei renforce sa présence au Royaume-Uni"
    )


def test_hint_matching_a_line_picks_the_line() -> None:
    rules = [
        L("Autre titre de la page", False, "short"),
        L("Huawei renforce sa présence au Royaume-Uni", False, "short"),
        L("Partager", False, "share"),
        L(BODY[0], True, "body"),
    ]
    hint = "Huawei renforce sa présence au Royaume-Uni - Le Monde"
    assert choose_title(rules, BODY, hint=hint, domain="lemonde.fr") == (
        "Huawei renforce sa présence au Royaume-Uni"
    )


def test_clean_title() -> None:
    assert clean_title("Hello world | Example News", domain="example-news.com") == "Hello world"
    assert clean_title("Example News: Hello world", domain="examplenews.com") == "Hello world"
    assert clean_title("Mozilla - Wikipedia", domain="en.wikipedia.org") == "Mozilla"
    assert clean_title("A - B", domain=None) == "A - B"
    assert clean_title(None) is None


def test_breadcrumb_and_site_name() -> None:
    assert is_breadcrumb("Page d'accueil > Informations récentes")
    assert is_breadcrumb("Home » News » World")
    assert not is_breadcrumb("Xi Jinping prononce un discours")
    assert is_site_name("Le Monde", "lemonde.fr")
    assert not is_site_name("Huawei renforce sa présence", "lemonde.fr")


def test_date_and_label_lines_are_not_titles() -> None:
    rules = [
        L("Huawei renforce sa présence au Royaume-Uni", False, "short"),
        L("Publié le 12 mai 2023 par Jean Dupont, Londres", False, "short"),
        L("Sie sind hier:", False, "menu"),
        L(BODY[0], True, "body"),
    ]
    assert choose_title(rules, BODY) == "Huawei renforce sa présence au Royaume-Uni"


def test_headline_above_a_date_line_beats_a_subtitle() -> None:
    rules = [
        L("Huawei renforce sa présence au Royaume-Uni", False, "short"),
        L("12/05/2023 14:00", False, "date"),
        L("Le groupe chinois ouvre un nouveau centre de recherche à Cambridge", False, "short"),
        L(BODY[0], True, "body"),
    ]
    assert choose_title(rules, BODY) == "Huawei renforce sa présence au Royaume-Uni"


def test_cleaner_title_rule_is_no_proof() -> None:
    rules = [
        L("Huawei renforce sa présence au Royaume-Uni", False, "short"),
        L("Mots-clés : télécoms, Chine, Cambridge", False, "title"),
        L(BODY[0], True, "body"),
    ]
    assert choose_title(rules, BODY) == "Huawei renforce sa présence au Royaume-Uni"


def test_title_repeated_in_a_breadcrumb_wins_a_tie() -> None:
    title = "Huawei ouvre un centre à Cambridge"
    other = "Cambridge accueille un centre Huawei"
    body = [BODY[0].replace("renforcer sa présence au Royaume-Uni avec", "ouvrir")]
    shares = [L("Partager", False, "share"), L("Imprimer", False, "share")]
    rules = [L(title, False, "short"), *shares, L(other, False, "short"), L(body[0], True, "body")]
    assert choose_title(rules, body) == other
    crumb = L(f"Accueil > Économie > {title}", False, "breadcrumb")
    assert choose_title([crumb, *rules], body) == title
