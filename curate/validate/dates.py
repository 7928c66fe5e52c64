"""The truncated ISO 8601 dates of the output contract: `2022`, `2022-11`, `2022-11-05`,
`2022-11-05T13:40` (seconds tolerated).

>>> parse_date("2022-11-05T13:40")
('minute', 2022)
>>> parse_date("2022-13") is None
True
>>> is_after("2022-11-05T13:40", "2022-11-05"), is_after("2023", "2022-11-05")
(False, True)
"""

from __future__ import annotations

import datetime as dt
import re

from curate.errors import ConfigError

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?")
_PRECISION = {1: "year", 2: "month", 3: "day", 5: "minute", 6: "second"}


def parse_date(value: str) -> tuple[str, int] | None:
    """Return `(precision, year)` for a valid contract date, else None."""
    match = _DATE.fullmatch(value)
    if match is None:
        return None
    parts = [int(p) for p in match.groups() if p is not None]
    # Missing fields default to the earliest instant: month 1, day 1, 00:00:00.
    year, month, day, hour, minute, second = parts + [1, 1, 0, 0, 0][len(parts) - 1 :]
    try:
        dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return _PRECISION[len(parts)], parts[0]


def is_after(value: str, reference: str) -> bool:
    """Whether a (truncated) date starts after the reference, compared at the coarser precision."""
    size = min(len(value), len(reference))
    return value[:size] > reference[:size]


def resolve_reference(configured: str, manifest_value: object) -> tuple[str, str]:
    """The reference date and where it came from: config, manifest, else today (UTC).

    >>> resolve_reference("2024-01-31", None)
    ('2024-01-31', 'config')
    """
    if configured:
        key = configured.strip()[:19]
        if parse_date(key) is None:
            raise ConfigError(f"config: validate.reference_date is not an ISO date: {configured!r}")
        return key, "config"
    if isinstance(manifest_value, str) and parse_date(manifest_value.strip()[:19]) is not None:
        return manifest_value.strip()[:19], "manifest"
    return dt.datetime.now(dt.UTC).date().isoformat(), "today"
