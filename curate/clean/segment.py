"""Two-state segmentation of a page into article and boilerplate stretches.

Every unit (line or paragraph) has a score: positive when it reads as article text,
negative when it reads as boilerplate. The best labelling maximises the summed scores of
the units labelled *article* minus a penalty for every switch between the two states
(a Viterbi pass). So a heading or a list item with a weak negative score stays inside
the article, while a long menu with many negative lines becomes boilerplate; a lone
paragraph among menus stays only if its score pays for two switches.

>>> best_path([-2.0, 3.0, -0.5, 2.0, -2.0, -2.0], switch=1.5)
[False, True, True, True, False, False]
"""

from __future__ import annotations

from collections.abc import Sequence


def best_path(scores: Sequence[float], switch: float, start_penalty: float = 0.0) -> list[bool]:
    """The article/boilerplate labels (True = article) that maximise the total score.

    `start_penalty` is paid when the page starts or ends inside the article.
    """
    n = len(scores)
    if n == 0:
        return []
    # value of the best path ending at i in state 0 (boilerplate) or 1 (article)
    v0 = 0.0
    v1 = scores[0] - start_penalty
    back: list[tuple[int, int]] = [(0, 1)]
    for i in range(1, n):
        from1 = v1 - switch
        from0 = v0 - switch
        if v0 >= from1:
            p0, n0 = 0, v0
        else:
            p0, n0 = 1, from1
        if v1 >= from0:
            p1, n1 = 1, v1
        else:
            p1, n1 = 0, from0
        v0, v1 = n0, n1 + scores[i]
        back.append((p0, p1))
    state = 1 if v1 - start_penalty > v0 else 0
    out = [False] * n
    for i in range(n - 1, -1, -1):
        out[i] = state == 1
        state = back[i][state]
    return out
