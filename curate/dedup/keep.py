"""Which document of a duplicate cluster is kept: deterministic, and quality first.

The rule is a list of criteria applied in order (`[dedup] keep = [...]`):

* `metadata`: most metadata fields known (title, date, url, author, language);
* `length`: longest cleaned text;
* `earliest`: earliest date (undated last);
* `latest`: latest date (undated last);
* `id`: smallest id, the final tie-break that makes the choice total.

>>> rows = [{"id": "b", "title": "T", "date": None, "url": None, "author": None,
...          "language": "fr", "chars": 900},
...         {"id": "a", "title": "T", "date": "2020", "url": None, "author": None,
...          "language": "fr", "chars": 800}]
>>> best_index(rows, ["metadata", "length", "earliest", "id"])
1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

META_COLUMNS = ("title", "date", "url", "author", "language")
KEY_COLUMNS = ["id", "chars", *META_COLUMNS]
CRITERIA = ("metadata", "length", "earliest", "latest", "id")
DEFAULT_RULE = ["metadata", "length", "earliest", "id"]


def _negate_date(date: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in date)


def sort_key(row: dict[str, Any], rule: Sequence[str]) -> tuple[Any, ...]:
    """A key whose minimum over a cluster is the document to keep."""
    key: list[Any] = []
    for criterion in rule:
        if criterion == "metadata":
            key.append(-sum(1 for c in META_COLUMNS if row.get(c)))
        elif criterion == "length":
            key.append(-(row.get("chars") or 0))
        elif criterion == "earliest":
            date = row.get("date")
            key.append((0, date) if date else (1, ""))
        elif criterion == "latest":
            date = row.get("date")
            key.append((0, _negate_date(date)) if date else (1, ()))
        elif criterion == "id":
            key.append(row["id"])
        else:
            raise ValueError(f"unknown keep criterion {criterion!r}; choose from {CRITERIA}")
    key.append(row["id"])
    return tuple(key)


def best_index(rows: Sequence[dict[str, Any]], rule: Sequence[str]) -> int:
    """Index of the row to keep."""
    return min(range(len(rows)), key=lambda i: sort_key(rows[i], rule))
