"""Document-level language identification with py3langid (model shipped in the wheel).

>>> detect_language("Le président a prononcé un discours lors de la cérémonie d'ouverture.")[0]
'fr'
>>> detect_language("OK")
(None, 0.0)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CHARS = 20
SAMPLE_CHARS = 700
# Digits, URLs and punctuation carry no language signal but dilute short texts.
_NOISE = re.compile(r"https?://\S{1,300}|www\.\S{1,300}|[\d_#@|/\\<>\[\]{}()*=+~^]+")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sample(text: str) -> str:
    """At most SAMPLE_CHARS, taken from the start and the middle of long texts."""
    if len(text) <= SAMPLE_CHARS:
        return text
    half = SAMPLE_CHARS // 2
    mid = len(text) // 2
    return text[:half] + "\n" + text[mid : mid + half]


def detect_language(text: str, *, min_chars: int = MIN_CHARS) -> tuple[str | None, float]:
    """ISO 639-1 code and normalised probability; `(None, 0.0)` below `min_chars` letters."""
    sample = _NOISE.sub(" ", _sample(text))
    if len(_LETTERS.findall(sample)) < min_chars:
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return str(code), round(float(prob), 4)
