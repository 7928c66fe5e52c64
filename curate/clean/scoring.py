"""How much a unit of text reads as article prose: a score, positive for prose.

The score grows with the unit's length (logarithmically) times how far its stop-word
density sits above the page's thresholds, plus a bonus for a sentence ending. Short
title-case fragments, bare numbers and lines repeated elsewhere on the page lean
towards boilerplate; bulleted list items lean towards the article.

>>> from curate.clean.features import LineFeatures
>>> prose = LineFeatures("x" * 300, ["w"] * 50, 300.0, 0.45, True, "en")
>>> menu = LineFeatures("Home", ["home"], 4.0, 0.0, False, "en")
>>> unit_score(prose, 0.22, 0.30, repeated=False) > 2
True
>>> unit_score(menu, 0.22, 0.30, repeated=False) < 0
True
"""

from __future__ import annotations

import math
import re

from curate.clean.features import LineFeatures

_BULLET = re.compile(r"^\s*(?:[-–—•*+·▪►✓]|\(?\d{1,3}[.)]|[a-z][.)])\s+\S")
_SYMBOLS = re.compile(r"[^\w\s]")
# Code, formulas and text tables: rarely boilerplate, never prose.
_CODE = re.compile(r"[(){}\[\];=<>│─┼|$#\\^∑∫√±×÷≤≥≠]|^\s*(?://|#|--|/\*)")


def unit_score(
    f: LineFeatures, low: float, high: float, *, repeated: bool, weights: ScoreWeights | None = None
) -> float:
    """The prose score of one unit (see the module docstring)."""
    w = weights or DEFAULT_WEIGHTS
    n = f.n_words
    size = math.log2(1.0 + f.length / w.size_unit)
    span = high - low if high - low > 0.02 else 0.02
    prose = (f.stop - low) / span
    if prose > w.prose_max:
        prose = w.prose_max
    elif prose < -w.prose_min:
        prose = -w.prose_min
    score = size * (prose - w.prose_offset)
    score += w.terminal_bonus if f.terminal else -w.open_malus
    if n <= 2 and not f.terminal:
        score -= w.fragment_malus
    if n >= 3 and _BULLET.match(f.text):
        score += w.bullet_bonus
    if n == 0:
        score -= w.fragment_malus
    if repeated:
        score -= w.repeat_malus
    if score < -w.code_floor and _CODE.search(f.text) is not None:
        # code keeps its score before the fragment and repeat maluses, floored
        return max(score + (w.repeat_malus if repeated else 0.0), -w.code_floor)
    return score


def has_code_symbols(text: str) -> bool:
    """Whether a line carries any symbol of code, formulas or tables, brackets included
    (a cheap gap inside an article: such lines are rarely boilerplate).

    >>> has_code_symbols("1947 (remake)"), has_code_symbols("Accueil")
    (True, False)
    """
    return _CODE.search(text) is not None


# Stricter: symbols that prose and menus hardly use (not parentheses, bars or "#").
CODE_STRICT = re.compile(r"[{};=<>│─┼$\\]|\w\(|^\s*(?://|--|/\*)")


def looks_like_code(text: str) -> bool:
    """Whether a line carries the symbols of code, a formula or a text table.

    >>> looks_like_code("SELECT avg(n) FROM t;"), looks_like_code("Weitere Informationen (PDF)")
    (True, False)
    """
    return CODE_STRICT.search(text) is not None


class ScoreWeights:
    """Weights of `unit_score` (kept in one place so they can be tuned together)."""

    __slots__ = (
        "bullet_bonus",
        "code_floor",
        "fragment_malus",
        "open_malus",
        "prose_max",
        "prose_min",
        "prose_offset",
        "repeat_malus",
        "size_unit",
        "terminal_bonus",
    )

    def __init__(
        self,
        *,
        size_unit: float = 50.0,
        prose_offset: float = 0.3,
        prose_max: float = 1.5,
        prose_min: float = 1.5,
        terminal_bonus: float = 0.8,
        open_malus: float = 0.3,
        fragment_malus: float = 1.0,
        bullet_bonus: float = 0.5,
        repeat_malus: float = 1.5,
        code_floor: float = 0.2,
    ) -> None:
        self.size_unit = size_unit
        self.prose_offset = prose_offset
        self.prose_max = prose_max
        self.prose_min = prose_min
        self.terminal_bonus = terminal_bonus
        self.open_malus = open_malus
        self.fragment_malus = fragment_malus
        self.bullet_bonus = bullet_bonus
        self.repeat_malus = repeat_malus
        self.code_floor = code_floor


DEFAULT_WEIGHTS = ScoreWeights()
