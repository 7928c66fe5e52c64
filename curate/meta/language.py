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
# A short sample decides most texts; an unsure one is read again on a longer sample.
FIRST_SAMPLE = 120
SECOND_SAMPLE = 1500
SURE = 0.95
# Digits, URLs and punctuation carry no language signal but dilute short texts.
_NOISE = re.compile(r"https?://\S{1,300}|www\.\S{1,300}|[\d_#@|/\\<>\[\]{}()*=+~^]+")
# At least MIN_CHARS letters (stops at the MIN_CHARS-th).
_ENOUGH_LETTERS = re.compile(rf"(?:[^\W\d_][\W\d_]*){{{MIN_CHARS}}}")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # The float16 feature table is kept as shipped: a float32 copy scores faster in a tight
    # loop but, twice as large, misses the CPU cache more right after the cleaning step.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sample(text: str, size: int) -> str:
    """At most `size` characters: the middle of a long text, plus its start for big samples."""
    if len(text) <= size:
        return text
    middle = len(text) // 2
    if size < 1000:
        return text[middle - size // 2 : middle + size // 2]
    half = size // 2
    return text[:half] + "\n" + text[middle : middle + half]


def _classify(sample: str) -> tuple[str, float]:
    code, prob = _identifier().classify(sample)
    return str(code), float(prob)


def _enough_letters(sample: str, min_chars: int) -> bool:
    if min_chars == MIN_CHARS:
        return _ENOUGH_LETTERS.search(sample) is not None
    return len(_LETTERS.findall(sample)) >= min_chars


def detect_language(text: str, *, min_chars: int = MIN_CHARS) -> tuple[str | None, float]:
    """ISO 639-1 code and normalised probability; `(None, 0.0)` below `min_chars` letters."""
    sample = _NOISE.sub(" ", _sample(text, FIRST_SAMPLE))
    if not _enough_letters(sample, min_chars):
        if len(text) <= FIRST_SAMPLE:
            return None, 0.0
        sample = _NOISE.sub(" ", _sample(text, SECOND_SAMPLE))
        if not _enough_letters(sample, min_chars):
            return None, 0.0
    code, prob = _classify(sample)
    if prob < SURE and len(text) > FIRST_SAMPLE:
        code, prob = _classify(_NOISE.sub(" ", _sample(text, SECOND_SAMPLE)))
    return code, round(prob, 4)
