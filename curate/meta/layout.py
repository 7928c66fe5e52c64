"""Where a page's parts sit, found in one pass over the cleaner's line decisions.

The title and the date steps both need the kept lines, the article's start (its first
substantial kept line), the line the cleaner ruled `title` and the dropped date lines;
`page_layout` finds them all at once.

>>> from curate.clean.types import LineDecision as L
>>> layout = page_layout([L("Menu", False, "menu"), L("Un titre", False, "title"),
...     L("Publié le 4 mars 2024", False, "date"), L("Le texte.", True, "body")])
>>> layout.kept, layout.start, layout.ruled_title, layout.date_lines
([3], 3, 1, [2])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from curate.clean.types import LineDecision
from curate.meta.dates import find_dates, looks_like_date_line

DATE_RULES = frozenset({"date", "updated", "published"})
# Words of a kept line that starts the article proper.
ANCHOR_WORDS = 15
# `"key": value` or `'key': value`: a field of a JSON or Python record.
_RECORD_FIELD = re.compile(r"""(["'])[^"'\n]{1,60}\1[ \t]{0,4}:""")
_DIGIT = re.compile(r"\d")


def is_date_line(decision: LineDecision) -> bool:
    """True for a dropped date line: ruled so, or a site template with a full date (a site's
    date lines all share one shape, so the cleaner's template rule, which ignores digits,
    takes them; a bare month is rather an archive link).

    >>> from curate.clean.types import LineDecision as L
    >>> is_date_line(L("Publié le 4 mars 2024", False, "template"))
    True
    >>> is_date_line(L("Février 2024", False, "template"))
    False
    >>> is_date_line(L('"Timestamp": "2030-08-14 17:43:12",', False, "date"))
    False
    """
    if decision.keep:
        return False
    rule = decision.rule
    if rule == "template":
        return _dated_template(decision.text)
    # a field of a data record quoted in the article ("date": "…") is no date line
    return rule in DATE_RULES and _RECORD_FIELD.match(decision.text.lstrip()) is None


@lru_cache(maxsize=16384)
def _dated_template(text: str) -> bool:
    """`is_date_line` of a template line: a full date, and no record field (cached: a site's
    template lines recur on all its pages; most hold no digit, and are menus and banners)."""
    if _DIGIT.search(text) is None or _RECORD_FIELD.match(text.lstrip()):
        return False
    return looks_like_date_line(text) and any(
        m.value.day is not None for m in find_dates(text, partial=False)
    )


@dataclass(frozen=True, slots=True)
class PageLayout:
    """`texts`: the lines stripped; `kept`: indices of the non-blank kept lines; `start`:
    the article's start (the first kept line of `ANCHOR_WORDS` words or more, else the first
    kept line, else the number of lines); `ruled_title`: the first dropped line the cleaner
    ruled `title` (None without kept lines); `date_lines`: the `is_date_line` lines;
    `bylines`: the dropped lines the cleaner ruled `byline`."""

    texts: list[str]
    kept: list[int]
    start: int
    ruled_title: int | None
    date_lines: list[int]
    bylines: list[int]


def page_layout(decisions: Sequence[LineDecision]) -> PageLayout:
    """The `PageLayout` of a page's decisions."""
    texts: list[str] = []
    kept: list[int] = []
    start: int | None = None
    ruled_title: int | None = None
    date_lines: list[int] = []
    bylines: list[int] = []
    for index, decision in enumerate(decisions):
        text = decision.text.strip()
        texts.append(text)
        if decision.keep:
            if text:
                kept.append(index)
                if start is None and decision.text.count(" ") + 1 >= ANCHOR_WORDS:
                    start = index
            continue
        rule = decision.rule
        if rule == "template":  # the most frequent dropped rule where a site has a template
            if _dated_template(decision.text):
                date_lines.append(index)
        elif rule == "title":
            if ruled_title is None:
                ruled_title = index
        elif rule == "byline":
            bylines.append(index)
        elif rule in DATE_RULES and is_date_line(decision):
            date_lines.append(index)
    if not kept:
        return PageLayout(texts, kept, len(decisions), None, date_lines, bylines)
    start = kept[0] if start is None else start
    return PageLayout(texts, kept, start, ruled_title, date_lines, bylines)
