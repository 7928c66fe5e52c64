"""Settings of the metadata step, filled from the `[meta]` section of curate.toml.

>>> from curate.config import build_section
>>> build_section({"min_year": 1990}, "meta", MetaConfig).min_year
1990
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MetaConfig:
    """Metadata normalisation settings (all plain types, so TOML can fill them).

    `reference_date` (ISO) resolves relative dates ("il y a 2 heures") when the input carries
    no fetch/crawl date; without either, relative dates stay unresolved.

    `to_utc`: a date written with a time and a time zone is an instant, and is output in
    UTC at minute precision (`2022-05-03T22:46-03:00` → `2022-05-04T01:46`), so that dates
    from different sites compare. A date without a time keeps the page's own calendar day:
    converting it would need a time it does not have, and "3 May" stays the day readers
    and editors call the publication day. The cost: a late-evening article west of UTC (or
    an early-morning one east of it) gets the next (previous) UTC day, where a gold
    standard written in local days expects the local one; `to_utc = false` keeps local
    times (with no offset written). A bare midnight (`T00:00:00+02:00`) is read as a date
    without a time.

    >>> MetaConfig().to_utc
    True
    """

    reference_date: str | None = None
    min_year: int = 1990
    unify_quotes: bool = False
    # Dates with a time and a time zone are written in UTC (else in the page's local time).
    to_utc: bool = True
    language_min_confidence: float = 0.5
    language_min_chars: int = 20
    infer_year: bool = True
    body_dates: bool = True
    # Field mapping for JSONL / Parquet records: the first present, non-empty name wins.
    text_field: list[str] = field(default_factory=lambda: ["text", "content", "body", "html"])
    url_field: list[str] = field(default_factory=lambda: ["url", "link", "source_url", "uri"])
    date_field: list[str] = field(
        default_factory=lambda: [
            "date",
            "published",
            "date_published",
            "published_at",
            "publication_date",
            "pubdate",
            "timestamp",
        ]
    )
    updated_field: list[str] = field(
        default_factory=lambda: ["updated", "date_modified", "modified", "updated_at"]
    )
    title_field: list[str] = field(default_factory=lambda: ["title", "headline", "name"])
    language_field: list[str] = field(default_factory=lambda: ["language", "lang", "locale"])
    author_field: list[str] = field(default_factory=lambda: ["author", "authors", "byline"])
    fetch_date_field: list[str] = field(
        default_factory=lambda: [
            "fetch_date",
            "crawl_date",
            "fetched_at",
            "crawled_at",
            "fetch_time",
            "warc_date",
        ]
    )
