"""Word tokens and script measures shared by the cleaner's features.

Tokens are lower-cased runs of word characters; apostrophes and hyphens split words, so
`l'Internet` gives `l`, `internet` and `suivez-nous` gives `suivez`, `nous`.

>>> words("Suivez-nous sur l'App !")
['suivez', 'nous', 'sur', 'l', 'app']
>>> cjk_count("关注我们 on WeChat")
4
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")
# the same without an underscore in the text, and faster
_WORD_FAST = re.compile(r"\w+")
# Han and kana: each character carries about a word of meaning. (Korean hangul is not
# counted: Korean puts spaces between its words, as alphabetic scripts do.)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# any character from kana up: a one-range test, faster than `_CJK`'s ranges
_FROM_KANA = re.compile(r"[^\x00-\u303f]")
_HIRAGANA = re.compile(r"[\u3040-\u309f]")


def words(line: str) -> list[str]:
    """Lower-cased word tokens of `line`.

    >>> words("Page d'accueil > Informations")
    ['page', 'd', 'accueil', 'informations']
    >>> words("snake_case ÉTÉ 2024")
    ['snake', 'case', 'été', '2024']
    """
    return lower_words(line)[1]


def lower_words(line: str) -> tuple[str, list[str]]:
    """`line` lower-cased, and its `words`.

    >>> lower_words("ÉTÉ 2024")
    ('été 2024', ['été', '2024'])
    """
    low = line.lower()
    return low, (_WORD if "_" in low else _WORD_FAST).findall(low)


def cjk_count(line: str) -> int:
    """Number of CJK characters (Han and kana) in `line`."""
    return len(_CJK.findall(line))


def hiragana_count(line: str) -> int:
    """Number of hiragana characters, the particles of Japanese prose.

    >>> hiragana_count("これは日本語です")
    5
    """
    return len(_HIRAGANA.findall(line))


def has_cjk(line: str) -> bool:
    """Whether `line` holds any CJK character.

    >>> has_cjk("abc"), has_cjk("分享"), has_cjk("café “ok” ∑"), has_cjk("ｆｕｌｌ")
    (False, True, False, False)
    """
    if line.isascii() or _FROM_KANA.search(line) is None:
        return False
    return _CJK.search(line) is not None
