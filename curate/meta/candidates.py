"""Scored date candidates from a document's lines, and the choice of published/updated.

Every date found gets a score from where it was found: reader fields and HTML meta first,
then a glued prefix or wire dateline, then date lines at the head of the article, other
header lines, the URL, the opening of the body; dates below the article (comments,
related headlines, footers) score lowest. The best published candidate wins; a yearless
one takes the latest year the body mentions (`inferred`).

>>> from curate.clean.types import LineDecision as L
>>> from curate.meta.config import MetaConfig
>>> cands = line_candidates(
...     [L("Mis à jour le 4 mars 2024", False, "date"), L("Texte.", True, "body")],
...     None, False, MetaConfig())
>>> [(c.value.iso(), c.source, c.updated) for c in cands]
[('2024-03-04', 'header', True)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from curate.clean.types import LineDecision
from curate.meta.config import MetaConfig
from curate.meta.dates import PartialDate, find_dates, has_veto_word, is_update_label

DATE_RULES = frozenset({"date", "updated", "published"})
_PUBLISHED_RE = re.compile(
    r"publi|posted|veröffentlicht|erschienen|pubblicat|gepubliceerd|released|erstellt|\bvom\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<![\d.,/-])(1[89]\d\d|20\d\d)(?![\d]|[.,/-]\d)")
_DEPTH = {"year": 1, "month": 2, "day": 3, "minute": 5}
# How far below the title / above the article's start (in lines) a date is the article's.
_NEAR_TITLE = 8
_NEAR_START = 8
# Words of a kept line that starts the article proper.
_ANCHOR_WORDS = 15
# A full date has a four-digit year or a numeric d.m.yy form.
_DATEISH = re.compile(r"\d{4}|\d[./-]\d")
# Lines above the article's start searched for dates outside date-ruled lines.
_HEADER_WINDOW = 40
# Longest line searched for dates outside date-ruled lines.
_MAX_LINE = 400
# Kept lines at the top of the body where a short dated line counts as a header line.
_SHORT_META_LINES = 6
_SHORT_WORDS = 12
# Kept lines at the top of the body searched for an opening date.
_BODY_LINES = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date, where it came from, its score, its line (-1: not a line) and its kind."""

    value: PartialDate
    source: str
    score: float
    order: int
    updated: bool = False


def _depth(value: PartialDate) -> int:
    return _DEPTH[value.precision]


def _bounds(decisions: Sequence[LineDecision]) -> tuple[list[int], int, int | None]:
    """Indices of kept lines, of the article's start (first substantial kept line), and of
    the title line."""
    kept = [i for i, d in enumerate(decisions) if d.keep and d.text.strip()]
    if not kept:
        return kept, len(decisions), None
    start = next(
        (i for i in kept if decisions[i].text.count(" ") + 1 >= _ANCHOR_WORDS), kept[0]
    )
    title = next((i for i, d in enumerate(decisions) if d.rule == "title" and not d.keep), None)
    return kept, start, title


def _position_score(index: int, start: int, last: int, title: int | None) -> float:
    """Base score of a header line's date by where the line sits.

    Best: just below the title, or just above the article's start; then just above the
    title or just inside the article; a far header (site-wide "today" bars, editions) or
    the article's inside less; below the article (comments, related items) least.
    """
    if title is not None and title < index <= title + _NEAR_TITLE:
        return 4.5
    if start - _NEAR_START <= index < start:
        return 4.5 if title is None or index > title else 3.5
    if title is not None and title - 3 <= index < title:
        return 3.5
    if start < index <= start + 3:
        return 3.5
    if index < start:
        return 2.5
    if index <= last:
        return 3.0
    return 1.0


def line_candidates(
    decisions: Sequence[LineDecision],
    reference: dt.datetime | None,
    month_first: bool,
    config: MetaConfig,
    *,
    date_lines_only: bool = False,
    title: int | None = None,
) -> list[Candidate]:
    """Date candidates of date-ruled lines, other dropped lines near the article's start,
    and (with `config.body_dates`) the body's first lines. `title` is the title line's index
    when known (else the cleaner's title rule decides)."""
    date_lines = [i for i, d in enumerate(decisions) if d.rule in DATE_RULES and not d.keep]
    if date_lines_only and not date_lines:
        return []
    kept, start_index, ruled_title = _bounds(decisions)
    title = ruled_title if title is None else title
    last = kept[-1] if kept else -1
    # kept lines worth a look: rank among the first kept lines
    rank = {index: n for n, index in enumerate(kept[:_SHORT_META_LINES], start=1)}
    if date_lines_only:
        indices: Sequence[int] = date_lines
    else:
        low = max(0, start_index - _HEADER_WINDOW)
        window = set(range(low, start_index + 6))
        if title is not None:
            window.update(range(max(0, title - 3), title + _NEAR_TITLE + 1))
        indices = sorted(window.union(date_lines, rank).intersection(range(len(decisions))))
    out: list[Candidate] = []
    for index in indices:
        decision = decisions[index]
        text = decision.text
        is_date_line = decision.rule in DATE_RULES and not decision.keep
        # a short dated line among the first kept ones is a byline/date line left in the body
        short_meta = False
        if decision.keep:
            if index not in rank:
                continue
            short_meta = text.count(" ") < _SHORT_WORDS
            if not (short_meta or (rank[index] <= _BODY_LINES and config.body_dates)):
                continue
        if not is_date_line and (
            len(text) > _MAX_LINE or _DATEISH.search(text) is None or has_veto_word(text)
        ):
            continue
        text = text.strip()
        matches = find_dates(
            text, partial=is_date_line, reference=reference, month_first=month_first
        )
        if not is_date_line:
            matches = [m for m in matches if m.value.day is not None]
        if not matches:
            continue
        position = _position_score(index, start_index, last, title)
        if short_meta:
            base, source = 3.5, "header"
        elif decision.keep:
            base, source = 2.0, "body"
        elif is_date_line:
            base, source = position + 2.0, "header"
        else:
            labelled = _PUBLISHED_RE.search(text) is not None
            base, source = position + (1.0 if labelled else 0.0), "header"
        start = 0
        previous_updated = False
        for match in matches:
            label = text[start : match.start]
            updated = is_update_label(label) or (not label.strip(" ,|·-") and previous_updated)
            precise = 0.3 if match.value.day is not None else 0.0
            out.append(Candidate(match.value, source, base + precise, index, updated))
            start, previous_updated = match.end, updated
    return out


def _plausible(value: PartialDate, config: MetaConfig, reference: dt.datetime | None) -> bool:
    """A known year, not before `min_year`, not after the reference date."""
    if value.year is None or value.year < config.min_year:
        return False
    if reference is None:
        return True
    ref = PartialDate(
        reference.year, reference.month, reference.day, reference.hour, reference.minute
    )
    depth = _depth(value)
    return value.key()[:depth] <= ref.key()[:depth]


def body_years(body: Sequence[str]) -> list[int]:
    """Four-digit years (1800-2099) the body mentions.

    >>> body_years(["la conférence Cyber 2016, proposée en 2013", "tel. 2016-2017"])
    [2016, 2013]
    """
    return [int(y) for line in body for y in _YEAR_RE.findall(line)]


def _infer_year(
    value: PartialDate, body: Sequence[str], reference: dt.datetime | None, config: MetaConfig
) -> PartialDate | None:
    """Give a yearless date the latest year the body mentions (not after the reference)."""
    limit = reference.year if reference is not None else 9999
    years = [y for y in body_years(body) if config.min_year <= y <= limit]
    if not years:
        return None
    candidate = replace(value, year=max(years))
    return candidate if _plausible(candidate, config, reference) else None


def _resolve(
    candidate: Candidate,
    body: Sequence[str],
    reference: dt.datetime | None,
    config: MetaConfig,
) -> Candidate | None:
    """A plausible candidate with its year (inferred from the body when missing)."""
    value = candidate.value
    if value.year is None:
        if value.month is None or not config.infer_year:
            return None
        inferred = _infer_year(value, body, reference, config)
        return None if inferred is None else replace(candidate, value=inferred, source="inferred")
    return candidate if _plausible(value, config, reference) else None


def _best(candidates: Sequence[Candidate]) -> Candidate | None:
    return min(candidates, key=lambda c: (-c.score, c.order), default=None)


def _refine(chosen: Candidate, resolved: Sequence[Candidate]) -> Candidate:
    """Take the time (or day) of an agreeing, more precise candidate, keeping the source."""
    depth = _depth(chosen.value)
    for other in sorted(resolved, key=lambda c: (-c.score, c.order)):
        other_depth = _depth(other.value)
        if (
            other.updated == chosen.updated
            and other_depth > depth
            and other.value.key()[:depth] == chosen.value.key()[:depth]
        ):
            chosen, depth = replace(chosen, value=other.value), other_depth
    return chosen


def choose_dates(
    candidates: Sequence[Candidate],
    body: Sequence[str],
    reference: dt.datetime | None,
    config: MetaConfig,
) -> tuple[Candidate | None, PartialDate | None]:
    """The published date (lacking one, the updated date) and the updated date."""
    resolved = [r for c in candidates if (r := _resolve(c, body, reference, config)) is not None]
    published = _best([c for c in resolved if not c.updated])
    updated = _best([c for c in resolved if c.updated])
    chosen = published or updated
    if chosen is not None:
        chosen = _refine(chosen, resolved)
    if updated is not None:
        updated = _refine(updated, resolved)
    return chosen, updated.value if updated is not None else None
