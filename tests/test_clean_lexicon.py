"""The newer lexicon categories and phrases, on exact lines in several languages: labels of
boxes of other articles, the author's bio, appeals for support, comment forms, post
footers and "did you like it?" prompts."""

from __future__ import annotations

import pytest

from curate.clean.lexicon import Lexicon
from tests.test_clean_rules import decide


@pytest.mark.parametrize(
    ("line", "lang", "rule"),
    [
        # labels of boxes of other articles
        ("What to Read Next", "en", "related"),
        ("Verwandte Beiträge", "de", "related"),
        ("Schon gelesen?", "de", "related"),
        ("Diese Artikel könnten dich ebenfalls interessieren:", "de", "related"),
        ("Vous aimerez aussi", "fr", "related"),
        ("Mirá también", "es", "related"),
        ("Le puede interesar", "es", "related"),
        ("Ti potrebbe interessare", "it", "related"),
        ("Meer nieuws", "nl", "related"),
        ("Смотрите также", "ru", "related"),
        # the author's bio
        ("About the author", "en", "author"),
        ("Über den Autor", "de", "author"),
        ("À propos de l'auteur", "fr", "author"),
        ("Sobre el autor", "es", "author"),
        ("Sull'autore", "it", "author"),
        ("Autor", "de", "author"),
        # appeals for money or membership
        ("Support our journalism", "en", "support"),
        ("Jetzt spenden", "de", "support"),
        ("Soutenez-nous dès aujourd'hui", "fr", "support"),
        ("Hazte miembro y disfruta de beneficios exclusivos", "es", "support"),
        ("Sostieni il nostro giornale", "it", "support"),
        # comment forms
        (
            "Save my name, email, and website in this browser for the next time I comment.",
            "en",
            "comments",
        ),
        ("Benachrichtige mich über nachfolgende Kommentare per E-Mail.", "de", "comments"),
        ("Enregistrer mon nom, mon e-mail et mon site dans le navigateur.", "fr", "comments"),
        # "did you like it?" prompts
        ("Did you like this article? Share it with your friends!", "en", "share"),
        ("Dir hat der Artikel gefallen? Jetzt teilen...", "de", "share"),
        ("Vous avez aimé cet article ?", "fr", "share"),
        # mailing lists
        ("Enter your email below to receive our announcements.", "en", "newsletter"),
        ("Mit meinem kostenlosen Newsletter verpasst du keine Artikel mehr.", "de", "newsletter"),
        # post footers of blog engines
        (
            "This entry was posted in News and tagged budget. Bookmark the permalink.",
            "en",
            "footer",
        ),
        ("Eingestellt von Michel um 21:11", "de", "footer"),
        # cookie notices in more languages (Polish, between English paragraphs)
        ("Informujemy, że korzystamy z cookies.", "en", "cookie"),
    ],
)
def test_new_phrases(line: str, lang: str, rule: str) -> None:
    decision = decide(line, lang)
    assert (decision.keep, decision.rule) == (False, rule)


@pytest.mark.parametrize(
    "line",
    [
        "The author of the report said the library would reopen in May.",
        "Der Autor des Buches lebt seit vielen Jahren in Berlin und schreibt für Zeitungen.",
        "They support the plan because it keeps the library open on Sundays.",
    ],
)
def test_prose_with_the_same_words_is_not_matched(line: str) -> None:
    lex = Lexicon.default()
    stop = frozenset({"the", "of", "der", "des", "in", "und", "für", "they", "it", "on"})
    assert lex.match(line, stop) is None


def test_words_after_phrase() -> None:
    lex = Lexicon.default()
    assert lex.words_after_phrase(["mehr", "zum", "thema", "gesundheit"]) == 1
    assert lex.words_after_phrase(["lire", "aussi", "le", "budget", "de", "la", "ville"]) == 5
    assert lex.words_after_phrase(["about", "the", "author"]) == 0
    assert lex.words_after_phrase(["the", "council"]) == 2
