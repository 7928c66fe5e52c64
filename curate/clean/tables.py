"""Tables rendered one cell per line: the rows, so that a row is judged as one unit.

A scraper that writes every cell on its own line turns a table of films (title, year,
description) into a short line, a number and a sentence, over and over: line by line, the
title and the year read as a menu. A column of numbers (years, prices, counts) recurring
at a fixed period gives the rows away: at least `MIN_ROWS` such cells, `period` lines
apart (2 to `MAX_PERIOD`), each row running from one number cell to the line before the
next. The classifier then scores each row as one unit, as it scores a paragraph.

>>> lines = ["Films", "1947", "A woman relives her year.", "Repeat",
...          "1964", "Scientists test a device.", "Journey",
...          "1967", "A remake of the film.", "Mirror",
...          "1987", "Two heroes circle in time.", "See also"]
>>> table_rows(lines, [True] * len(lines))
[(1, 4), (4, 7), (7, 10), (10, 13)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_ROWS = 4
MAX_PERIOD = 8
# A number cell: a year, an amount, a score or a time, with at most a currency or unit.
_NUMBER_CELL = re.compile(r"^[\s$€£¥+−-]{0,2}\d[\d.,:'’/-]{0,9}(?:\s?[%a-zA-Z€$]{0,3})?\s*$")


def _number_cells(lines: Sequence[str], free: Sequence[bool]) -> list[int]:
    """The lines that no explicit rule names and that hold a number cell."""
    return [
        i
        for i, line in enumerate(lines)
        if len(line) <= 16 and free[i] and _NUMBER_CELL.match(line) is not None
    ]


def table_rows(lines: Sequence[str], free: Sequence[bool]) -> list[tuple[int, int]]:
    """The rows (first line, end) of every table found: runs of number cells at a fixed
    period, each row from its number cell to the next one; the last row is as long as the
    others. Only lines that no explicit rule names (`free`) belong to a row."""
    found = _number_cells(lines, free)
    # a row may hold several number cells in a row (a count and its share): its first one
    # marks the row
    cells = [c for k, c in enumerate(found) if k == 0 or found[k - 1] != c - 1]
    rows: list[tuple[int, int]] = []
    k = 0
    while k < len(cells):
        j = k + 1
        period = cells[j] - cells[k] if j < len(cells) else 0
        while j < len(cells) and cells[j] - cells[j - 1] == period:
            j += 1
        if 2 <= period <= MAX_PERIOD and j - k >= MIN_ROWS:
            for c in cells[k:j]:
                end = min(c + period, len(lines))
                while end > c + 1 and not all(free[c:end]):
                    end -= 1
                rows.append((c, end))
            k = j
        else:
            k += 1
    return rows
