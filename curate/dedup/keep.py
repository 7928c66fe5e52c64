"""Which document of a duplicate cluster is kept: deterministic, and quality first.

The rule is a list of criteria applied in order (`[dedup] keep = [...]`):

* `metadata`: most metadata fields known (title, date, url, author, language);
* `length`: longest cleaned text;
* `earliest`: earliest date, compared in UTC where the instant is known (undated last);
* `latest`: latest date, likewise (undated last);
* `id`: smallest id, the final tie-break that makes the choice total.

Clusters are ranked all at once, with one sort over the columns of their members.

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

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from curate.dedup.config import KEEP_CRITERIA
from curate.schema import DOC_SCHEMA

META_COLUMNS = ("title", "date", "url", "author", "language")
KEY_COLUMNS = ["id", "chars", *META_COLUMNS, "date_utc"]
DEFAULT_RULE = ["metadata", "length", "earliest", "id"]

Array = np.ndarray[Any, Any]


def _known(column: pa.ChunkedArray) -> Array:
    """1 where a value is present and not empty."""
    filled = pc.fill_null(pc.not_equal(column.cast(pa.string()), ""), False)
    known: Array = filled.to_numpy(zero_copy_only=False)
    return known.astype(np.int64)


def _rank(column: pa.ChunkedArray) -> Array:
    """Ascending rank of each string (nulls and empties last)."""
    values = column.cast(pa.string())
    present = pc.fill_null(pc.not_equal(values, ""), False)
    values = pc.if_else(present, values, pa.scalar(None, pa.string()))
    rank: Array = pc.rank(values, sort_keys="ascending", tiebreaker="dense").to_numpy()
    return rank.astype(np.int64)  # nulls rank last


def _when(table: pa.Table) -> pa.ChunkedArray:
    """Each row's date as a comparable string: its UTC instant where known (`date` is in
    the page's own clock, which differs from site to site), else `date`.

    >>> import datetime as dt
    >>> paris = dt.datetime(2021, 3, 5, 13, 0, tzinfo=dt.timezone.utc)
    >>> table = pa.table({"date": ["2021-03-05T14:00", "2021-03-05T09:00", "2021-03-04"],
    ...     "date_utc": pa.array([paris, None, None], pa.timestamp("ms", tz="UTC"))})
    >>> _when(table).to_pylist()
    ['2021-03-05T13:00', '2021-03-05T09:00', '2021-03-04']
    """
    date = table.column("date").cast(pa.string())
    if "date_utc" not in table.column_names:
        return date
    instant = table.column("date_utc")
    utc = pc.strftime(instant, format="%Y-%m-%dT%H:%M", locale="C")
    return pc.if_else(pc.is_valid(instant), utc, date)


def _key(table: pa.Table, criterion: str) -> Array:
    """A sort key (smaller is better) of every row for one criterion."""
    if criterion == "metadata":
        known: Array = np.sum([_known(table.column(c)) for c in META_COLUMNS], axis=0)
        return -known
    if criterion == "length":
        chars: Array = table.column("chars").fill_null(0).to_numpy()
        return -chars.astype(np.int64)
    if criterion == "earliest":
        return _rank(_when(table))
    if criterion == "latest":
        rank = _rank(_when(table))
        dated = _known(table.column("date")).astype(bool)
        return np.where(dated, -rank, 1)
    if criterion == "id":
        return _rank(table.column("id"))
    raise ValueError(f"unknown keep criterion {criterion!r}; choose from {KEEP_CRITERIA}")


def kept_positions(table: pa.Table, groups: Array, rule: Sequence[str], first: Array) -> Array:
    """For every row, the position of the row its group keeps.

    `table` holds KEY_COLUMNS; `groups` labels each row's cluster; rows where `first` is
    true (documents already published) win over the others, then the rule decides.
    """
    keys = [np.where(first, 0, 1), *(_key(table, c) for c in rule), _rank(table.column("id"))]
    order = np.lexsort([*reversed(keys), groups])  # last key sorts first
    sorted_groups = groups[order]
    starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
    winner_of_group = order[starts]
    group_index = np.searchsorted(sorted_groups[starts], groups)
    return winner_of_group[group_index]  # type: ignore[no-any-return]


def best_index(rows: Sequence[dict[str, Any]], rule: Sequence[str]) -> int:
    """Index of the row to keep among `rows` (dicts with KEY_COLUMNS)."""
    schema = pa.schema([DOC_SCHEMA.field(c) for c in KEY_COLUMNS])
    table = pa.Table.from_pylist([{c: r.get(c) for c in KEY_COLUMNS} for r in rows], schema=schema)
    n = len(rows)
    return int(kept_positions(table, np.zeros(n, np.int64), rule, np.zeros(n, bool))[0])
