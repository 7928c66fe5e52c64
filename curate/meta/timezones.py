"""UTC offsets of the zone notations found next to times in pages.

>>> utc_offset("+02:00"), utc_offset("Z"), utc_offset("GMT+1"), utc_offset("CEST")
(120, 0, 60, 120)
>>> utc_offset("ET", dt.datetime(2021, 7, 5, 10, 0)), utc_offset("ET", dt.datetime(2021, 3, 5))
(-240, -300)
>>> utc_offset("Uhr") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Fixed abbreviations (minutes east of UTC).
_FIXED = {
    "z": 0,
    "utc": 0,
    "gmt": 0,
    "wet": 0,
    "wez": 0,
    "bst": 60,
    "cet": 60,
    "mez": 60,
    "west": 60,
    "wesz": 60,
    "cest": 120,
    "mesz": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "ist": 330,
    "cst": -360,
    "cdt": -300,
    "est": -300,
    "edt": -240,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "akdt": -480,
    "hst": -600,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "hkt": 480,
    "sgt": 480,
}
# Generic names whose offset depends on daylight saving time.
_GENERIC = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
    "uk": "Europe/London",
}
_NUMERIC = re.compile(r"(?:utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?")


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def utc_offset(zone: str, local: dt.datetime | None = None) -> int | None:
    """Minutes east of UTC for a zone notation, or None when it is not one."""
    key = zone.strip().lower()
    if key in _FIXED:
        return _FIXED[key]
    if key in _GENERIC:
        info = _zone(_GENERIC[key])
        when = local or dt.datetime(2001, 1, 15)
        if info is None:
            return None
        offset = when.replace(tzinfo=info).utcoffset()
        return None if offset is None else int(offset.total_seconds() // 60)
    m = _NUMERIC.fullmatch(key)
    if m is None:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return minutes if m.group(1) == "+" else -minutes
