"""Document-level language identification: function words first, py3langid when unsure.

Most documents are in a few large languages whose function words settle the question on
two 200-character samples (the start and the middle), several times faster than
py3langid's byte automaton. The samples are taken as decided only when they hold enough
function words, one language's list covers them far better than the runner-up's, and that
language is one whose close relatives are listed too (`FAST_LANGUAGES`: no Norwegian text
passes for Danish, no Catalan one for Spanish). The confidence is then the share of the
samples' function words that belong to that language. Every other text (short, mixed,
other languages and scripts) goes to py3langid (model shipped in the wheel), once on a
short sample and, when unsure, on a longer one; its confidence is the normalised
probability.

>>> detect_language("Le président a prononcé un discours lors de la cérémonie d'ouverture.")[0]
'fr'
>>> detect_language("OK")
(None, 0.0)
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from curate.clean import tokens
from curate.clean.stopwords import StopLists, Weighed

MIN_CHARS = 20
# A short sample decides most texts; an unsure one is read again on a longer sample.
FIRST_SAMPLE = 160
SECOND_SAMPLE = 600
SURE = 0.9
# The function-word path: its sample, the languages it may answer, the weighted function
# words it needs, the runner-up's largest share of the best score, and the least share of
# function words among the sample's words.
WORD_SAMPLE = 200
FAST_LANGUAGES = frozenset({"en", "de", "fr", "it", "nl", "es", "pt"})
# Words of close relatives that have no stop list (Catalan, Occitan, Aragonese; Galician)
# and that the fast language's own texts hardly use: a sample holding `_MAX_RELATIVE` or
# more is left to py3langid, which knows those languages.
_GALICIAN = (
    "unha unhas nun nunha co coa cos coas pola polas tamén moi xa cando despois nin lle lles "
    "máis aínda iso dende mentres teñen non súa dúas"
)
RELATIVE_WORDS = {
    "es": frozenset(
        "amb els dels als pels i és més però també aquest aquesta aquests aquestes molt "
        "perquè seva són després quan ho ens dins tanben aqueste aquò ta iste ista istos "
        f"dica tamién {_GALICIAN}".split()
    ),
    "pt": frozenset(_GALICIAN.split()),
}
_MAX_RELATIVE = 2
_MIN_EVIDENCE = 6.0
_MAX_RUNNER_UP = 0.5
_MIN_DENSITY = 0.15
# Digits, URLs and punctuation carry no language signal but dilute short texts.
_NOISE = re.compile(r"https?://\S{1,300}|www\.\S{1,300}|[\d_#@|/\\<>\[\]{}()*=+~^]+")
# At least MIN_CHARS letters (stops at the MIN_CHARS-th).
_ENOUGH_LETTERS = re.compile(rf"(?:[^\W\d_][\W\d_]*){{{MIN_CHARS}}}")
_LETTERS = re.compile(r"[^\W\d_]")


# Languages of the model without an ISO 639-1 code of their own: those of a macrolanguage
# that has one answer with its code; the others are not candidates. `zxx` (no linguistic
# content) answers None.
TO_ISO639_1 = {
    "arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "gug": "gn", "uzs": "uz", "sdh": "ku",
    "kik": "ki", "fuv": "ff",
}  # fmt: skip
_NO_LANGUAGE = "zxx"


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # The float16 feature table is kept as shipped: a float32 copy scores faster in a tight
    # loop but, twice as large, misses the CPU cache more right after the cleaning step.
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    codes = identifier.nb_classes
    identifier.set_languages(
        [c for c in codes if len(c) == 2 or c in TO_ISO639_1 or c == _NO_LANGUAGE]
    )
    return identifier


def load_model() -> None:
    """Load py3langid's model now rather than on the first unsure text (about a second)."""
    _identifier()


def _sample(text: str, size: int) -> str:
    """At most `size` characters: the middle of a long text, plus its start for big samples."""
    if len(text) <= size:
        return text
    middle = len(text) // 2
    if size < 400:
        return text[middle - size // 2 : middle + size // 2]
    half = size // 2
    return text[:half] + "\n" + text[middle : middle + half]


def function_word_language(text: str) -> tuple[str, float] | None:
    """The language a sample's function words decide, with their share in it; None when
    they do not (too few, too mixed, or a language outside `FAST_LANGUAGES`).

    >>> function_word_language("Die Regierung hat am Mittwoch die neuen Regeln für den "
    ...     "Verkehr in der Stadt vorgestellt. Sie sollen ab dem Sommer gelten und werden "
    ...     "nach einem Jahr von einer Kommission geprüft, die auch die Kosten bewertet.")
    ('de', 1.0)
    >>> function_word_language("Hello my friend, bonjour mon ami") is None
    True
    """
    if len(text) > 2 * WORD_SAMPLE:
        # the start and the middle: a text whose parts disagree is left to py3langid
        middle = len(text) // 2
        text = text[:WORD_SAMPLE] + " " + text[middle : middle + WORD_SAMPLE]
    return sample_language(StopLists.default().sample(tokens.words(text), limit=None))


def sample_language(sample: Weighed) -> tuple[str, float] | None:
    """`function_word_language` of a weighed sample of tokens (the cleaner weighs the page's
    longest lines to guess its language: metadata reuses that; see `CleanedPage`).

    >>> from curate.clean.stopwords import StopLists
    >>> sample_language(StopLists.default().sample(
    ...     "the cat is on the mat and the dog is in the garden with a ball".split()))
    ('en', 1.0)
    """
    words, scores = sample.tokens, sample.scores
    if not scores:
        return None
    # by score, then code, best first (`itemgetter`: no Python call per language)
    ordered = sorted(scores.items(), key=itemgetter(1, 0), reverse=True)
    best, top = ordered[0]
    runner_up = ordered[1][1] if len(ordered) > 1 else 0.0
    relatives = RELATIVE_WORDS.get(best)
    if (
        best not in FAST_LANGUAGES
        or top < _MIN_EVIDENCE
        or runner_up > _MAX_RUNNER_UP * top
        or top < _MIN_DENSITY * len(words)
        or (relatives and sum(map(relatives.__contains__, words)) >= _MAX_RELATIVE)
    ):
        return None
    return best, round(sample.share(best), 4)


def _classify(sample: str) -> tuple[str | None, float]:
    """py3langid's ISO 639-1 answer and probability (None for no linguistic content)."""
    code, prob = _identifier().classify(sample)
    code = TO_ISO639_1.get(str(code), str(code))
    return (None, 0.0) if code == _NO_LANGUAGE else (code, float(prob))


def _enough_letters(sample: str, min_chars: int) -> bool:
    if min_chars == MIN_CHARS:
        return _ENOUGH_LETTERS.search(sample) is not None
    return len(_LETTERS.findall(sample)) >= min_chars


def detect_language(text: str, *, min_chars: int = MIN_CHARS) -> tuple[str | None, float]:
    """ISO 639-1 code and confidence; `(None, 0.0)` below `min_chars` letters."""
    decided = function_word_language(text)
    if decided is not None:
        return decided
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
    return (code, round(prob, 4)) if code is not None else (None, 0.0)
