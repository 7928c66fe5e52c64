"""URL helpers: the domain of a page, and a date its path may carry.

>>> domain_of("https://www.lemonde.fr/a/b.html")
'lemonde.fr'
>>> date_from_url("https://example.com/2021/03/05/story.html").iso()
'2021-03-05'
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from curate.meta.dates import PartialDate, valid

_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)"
)
_URL_DATE8_RE = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def domain_of(url: str | None) -> str | None:
    """Host name without `www.` and port, lower-case; None when `url` has none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def date_from_url(url: str | None) -> PartialDate | None:
    """`/2021/03/05/` or `/2021-03/` or `-20210305` in a URL's path, at its precision."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE_RE.search(path)
    if m is not None:
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        return PartialDate(year, month, day) if valid(year, month, day) else None
    m = _URL_DATE8_RE.search(path)
    if m is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return PartialDate(year, month, day) if valid(year, month, day) else None
    return None
