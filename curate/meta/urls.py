"""URL helpers: the domain of a page, and a date its path may carry.

>>> domain_of("https://www.lemonde.fr/a/b.html")
'lemonde.fr'
>>> date_from_url("https://example.com/2021/03/05/story.html").iso()
'2021-03-05'
"""

from __future__ import annotations

import re

from curate.meta.dates import PartialDate, valid

# scheme://[user@]host[:port]/… or host/…: the host, as `urlsplit(...).hostname` finds it.
_HOST_RE = re.compile(
    r"(?:[a-zA-Z][\w+.-]{0,20}:(?=//))?(?://)?(?:[^/?#@\s]{0,200}@)?([^/?#:@\s\[\]]{1,253})"
)
_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)"
)
_URL_DATE8_RE = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def domain_of(url: str | None) -> str | None:
    """Host name without `www.` and port, lower-case; None when `url` has none.

    >>> domain_of("HTTPS://user@News.Example.org:8080/x"), domain_of("example.com/a")
    ('news.example.org', 'example.com')
    """
    if not url:
        return None
    m = _HOST_RE.match(url.strip())
    if m is None:
        return None
    host = m.group(1).lower().rstrip(".")
    if "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def _path(url: str) -> str:
    """The path of a URL: after the host, before the query and the fragment."""
    rest = url.split("?", 1)[0].split("#", 1)[0]
    if "//" in rest:
        rest = rest.split("//", 1)[1]
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else ""


def date_from_url(url: str | None) -> PartialDate | None:
    """`/2021/03/05/` or `/2021-03/` or `-20210305` in a URL's path, at its precision."""
    if not url:
        return None
    path = _path(url)
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
