"""Language detection: ISO 639-1, calibrated confidence, abstention on short text."""

from __future__ import annotations

import time

from pytest import MonkeyPatch

from curate.meta import language
from curate.meta.language import detect_language, function_word_language

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


IT = (
    "Il governo ha presentato mercoledì le nuove misure contro l'aumento dei prezzi "
    "dell'energia, che entreranno in vigore dal mese di luglio per tutte le famiglie e le "
    "imprese del paese, secondo quanto ha spiegato il ministro."
)


def test_function_words_decide_clear_texts() -> None:
    assert function_word_language(FR * 3) == ("fr", 1.0)
    assert function_word_language(IT)[0] == "it"  # type: ignore[index]
    assert detect_language(IT) == function_word_language(IT)


def test_function_words_leave_the_rest_to_py3langid() -> None:
    assert function_word_language(PL * 3) is None  # not a FAST_LANGUAGES language
    assert detect_language(PL * 3)[0] == "pl"
    assert function_word_language("Hello my friend, bonjour mon ami") is None  # too few
    mixed = (EN + " " + DE + " ") * 2
    assert function_word_language(mixed) is None  # no clear winner
    assert detect_language(ES * 3)[0] == "es"


PL = "Rząd przedstawił w środę nowe środki przeciwko rosnącym cenom energii dla rodzin."
# The same news item in Spanish, Portuguese, and relatives that have no stop list.
SAME_NEWS = {
    "es": "El Gobierno aprobó este martes un nuevo plan para mejorar el transporte público "
    "en las comarcas del interior. Según el consejero, las obras comenzarán en otoño y se "
    "prolongarán hasta finales de 2026. También se reforzarán los servicios de autobús.",
    "pt": "O Governo aprovou nesta terça-feira um novo plano para melhorar o transporte "
    "público nas regiões do interior. Segundo o ministro, as obras começarão no outono e "
    "vão prolongar-se até ao final de 2026. Também serão reforçados os serviços de autocarro.",
    "ca": "El Govern ha aprovat aquest dimarts un nou pla per millorar el transport públic a "
    "les comarques de l'interior. Segons el conseller, les obres començaran a la tardor i "
    "s'allargaran fins a finals del 2026. També es reforçaran els serveis d'autobús.",
    "gl": "O Goberno galego aprobou este martes un novo plan para mellorar o transporte "
    "público nas comarcas do interior. Segundo o conselleiro, as obras comezarán no outono "
    "e estenderanse ata finais de 2026. Tamén se reforzarán os servizos de autobús.",
    "oc": "Lo govèrn a aprovat aqueste dimars un plan novèl per melhorar lo transpòrt public "
    "dins las comarcas de l'interior. Segon lo conselhièr, las òbras començaràn a la tardor "
    "e duraràn fins a la fin de 2026. Los servicis d'autobús seràn tanben reforçats.",
}


def test_spanish_and_portuguese_take_the_fast_path() -> None:
    for lang in ("es", "pt"):
        decided = function_word_language(SAME_NEWS[lang])
        assert decided is not None and decided[0] == lang
        assert detect_language(SAME_NEWS[lang]) == decided


# Fragments of it whose function words alone read as Portuguese and Spanish.
FRAGMENTS = {
    "gl": "público nas comarcas do interior. Segundo o conselleiro, as obras comezarán no "
    "outono e estenderanse ata finais de 2026. Tamén se reforzarán os servizos de autobús "
    "entre as vilas máis pequenas, que ata agora só tiñan dúas conexións ao día.",
    "oc": "plan novèl per melhorar lo transpòrt public dins las comarcas de l'interior. Segon "
    "lo conselhièr, las òbras començaràn a la tardor e duraràn fins a la fin de 2026. Los "
    "servicis d'autobús entre los vilatges mai pichons seràn tanben reforçats,",
}


def test_relatives_without_a_stop_list_go_to_py3langid() -> None:
    for lang, text in [*SAME_NEWS.items(), *FRAGMENTS.items()]:
        if lang not in ("es", "pt"):
            assert function_word_language(text) is None
            assert detect_language(text)[0] == lang


def test_relative_words_keep_fragments_off_the_fast_path(monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(language, "RELATIVE_WORDS", {})
    assert [function_word_language(text)[0] for text in FRAGMENTS.values()] == ["pt", "es"]  # type: ignore[index]


def test_start_and_middle_must_agree() -> None:
    text = "Der Text beginnt auf Deutsch. " * 10 + EN * 10
    assert function_word_language(text) is None


def test_every_answer_is_an_iso_639_1_code() -> None:
    from curate.meta.language import _NO_LANGUAGE, TO_ISO639_1, _identifier

    codes = {TO_ISO639_1.get(c, c) for c in _identifier().nb_classes} - {_NO_LANGUAGE}
    assert codes and all(len(c) == 2 and c.isalpha() and c.islower() for c in codes)
    # a dialect of the model answers with its macrolanguage's code
    egyptian = "مرحبا بيكم في المقال ده، النهارده هنتكلم عن حاجات كتير مهمة جدا في حياتنا"
    assert detect_language(egyptian)[0] == "ar"
