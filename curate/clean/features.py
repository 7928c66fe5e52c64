"""Per-line features that carry across languages: length, stop-word density, punctuation.

Length is counted in characters, a CJK character weighing `cjk_char_weight` (it carries
about a word). Stop-word density is the share of a line's tokens in the document's stop
list; Chinese uses the share of function characters, Japanese the share of hiragana, both
scaled to the range of the alphabetic lists.

>>> from curate.clean.stopwords import StopLists
>>> feats = line_features(["Le chat est sur la table, dit-il.", "Accueil"], StopLists.default())
>>> [round(f.stop, 2) for f in feats], [f.terminal for f in feats], feats[0].lang
([0.62, 0.0], [True, False], 'fr')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from curate.clean.patterns import ends_sentence
from curate.clean.stopwords import ZH_FUNCTION_CHARS, StopLists
from curate.clean.tokens import cjk_count, has_cjk, hiragana_count, words

# Factors that bring CJK measures to the scale of word-list stop densities.
_ZH_SCALE = 1.8
_JA_SCALE = 0.8


@dataclass(slots=True)
class LineFeatures:
    """What the classifier knows about one line."""

    text: str
    tokens: list[str]
    length: float  # weighted characters
    stop: float  # stop-word density, 0..1
    terminal: bool  # ends like a sentence
    lang: str | None  # the document's stop list (or "zh"/"ja")
    n_words: int = field(init=False)  # number of tokens

    def __post_init__(self) -> None:
        self.n_words = len(self.tokens)


def _density(toks: list[str], stop_set: frozenset[str], line: str) -> float:
    if not toks:
        return 0.0
    if stop_set:
        return sum(map(stop_set.__contains__, toks)) / len(toks)
    # No list for this language: a proxy from punctuation, prose being made of clauses.
    if len(toks) >= 8 and ("," in line or ends_sentence(line)):
        return 0.4
    return 0.1


def doc_language(lines: Sequence[str], stops: StopLists) -> str | None:
    """The stop list that fits the document, `zh`/`ja` for CJK text, or None.

    >>> doc_language(["这是一个测试的句子，我们在这里说话。"], StopLists.default())
    'zh'
    """
    found = _guess(lines, [words(line) for line in lines], stops)
    return found[0] if found else None


def _guess(lines: Sequence[str], tokens: Sequence[list[str]], stops: StopLists) -> list[str]:
    # the longest lines are the prose: they say the language best, and cost least to read
    lengths = list(map(len, lines))
    order = sorted(range(len(lines)), key=lengths.__getitem__, reverse=True)[:_SAMPLE_LINES]
    sample = " ".join(lines[i] for i in order)
    if has_cjk(sample):
        cjk = cjk_count(sample)
        if cjk > 0.3 * max(1, len(sample.replace(" ", ""))):
            return ["ja" if hiragana_count(sample) > 0.1 * cjk else "zh"]
    return stops.rank(chain.from_iterable(tokens[i] for i in order))[:2]


_SAMPLE_LINES = 8
# Tokens of short lines, which recur across a site's pages (bounded; cleared when full).
_TOKENS: dict[str, list[str]] = {}
_TOKENS_CHARS = 120
_TOKENS_SIZE = 100_000


def _words(line: str) -> list[str]:
    """`words(line)`, cached for short lines (callers never modify the list)."""
    if len(line) > _TOKENS_CHARS:
        return words(line)
    found = _TOKENS.get(line)
    if found is None:
        if len(_TOKENS) >= _TOKENS_SIZE:
            _TOKENS.clear()
        found = _TOKENS[line] = words(line)
    return found


# Only lines less dense than this in the main language are measured in the second one.
_SECOND_LANGUAGE_BELOW = 0.3


def line_features(
    lines: Sequence[str], stops: StopLists, *, cjk_weight: float = 2.5
) -> list[LineFeatures]:
    """Features of every line, with the document's language chosen once.

    A page often mixes two languages (an English article in a German site's template): a
    line's density is then the higher of the two languages' densities.
    """
    all_tokens = [_words(line) for line in lines]
    langs = _guess(lines, all_tokens, stops)
    lang = langs[0] if langs else None
    stop_set = stops.words(lang) if lang else frozenset()
    other = stops.words(langs[1]) if len(langs) > 1 else None
    cjk_doc = lang in ("zh", "ja")
    out: list[LineFeatures] = []
    for line, toks in zip(lines, all_tokens, strict=True):
        cjk = cjk_count(line) if cjk_doc or not toks else 0
        if cjk:
            length = len(line) - cjk + cjk * cjk_weight
            if lang == "ja":
                stop = min(1.0, _JA_SCALE * hiragana_count(line) / cjk)
            else:
                stop = min(1.0, _ZH_SCALE * sum(c in ZH_FUNCTION_CHARS for c in line) / cjk)
        else:
            length = float(len(line))
            stop = _density(toks, stop_set, line)
            if other is not None and stop < _SECOND_LANGUAGE_BELOW and toks:
                stop = max(stop, sum(map(other.__contains__, toks)) / len(toks))
        out.append(LineFeatures(line, toks, length, stop, ends_sentence(line), lang))
    return out
