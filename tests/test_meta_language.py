"""Language detection: ISO 639-1, calibrated confidence, abstention on short text."""

from __future__ import annotations

import time

from curate.meta.language import detect_language

FR = "Le président a prononcé un discours lors de la cérémonie d'ouverture du sommet mondial."
DE = "Die Bundesregierung hat am Mittwoch neue Maßnahmen gegen die steigenden Energiepreise."
EN = "The government announced on Wednesday new measures against the rising energy prices."
ES = "El gobierno anunció el miércoles nuevas medidas contra el aumento de los precios."


def test_languages() -> None:
    assert [detect_language(t)[0] for t in (FR, DE, EN, ES)] == ["fr", "de", "en", "es"]


def test_confidence_is_a_probability() -> None:
    code, score = detect_language(FR * 5)
    assert code == "fr"
    assert 0.9 <= score <= 1.0


def test_short_text_abstains() -> None:
    assert detect_language("OK") == (None, 0.0)
    assert detect_language("12/05/2023 - 14:00") == (None, 0.0)
    assert detect_language("") == (None, 0.0)


def test_urls_and_digits_are_ignored() -> None:
    assert detect_language("https://example.com/a/b/c 1234 5678 " + DE)[0] == "de"


def test_mixed_text_is_less_sure() -> None:
    _code, mixed = detect_language("Hello my friend, bonjour mon ami, hallo mein Freund")
    _code, clean = detect_language(EN * 3)
    assert mixed < clean


def test_long_text_is_sampled() -> None:
    text = (FR + "\n") * 5000
    detect_language(FR)
    start = time.perf_counter()
    assert detect_language(text)[0] == "fr"
    assert time.perf_counter() - start < 0.05
