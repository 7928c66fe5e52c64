"""Scored date candidates from a document's lines, and the choice of published/updated.

Every date found gets a score from where it was found (`extract` adds the reader's fields,
the page's markup, a glued prefix or wire dateline and the URL above or among these):

- by position: just below the title best; then just above it or just above the article's
  start; a far header (site-wide "today" bars) less; the article's inside less; below
  the article (comments, related headlines, footers) least;
- a line the cleaner ruled a date line, a "published" label, a day or a time add to it; a
  bare month or year, and a line among other date lines (a list of teasers, comments or
  archives) take from it;
- a date opening one of the first paragraphs ("01.02.2022 „Der Arbeitsmarkt…", also at
  the head of a long one), a date glued to a repeat of the title, and a labelled date
  anywhere ("zuletzt geändert am …") are candidates too;
- a label alone on the line above a date ("Veröffentlicht am:", "Video verfügbar bis:")
  labels it, as a scraper splits the two;
- a line the cleaner took for a site template is a date line when it holds a full date
  (the template rule ignores digits, so a site's date lines all look alike to it);
- of two like lines, the one nearer the title wins.

The best published candidate wins (lacking one, or when it is a far one and an updated date
sits much better, the updated one); a yearless one takes the latest year the body mentions
(`inferred`).

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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from curate.clean.types import LineDecision
from curate.meta.config import MetaConfig
from curate.meta.dates import PartialDate, find_dates, has_veto_word, is_update_label, valid
from curate.meta.layout import PageLayout, page_layout

# Label patterns are matched against the lower-cased line: `re.IGNORECASE` makes them
# several times slower.
_PUBLISHED_RE = re.compile(
    r"publi|posted|veröffentlicht|erschienen|pubblicat|gepubliceerd|released|erstellt|\bvom\b"
    r"|eingetragen|written"
)
# Labels that date the page wherever the line sits (a wiki's "last edited", a blog's
# "Der Beitrag wurde am … veröffentlicht").
_ANYWHERE_RE = re.compile(
    r"publi|posted|veröffentlicht|erschienen|erstellt|eingetragen|pubblicat|gepubliceerd"
    r"|zuletzt|geändert|last\s(?:edited|modified|updated)|mis[e]?\sà\sjour|aktualisiert"
    r"|updated|actualiza|aggiornat"
)
# A year 1800-2099 not inside a longer number or a numeric date. Each branch opens with a
# literal digit (the look-behind follows it), so that `re` skips ahead to a 1 or a 2.
_YEAR_RE = re.compile(r"(1(?<![\d.,/-]1)[89]\d\d|2(?<![\d.,/-]2)0\d\d)(?![\d]|[.,/-]\d)")
_DEPTH = {"year": 1, "month": 2, "day": 3, "minute": 5}
# A full date has a four-digit year or a numeric d.m.yy form. (Opening with one character
# class lets `re` skip ahead to a digit.)
_DATEISH = re.compile(r"\d(?:\d{3}|[./-]\d)")
# Lines above the article's start searched for dates outside date-ruled lines.
_HEADER_WINDOW = 40
# Lines below the title searched for dates outside date-ruled lines.
_TITLE_WINDOW = 8
# Longest line searched for dates outside date-ruled lines.
_MAX_LINE = 400
# Longest line searched for a labelled date outside the header.
_MAX_LABELLED = 200
# Kept lines at the top of the body where a short dated line counts as a header line.
_SHORT_META_LINES = 6
_SHORT_WORDS = 12
# Kept lines at the top of the body searched for an opening date.
_BODY_LINES = 2
# An opening date starts a paragraph: at most this many characters and words before it.
_OPENING_CHARS = 30
_OPENING_WORDS = 3
# Characters of a long first paragraph searched for its opening date.
_OPENING_HEAD = 80
# Date lines this close to another two are a list (comments, teasers, archives).
_LIST_SPAN = 6
# Lines below the article's start still near enough to date it (else: its inside).
_INSIDE = 30
# Characters before a date searched for a veto word ("bis", "Registriert:", "seit").
_VETO_REACH = 30
# Longest label line ("Veröffentlicht am:") read as the label of a date on the next line,
# where the date opens its line (at most this many characters before it).
_MAX_LABEL_ABOVE = 40
_LABEL_ABOVE_REACH = 2
# Score bonuses: a date-ruled line, a "published" label; by precision (a bare month or
# year heads archives and sections more often than articles).
_DATE_LINE_BONUS = 1.5
_LABEL_BONUS = 1.0
_LIST_MALUS = 1.5
_PRECISION_BONUS = {"year": -0.5, "month": -0.5, "day": 0.3, "minute": 0.4}
# Tie-breaker: score taken per line of distance to the title (capped).
_DISTANCE_STEP = 0.005
_DISTANCE_CAP = 10
# A date glued to a repeat of the title (at least this long) scores as one below it.
_GLUED_TITLE_MIN = 15
_GLUED_TITLE_SCORE = 5.5
_GLUE_CHARS = " |,·•–—-:/"
# A published date scoring below `_CREDIBLE` yields to an updated date scoring this much more.
_CREDIBLE = 3.5
_UPDATE_MARGIN = 3.0
# Yearless dates need a header position at least this good to take a year from the body.
_YEARLESS_MIN = 3.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date, where it came from, its score, its line (-1: not a line) and its kind."""

    value: PartialDate
    source: str
    score: float
    order: int
    updated: bool = False
    # the UTC instant of a markup date whose value is shown in the page's clock
    instant: dt.datetime | None = None


def _depth(value: PartialDate) -> int:
    return _DEPTH[value.precision]


def _position_score(index: int, start: int, last: int, title: int | None) -> float:
    """Base score of a line's date by where the line sits.

    Best: just below the title; then just above it or just above the article's start;
    then a little further below the title or above the start, or the article's first
    lines; a far header (site-wide "today" bars, editions) less; the article's inside
    less; below the article (comments, related items) least.

    >>> _position_score(11, 14, 40, 10), _position_score(3, 14, 40, 10)
    (4.5, 2.0)
    """
    if index < start:
        score = 2.0
    elif index <= min(last, start + _INSIDE):
        score = 2.5
    else:
        score = 1.5 if index <= last else 1.0
    if title is not None:
        gap = index - title
        if 1 <= gap <= 3:
            score = max(score, 4.5)
        elif -2 <= gap <= -1:
            score = max(score, 4.0)
        elif 4 <= gap <= _TITLE_WINDOW:
            score = max(score, 3.5)
        elif gap == -3:
            score = max(score, 3.0)
    if start - 3 <= index < start:
        score = max(score, 4.0)
    elif start - 8 <= index < start or start < index <= start + 3:
        score = max(score, 3.0)
    return score


def _title_distance(index: int, title: int | None) -> float:
    """A tie-breaker below the score steps: of two like date lines, the one nearer the title
    wins."""
    if title is None:
        return 0.0
    return _DISTANCE_STEP * min(abs(index - title), _DISTANCE_CAP)


def _label_above(decisions: Sequence[LineDecision], index: int) -> str:
    """The line above `index` when it is a label (a few words and a colon) that a scraper
    split from the date below it ("Zuletzt aktualisiert:" / "12.03.2021"), else ''.

    >>> from curate.clean.types import LineDecision as L
    >>> _label_above([L("Video verfügbar bis:", False, "short"), L("14.10.2020", False, "date")], 1)
    'Video verfügbar bis:'
    """
    if index == 0:
        return ""
    text = decisions[index - 1].text.strip()
    return text if text.endswith(":") and len(text) <= _MAX_LABEL_ABOVE else ""


def _in_list(index: int, date_lines: Sequence[int], title: int | None) -> bool:
    """True when two other date lines sit within `_LIST_SPAN` lines of `index` and the line
    is not right at the title (`date_lines` in ascending order).

    >>> _in_list(10, [4, 9, 10, 16], None), _in_list(10, [3, 10, 17], None)
    (True, False)
    """
    if title is not None and -2 <= index - title <= 3:
        return False
    # `date_lines` ascend: the lines within the span are one slice of them
    low = bisect_left(date_lines, index - _LIST_SPAN)
    high = bisect_right(date_lines, index + _LIST_SPAN, lo=low)
    near = high - low - (index in date_lines[low:high])
    return near >= 2


# Short lines' shapes (`_shape_of`), as a site's template lines recur across its pages
# (bounded; cleared when full).
_SHAPES: dict[str, int] = {}
_SHAPES_SIZE = 50_000
_UNDATED, _DATED, _DATED_LABELLED = 0, 1, 2


def _shape_of(text: str) -> int:
    """`_UNDATED`, `_DATED` (a date shape) or `_DATED_LABELLED` (one with a label too, from
    `_ANYWHERE_RE`), of a line of at most `_MAX_LABELLED` characters.

    >>> _shape_of("Menu"), _shape_of("12.03.2024"), _shape_of("Mis à jour le 12.03.2024")
    (0, 1, 2)
    """
    if _DATEISH.search(text) is None:
        return _UNDATED
    return _DATED_LABELLED if _ANYWHERE_RE.search(text.lower()) else _DATED


def _short_shapes(texts: Sequence[str]) -> tuple[set[int], set[int]]:
    """The lines of at most `_MAX_LABELLED` characters with a date shape, and those of them
    with a label too (`texts`: the lines stripped, `PageLayout.texts`)."""
    shapes, cached = _SHAPES, _SHAPES.get
    dateish: set[int] = set()
    labelled: set[int] = set()
    for index, text in enumerate(texts):
        if len(text) > _MAX_LABELLED:
            continue
        shape = cached(text)
        if shape is None:
            if len(shapes) >= _SHAPES_SIZE:
                shapes.clear()
            shape = shapes[text] = _shape_of(text)
        if shape:
            dateish.add(index)
            if shape == _DATED_LABELLED:
                labelled.add(index)
    return dateish, labelled


def _opening(text: str, match_start: int) -> bool:
    """True when a date at `match_start` opens the paragraph (a few label words before)."""
    head = text[:match_start]
    return match_start <= _OPENING_CHARS and len(head.split()) <= _OPENING_WORDS


def line_candidates(
    decisions: Sequence[LineDecision],
    reference: dt.datetime | None,
    month_first: bool,
    config: MetaConfig,
    *,
    date_lines_only: bool = False,
    title: int | None = None,
    title_text: str | None = None,
    layout: PageLayout | None = None,
) -> list[Candidate]:
    """Date candidates of date-ruled lines, other dropped lines near the title and the
    article's start, labelled lines anywhere, lines that repeat the title with a date glued
    to it (`title_text`), and (with `config.body_dates`) the body's first lines. `title` is
    the title line's index when known (else the cleaner's title rule decides); `layout`
    is the decisions' `page_layout` when already found."""
    if layout is None:
        layout = page_layout(decisions)
    date_lines = layout.date_lines
    if date_lines_only and not date_lines:
        return []
    date_set = frozenset(date_lines)
    kept, start_index = layout.kept, layout.start
    title = layout.ruled_title if title is None else title
    last = kept[-1] if kept else -1
    # kept lines worth a look: rank among the first kept lines
    rank = {index: n for n, index in enumerate(kept[:_SHORT_META_LINES], start=1)}
    # (date lines alone: none is kept, so none needs a shape)
    dateish: set[int] = set()
    labelled: set[int] = set()
    if date_lines_only:
        indices: Sequence[int] = date_lines
    else:
        low = max(0, start_index - _HEADER_WINDOW)
        window = set(range(low, start_index + 6))
        if title is not None:
            window.update(range(max(0, title - 3), title + _TITLE_WINDOW + 1))
        # a line off the date lines yields dates only with a date shape (`_DATEISH`): the
        # short lines are tested once here, the longer ones in `_candidates_of_line`
        dateish, labelled = _short_shapes(layout.texts)
        wanted = window.union(date_lines, rank, labelled).intersection(range(len(decisions)))
        indices = sorted(
            i
            for i in wanted
            if i in dateish or len(layout.texts[i]) > _MAX_LABELLED or i in date_set
        )
    out: list[Candidate] = []
    for index in indices:
        out += _candidates_of_line(
            decisions,
            index,
            rank,
            date_lines,
            date_set,
            (dateish, labelled),
            (start_index, last, title),
            reference,
            month_first,
            config,
        )
    if title_text and len(title_text) >= _GLUED_TITLE_MIN and not date_lines_only:
        out += _glued_title_candidates(decisions, title_text, reference, month_first, dateish)
    return out


def _glued_title_candidates(
    decisions: Sequence[LineDecision],
    title_text: str,
    reference: dt.datetime | None,
    month_first: bool,
    dateish: Iterable[int],
) -> list[Candidate]:
    """Dates glued to a repeat of the title ("Energiepreiskrise: … auf einen Blick
    21.11.2022"), as a scraper joins a headline and the date beside it. Such a line is one
    of `dateish`: the lines of at most `_MAX_LABELLED` characters with a date shape.

    >>> from curate.clean.types import LineDecision as L
    >>> title = "Zentrum am Berg offiziell eröffnet"
    >>> lines = [L(title + "20.10.2021 - 10:24", False, "short")]
    >>> [c.value.iso() for c in _glued_title_candidates(lines, title, None, False, [0])]
    ['2021-10-20T10:24']
    """
    out: list[Candidate] = []
    repeats = sorted(i for i in dateish if decisions[i].text.startswith(title_text))
    for index in repeats:
        text = decisions[index].text
        rest = text[len(title_text) :].strip().lstrip(_GLUE_CHARS)
        if _DATEISH.search(rest[:12]) is None:
            continue
        matches = find_dates(rest, partial=False, reference=reference, month_first=month_first)
        for match in matches[:1]:
            if match.start == 0 and match.value.day is not None:
                score = _GLUED_TITLE_SCORE + _PRECISION_BONUS[match.value.precision]
                out.append(Candidate(match.value, "header", score, index))
    return out


def _candidates_of_line(
    decisions: Sequence[LineDecision],
    index: int,
    rank: dict[int, int],
    date_lines: Sequence[int],
    date_set: frozenset[int],
    shapes: tuple[set[int], set[int]],
    anchors: tuple[int, int, int | None],
    reference: dt.datetime | None,
    month_first: bool,
    config: MetaConfig,
) -> list[Candidate]:
    """The scored dates of one line (see `line_candidates`; `date_set` holds `date_lines`,
    `shapes` the `_short_shapes`)."""
    decision = decisions[index]
    text = decision.text.strip()
    start_index, last, title = anchors
    date_line = index in date_set
    first_lines = decision.keep and index in rank
    # a short dated line among the first kept ones is a byline/date line left in the body
    short_meta = first_lines and text.count(" ") < _SHORT_WORDS
    head_only = labelled = False
    if decision.keep and not short_meta:
        # a kept paragraph is dated by a label, as one of the first two (`body_dates`), or
        # by the date it opens with when one of the first: of that, only its head is read
        labelled = index in shapes[1]  # (a longer line holds no label that counts)
        body_line = config.body_dates and rank.get(index, _BODY_LINES + 1) <= _BODY_LINES
        if len(text) > _MAX_LINE or not (labelled or body_line):
            if not first_lines:
                return []
            head_only, text = True, text[:_OPENING_HEAD].rstrip()
    shaped = index in shapes[0] and not head_only
    if not (date_line or shaped) and (len(text) > _MAX_LINE or _DATEISH.search(text) is None):
        return []
    matches = find_dates(text, partial=date_line, reference=reference, month_first=month_first)
    # the label of the first date, where it opens the line, may be the line above
    opens = bool(matches) and matches[0].start <= _LABEL_ABOVE_REACH
    above = _label_above(decisions, index) if opens else ""
    if above and has_veto_word(above):
        matches, above = matches[1:], ""  # "Video verfügbar bis:" / "14.10.2020 ∙ 14:00 Uhr"
    if not date_line:
        # a deadline, an event, a sign-up date: a veto word just before the date
        matches = [
            m
            for m in matches
            if m.value.day is not None
            and not has_veto_word(text[max(0, m.start - _VETO_REACH) : m.start])
        ]
    if not matches:
        return []
    position = _position_score(index, start_index, last, title)
    lower = text.lower()
    labelled_line = _PUBLISHED_RE.search(lower) is not None or (
        bool(above) and _PUBLISHED_RE.search(above.lower()) is not None
    )
    if decision.keep and not short_meta:
        # a kept paragraph: a date opening one of the first ("01.02.2022 Der Arbeitsmarkt…")
        # is a header date; a labelled one anywhere, or any in the first (`body_dates`),
        # a body date
        if first_lines and _opening(text, matches[0].start):
            matches, base, source = matches[:1], max(position, 4.0), "header"
        elif head_only:
            return []
        elif labelled:
            base, source = position, "body"
        else:  # one of the first two (`body_dates`)
            base, source = 2.0, "body"
    elif short_meta:
        base, source = max(position, 3.0) + 0.5, "header"
    else:
        base = position + (_DATE_LINE_BONUS if date_line else 0.0)
        source = "header"
        if _in_list(index, date_lines, title):
            base -= _LIST_MALUS
    out: list[Candidate] = []
    start = 0
    previous_updated = False
    for match in matches:
        label = above if above and not start else text[start : match.start]
        updated = is_update_label(label) or (not label.strip(" ,|·-") and previous_updated)
        if match.value.year is None and position < _YEARLESS_MIN:
            start, previous_updated = match.end, updated
            continue
        score = base + _PRECISION_BONUS[match.value.precision] - _title_distance(index, title)
        if labelled_line and not updated:
            score += _LABEL_BONUS
        out.append(Candidate(match.value, source, score, index, updated))
        start, previous_updated = match.end, updated
    return out


def _plausible(value: PartialDate, config: MetaConfig, reference: dt.datetime | None) -> bool:
    """A known year, not before `min_year`, not after the reference date."""
    if value.year is None or value.year < config.min_year:
        return False
    if reference is None:
        return True
    depth = _depth(value)
    return value.key()[:depth] <= _reference_key(reference)[:depth]


@lru_cache(maxsize=64)
def _reference_key(reference: dt.datetime) -> tuple[int, int, int, int, int]:
    return (reference.year, reference.month, reference.day, reference.hour, reference.minute)


def body_years(text: str) -> list[int]:
    """Four-digit years (1800-2099) the body mentions.

    >>> body_years("la conférence Cyber 2016, proposée en 2013\\ntel. 2016-2017")
    [2016, 2013]
    """
    return [int(y) for y in _YEAR_RE.findall(text)]


def _infer_year(
    value: PartialDate, years: Sequence[int], reference: dt.datetime | None, config: MetaConfig
) -> PartialDate | None:
    """Give a yearless date the latest of the body's `years` (not after the reference)
    whose calendar agrees with the weekday the date names, if any.

    >>> from curate.meta.config import MetaConfig
    >>> thursday = PartialDate(None, 3, 9, weekday=3)  # "3/9(木)"
    >>> _infer_year(thursday, [2017, 2020], None, MetaConfig()).year
    2017
    >>> _infer_year(thursday, [2020], None, MetaConfig()) is None
    True
    """
    limit = reference.year if reference is not None else 9999
    usable = [y for y in years if config.min_year <= y <= limit]
    if value.weekday is not None and value.month is not None and value.day is not None:
        month, day = value.month, value.day
        usable = [
            y
            for y in usable
            if valid(y, month, day) and dt.date(y, month, day).weekday() == value.weekday
        ]
    if not usable:
        return None
    candidate = replace(value, year=max(usable))
    return candidate if _plausible(candidate, config, reference) else None


def _agreeing_year(value: PartialDate, dated: Sequence[Candidate]) -> int | None:
    """The year of the best candidate with a year that agrees on month (and day)."""
    for other in sorted(dated, key=lambda c: (-c.score, c.order)):
        ov = other.value
        if ov.month == value.month and (value.day is None or ov.day == value.day):
            return ov.year
    return None


def _resolve(
    candidate: Candidate,
    years: Callable[[], Sequence[int]],
    reference: dt.datetime | None,
    config: MetaConfig,
    dated: Sequence[Candidate] = (),
) -> Candidate | None:
    """A plausible candidate with its year: taken from an agreeing dated candidate (a
    `12 juillet` dateline under a `2014-07-12` header line), else inferred from the body's
    `years` when missing."""
    value = candidate.value
    if value.year is None:
        if value.month is None:
            return None
        year = _agreeing_year(value, dated)
        if year is not None:
            agreed = replace(candidate, value=replace(value, year=year))
            return agreed if _plausible(agreed.value, config, reference) else None
        if not config.infer_year:
            return None
        inferred = _infer_year(value, years(), reference, config)
        return None if inferred is None else replace(candidate, value=inferred, source="inferred")
    return candidate if _plausible(value, config, reference) else None


def _outweighed(published: Candidate, updated: Candidate) -> bool:
    """True when the best published date is a far one (a teaser's, a footer's) and an
    updated date (markup, a labelled line at the title) is much better placed: the page
    then shows no publication date of its own, and its updated date dates it."""
    return published.score < _CREDIBLE and updated.score - published.score >= _UPDATE_MARGIN


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


# Sources of the dates a reader sees on the page (not the markup's, the record's or the URL's).
_VISIBLE = frozenset({"header", "dateline", "body"})
# A visible date that shows the page's clock: a date line at the title or just above the
# article's start (position 4.0 or more, plus the date-line bonus).
_CLOCK_SCORE = 5.5
# UTC offsets run from -12:00 to +14:00, in whole or half hours (and Nepal's +05:45).
_WEST, _EAST = -12 * 60, 14 * 60


def _local_view(chosen: Candidate, resolved: Sequence[Candidate]) -> Candidate:
    """`chosen` in the page's own clock, where it is an instant in UTC (the markup's
    `…Z`) and the date line under the title shows it in local time: the visible date and
    time where the two differ by a UTC offset ("3 de mayo de 2022 21:25" for
    `2022-05-04T00:25Z`: -03:00), else the visible day alone where some offset gives it
    and it is not the UTC day. `instant` keeps the UTC instant.

    >>> utc = Candidate(PartialDate(2022, 5, 4, 0, 25, offset=0), "meta", 9.0, -1)
    >>> seen = Candidate(PartialDate(2022, 5, 3, 21, 25), "header", 6.3, 12)
    >>> _local_view(utc, [utc, seen]).value.iso(), _local_view(utc, [utc, seen]).value.offset
    ('2022-05-03T21:25', -180)
    >>> seen = Candidate(PartialDate(2022, 5, 3, 21, 40), "header", 6.3, 12)
    >>> _local_view(utc, [utc, seen]).value.iso(), _local_view(utc, [utc, seen]).instant
    ('2022-05-03', datetime.datetime(2022, 5, 4, 0, 25, tzinfo=datetime.timezone.utc))
    >>> far = Candidate(PartialDate(2022, 5, 6), "header", 6.3, 12)
    >>> _local_view(utc, [utc, far]) is utc
    True
    """
    value = chosen.value
    instant = value.instant() if value.offset == 0 else None
    if instant is None:
        return chosen
    visible = [
        c
        for c in resolved
        if c.source in _VISIBLE
        and c.updated == chosen.updated
        and c.score >= _CLOCK_SCORE
        and c.value.day is not None
        and c.value.offset is None
    ]
    if not visible:
        return chosen
    seen = max(visible, key=lambda c: (c.score, -c.order)).value
    if seen.year is None or seen.month is None or seen.day is None:
        return chosen
    utc = instant.replace(tzinfo=None)
    if seen.hour is not None:
        local = dt.datetime(seen.year, seen.month, seen.day, seen.hour, seen.minute or 0)
        minutes = round((local - utc).total_seconds()) // 60
        if minutes and _WEST <= minutes <= _EAST and minutes % 60 in (0, 30, 45):
            return replace(chosen, value=replace(seen, offset=minutes), instant=instant)
    day = dt.date(seen.year, seen.month, seen.day)
    west, east = utc + dt.timedelta(minutes=_WEST), utc + dt.timedelta(minutes=_EAST)
    if day == utc.date() or not west.date() <= day <= east.date():
        return chosen
    return replace(chosen, value=PartialDate(seen.year, seen.month, seen.day), instant=instant)


def choose_dates(
    candidates: Sequence[Candidate],
    body: str,
    reference: dt.datetime | None,
    config: MetaConfig,
) -> tuple[Candidate | None, PartialDate | None]:
    """The published date (lacking one, the updated date) and the updated date; `body` is
    the body's text, whose years a yearless date may take."""
    found: list[list[int]] = []

    def years() -> list[int]:
        if not found:
            found.append(body_years(body))
        return found[0]

    dated = [c for c in candidates if c.value.year is not None]
    resolved = [
        r for c in candidates if (r := _resolve(c, years, reference, config, dated)) is not None
    ]
    published = _best([c for c in resolved if not c.updated])
    updated = _best([c for c in resolved if c.updated])
    chosen = published or updated
    if published is not None and updated is not None and _outweighed(published, updated):
        chosen = updated
    if chosen is not None:
        chosen = _local_view(_refine(chosen, resolved), resolved)
    if updated is not None:
        updated = _refine(updated, resolved)
        if chosen is not None and chosen.value.offset and updated.value.offset == 0:
            # the page's clock, found for the published date, holds for the updated one
            return chosen, _in_offset(updated.value, chosen.value.offset)
    return chosen, updated.value if updated is not None else None


def _in_offset(value: PartialDate, minutes: int) -> PartialDate:
    """A UTC date with a time, in the clock `minutes` east of UTC.

    >>> _in_offset(PartialDate(2022, 5, 4, 1, 10, offset=0), -180).iso()
    '2022-05-03T22:10'
    """
    instant = value.instant()
    if instant is None:
        return value
    return PartialDate.of(instant.astimezone(dt.timezone(dt.timedelta(minutes=minutes))))
