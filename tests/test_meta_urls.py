"""URL helpers: the host as `urlsplit` finds it, and dates in the path only."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from curate.meta.urls import date_from_url, domain_of


@pytest.mark.parametrize(
    "url",
    [
        "https://www.lemonde.fr/a/b.html",
        "http://web.archive.org/web/2012/http://www.stol.it/x",
        "https://user:pw@Host.COM:80/p?q=1#f",
        "//cdn.example.org/y",
        "ftp://files.example.net",
        "https://bücher.de/",
        "example.com:8080/x",
    ],
)
def test_domain_agrees_with_urlsplit(url: str) -> None:
    host = urlsplit(url if "//" in url else "//" + url).hostname
    assert host is not None
    assert domain_of(url) == host.removeprefix("www.")


def test_domain_needs_a_dotted_host() -> None:
    assert [domain_of(u) for u in ("http://localhost/x", "", None, "mailto:a@b.com")] == [
        None,
        None,
        None,
        "b.com",
    ]


def test_url_dates_come_from_the_path() -> None:
    assert date_from_url("https://2021-05.example.com/x") is None
    assert date_from_url("https://x.com/a?from=/2021/03/05/") is None
    found = date_from_url("https://x.com/news-20210305.html#top")
    assert found is not None and found.iso() == "2021-03-05"
