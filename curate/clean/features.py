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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from curate.clean.patterns import ends_sentence
from curate.clean.stopwords import ZH_FUNCTION_CHARS, StopLists, Weighed
from curate.clean.tokens import cjk_count, has_cjk, hiragana_count, lower_words, words

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
    langs = _guess(lines, [words(line) for line in lines], stops)[0]
    return langs[0] if langs else None


def _guess(
    lines: Sequence[str], tokens: Sequence[list[str]], stops: StopLists
) -> tuple[list[str], Weighed | None, list[int]]:
    """The page's languages (at most two, best first), the sample's function words weighed
    (None for CJK text) and the sample's lines."""
    # the longest lines are the prose: they say the language best, and cost least to read
    lengths = list(map(len, lines))
    order = sorted(range(len(lines)), key=lengths.__getitem__, reverse=True)[:_SAMPLE_LINES]
    sample = " ".join(lines[i] for i in order)
    if has_cjk(sample):
        cjk = cjk_count(sample)
        if cjk > 0.3 * max(1, len(sample.replace(" ", ""))):
            return ["ja" if hiragana_count(sample) > 0.1 * cjk else "zh"], None, order
    weighed = stops.sample(chain.from_iterable(tokens[i] for i in order))
    return weighed.ranked()[:2], weighed, order


def _cjk_language(lines: Sequence[str]) -> str | None:
    """`zh` or `ja` when CJK characters, each weighing about a word (`_CJK_WEIGHT` letters),
    outweigh the page's other letters.

    >>> _cjk_language(["我们在这里说话", "Home", "About us"])
    'zh'
    >>> _cjk_language(["分享 Share this page"]) is None
    True
    """
    page = "\n".join(lines)
    cjk = cjk_count(page)
    others = len(_LETTERS.findall(page)) - cjk
    if cjk * _CJK_WEIGHT <= others:
        return None
    return "ja" if hiragana_count(page) > 0.1 * cjk else "zh"


_CJK_WEIGHT = 2.5
_LETTERS = re.compile(r"[^\W\d_]")


_SAMPLE_LINES = 8
# Short lines lower-cased and their tokens: they recur across a site's pages (bounded;
# cleared when full).
_TOKENS: dict[str, tuple[str, list[str]]] = {}
_TOKENS_CHARS = 120
_TOKENS_SIZE = 100_000


def _lower_words(line: str) -> tuple[str, list[str]]:
    """`lower_words(line)`, cached for short lines (callers never modify the list)."""
    if len(line) > _TOKENS_CHARS:
        return lower_words(line)
    found = _TOKENS.get(line)
    if found is None:
        if len(_TOKENS) >= _TOKENS_SIZE:
            _TOKENS.clear()
        found = _TOKENS[line] = lower_words(line)
    return found


# Only lines less dense than this in the main language are measured in the second one.
_SECOND_LANGUAGE_BELOW = 0.3


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """Every line's features, the sample the page's language was guessed from (its
    longest lines, `sample_lines`, and their function words weighed; None for CJK text),
    and every line lower-cased (`lowered`, as tokenising found it)."""

    lines: list[LineFeatures]
    sample: Weighed | None
    sample_lines: list[int]
    lowered: list[str]


def line_features(
    lines: Sequence[str], stops: StopLists, *, cjk_weight: float = 2.5
) -> list[LineFeatures]:
    """`page_features(...).lines`."""
    return page_features(lines, stops, cjk_weight=cjk_weight).lines


def page_features(
    lines: Sequence[str], stops: StopLists, *, cjk_weight: float = 2.5
) -> PageFeatures:
    """Features of every line, with the document's language chosen once.

    A page often mixes two languages (an English article in a German site's template): a
    line's density is then the higher of the two languages' densities. Its Chinese or
    Japanese lines are measured as such; when they outweigh the rest (a Chinese post in an
    English template, whose longest lines are the template's), the page is measured again
    as a Chinese or Japanese one.
    """
    pairs = [_lower_words(line) for line in lines]
    all_tokens = [tokens for _, tokens in pairs]
    langs, sample, sample_lines = _guess(lines, all_tokens, stops)
    out, mixed = _measure(lines, all_tokens, langs, stops, cjk_weight)
    if mixed >= _MIXED_MIN_PAGE:
        cjk_lang = _cjk_language(lines)
        if cjk_lang is not None:
            out = _measure(lines, all_tokens, [cjk_lang, *langs[:1]], stops, cjk_weight)[0]
            sample = None
    return PageFeatures(out, sample, sample_lines, [low for low, _ in pairs])


def _measure(
    lines: Sequence[str],
    all_tokens: Sequence[list[str]],
    langs: Sequence[str],
    stops: StopLists,
    cjk_weight: float,
) -> tuple[list[LineFeatures], int]:
    """The lines' features in the languages `langs`, and the CJK characters of the lines
    measured as CJK in a page of another language."""
    lang = langs[0] if langs else None
    stop_set = stops.words(lang) if lang else frozenset()
    other = stops.words(langs[1]) if len(langs) > 1 else None
    cjk_doc = lang in ("zh", "ja")
    out: list[LineFeatures] = []
    mixed = 0
    for line, toks in zip(lines, all_tokens, strict=True):
        cjk = cjk_count(line) if cjk_doc or not toks else 0
        if not cjk:
            length = float(len(line))
            stop = _density(toks, stop_set, line)
            if other is not None and stop < _SECOND_LANGUAGE_BELOW and toks:
                stop = max(stop, sum(map(other.__contains__, toks)) / len(toks))
            if not stop and len(line) >= _MIXED_MIN_CHARS and has_cjk(line):
                # a Chinese or Japanese line in a page of another language
                cjk = cjk_count(line)
                cjk = cjk if cjk >= _MIXED_CJK_SHARE * len(line) else 0
                mixed += cjk
        if cjk:
            length = len(line) - cjk + cjk * cjk_weight
            stop = _cjk_density(line, cjk, lang if cjk_doc else None)
        out.append(LineFeatures(line, toks, length, stop, ends_sentence(line), lang))
    return out, mixed


# A line of a non-CJK page is measured as CJK text when it has no stop word, at least this
# many characters and this share of CJK characters.
_MIXED_MIN_CHARS = 8
_MIXED_CJK_SHARE = 0.5
# CJK characters of such lines that have the whole page weighed (`_cjk_language`).
_MIXED_MIN_PAGE = 200


def _cjk_density(line: str, cjk: int, lang: str | None) -> float:
    """The stop-density stand-in of a CJK line: its share of hiragana in Japanese, of
    function characters in Chinese (`lang` None: Japanese when it holds hiragana enough).

    >>> _cjk_density("这是我们的家", 6, None), round(_cjk_density("これは本です", 6, None), 2)
    (1.0, 0.67)
    """
    kana = hiragana_count(line) if lang != "zh" else 0
    if lang == "ja" or (lang is None and kana > 0.1 * cjk):
        return min(1.0, _JA_SCALE * kana / cjk)
    return min(1.0, _ZH_SCALE * sum(c in ZH_FUNCTION_CHARS for c in line) / cjk)
