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

    `to_utc`: whether `date` and `date_updated` are written in UTC. By default they keep
    the page's own clock (`2022-05-03T22:46-03:00` → `2022-05-03T22:46`), so that the day is
    the one readers and editors call the publication day, as htmldate and the benchmarks'
    gold give it; the instant itself, converted to UTC, is the `date_utc` column
    (`2022-05-04 01:46:00+00:00`; `date_updated_utc` for the updated date), filled
    wherever the page gives a time and a time zone, so dates from different sites compare.
    A markup date given in UTC (`…Z`) takes the clock of the date line under the title
    where that line shows the same instant in local time (or, lacking a time there, its day
    where a UTC offset gives it). `to_utc = true` writes `date` in UTC too: a late-evening
    article west of UTC then gets the next day. A bare midnight (`T00:00:00+02:00`,
    `00:00 hs`) is read as a date without a time.

    >>> MetaConfig().to_utc
    False
    """

    reference_date: str | None = None
    min_year: int = 1990
    unify_quotes: bool = False
    # `date` in UTC where the page gives a time zone (else in the page's own clock).
    to_utc: bool = False
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
