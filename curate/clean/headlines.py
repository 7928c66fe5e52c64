"""Headline lists: runs of short, title-like lines that do not continue the article.

A site's sidebar of unrelated headlines looks like prose to a stop-word test, but its lines
are titles (no final full stop), come in runs, and share few content words with the
article's body. A list that continues the article (bullet points, section headings) shares
its vocabulary, or reads as sentences, and is kept.

>>> body = ["La Chine est attachée à la coopération internationale dans le cyberespace."]
>>> run = ["Les cinq chars d'assaut les plus chers du monde",
...        "Apple main dans la main avec les développeurs chinois",
...        "Huawei renforce sa présence au Royaume-Uni"]
>>> overlap(run, content_vocab(body, frozenset({"la", "le", "les"}))) < 0.1
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from curate.clean.tokens import has_cjk, words

_TITLE_START = re.compile(r"^[\W_]{0,3}[^\W_]")
_TWO_SENTENCES = re.compile(r"\w[.!?]\s+[A-ZÀ-ÖØ-ÞА-Я]")


def content_words(line: str, stop: frozenset[str]) -> list[str]:
    """Words of 3+ letters that are not stop words, cut to a 5-letter stem.

    >>> content_words("Les développeurs chinois", frozenset({"les"}))
    ['dével', 'chino']
    """
    return stems(words(line), stop)


def stems(tokens: Iterable[str], stop: frozenset[str]) -> list[str]:
    """`content_words` of already tokenised text. A run of CJK characters (a phrase, not
    a word) gives its character bigrams, which is how such text shares its vocabulary.

    >>> stems(["台北的楓葉", "rouge"], frozenset())
    ['台北', '北的', '的楓', '楓葉', 'rouge']
    """
    toks = tokens if isinstance(tokens, list) else list(tokens)
    if max(toks, default="")[:1] < _CJK_FIRST:  # no script before kana is CJK
        return [w[:5] for w in toks if len(w) >= 3 and w not in stop and not w.isdigit()]
    out: list[str] = []
    for w in toks:
        if w[:1] >= _CJK_FIRST and len(w) >= 2 and has_cjk(w):
            out.extend(w[i : i + 2] for i in range(len(w) - 1))
        elif len(w) >= 3 and w not in stop and not w.isdigit():
            out.append(w[:5])
    return out


_CJK_FIRST = "\u3040"


def content_vocab(lines: Iterable[str], stop: frozenset[str]) -> set[str]:
    """The stems of the content words of `lines`."""
    vocab: set[str] = set()
    for line in lines:
        vocab.update(content_words(line, stop))
    return vocab


def overlap(run: Sequence[str], vocab: set[str], stop: frozenset[str] = frozenset()) -> float:
    """Mean share of each line's content words found in `vocab` (1.0 when none has any)."""
    return stem_overlap([content_words(line, stop) for line in run], vocab)


def stem_overlap(run: Iterable[list[str]], vocab: set[str]) -> float:
    """`overlap` over lines given as lists of stems."""
    shares = [sum(1 for w in cw if w in vocab) / len(cw) for cw in run if cw]
    return sum(shares) / len(shares) if shares else 1.0


def is_title_like(line: str, n_words: int, terminal: bool, max_words: int) -> bool:
    """A line that reads as a headline: 2..max_words words, no sentence ending.

    >>> is_title_like("Huawei renforce sa présence au Royaume-Uni", 6, False, 25)
    True
    """
    if not 2 <= n_words <= max_words or _TITLE_START.match(line) is None:
        return False
    if _TWO_SENTENCES.search(line):
        return False  # "Question? Answer." is prose, not a headline
    # headlines may exclaim or ask, they do not end with a full stop
    return not terminal or line.rstrip().endswith(("!", "?", "…", "...", "!»", "?»", '!"', '?"'))
