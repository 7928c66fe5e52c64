"""Image galleries: slides numbered "1/50", "2/50"… each with its own caption and credit.

A gallery's captions read like prose, and a slideshow of other stories often follows the
article, so the prose tests keep them. What gives a gallery away is its counter: at least
`MIN_SLIDES` lines open with consecutive slide numbers out of the same total. The gallery
runs from its first counter to the end of its last slide (as many lines as a slide takes).

>>> lines = ["Intro text.", "1/3 First", "Caption one.", "2/3 Second", "Caption two.",
...          "3/3 Third", "Caption three.", "After the gallery."]
>>> sorted(gallery_lines(lines))
[1, 2, 3, 4, 5, 6]
>>> gallery_lines(["1/2 cup flour", "1/4 cup sugar", "3/4 cup milk"])
set()
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_SLIDES = 3
_OPENERS = frozenset("0123456789 \t")  # how a counter's line may start
_COUNTER = re.compile(r"^\s*(\d{1,3})\s?/\s?(\d{1,3})(?![\d/.,:])")


def _counters(lines: Sequence[str]) -> list[tuple[int, int, int]]:
    """(line, slide, total) of every line that opens with a slide counter."""
    found: list[tuple[int, int, int]] = []
    for i, line in enumerate(lines):
        if line and line[0] in _OPENERS:
            m = _COUNTER.match(line)
            if m is not None:
                k, n = int(m.group(1)), int(m.group(2))
                if 1 <= k <= n and n >= MIN_SLIDES:
                    found.append((i, k, n))
    return found


def gallery_lines(lines: Sequence[str]) -> set[int]:
    """Indices of the lines of every gallery (see the module docstring)."""
    out: set[int] = set()
    run: list[tuple[int, int, int]] = []
    for c in [*_counters(lines), (-1, -1, -1)]:
        if run and c[1] == run[-1][1] + 1 and c[2] == run[-1][2]:
            run.append(c)
            continue
        if len(run) >= MIN_SLIDES:
            first, last = run[0][0], run[-1][0]
            slide = (last - first) // (len(run) - 1)  # lines per slide
            out.update(range(first, min(len(lines), last + slide)))
        run = [c]
    return out
