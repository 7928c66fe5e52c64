"""Document metadata from the cleaner's line decisions and the reader's hints.

>>> from curate.clean.types import LineDecision as L
>>> meta, body = extract_metadata(
...     [L("Un titre de test", False, "title"), L("2023-11-08 23:10", False, "date"),
...      L("Le texte de l'article, assez long pour la langue.", True, "body")],
...     Hints(), MetaConfig())
>>> meta.title, meta.date, meta.date_precision, meta.date_source
('Un titre de test', '2023-11-08T23:10', 'minute', 'header')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from curate.clean.stopwords import Weighed
from curate.clean.types import LineDecision
from curate.meta.candidates import Candidate, choose_dates, line_candidates
from curate.meta.config import MetaConfig
from curate.meta.dateline import find_dateline, strip_meta_prefix
from curate.meta.dates import PartialDate, find_dates, parse_date_value
from curate.meta.language import detect_language, sample_language
from curate.meta.layout import PageLayout, page_layout
from curate.meta.text import normalize_text
from curate.meta.title import find_title
from curate.meta.urls import date_from_url, domain_of


@dataclass(slots=True)
class Hints:
    """What the reader found besides the text (all optional strings).

    `date`/`date_updated` come from record fields (JSONL/Parquet), `meta_date`/`meta_updated`
    from the HTML markup (`curate.meta.htmldates`), with `meta_date_strength` "plain" where
    the markup does not name the date the publication's (a bare `date` meta tag: a visible
    date under the title then wins); `fetch_date` is the crawl/fetch time used to resolve
    relative dates.
    """

    url: str | None = None
    title: str | None = None
    date: str | None = None
    date_updated: str | None = None
    meta_date: str | None = None
    meta_updated: str | None = None
    meta_date_strength: str | None = None
    language: str | None = None
    author: str | None = None
    fetch_date: str | None = None


@dataclass(slots=True)
class Metadata:
    """Normalised document metadata (plain values, ready for an Arrow row)."""

    title: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    date_updated: str | None = None
    date_utc: dt.datetime | None = None
    date_updated_utc: dt.datetime | None = None
    url: str | None = None
    domain: str | None = None
    author: str | None = None
    dateline_place: str | None = None
    dateline_agency: str | None = None
    language: str | None = None
    language_score: float | None = None
    words: int = 0
    chars: int = 0


_BYLINE_PREFIX = re.compile(
    r"^(?:by|par|von|por|di|door|de|autor(?:in)?|author|auteur|text|texte|written by|posted by"
    r"|publié par|escrito por|scritto da)\s{0,2}:?\s{1,3}",
    re.IGNORECASE,
)
_EDGE_PUNCT = re.compile(r"^[\s|,;:·•–—-]+|[\s|,;:·•–—-]+$")

# Scores of dates from the reader's hints and from the head of the first paragraph.
_SCORE_FIELD = 10.0
_SCORE_META = 9.0
# A plain markup date loses to a date line under the title, not to lines further away.
_SCORE_META_PLAIN = 5.0
_SCORE_PREFIX = 8.0
_SCORE_DATELINE = 7.0
# A URL's day (`/2021/03/05/`) is rarely wrong; a URL's month only narrows the date.
_SCORE_URL_DAY = 6.0
_SCORE_URL = 3.5
# Languages whose numeric day-month dates put the month first (`3/9` is March 9th).
MONTH_FIRST_LANGUAGES = frozenset({"en", "zh", "ja", "ko"})


def reference_datetime(hints: Hints, config: MetaConfig) -> dt.datetime | None:
    """The crawl/fetch date, else the configured reference date; never the machine clock.

    >>> reference_datetime(Hints(fetch_date="2024-01-05"), MetaConfig())
    datetime.datetime(2024, 1, 5, 23, 59)
    """
    for raw in (hints.fetch_date, config.reference_date):
        if raw:
            value = parse_date_value(raw)
            if value is not None and value.year is not None:
                if value.hour is None:
                    hour, minute = 23, 59
                else:
                    hour, minute = value.hour, value.minute or 0
                return dt.datetime(value.year, value.month or 12, value.day or 28, hour, minute)
    return None


def _declared_language(raw: str | None) -> str | None:
    if not raw:
        return None
    code = re.split(r"[-_]", raw.strip().lower(), maxsplit=1)[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _language(
    text: str,
    decisions: Sequence[LineDecision],
    hints: Hints,
    config: MetaConfig,
    sample: Weighed | None,
) -> tuple[str | None, float | None]:
    """Detected language (from the cleaner's `sample` of the article when its function
    words decide; of the whole page when the body is too short); the declared one where
    detection abstains or is unsure."""
    decided = sample_language(sample) if sample is not None else None
    code: str | None
    code, score = decided or detect_language(text, min_chars=config.language_min_chars)
    if code is None:
        page = "\n".join(d.text for d in decisions)
        code, score = detect_language(page, min_chars=config.language_min_chars)
    declared = _declared_language(hints.language)
    if code is not None and score >= config.language_min_confidence:
        return code, score
    if declared:
        return declared, score if code == declared else None
    return (code, score) if code is not None else (None, None)


def _author(layout: PageLayout, hints: Hints) -> str | None:
    """The name in the first dropped byline line, without its `By`/`Par` label and dates."""
    for index in layout.bylines:
        text = _BYLINE_PREFIX.sub("", layout.texts[index])
        for match in reversed(find_dates(text, partial=True)):
            text = text[: match.start] + text[match.end :]
        text = " ".join(_EDGE_PUNCT.sub("", text).split())
        if text and len(text.split()) <= 8:
            return text
    if hints.author:
        return normalize_text(hints.author) or None
    return None


def _title(
    decisions: Sequence[LineDecision],
    hints: Hints,
    domain: str | None,
    body: Sequence[str],
    text: str,
    layout: PageLayout,
    body_lower: str | None,
) -> tuple[str | None, int | None]:
    """The best header line (body words, place, shape), else the reader's cleaned title;
    with the line's index. `text` is the body's lines joined, `body_lower` the same
    lower-cased when at hand."""
    hint = normalize_text(hints.title) if hints.title else None
    return find_title(
        decisions,
        body,
        hint=hint,
        domain=domain,
        body_text=text,
        layout=layout,
        body_lower=body_lower,
    )


def _hint_candidates(hints: Hints, month_first: bool) -> list[Candidate]:
    out: list[Candidate] = []
    meta_score = _SCORE_META_PLAIN if hints.meta_date_strength == "plain" else _SCORE_META
    for raw, source, score, updated in (
        (hints.date, "field", _SCORE_FIELD, False),
        (hints.meta_date, "meta", meta_score, False),
        (hints.date_updated, "field", _SCORE_FIELD, True),
        (hints.meta_updated, "meta", _SCORE_META, True),
    ):
        if raw:
            parsed = parse_date_value(normalize_text(raw), month_first=month_first)
            if parsed is not None:
                out.append(Candidate(parsed, source, score, -1, updated))
    return out


def _open_first_paragraph(body: list[str], meta: Metadata) -> list[Candidate]:
    """Cut a glued ` date 2022-11 ` prefix and a wire dateline off `body[0]` (in place)."""
    out: list[Candidate] = []
    prefix = strip_meta_prefix(body[0])
    if prefix is not None:
        key, value, rest = prefix
        parsed = parse_date_value(value)
        if parsed is not None:
            updated = key in ("updated", "modified")
            out.append(Candidate(parsed, "header", _SCORE_PREFIX, -1, updated))
        body[0] = rest.strip()
    dateline = find_dateline(body[0])
    if dateline is not None:
        meta.dateline_place, meta.dateline_agency = dateline.place, dateline.agency
        body[0] = dateline.rest
        if dateline.date is not None:
            out.append(Candidate(dateline.date, "dateline", _SCORE_DATELINE, -1))
    return out


def _lower_body(
    body: Sequence[str], layout: PageLayout, lowered: Sequence[str | None], text: str
) -> str:
    """`text`, the `body` lines joined, lower-cased: from the cleaner's lower-cased lines
    (`lowered`, one per decision) where it has them all, since lower-casing a long text
    that is not ASCII is costly. `body` holds the kept lines, the first one maybe cut or
    gone."""
    if len(lowered) != len(layout.texts):
        return text.lower()
    kept = layout.kept
    skip = len(kept) - len(body)  # 1 when the first kept line was all prefix and dateline
    parts = [lowered[index] for index in kept[skip:]]
    if not skip and body and body[0] != layout.texts[kept[0]]:
        parts[0] = body[0].lower()
    if None in parts:
        return text.lower()
    joined = "\n".join(cast(list[str], parts))
    # a length apart: a line with spaces at an edge (`texts` are stripped), or a letter
    # whose lower case is longer
    return joined if len(joined) == len(text) else text.lower()


def extract_metadata(
    decisions: Sequence[LineDecision],
    hints: Hints,
    config: MetaConfig,
    *,
    language_sample: Weighed | None = None,
    lowered: Sequence[str | None] = (),
) -> tuple[Metadata, list[str]]:
    """Metadata of one document and its final body lines (kept lines, prefix/dateline cut).

    Decisions are expected to carry normalised text (`normalize_text`); hint values are
    normalised here. `language_sample` and `lowered` are the cleaner's (`CleanedPage`),
    when at hand.
    """
    layout = page_layout(decisions)
    body = [layout.texts[index] for index in layout.kept]
    url = (normalize_text(hints.url) or None) if hints.url else None
    meta = Metadata(url=url, domain=domain_of(url))
    reference = reference_datetime(hints, config)

    candidates: list[Candidate] = []
    if body:
        candidates += _open_first_paragraph(body, meta)
        body = [line for line in body if line]

    text = "\n".join(body)
    meta.language, meta.language_score = _language(text, decisions, hints, config, language_sample)
    month_first = meta.language in MONTH_FIRST_LANGUAGES

    hinted = _hint_candidates(hints, month_first)
    # a day-precise date from the reader's fields makes scanning header lines moot
    strong = any(not c.updated and c.value.day is not None for c in hinted)
    candidates += hinted
    body_lower = _lower_body(body, layout, lowered, text) if lowered else None
    meta.title, title_index = _title(decisions, hints, meta.domain, body, text, layout, body_lower)
    candidates += line_candidates(
        decisions,
        reference,
        month_first,
        config,
        date_lines_only=strong,
        title=title_index,
        title_text=meta.title,
        layout=layout,
    )
    url_date = date_from_url(url)
    if url_date is not None:
        score = _SCORE_URL_DAY if url_date.day is not None else _SCORE_URL
        candidates.append(Candidate(url_date, "url", score, -1))

    published, updated = choose_dates(candidates, text, reference, config)
    if published is not None:
        value = published.value
        if config.to_utc:
            instant = published.instant
            value = value.utc() if instant is None else PartialDate.of(instant)
        meta.date = value.iso()
        meta.date_precision = value.precision
        meta.date_source = published.source
        meta.date_utc = published.instant or published.value.instant()
    if updated is not None:
        meta.date_updated = (updated.utc() if config.to_utc else updated).iso()
        meta.date_updated_utc = updated.instant()

    meta.author = _author(layout, hints)
    # body lines are normalised (one space between words) and non-empty
    meta.words = text.count(" ") + text.count("\n") + 1 if text else 0
    meta.chars = len(text)
    return meta, body


__all__ = ["Hints", "Metadata", "PartialDate", "extract_metadata", "reference_datetime"]
