"""Unicode normalisation: mojibake, NFC, spaces, controls, quotes."""

from __future__ import annotations

import time

from curate.meta.text import normalize_text


def test_mojibake_is_repaired() -> None:
    assert normalize_text("Ã‰tÃ© Ã  Paris") == "Été à Paris"
    assert normalize_text("Itâ€™s fine") == "It’s fine"


def test_nfc() -> None:
    assert normalize_text("e\u0301te\u0301") == "été"


def test_spaces_and_controls() -> None:
    raw = "Page\u00a0d'accueil\u00a0>\u00a0Infos \r\n\tA\u2009 b\x00c\u200b\n\n\n\nfin  "
    assert normalize_text(raw) == "Page d'accueil > Infos\nA bc\n\nfin"


def test_lines_are_kept_and_blank_runs_collapsed() -> None:
    assert normalize_text("  a  \n\n\n b\n") == "a\n\nb"
    assert normalize_text("") == ""


def test_quotes_only_on_request() -> None:
    assert normalize_text("“Oui” l’a dit") == "“Oui” l’a dit"
    assert normalize_text("“Oui” l’a dit", unify_quotes=True) == '"Oui" l\'a dit'
    assert normalize_text("« Oui »", unify_quotes=True) == "« Oui »"


def test_legit_accents_untouched() -> None:
    text = "São Paulo, né à Zürich — «Ça va»"
    assert normalize_text(text) == text


def test_idempotent() -> None:
    once = normalize_text("Ã©tÃ©\u00a0 x\r\ny")
    assert normalize_text(once) == once


def test_fast_on_clean_text() -> None:
    text = "Le président a prononcé un discours lors de la cérémonie.\n" * 200
    start = time.perf_counter()
    for _ in range(50):
        normalize_text(text)
    assert (time.perf_counter() - start) / 50 < 0.01
