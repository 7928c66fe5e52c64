"""Title choice: never a breadcrumb, the site name or the first body sentence."""

from __future__ import annotations

from curate.clean.types import LineDecision as L
from curate.meta.title import (
    choose_title,
    clean_title,
    is_breadcrumb,
    is_site_name,
    is_tag_list,
)

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


# A body about a harbour, shared by the page-shaped tests below.
HARBOUR = [
    "The harbour of Northport will close its old ferry terminal next spring, the port "
    "authority said on Monday, after twenty years of falling passenger numbers.",
    "The ferry terminal will become a market hall; the harbour keeps its cargo quays.",
]
HEADLINE = "Northport harbour to close its old ferry terminal"


def _page(*header: L, body: list[str] = HARBOUR) -> list[L]:
    return [*header, *(L(line, True, "body") for line in body)]


def test_quotes_and_questions_are_no_breadcrumbs() -> None:
    assert not is_breadcrumb("»Wir bleiben hier, bis der Hafen schließt«")
    assert not is_breadcrumb("« Le port ferme » : les marins inquiets")
    assert not is_breadcrumb("Can fish feel pain / suffer?")
    assert is_breadcrumb("Home / News / Harbour")
    quote = "»Der Hafen muss offen bleiben«"
    body = [
        "Der Hafen muss offen bleiben, sagen die Fischer von Nordhafen, die gegen die "
        "Schließung des Hafens protestieren.",
        "Die Stadt will im Frühjahr entscheiden.",
    ]
    rules = _page(L("Startseite", False, "menu"), L(quote, False, "short"), body=body)
    assert choose_title(rules, body) == quote


def test_tag_lists_and_navigation_links_are_not_titles() -> None:
    assert is_tag_list("Harbour, Ferries, Northport") and is_tag_list("Home - Ports - Contact")
    assert not is_tag_list("Northport, the harbour that lost its ferries")
    rules = _page(
        L(HEADLINE, False, "short"),
        L("← Northport harbour opens a cargo quay", False, "short"),
        L("Harbour, Ferry terminal, Northport", False, "title"),
    )
    assert choose_title(rules, HARBOUR) == HEADLINE


def test_a_label_in_lower_case_is_not_the_title() -> None:
    headline = "Northport harbour ferry terminal shuts"
    rules = _page(
        L("in Northport: harbour ferry terminal", False, "short"), L(headline, False, "short")
    )
    assert choose_title(rules, HARBOUR) == headline


def test_a_long_headline_kept_as_the_first_body_line() -> None:
    headline = (
        "Northport harbour will close its old ferry terminal next spring as passenger "
        "numbers keep falling"
    )
    body = [headline, *HARBOUR]
    rules = [L("Home", False, "menu"), L("Ports", False, "menu"), *_page(body=body)]
    assert choose_title(rules, body) == headline
    # a first paragraph with a sentence end is no headline
    assert choose_title(_page(L("Home", False, "menu")), HARBOUR) is None


def test_a_kept_headline_may_end_with_an_initialism() -> None:
    headline = "How winter wreaks havoc on the ferry quays of Northport, N.Y."
    rules = [
        L("Home", False, "menu"),
        *_page(body=[headline, *HARBOUR]),
        L("Image", False, "menu"),
        L("By Jane Doe", False, "byline"),
    ]
    assert choose_title(rules, [headline, *HARBOUR]) == headline


def test_the_cleaner_title_rule_breaks_a_tie() -> None:
    marked = "Old Northport harbour ferry terminal quays"
    rules = _page(
        L("Northport harbour ferry terminal to close", False, "short"), L(marked, False, "title")
    )
    assert choose_title(rules, HARBOUR) == marked


def test_a_much_longer_line_under_the_headline_is_its_deck() -> None:
    deck = (
        "After twenty years of falling passenger numbers the Northport port authority "
        "turns the old ferry terminal into a market hall"
    )
    rules = _page(
        L("Northport harbour closes ferry terminal", False, "short"), L(deck, False, "short")
    )
    assert choose_title(rules, HARBOUR) == "Northport harbour closes ferry terminal"


def test_a_menu_shown_again_at_the_foot_is_not_the_title() -> None:
    menu = [
        L("Port authority", False, "menu"),
        L("Northport harbour ferry terminal", False, "menu"),
        L("Contact", False, "menu"),
    ]
    rules = [L(HEADLINE, False, "short"), *menu, *_page()]
    assert choose_title(rules, HARBOUR) == "Northport harbour ferry terminal"
    assert choose_title([*rules, *menu], HARBOUR) == HEADLINE


def test_a_title_quoted_in_a_longer_line_is_preferred() -> None:
    shares = [L(name, False, "share") for name in ("Share", "Print", "Mail")]
    body = [*HARBOUR, *(f"Paragraph {i} on the market hall plans." for i in range(60))]
    rules = [
        L(HEADLINE, False, "short"),
        *shares,
        L("Northport harbour ferry terminal", False, "short"),
    ]
    assert choose_title(_page(*rules, body=body), body) == "Northport harbour ferry terminal"
    # the headline again, far below in a "most read" list
    most_read = L(f"Most read: {HEADLINE}", False, "related")
    assert choose_title([*_page(*rules, body=body), most_read], body) == HEADLINE


def test_a_headline_may_name_a_day_a_dateline_may_not() -> None:
    headline = (
        "Report on the Northport harbour of 12.05.2023 – what will the ferry terminal become?"
    )
    rules = _page(
        L(headline, False, "short"),
        L("Harbour news for Northport", False, "short"),
        L("Posted 12.05.2023 by Anne Port", False, "short"),
    )
    assert choose_title(rules, HARBOUR) == headline


def test_a_line_between_two_dates_is_a_dated_list_item() -> None:
    rules = _page(
        L(HEADLINE, False, "short"),
        L("Anne Port", False, "menu"),
        L("Port news", False, "menu"),
        L("Monday, 15 May 2023", False, "date"),
        L("Harbour tour: old ferry terminal of Northport", False, "short"),
        L("Tuesday, 16 May 2023", False, "date"),
    )
    assert choose_title(rules, HARBOUR) == HEADLINE


def test_credits_and_tweets_are_not_titles() -> None:
    rules = _page(
        L("Northport harbour ferry terminal", False, "short"),
        L("Menu", False, "menu"),
        L("The old ferry terminal of Northport harbour © Port Authority", False, "title"),
        L("The Northport ferry terminal will close in spring. 😢", False, "short"),
    )
    assert choose_title(rules, HARBOUR) == "Northport harbour ferry terminal"


def test_words_with_combining_marks_count() -> None:
    headline = "নদীর বন্দর বন্ধ হবে"
    body = ["নদীর বন্দর আগামী বছর বন্ধ হবে, বলেছে বন্দর কর্তৃপক্ষ। নদীর যাত্রী কমেছে।"]
    rules = [L(headline, False, "short"), L("Latest river port news", False, "short")]
    assert choose_title([*rules, L(body[0], True, "body")], body) == headline
