"""Which JSONL/Parquet field holds which part of a document (`[fields]` in curate.toml)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FieldMap:
    """Candidate field names, tried in order; the first present, non-empty one wins.

    >>> FieldMap().text[0]
    'text'
    """

    text: list[str] = field(default_factory=lambda: ["text", "content", "body", "article"])
    html: list[str] = field(default_factory=lambda: ["html", "raw_html", "raw_content"])
    url: list[str] = field(default_factory=lambda: ["url", "link", "canonical_url", "uri"])
    title: list[str] = field(default_factory=lambda: ["title", "headline"])
    date: list[str] = field(
        default_factory=lambda: ["date", "published", "published_at", "date_published", "pubdate"]
    )
    language: list[str] = field(default_factory=lambda: ["language", "lang", "locale"])
    author: list[str] = field(default_factory=lambda: ["author", "authors", "byline"])
    fetch_date: list[str] = field(
        default_factory=lambda: [
            "fetch_date",
            "crawl_date",
            "fetched_at",
            "crawled_at",
            "timestamp",
        ]
    )


def pick(record: dict[str, object], names: list[str]) -> str | None:
    """The first non-empty value among `names`, as a string (lists are joined with ", ",
    bytes are decoded as UTF-8 with replacement).

    >>> pick({"a": "", "b": ["x", "y"]}, ["a", "b"]), pick({"c": b"caf\\xc3\\xa9"}, ["c"])
    ('x, y', 'café')
    """
    for name in names:
        value = record.get(name)
        if value is None or (isinstance(value, str | bytes) and not value):
            continue
        if isinstance(value, list):
            joined = ", ".join(_text(v) for v in value if v is not None)
            if joined:
                return joined
            continue
        return _text(value)
    return None


def _text(value: object) -> str:
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "replace")
    return str(value)
