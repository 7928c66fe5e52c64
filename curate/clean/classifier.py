"""The line classifier: one keep/drop decision, with its rule, per line of a document.

Passes:

1. **Explicit rules** name what a line is, whatever its neighbours: blank, template,
   date, breadcrumb, bracketed links, call-to-action lexicon (share, follow, newsletter,
   cookie, copyright, related…), truncated teasers ("… Read more"), separator menus,
   captions and credits, bylines, and the slides of image galleries (`galleries.py`).
2. **Segmentation**: hard-wrapped lines are joined into paragraphs and a table's cells
   into rows (`tables.py`); each unit gets a prose score (length, stop-word density
   against page-adapted thresholds, sentence end; see `scoring.py`) and a two-state
   Viterbi pass (`segment.py`) splits the page into article and boilerplate stretches,
   so headings and list items inside the article stay and lone lines among menus go; an
   ad's label or a caption alone between two paragraphs does not part them. Only the
   densest stretch is kept (`main_region`), with the stretches nearly as dense or sharing
   its vocabulary; short gaps, code blocks and lists inside them are filled back.
3. **Edges of the article**: labels of other articles, comments or the author's bio end
   it (a box of other articles inside it is dropped until the text resumes), and so does
   a long gap after which the text is about something else (the next article of a
   stream); fragments and the author's bio at its tail go (`fragment`, `author`); the lead
   paragraph between the headline and the body comes back; list items share their list's
   fate.
4. **Structure**: a reader-comment thread after the article (`comments`), runs of
   headline-like lines that share few words with the body (`headline-list`), and the page
   title, date and byline at the head are named. A page left without text keeps its
   prose paragraphs.

>>> from curate.clean.config import CleanConfig
>>> lines = ["Page d'accueil > Monde", "Un titre de page", "2023-11-08 23:10",
...          "Le président a prononcé un discours lors de la cérémonie d'ouverture du sommet, "
...          "devant les délégations de plus de cent pays et régions du monde entier.",
...          "[ Imprimer ]"]
>>> [(d.keep, d.rule) for d in classify_lines(lines, CleanConfig())]
[(False, 'breadcrumb'), (False, 'title'), (False, 'date'), (True, 'body'), (False, 'share')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from enum import IntEnum

from curate.clean.comments import thread_start
from curate.clean.config import CleanConfig
from curate.clean.datelines import looks_like_date_line, maybe_date_line
from curate.clean.features import LineFeatures, PageFeatures, page_features
from curate.clean.galleries import gallery_lines
from curate.clean.headlines import is_title_like, stem_overlap, stems
from curate.clean.lexicon import Lexicon
from curate.clean.patterns import (
    BYLINE_FIRST,
    BYLINE_WORDS,
    CAPTION_LABELS,
    CREDITS,
    is_author_bio,
    is_bracket_links,
    is_breadcrumb,
    is_byline,
    is_caption,
    is_copyright_notice,
    is_separator_menu,
    social_count,
)
from curate.clean.scoring import CODE_STRICT, has_code_symbols, looks_like_code, unit_score
from curate.clean.segment import best_path
from curate.clean.stopwords import StopLists, Weighed
from curate.clean.tables import table_rows
from curate.clean.templates import line_hash
from curate.clean.tokens import words
from curate.clean.types import CleanedPage, LineDecision


class Cls(IntEnum):
    """Content class of a line without an explicit rule."""

    GOOD = 0
    NEARGOOD = 1
    SHORT = 2
    BAD = 3


# A line that continues the previous one starts in lower case (after optional quotes).
_OPENERS = " \"'(«“‘"

_DIGIT = re.compile(r"\d")
_REPEAT_MAX_WORDS = 12
_CACHED_CHARS = 200
_CACHE_SIZE = 100_000
_CRUMB_CHARS = re.compile(r"[>»›→/:]")
_MENU_CHARS = re.compile(r"[|·•–\-/\\*◦∙⋅]")

# Rules whose label line announces a list of other articles after it.
_LIST_LABELS = frozenset({"related", "read-more", "menu", "comments"})


@dataclass(frozen=True)
class _Resources:
    lexicon: Lexicon
    stops: StopLists
    # explicit rule of a short line, by (text, language): boilerplate lines recur across a
    # site's pages, so most are decided once (bounded; cleared when full)
    rules: dict[tuple[str, str | None, frozenset[str]], str | None]


_RESOURCE_CACHE: dict[str, _Resources] = {}


def _resources(config: CleanConfig) -> _Resources:
    key = repr(
        (
            sorted(config.extra_phrases.items()),
            sorted(config.extra_stopwords.items()),
            config.cta_max_words,
            config.prefix_max_words,
        )
    )
    found = _RESOURCE_CACHE.get(key)
    if found is None:
        found = _Resources(
            Lexicon.default().extended(config.extra_phrases),
            StopLists.default().extended(config.extra_stopwords),
            {},
        )
        _RESOURCE_CACHE[key] = found
    return found


def classify_lines(
    lines: Sequence[str],
    config: CleanConfig,
    *,
    template_hashes: AbstractSet[int] = frozenset(),
    priors: Sequence[float] | None = None,
    headlines: AbstractSet[int] = frozenset(),
) -> list[LineDecision]:
    """One decision per line of `lines`, in order: `classify_page(...).decisions`."""
    return classify_page(
        lines, config, template_hashes=template_hashes, priors=priors, headlines=headlines
    ).decisions


def classify_page(
    lines: Sequence[str],
    config: CleanConfig,
    *,
    template_hashes: AbstractSet[int] = frozenset(),
    priors: Sequence[float] | None = None,
    headlines: AbstractSet[int] = frozenset(),
) -> CleanedPage:
    """One decision per line of `lines`, in order (see the module docstring), and the
    language sample of the article (see `CleanedPage`).

    `priors` (one number per line, optional) are added to the lines' prose scores: the
    HTML path uses them for DOM signals (link density, boilerpy3's choice); a prior of
    `LINK_PRIOR` marks a line the markup names as navigation (see `_classify_links`).
    `headlines` are lines known to be a headline list before the main region is sought:
    when the region first chosen turns out to be mostly a headline list (a long sidebar of
    teasers outweighing a short article), the page is classified again with them set aside.
    """
    if not lines:
        return CleanedPage([])
    if priors is not None and len(priors) != len(lines):
        raise ValueError("priors must have one value per line")
    if priors is not None and LINK_PRIOR in priors:
        return _classify_links(lines, config, template_hashes, priors, headlines)
    return _classify(lines, config, template_hashes, priors, headlines, None)


# The prior of a line that the markup names as navigation: nearly all of it is link text
# (a menu entry, a teaser's headline, a time stamp that links to its entry).
LINK_PRIOR = float("-inf")


def _classify_links(
    lines: Sequence[str],
    config: CleanConfig,
    template_hashes: AbstractSet[int],
    priors: Sequence[float],
    headlines: AbstractSet[int],
) -> CleanedPage:
    """Decisions for a page whose link lines (`LINK_PRIOR`) are known: they are dropped
    (rule `link`) and the other lines are classified without them, as if each link line
    were not there (a heading or a list item that is a link does not part the text), except
    where the text is cut into pieces (`_pieces`): there a run of at least `topic_gap_lines`
    links counts as the gap it is on the page (a menu, the teasers' headlines between two
    articles of a stream), and a time stamp that is a link still dates an entry of a feed
    (`_clock_lines`). Fewer links (a "Read more" box inside the text) part nothing: plain
    text keeps such lines until its headline lists are found, and is not cut there either.
    Nor does the paragraph after such a run come back as the text's last (`_main_region`).

    >>> cfg = CleanConfig()
    >>> [(d.keep, d.rule) for d in classify_lines(["Home", ""], cfg, priors=[LINK_PRIOR, 0.0])]
    [(False, 'link'), (False, 'blank')]
    """
    rest: list[int] = []
    hidden: list[list[str]] = []
    before: list[str] = []  # the link lines since the last other line
    for k, p in enumerate(priors):
        if p == LINK_PRIOR:
            if lines[k].strip():
                before.append(lines[k])
        else:
            rest.append(k)
            hidden.append(before)
            before = []
    out = [LineDecision(line, False, "link" if line.strip() else "blank") for line in lines]
    if not rest:
        return CleanedPage(out)
    place = {k: j for j, k in enumerate(rest)}
    page = _classify(
        [lines[k] for k in rest],
        config,
        template_hashes,
        [priors[k] for k in rest],
        {place[k] for k in headlines if k in place},
        hidden,
    )
    lowered: list[str | None] = [None] * len(lines)
    for k, d, low in zip(rest, page.decisions, page.lowered, strict=True):
        out[k], lowered[k] = d, low
    return CleanedPage(out, page.language_sample, lowered)


def _classify(
    lines: Sequence[str],
    config: CleanConfig,
    template_hashes: AbstractSet[int],
    priors: Sequence[float] | None,
    headlines: AbstractSet[int],
    hidden: Sequence[Sequence[str]] | None,
) -> CleanedPage:
    """`classify_page` of a page; `hidden` holds, per line, the link lines set aside just
    before it (`_classify_links`)."""
    res = _resources(config)
    page = page_features(lines, res.stops, cjk_weight=config.cjk_char_weight)
    feats = page.lines
    lang = feats[0].lang
    stop = res.stops.words(lang) if lang else frozenset()
    disabled = frozenset(config.disabled_rules)

    rules: list[str | None] = [
        _explicit_rule(f, res, stop, config, template_hashes, disabled) for f in feats
    ]
    gallery = set() if "gallery" in disabled else gallery_lines(lines)
    for k in gallery:
        if rules[k] is None:
            rules[k] = "gallery"
    for k in headlines:
        rules[k] = "headline-list"
    units = _units(feats, rules)
    unit_feats = [_merge(feats, unit) for unit in units]
    unit_blank = [rules[unit[0]] == "blank" for unit in units]
    unit_free = [rules[unit[0]] is None for unit in units]
    low, high = _stop_thresholds(unit_feats, unit_free, config)
    unit_classes = _classes(unit_feats, unit_free, config, low, high, 1.0)
    if config.method == "viterbi":
        repeated = _repeated(unit_feats)
        scores = [
            0.0
            if blank
            else (unit_score(f, low, high, repeated=rep) if free else -config.rule_score)
            for f, blank, free, rep in zip(unit_feats, unit_blank, unit_free, repeated, strict=True)
        ]
        if priors is not None:
            for u, unit in enumerate(units):
                if not unit_blank[u]:
                    scores[u] += sum(priors[k] for k in unit)
        unit_rules = [rules[unit[0]] for unit in units]
        if not _INSERT_RULES.isdisjoint(unit_rules):
            for u in _interruptions(scores, unit_rules):
                scores[u] = 0.0
        path = best_path(scores, config.switch_penalty, config.edge_penalty)
        if not any(path):
            # too little text to pay for the switches: the best-scoring stretch, if any
            segments = _max_segments(scores)
            if segments:
                _, a, b = max(segments)
                path = [a <= u <= b for u in range(len(scores))]
        unit_keep = [free and on for free, on in zip(unit_free, path, strict=True)]
    else:
        if Cls.GOOD not in unit_classes:
            # nothing reads as prose: judge the page against itself, with looser thresholds
            unit_classes = _classes(unit_feats, unit_free, config, low * 0.7, high * 0.7, 0.5)
        resolved = _resolve_context(unit_classes, unit_blank)
        unit_keep = [free and c == Cls.GOOD for free, c in zip(unit_free, resolved, strict=True)]
    leads: set[int] = set()  # lead paragraphs taken back: never a headline list
    late: dict[int, str] = {}  # lines dropped after the comment search, with their rule
    if config.main_region:
        closing = [
            rules[unit[0]]
            if rules[unit[0]] in _ENDING_RULES
            and _is_closing_label(unit_feats[u], rules[unit[0]], res.lexicon)
            else None
            for u, unit in enumerate(units)
        ]
        weak = [rules[unit[0]] in _WEAK_RULES for unit in units]
        # a unit of several lines is a table's row, or a hard-wrapped paragraph
        rows = [len(unit) > 1 for unit in units]
        links = _unit_links(units, hidden) if hidden is not None else None
        tail = _main_region(
            unit_feats, unit_keep, unit_blank, unit_free, closing, weak, rows, stop, config, links
        )
        for u, name in tail.items():
            for k in units[u]:
                late[k] = name
        if config.lead_window:
            unit_rules = [rules[unit[0]] for unit in units]
            for u in _recover_lead(unit_feats, unit_keep, unit_rules, low, config):
                leads.update(units[u])
        _extend_lists(unit_feats, unit_keep, unit_free)
    classes: list[Cls] = [Cls.BAD] * len(feats)
    keep = [False] * len(feats)
    for unit, cls, kept in zip(units, unit_classes, unit_keep, strict=True):
        for k in unit:
            classes[k] = cls
            keep[k] = kept

    if "comments" not in disabled:
        start = thread_start([f.text for f in feats], keep, rules, sizes=[f.n_words for f in feats])
        if start is not None:
            for k in range(start, len(feats)):
                keep[k] = False
                if rules[k] is None:
                    rules[k] = "comments"
    if "headline-list" not in disabled:
        _drop_headline_runs(feats, rules, keep, classes, stop, config, leads)
    for k in late:  # after the thread and headline searches, which read their kept text
        keep[k] = False
    if config.drop_header_lines:
        _mark_header(feats, rules, keep, disabled)
    for k, name in late.items():
        if rules[k] is None:
            rules[k] = name

    if not headlines and "headline-list" not in disabled:
        titles = _headlines_over_prose(feats, rules, keep, classes, config)
        if titles:
            return _classify(lines, config, template_hashes, priors, titles, hidden)
    if sum(f.length for f, k in zip(feats, keep, strict=True) if k) < config.min_chars:
        if gallery:  # a page that is a gallery: its slides are the text
            again = replace(config, disabled_rules=[*config.disabled_rules, "gallery"])
            return _classify(lines, again, template_hashes, priors, frozenset(), hidden)
        # the passes left (almost) nothing: the page's prose, rather than an empty page
        for k, f in enumerate(feats):
            if rules[k] is None and classes[k] in (Cls.GOOD, Cls.NEARGOOD) and f.n_words >= 10:
                keep[k] = True

    out: list[LineDecision] = []
    for f, rule, cls, kept in zip(feats, rules, classes, keep, strict=True):
        if kept:
            out.append(LineDecision(f.text, True, "body"))
        else:
            out.append(LineDecision(f.text, False, rule or _context_rule(f, cls)))
    return CleanedPage(out, _article_sample(page, keep), page.lowered)


def _article_sample(page: PageFeatures, keep: Sequence[bool]) -> Weighed | None:
    """The page's language sample when kept lines hold most of its characters: it then says
    the article's language (not a long cookie notice's, or a template's).

    >>> page = page_features(["Le chat est sur la table, dit-il. " * 3, "Accueil"],
    ...                      StopLists.default())
    >>> _article_sample(page, [True, False]) is page.sample, _article_sample(page, [False, True])
    (True, None)
    """
    if page.sample is None:
        return None
    lines = page.lines
    total = sum(len(lines[k].text) for k in page.sample_lines)
    kept = sum(len(lines[k].text) for k in page.sample_lines if keep[k])
    return page.sample if 2 * kept > total else None


def _unit_links(
    units: Sequence[Sequence[int]], hidden: Sequence[Sequence[str]]
) -> tuple[list[int], list[int]]:
    """Per unit, how many link lines were set aside just before its lines, and how many of
    those are a time of day alone (`_CLOCK`)."""
    gaps = [0] * len(units)
    stamps = [0] * len(units)
    for u, unit in enumerate(units):
        for k in unit:
            gaps[u] += len(hidden[k])
            stamps[u] += sum(1 for t in hidden[k] if len(t) <= _CLOCK_CHARS and _CLOCK.match(t))
    return gaps, stamps


def _headlines_over_prose(
    feats: Sequence[LineFeatures],
    rules: Sequence[str | None],
    keep: Sequence[bool],
    classes: Sequence[Cls],
    config: CleanConfig,
) -> set[int]:
    """The lines of headline runs to set aside when the text kept holds no paragraph (no
    sentence longer than a headline) while more prose was left outside it (a long sidebar
    of teasers outweighed a short article); empty when the choice stands."""
    top = config.headline_max_words
    kept = [k for k, on in enumerate(keep) if on]
    if not kept or any(feats[k].terminal and feats[k].n_words > top for k in kept):
        return set()
    prose = sum(
        f.length
        for k, f in enumerate(feats)
        if rules[k] is None and not keep[k] and f.terminal and classes[k] == Cls.GOOD
    )
    if prose <= sum(feats[k].length for k in kept):
        return set()
    titleish = [  # a headline may end with "?" or "!", hardly with a full stop
        rules[k] is None and 2 <= f.n_words <= top and not f.text.rstrip().endswith(".")
        for k, f in enumerate(feats)
    ]
    runs: set[int] = set()
    k = 0
    while k < len(feats):
        j = k
        while j < len(feats) and (titleish[j] or (j > k and rules[j] in ("blank", "template"))):
            j += 1
        members = [i for i in range(k, j) if titleish[i]]
        if len(members) >= _HEADLINE_RUN:
            runs.update(members)
        k = max(j, k + 1)
    return runs


# Title-like lines in a row (blank and template lines between them aside) that make a list.
_HEADLINE_RUN = 3


def _explicit_rule(
    f: LineFeatures,
    res: _Resources,
    stop: frozenset[str],
    config: CleanConfig,
    template_hashes: AbstractSet[int],
    disabled: frozenset[str],
) -> str | None:
    text = f.text.strip()
    if not text:
        return "blank"
    if (
        template_hashes
        and len(text) >= config.template_min_chars
        and line_hash(text) in template_hashes
    ):
        found: str | None = "template"
    elif len(text) <= _CACHED_CHARS:
        key = (text, f.lang, stop)  # the rule depends on the page's stop words too
        if key in res.rules:
            found = res.rules[key]
        else:
            found = _first_rule(f, text, res.lexicon, stop, config)
            if len(res.rules) >= _CACHE_SIZE:
                res.rules.clear()
            res.rules[key] = found
    else:
        found = _first_rule(f, text, res.lexicon, stop, config)
    return None if found in disabled else found


def _first_rule(
    f: LineFeatures,
    text: str,
    lexicon: Lexicon,
    stop: frozenset[str],
    config: CleanConfig,
) -> str | None:
    n = len(f.tokens)
    if (
        len(text) <= 80
        and _DIGIT.search(text)
        and maybe_date_line(f.tokens)
        and looks_like_date_line(text)
    ):
        return "date"
    if n <= 20 and _CRUMB_CHARS.search(text) and is_breadcrumb(text):
        return "breadcrumb"
    if "[" in text and is_bracket_links(text):
        return lexicon.match(text, stop, max_words=config.cta_max_words) or "menu"
    hit = lexicon.match(
        text,
        stop,
        tokens=f.tokens,
        max_words=config.cta_max_words,
        prefix_max_words=config.prefix_max_words,
    )
    if hit is not None:
        return hit
    if ("…" in text or "..." in text) and _is_teaser(text, lexicon, stop):
        return "read-more"
    if len(text) <= 300 and _MENU_CHARS.search(text) and is_separator_menu(text):
        return "menu"
    if is_copyright_notice(text, n):
        return "copyright"
    if is_caption(text, CREDITS, CAPTION_LABELS, tokens=f.tokens):
        return "caption"
    if 2 <= n <= 16 and (f.tokens[0] in BYLINE_FIRST) and is_byline(text, BYLINE_WORDS):
        return "byline"
    if n <= _FOLLOW_MAX_WORDS and social_count(f.tokens) >= 2:
        return "follow"
    return None


# Rules of things inserted into an article's text: an ad's label, a picture's caption.
_INSERT_RULES = frozenset({"ad", "caption"})


def _interruptions(scores: Sequence[float], rules: Sequence[str | None]) -> list[int]:
    """Units inserted into the text ("Advertisement", a caption: `_INSERT_RULES`) alone
    between two units of prose: they are dropped, but do not part the text around them.

    >>> _interruptions([3.0, -2.0, 2.5, -2.0, -2.0, 1.0], [None, "ad", None, "ad", "share", None])
    [1]
    """
    out: list[int] = []
    prev = -1  # the last non-blank unit
    for u, rule in enumerate(rules):
        if rule == "blank":
            continue
        if rule in _INSERT_RULES and prev >= 0 and rules[prev] is None and scores[prev] > 0:
            nxt = next((v for v in range(u + 1, len(rules)) if rules[v] != "blank"), -1)
            if nxt >= 0 and rules[nxt] is None and scores[nxt] > 0:
                out.append(u)
        prev = u
    return out


# The cut of a truncated excerpt, and what may follow it.
_ELLIPSIS = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])(?=[^…\.]*$)")
_TEASER_TAIL_WORDS = 6


def _is_teaser(text: str, lexicon: Lexicon, stop: frozenset[str]) -> bool:
    """An excerpt of another article: text cut by an ellipsis and a "read more" link.

    >>> _is_teaser("Buying less is hard, but it pays… Read more", Lexicon.default(), frozenset())
    True
    >>> _is_teaser("Wait for it… the end.", Lexicon.default(), frozenset())
    False
    """
    m = _ELLIPSIS.search(text)
    if m is None:
        return False
    tail = text[m.end() :].strip()
    return 0 < len(words(tail)) <= _TEASER_TAIL_WORDS and lexicon.match(
        tail, stop, max_words=_TEASER_TAIL_WORDS
    ) in ("read-more", "related")


# Longer lines that name networks are sentences about them, not buttons.
_FOLLOW_MAX_WORDS = 16


def _repeated(feats: Sequence[LineFeatures]) -> list[bool]:
    """Units whose text occurs more than once on the page (menus shown twice…)."""
    seen: dict[str, int] = {}
    keys = [" ".join(f.tokens) for f in feats]
    for key in keys:
        if key:
            seen[key] = seen.get(key, 0) + 1
    # a long paragraph shown twice (a lead repeated as a teaser) is still the article's
    return [
        bool(key) and seen[key] > 1 and not key.isdigit() and f.n_words <= _REPEAT_MAX_WORDS
        for key, f in zip(keys, feats, strict=True)
    ]


def _units(feats: Sequence[LineFeatures], rules: Sequence[str | None]) -> list[list[int]]:
    """Group hard-wrapped lines into paragraphs: a line that does not end a sentence and is
    followed by one starting in lower case continues on that line. The cells of a table's
    row (`tables.py`) make one unit too."""
    rows = dict(table_rows([f.text for f in feats], [r is None for r in rules]))
    units: list[list[int]] = []
    current: list[int] = []
    end = 0  # the end of the table row being read
    for i, f in enumerate(feats):
        if i < end:
            current.append(i)
            continue
        if current and end == 0 and i not in rows:
            prev = feats[current[-1]]
            if (
                rules[i] is None
                and rules[current[-1]] is None
                and prev.n_words >= 5
                and len(prev.text) >= 30
                and not prev.terminal
                and f.text.lstrip(_OPENERS)[:1].islower()
            ):
                current.append(i)
                continue
        if current:
            units.append(current)
        current = [i]
        end = rows.get(i, 0)
    if current:
        units.append(current)
    return units


def _merge(feats: Sequence[LineFeatures], unit: list[int]) -> LineFeatures:
    if len(unit) == 1:
        return feats[unit[0]]
    parts = [feats[k] for k in unit]
    tokens = [t for p in parts for t in p.tokens]
    n = max(1, len(tokens))
    stop = sum(p.stop * len(p.tokens) for p in parts) / n
    text = " ".join(p.text.strip() for p in parts)
    return LineFeatures(
        text, tokens, sum(p.length for p in parts), stop, parts[-1].terminal, parts[0].lang
    )


def _stop_thresholds(
    feats: Sequence[LineFeatures], free: Sequence[bool], config: CleanConfig
) -> tuple[float, float]:
    """Stop-density thresholds adapted to the page: a short stop list (or a terse language)
    gives lower densities, so the thresholds follow the density of the page's longest
    paragraphs (their character-weighted median), within a floor of half the defaults."""
    longest = sorted(
        (
            (f.stop, f.length)
            for f, ok in zip(feats, free, strict=True)
            if ok and f.length >= config.long_chars
        ),
    )
    total = sum(length for _, length in longest)
    if total < 2 * config.long_chars:
        return config.stop_low, config.stop_high
    acc = 0.0
    ref = longest[-1][0]
    for stop, length in longest:
        acc += length
        if acc >= total / 2:
            ref = stop
            break
    high = max(config.stop_high * 0.5, min(config.stop_high, 0.7 * ref))
    low = max(config.stop_low * 0.5, min(config.stop_low, 0.5 * ref))
    return low, high


def _classes(
    feats: Sequence[LineFeatures],
    free: Sequence[bool],
    config: CleanConfig,
    low: float,
    high: float,
    length_factor: float,
) -> list[Cls]:
    short = config.short_chars * length_factor
    long = config.long_chars * length_factor
    out: list[Cls] = []
    for f, ok in zip(feats, free, strict=True):
        if not ok:
            out.append(Cls.BAD)
        elif f.length < short:
            out.append(Cls.SHORT)
        elif f.stop >= high:
            out.append(Cls.GOOD if f.length >= long or f.terminal else Cls.NEARGOOD)
        elif f.stop >= low:
            out.append(Cls.NEARGOOD)
        else:
            out.append(Cls.BAD)
    return out


def _neighbour(
    classes: Sequence[Cls], blank: Sequence[bool], i: int, step: int, *, skip_near: bool
) -> Cls:
    """Class of the nearest GOOD/BAD (or NEARGOOD) line from `i` in direction `step`."""
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if not blank[j] and c != Cls.SHORT and not (skip_near and c == Cls.NEARGOOD):
            return c
        j += step
    return Cls.BAD


def _resolve_context(classes: list[Cls], blank: list[bool]) -> list[Cls]:
    """jusText's context pass: short and near-good lines take their neighbours' class."""
    out = list(classes)
    for i, c in enumerate(classes):
        if c != Cls.SHORT or blank[i]:
            continue
        prev = _neighbour(classes, blank, i, -1, skip_near=True)
        nxt = _neighbour(classes, blank, i, 1, skip_near=True)
        if prev == Cls.GOOD and nxt == Cls.GOOD:
            out[i] = Cls.GOOD
        elif prev == Cls.BAD and nxt == Cls.BAD:
            out[i] = Cls.BAD
        elif (
            prev == Cls.BAD and _neighbour(classes, blank, i, -1, skip_near=False) == Cls.NEARGOOD
        ) or (nxt == Cls.BAD and _neighbour(classes, blank, i, 1, skip_near=False) == Cls.NEARGOOD):
            out[i] = Cls.GOOD
        else:
            out[i] = Cls.BAD
    for i, c in enumerate(classes):
        if c != Cls.NEARGOOD:
            continue
        prev = _neighbour(out, blank, i, -1, skip_near=True)
        nxt = _neighbour(out, blank, i, 1, skip_near=True)
        out[i] = Cls.BAD if prev == Cls.BAD and nxt == Cls.BAD else Cls.GOOD
    return out


def _main_region(
    feats: Sequence[LineFeatures],
    keep: list[bool],
    blank: Sequence[bool],
    free: Sequence[bool],
    closing: Sequence[str | None],
    weak: Sequence[bool],
    rows: Sequence[bool],
    stop: frozenset[str],
    config: CleanConfig,
    links: tuple[Sequence[int], Sequence[int]] | None = None,
) -> dict[int, str]:
    """Keep only the densest stretch of kept text (and stretches nearly as dense, or
    sharing its vocabulary: `_side_stretches`).

    Kept units score their length, dropped ones a penalty (code and table lines little);
    the maximum-sum segments are the article. Teasers and comments, kept on their own
    merits, fall outside. A stretch after a comment form's label counts for less. A label
    of comments or of the author's bio (`closing`) ends the article when little text
    follows it (`_closing_cut`), and so does a long gap after which the text is about
    something else (`_topic_cut`); a label of other articles opens a box that lasts until
    the article resumes (`_drop_boxes`); stretches after a label are not the article's.
    Inside the stretches, gaps are filled back (`_fill`) and the tail is trimmed of
    fragments and the author's bio (`_trim_tail`).

    `links` (gaps, stamps): per unit, the link lines set aside before it and how many of
    them are time stamps (`_unit_links`); they count where the text is cut into pieces.

    Returns the units to drop once the comment thread is found, with their rule.
    """
    scores = []
    idx = [i for i in range(len(feats)) if not blank[i]]
    for i in idx:
        f = feats[i]
        if keep[i]:
            scores.append(f.length)
        else:
            # a line an explicit rule named (share, related…) marks an edge of the article
            if free[i] and has_code_symbols(f.text):
                scores.append(-config.code_gap)  # code and tables are rarely boilerplate
                continue
            least = config.gap_penalty_min * (1.0 if free[i] else config.rule_gap_factor)
            scores.append(-max(least, config.gap_penalty_share * f.length))
    segments = _max_segments(scores)
    if not segments:
        return {}
    # a stretch after the comment form's label ("Leave a reply") is a comment, not the
    # article; a label with a count ("12 Comments") also heads articles
    form = next(
        (
            j
            for j, i in enumerate(idx)
            if closing[i] == "comments" and not _DIGIT.search(feats[i].text)
        ),
        len(idx),
    )
    weighted = [
        (total * (config.after_comments_weight if a > form else 1.0), a, b)
        for total, a, b in segments
    ]
    _, seg_a, top_b = max(weighted)
    top_b = _closing_cut(feats, keep, free, closing, idx, seg_a, top_b, config)
    top = _topic_cut(feats, keep, free, idx, seg_a, top_b, stop, config, links)
    label = next(
        (j for j in range(top[1] + 1, len(idx)) if closing[idx[j]] in _CLOSING_RULES), len(idx)
    )
    chosen = _side_stretches(feats, keep, idx, segments, seg_a, top, label, stop, config)
    inside = [False] * len(feats)
    for a, b in chosen:
        for j in range(a, b + 1):
            inside[idx[j]] = True
    for i in range(len(feats)):
        if keep[i] and not inside[i]:
            keep[i] = False
    if config.fill_region:
        for a, b in chosen:
            _fill(feats, keep, free, idx[a : b + 1], stop, config, weak, rows)
            # the last paragraph (or subheading and paragraph), a little short of prose
            # (names, figures), right after the text: dropped only because it came last
            # (not after a run of links as long as a gap: see `_pieces`)
            nxt = idx[b + 1 : b + 3]
            if links is not None and any(links[0][i] >= config.topic_gap_lines for i in nxt):
                nxt = []
            if nxt and _closes_text(feats[nxt[0]], config):
                keep[nxt[0]] = free[nxt[0]]
            elif (
                len(nxt) == 2
                and free[nxt[0]]
                and _is_heading(feats[nxt[0]])
                and feats[nxt[0]].n_words <= _SUBHEAD_MAX_WORDS
                and _closes_text(feats[nxt[1]], config)
            ):
                keep[nxt[0]] = keep[nxt[1]] = free[nxt[1]]
    late: dict[int, str] = {}
    for a, b in chosen:
        late.update(dict.fromkeys(_drop_boxes(feats, keep, closing, idx[a : b + 1]), "related"))
        _trim_tail(feats, keep, idx[a : b + 1], late, config)
    return late


def _closes_text(f: LineFeatures, config: CleanConfig) -> bool:
    """A sentence of some length that reads as prose, if thinly: no headline nor list."""
    return (
        f.terminal
        and f.n_words >= _LEAD_MIN_WORDS
        and f.stop >= 0.5 * config.stop_low
        and _sentence_chars(f) > 0
    )


def _topic_cut(
    feats: Sequence[LineFeatures],
    keep: Sequence[bool],
    free: Sequence[bool],
    idx: Sequence[int],
    a: int,
    b: int,
    stop: frozenset[str],
    config: CleanConfig,
    links: tuple[Sequence[int], Sequence[int]] | None = None,
) -> tuple[int, int]:
    """The stretch `idx[a..b]` (first and last positions) once cut where, after a long gap
    (at least `topic_gap_lines` dropped lines: menus, share buttons, a box of links), the
    text shares less than `topic_min_overlap` of the article's vocabulary (up to its core,
    the piece whose sentences run on longest, and the pieces kept after it): the next
    article of a stream, a teaser list, a promotion. A stream of teasers before the core
    goes too (`_teaser_cut`). `links`: see `_main_region`."""
    gaps, stamps = links if links is not None else (None, None)
    pieces = _pieces(feats, keep, idx, a, b, config.topic_gap_lines, gaps)
    if len(pieces) < 2:
        return a, b
    # sentences, not headlines, tell how much text there is
    prose = [sum(_sentence_chars(feats[i]) for i in idx[p : q + 1] if keep[i]) for p, q in pieces]
    running = [_running_prose(feats, keep, free, idx[p : q + 1]) for p, q in pieces]
    core = max(range(len(pieces)), key=lambda k: (running[k], prose[k]))
    # the content stems of each kept line, piece by piece
    piece_stems = [
        [stems(feats[i].tokens, stop) for i in idx[p : q + 1] if keep[i]] for p, q in pieces
    ]
    first = _teaser_cut(piece_stems, core, config)
    if first:
        a = pieces[first][0]
    vocab = {w for lines in piece_stems[first : core + 1] for line in lines for w in line}
    head = sum(prose[first : core + 1])
    # a stream of time-stamped entries ("14:32") after a text without any is a news ticker
    # or a live feed, however long: not the rest of the text
    stamped = _clock_lines(feats, idx, a, pieces[core][1], stamps, first=False) == 0
    for k in range(core + 1, len(pieces)):
        lines = piece_stems[k]
        feed = (
            stamped
            and _clock_lines(feats, idx, pieces[k - 1][1] + 1, pieces[k][1], stamps) >= _FEED_STAMPS
        )
        # unless more text follows than precedes: pieces of one text (a listicle)
        if stem_overlap(lines, vocab) < config.topic_min_overlap and (
            feed or sum(prose[k:]) <= config.topic_tail_share * head
        ):
            return a, pieces[k - 1][1]
        vocab.update(w for line in lines for w in line)
        head += prose[k]
    return a, b


# A teaser: a headline and its summary (and its source), a piece of a few lines.
_TEASER_LINES = 3
_TEASER_RUN = 3


def _teaser_cut(piece_stems: Sequence[Sequence[list[str]]], core: int, config: CleanConfig) -> int:
    """The first piece of the text once a stream of teasers before its core is cut (0: no
    cut): when most of the pieces before the core, and at least `_TEASER_RUN`, are about
    something else (less than `topic_min_overlap` of their words in the text from the core
    on) and most of those are teasers (`_TEASER_LINES` kept lines at most), the text starts
    after the last of them. Sections of one long post are longer than teasers.
    `piece_stems`: each piece's kept lines as content stems."""
    if core < _TEASER_RUN:
        return 0
    vocab = {w for lines in piece_stems[core:] for line in lines for w in line}
    off: list[int] = []
    teasers = 0
    for k in range(core):
        lines = piece_stems[k]
        if stem_overlap(lines, vocab) < config.topic_min_overlap:
            off.append(k)
            teasers += len(lines) <= _TEASER_LINES
    if teasers < _TEASER_RUN or 2 * teasers < len(off) or 2 * len(off) <= core:
        return 0
    return off[-1] + 1


# A line that is only a time of day: the stamp of an entry in a feed or a comment.
_CLOCK = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:uhr|h|[ap]\.?m\.?))?\s*$", re.I)
_CLOCK_CHARS = 12
_FEED_STAMPS = 2


def _clock_lines(
    feats: Sequence[LineFeatures],
    idx: Sequence[int],
    a: int,
    b: int,
    stamps: Sequence[int] | None = None,
    *,
    first: bool = True,
) -> int:
    """How many of the units `idx[a..b]` are a time of day alone, with the time stamps
    among the link lines set aside before them (`stamps`; before `idx[a]` too if `first`).

    >>> from curate.clean.features import line_features
    >>> from curate.clean.stopwords import StopLists
    >>> feats = line_features(["14:32", "Le texte.", "9.05 Uhr", "2014"], StopLists.default())
    >>> _clock_lines(feats, range(4), 0, 3), _clock_lines(feats, range(4), 1, 3, [1, 1, 0, 1])
    (2, 3)
    """
    found = sum(
        1
        for i in idx[a : b + 1]
        if len(feats[i].text) <= _CLOCK_CHARS and _CLOCK.match(feats[i].text)
    )
    if stamps is not None:
        found += sum(stamps[i] for i in idx[a + (0 if first else 1) : b + 1])
    return found


def _pieces(
    feats: Sequence[LineFeatures],
    keep: Sequence[bool],
    idx: Sequence[int],
    a: int,
    b: int,
    gap_lines: int,
    gaps: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """The (first, last) kept positions of `idx[a..b]` between gaps of at least
    `gap_lines` dropped lines (with the runs of at least as many link lines set aside before
    each unit: `gaps`); a line ending with a colon announces what follows a gap."""
    pieces: list[tuple[int, int]] = []
    start = last = -1
    gap = 0
    for j in range(a, b + 1):
        if gaps is not None:
            gap += gaps[idx[j]] if gaps[idx[j]] >= gap_lines else 0
        if keep[idx[j]]:
            intro = last >= 0 and feats[idx[last]].text.rstrip().endswith(":")
            if start < 0 or (gap >= gap_lines and not intro):
                if start >= 0:
                    pieces.append((start, last))
                start = j
            last, gap = j, 0
        else:
            gap += 1
    if start >= 0:
        pieces.append((start, last))
    return pieces


def _running_prose(
    feats: Sequence[LineFeatures], keep: Sequence[bool], free: Sequence[bool], span: Sequence[int]
) -> float:
    """The length of the kept sentences of `span` next to another one (lines an explicit
    rule names, such as captions, aside): an article's paragraphs follow one another, a
    stream's teasers stand between labels."""
    lines = [i for i in span if free[i] or keep[i]]
    chars = [_sentence_chars(feats[i]) if keep[i] else 0.0 for i in lines]
    return sum(
        c
        for k, c in enumerate(chars)
        if c and ((k > 0 and chars[k - 1]) or (k + 1 < len(chars) and chars[k + 1]))
    )


def _sentence_chars(f: LineFeatures) -> float:
    """The length of a line that ends a sentence and does not read as a headline, else 0.

    >>> from curate.clean.features import line_features
    >>> from curate.clean.stopwords import StopLists
    >>> a, b = line_features(["Insert the plant.", "Is He Quitting TV?"], StopLists.default())
    >>> _sentence_chars(a), _sentence_chars(b)
    (17.0, 0.0)
    """
    if not f.terminal or is_title_like(f.text.strip(), f.n_words, f.terminal, _HEADLINE_WORDS):
        return 0.0
    if f.n_words <= 2 and f.length < _LABEL_CHARS:
        return 0.0  # a label with a full stop ("Séisme.", "Update."), not a sentence
    return f.length


_HEADLINE_WORDS = 25
_LABEL_CHARS = 20


def _side_stretches(
    feats: Sequence[LineFeatures],
    keep: Sequence[bool],
    idx: Sequence[int],
    segments: Sequence[tuple[float, int, int]],
    seg_a: int,
    top: tuple[int, int],
    label: int,
    stop: frozenset[str],
    config: CleanConfig,
) -> list[tuple[int, int]]:
    """The article's stretch `top` (cut from the segment that starts at `seg_a`) and the
    other stretches of the article: those before the first closing label after it that
    reach `side_region_share` of its size, or share the vocabulary of these stretches
    (`side_cohesive_overlap`: a lead parted from the body by a chart or a table of
    contents does, a teaser does not).
    Neighbouring stretches with no other kept text between them are joined, so the gap
    between them is filled like any."""
    best = next(total for total, a, _ in segments if a == seg_a)
    stretches = [
        (top if seg_first == seg_a else (seg_first, seg_last), total / best, seg_first)
        for total, seg_first, seg_last in segments
    ]
    # the article's own stretches: the densest, and those nearly as large
    main = [
        (first, last)
        for (first, last), share, seg_first in stretches
        if (seg_first == seg_a or share >= config.side_region_share)
        and (seg_first <= seg_a or seg_first < label)  # not after a closing label
    ]
    vocab: set[str] = set()
    spans: list[tuple[int, int]] = []
    joinable = False  # whether the last span may grow to the next chosen stretch
    for (first, last), share, seg_first in stretches:
        if (first, last) in main:
            ok = True
        elif (
            seg_first == seg_a
            or share >= config.side_region_share
            or share < config.side_cohesive_share
            or (seg_first > seg_a and seg_first >= label)
        ):
            ok = False
        else:
            if not vocab:
                article = [i for a, b in main for i in idx[a : b + 1]]
                vocab = _stems_of(feats, keep, article, stop)
            lines = [stems(feats[i].tokens, stop) for i in idx[first : last + 1] if keep[i]]
            ok = stem_overlap(lines, vocab) >= config.side_cohesive_overlap
        if ok and joinable and not any(keep[i] for i in idx[spans[-1][1] + 1 : first]):
            spans[-1] = (spans[-1][0], last)
        elif ok:
            spans.append((first, last))
        joinable = ok
    return spans


def _stems_of(
    feats: Sequence[LineFeatures], keep: Sequence[bool], span: Sequence[int], stop: frozenset[str]
) -> set[str]:
    """The content stems of the kept lines of `span`."""
    return {w for i in span if keep[i] for w in stems(feats[i].tokens, stop)}


_BIO_MAX_CHARS = 400


def _trim_tail(
    feats: Sequence[LineFeatures],
    keep: Sequence[bool],
    span: Sequence[int],
    late: dict[int, str],
    config: CleanConfig,
) -> None:
    """An article ends with a sentence or a list: short fragments and labels ("Tagged:",
    "Mehr dazu:", a lone heading) and the author's bio kept at the end of the stretch go
    (into `late`, with their rule)."""
    for i in reversed(span):
        if not keep[i] or i in late:
            continue
        f = feats[i]
        if _marker_kind(f.text) is not None:
            return
        if (f.length < config.short_chars and not f.terminal) or (
            f.n_words <= _LABEL_MAX_WORDS and f.text.rstrip().endswith(":")
        ):
            late[i] = "fragment"
        elif f.length <= _BIO_MAX_CHARS and is_author_bio(f.text):
            late[i] = "author"
        else:
            return


def _drop_boxes(
    feats: Sequence[LineFeatures],
    keep: Sequence[bool],
    closing: Sequence[str | None],
    span: Sequence[int],
) -> list[int]:
    """The contents of boxes of other articles inside the article: after a "related"
    label, kept lines until the article resumes with a long paragraph that no ellipsis
    cuts, or a paragraph followed by another sentence (a box's teasers alternate with
    headlines and sources). The caller drops them once the comment thread is found (their
    kept text tells comments apart)."""
    dropped: list[int] = []
    inside = False
    for j, i in enumerate(span):
        if closing[i] in _CLOSING_RULES:
            # a comments label ends the box: the comment thread is judged on its own
            inside = closing[i] in _BOX_RULES
        elif inside and keep[i]:
            f = feats[i]
            nxt = feats[span[j + 1]] if j + 1 < len(span) and keep[span[j + 1]] else None
            if _is_paragraph(f) and (
                (f.length >= _LONG_PARAGRAPH_CHARS and not f.text.rstrip().endswith(_CUTS))
                or (nxt is not None and nxt.terminal and nxt.length >= _PARAGRAPH_CHARS / 2)
            ):
                inside = False
            else:
                dropped.append(i)
    return dropped


def _closing_cut(
    feats: Sequence[LineFeatures],
    keep: Sequence[bool],
    free: Sequence[bool],
    closing: Sequence[str | None],
    idx: Sequence[int],
    a: int,
    b: int,
    config: CleanConfig,
) -> int:
    """The last position of the stretch `idx[a..b]` once cut at its first closing label
    that is followed by less kept text than `label_min_chars` and than `label_share` of the
    kept text before it (a mid-article "Related" box is followed by the rest of the article);
    after a share bar, also by no running prose (a promotion's lines, not paragraphs).
    """
    total = sum(feats[idx[j]].length for j in range(a, b + 1) if keep[idx[j]])
    before = 0.0
    for j in range(a, b + 1):
        i = idx[j]
        if keep[i]:
            before += feats[i].length
        elif closing[i] and closing[i] not in _BOX_RULES:  # boxes of articles: `_drop_boxes`
            # a comment count also heads articles ("12 Comments"): only little text ends it
            share = 0.0 if closing[i] == "comments" else config.label_share
            if total - before < max(config.label_min_chars, share * before) and (
                closing[i] != "share" or not _running_prose(feats, keep, free, idx[j : b + 1])
            ):
                return j - 1
    return b


def _is_paragraph(f: LineFeatures) -> bool:
    """A paragraph of some length that ends a sentence."""
    return f.terminal and f.length >= _PARAGRAPH_CHARS


_PARAGRAPH_CHARS = 120
# A paragraph this long is the article's, unless cut short like a teaser's excerpt.
_LONG_PARAGRAPH_CHARS = 400
_CUTS = ("…", "...", "[…]", "[...]")


# Explicit rules that a line of code can trip ("a / b" reads as a breadcrumb).
_WEAK_RULES = frozenset({"breadcrumb", "menu", "date"})

# A list item's marker: a bullet sign, or a number or letter with "." or ")".
_MARKER = re.compile(r"^\s*([-–—•*+·▪►✓✔→]|\(?\d{1,3}[.)]|[a-z][.)])\s+\S")


_MARK_SIGNS = frozenset("-–—•*+·▪►✓✔→(")


def _marker_kind(text: str) -> str | None:
    """The list marker of a line: the sign itself, "1." for numbers, "a." for letters.

    >>> _marker_kind("+ Added Slime Block"), _marker_kind("12) Zwölf"), _marker_kind("Text")
    ('+', '1.', None)
    """
    head = text.lstrip()[:2]
    if not head or not (head[0] in _MARK_SIGNS or head[0].isdigit() or head[-1] in ".)"):
        return None  # most lines: no regex needed
    m = _MARKER.match(text)
    if m is None:
        return None
    sign = m.group(1)
    if sign[-1] in ".)":
        return "1." if any(c.isdigit() for c in sign) else "a."
    return sign


def _extend_lists(feats: Sequence[LineFeatures], keep: list[bool], free: Sequence[bool]) -> None:
    """Items of a list share its fate: a kept item keeps the neighbouring items that carry
    the same marker (blank lines between them allowed), so short items of a list in the
    article do not fall out as fragments."""
    n = len(feats)
    kinds: list[str | None] = [None] * n
    for i, f in enumerate(feats):
        head = f.text[:2]
        if free[i] and head and (head[0] in _MARK_SIGNS or head[0].isdigit() or head[-1] in ".) "):
            kinds[i] = _marker_kind(f.text)
    i = 0
    while i < n:
        kind = kinds[i]
        if kind is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and (kinds[j] == kind or (not feats[j].text.strip() and j + 1 < n)):
            if kinds[j] == kind:
                run.append(j)
            j += 1
        if len(run) >= 2 and any(keep[k] for k in run):
            for k in run:
                keep[k] = True
        i = run[-1] + 1


# Lines that may stand between a headline, its lead paragraph and the article body.
_HEAD_RULES = frozenset(
    {"blank", "date", "byline", "caption", "share", "follow", "menu", "breadcrumb", "ad"}
)
_LEAD_MIN_WORDS = 10
_SUBHEAD_MAX_WORDS = 12
# Date, byline, caption or button lines that may part a lead from its headline.
_HEADLINE_GAP = 3


def _recover_lead(
    feats: Sequence[LineFeatures],
    keep: list[bool],
    rules: Sequence[str | None],
    low: float,
    config: CleanConfig,
) -> list[int]:
    """Keep the lead paragraph (standfirst) printed between the headline and the body.

    Dates, bylines, captions and share buttons often part the lead from the body, and the
    lead alone does not pay for the gap. It is taken back when it reads as prose, sits
    within `lead_window` lines before the first kept line with only such lines (or short
    subheadings) in between, and follows a headline (a short free line, skipping dates,
    bylines, captions and buttons) or opens the page.
    """
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None:
        return []
    leads: list[int] = []
    seen = 0
    i = first - 1
    while i >= 0 and seen < config.lead_window:
        f = feats[i]
        if rules[i] != "blank":
            seen += 1
            if rules[i] is None and _reads_as_lead(f, low):
                leads.append(i)
            elif not (
                rules[i] in _HEAD_RULES or (rules[i] is None and f.n_words <= _SUBHEAD_MAX_WORDS)
            ):
                break
        i -= 1
    if not leads or not _after_headline(feats, rules, leads[-1]):
        return []
    for k in leads:
        keep[k] = True
    return leads


def _reads_as_lead(f: LineFeatures, low: float) -> bool:
    return f.n_words >= _LEAD_MIN_WORDS and f.stop >= 0.5 * low and (f.terminal or f.length >= 100)


def _after_headline(feats: Sequence[LineFeatures], rules: Sequence[str | None], i: int) -> bool:
    """Whether unit `i` follows a headline-like free line (up to `_HEADLINE_GAP` date,
    byline, caption or button lines apart, blank lines aside), or no free line at all.

    >>> from curate.clean.features import line_features
    >>> from curate.clean.stopwords import StopLists
    >>> lines = ["Un titre court ici", "12/03/2024 10:45", "Partager", "Tweeter", "Le chapô."]
    >>> feats = line_features(lines, StopLists.default())
    >>> _after_headline(feats, [None, "date", "share", "share", None], 4)
    True
    >>> _after_headline(feats, [None, "comments", "share", "share", None], 4)
    False
    """
    skipped = 0
    for j in range(i - 1, -1, -1):
        rule = rules[j]
        if rule == "blank":
            continue
        if rule in _HEAD_RULES or rule == "title":
            skipped += 1
            if skipped > _HEADLINE_GAP:
                break
            continue
        if rule is not None:
            return False
        return _is_heading(feats[j]) and not feats[j].terminal
    return all(r is not None for r in rules[:i])


# Rules whose short lines label a block that closes the article (other articles, the
# comments, the author's bio).
_CLOSING_RULES = frozenset({"related", "comments", "author"})
# ... and those that end it only when little text follows (`_closing_cut`): a share bar
# ("Share this article:") heads an article as often as it ends one.
_ENDING_RULES = _CLOSING_RULES | {"share"}
# Of which these open a box of other articles (see `_drop_boxes`).
_BOX_RULES = frozenset({"related"})
_LABEL_MAX_WORDS = 10
# Words a label may add after its phrase ("Mehr zum Thema Gesundheit"), more when it ends
# with a colon; "Lire aussi : <a headline>" is a link, not a label.
_LABEL_EXTRA_WORDS = 3
_LABEL_EXTRA_COLON = 6


# "See also" heads a section of a reference article (a list of its related entries), which
# the article's own text often follows: a related-rule label that never closes it.
_SECTION_LABELS = frozenset(
    {
        ("see", "also"),
        ("siehe", "auch"),
        ("voir", "aussi"),
        ("ver", "también"),
        ("vedi", "anche"),
        ("veja", "também"),
        ("zie", "ook"),
        ("см", "также"),
    }
)


def _is_closing_label(f: LineFeatures, rule: str | None, lexicon: Lexicon) -> bool:
    """A short line that an explicit rule names as the label of a closing block."""
    if rule not in _ENDING_RULES or not 0 < f.n_words <= _LABEL_MAX_WORDS:
        return False
    if tuple(f.tokens[:2]) in _SECTION_LABELS:
        return False
    extra = lexicon.words_after_phrase(f.tokens)
    return extra <= (_LABEL_EXTRA_COLON if f.text.rstrip().endswith(":") else _LABEL_EXTRA_WORDS)


# At most one line in this many of a filled run may be `weak`, and its lines hold this
# many words on average (`_fill`).
_WEAK_SHARE = 10
_RUN_WORDS = 2


def _fill(
    feats: Sequence[LineFeatures],
    keep: list[bool],
    free: Sequence[bool],
    span: Sequence[int],
    stop: frozenset[str],
    config: CleanConfig,
    weak: Sequence[bool],
    rows: Sequence[bool],
) -> None:
    """Inside the article, keep runs of dropped lines that continue it: short runs
    (headings, a list item), runs sharing the body's vocabulary (lists, tables), code
    blocks (runs where at least `fill_code_share` of the lines carry code symbols), tables
    (runs of which half are `rows` of several lines) and lists (runs whose lines carry the
    same marker); lines that only look like a breadcrumb
    or a menu (`weak`) may sit inside the last two, and a few inside a long run of text
    sharing the body's vocabulary."""
    vocab: set[str] | None = None  # built on first need, from the body before filling
    body = [i for i in span if keep[i]]
    run: list[int] = []
    for i in [*span, -1]:
        if i >= 0 and not keep[i]:
            run.append(i)
            continue
        if run and all(free[k] or weak[k] for k in run):
            code = sum(looks_like_code(feats[k].text) for k in run)
            kinds = {_marker_kind(feats[k].text) for k in run}
            table = sum(rows[k] for k in run)
            if (
                (code >= config.fill_code_share * len(run) and len(run) > config.fill_max_run)
                or (len(run) >= 2 and None not in kinds and len(kinds) == 1)  # the article's list
                or table >= max(2, len(run) / 2)  # the article's table
            ):
                for k in run:
                    keep[k] = True
            elif all(free[k] for k in run) or (
                # a long run of text in the body's words: a few lines that only look like a
                # breadcrumb or a menu ("<html>", "a / b") are the article's too (a chart's
                # labels, single words and numbers, are not text)
                len(run) > config.fill_max_run
                and sum(weak[k] for k in run) * _WEAK_SHARE <= len(run)
                and sum(feats[k].n_words for k in run) >= _RUN_WORDS * len(run)
            ):
                if len(run) > config.fill_max_run and vocab is None:
                    vocab = {w for i in body for w in stems(feats[i].tokens, stop)}
                if (
                    len(run) <= config.fill_max_run
                    or stem_overlap([stems(feats[k].tokens, stop) for k in run], vocab or set())
                    >= config.fill_min_overlap
                ):
                    for k in run:
                        keep[k] = True
        run = []


def _max_segments(scores: Sequence[float]) -> list[tuple[float, int, int]]:
    """Positive-sum segments that Kadane's scan finds, each (sum, first, last)."""
    out: list[tuple[float, int, int]] = []
    best = 0.0
    best_span = (0, -1)
    run = 0.0
    start = 0
    for i, s in enumerate(scores):
        if run <= 0:
            if best > 0:
                out.append((best, *best_span))
            run, start, best = 0.0, i, 0.0
        run += s
        if run > best:
            best, best_span = run, (start, i)
    if best > 0:
        out.append((best, *best_span))
    return out


def _drop_headline_runs(
    feats: Sequence[LineFeatures],
    rules: list[str | None],
    keep: list[bool],
    classes: Sequence[Cls],
    stop: frozenset[str],
    config: CleanConfig,
    leads: AbstractSet[int] = frozenset(),
) -> None:
    """Drop runs of title-like lines with little word overlap with the body."""
    n = len(feats)
    top = config.headline_max_words
    # candidates by a cheap test first; only stretches holding a kept line can be judged
    cand = [rules[i] is None and i not in leads and 2 <= feats[i].n_words <= top for i in range(n)]
    titleish = [False] * n
    i = 0
    while i < n:
        if not cand[i]:
            i += 1
            continue
        j = i
        while j < n and (cand[j] or rules[j] in ("blank", "date")):
            j += 1
        if any(keep[i:j]):
            for k in range(i, j):
                titleish[k] = cand[k] and _is_headline(feats[k], top)
        i = j
    cache: dict[int, list[str]] = {}
    i = 0
    while i < n:
        if not titleish[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and (titleish[j] or rules[j] in ("blank", "date")):
            if titleish[j]:
                run.append(j)
            j += 1
        if len(run) >= config.headline_min_run and any(keep[k] for k in run):
            _judge_run(feats, rules, keep, classes, stop, config, run, cache)
        i = j


def _is_headline(f: LineFeatures, top: int) -> bool:
    """Title-like, and neither a formula, code nor a web address."""
    return (
        is_title_like(f.text.strip(), f.n_words, f.terminal, top)
        and CODE_STRICT.search(f.text) is None
        and "://" not in f.text
    )


def _judge_run(
    feats: Sequence[LineFeatures],
    rules: list[str | None],
    keep: list[bool],
    classes: Sequence[Cls],
    stop: frozenset[str],
    config: CleanConfig,
    run: list[int],
    cache: dict[int, list[str]],
) -> None:
    def stems_of(k: int) -> list[str]:
        found = cache.get(k)
        if found is None:
            found = cache[k] = stems(feats[k].tokens, stop)
        return found

    inside = set(run)
    vocab = {
        w
        for k in range(len(feats))
        if keep[k] and k not in inside and classes[k] in (Cls.GOOD, Cls.NEARGOOD)
        for w in stems_of(k)
    }
    label = _previous_rule(rules, run[0])
    share = stem_overlap([stems_of(k) for k in run], vocab)
    before = any(keep[k] for k in range(run[0]))
    after = any(keep[k] for k in range(run[-1] + 1, len(feats)))
    limit = (
        config.headline_max_overlap if not (before and after) else config.headline_max_overlap / 2
    )
    if label not in _LIST_LABELS and _hugged(feats, rules, keep, run[0], run[-1]):
        return  # a list the article's paragraphs enclose, line against line: its own list
    if label in _LIST_LABELS or (vocab and share < limit):
        for k in run:
            keep[k] = False
            rules[k] = "headline-list"


def _hugged(
    feats: Sequence[LineFeatures],
    rules: Sequence[str | None],
    keep: Sequence[bool],
    first: int,
    last: int,
) -> bool:
    """Whether kept lines enclose `first`..`last` (blank lines aside): an introduction
    ending with a colon before, or paragraphs on both sides."""
    i = first - 1
    while i >= 0 and rules[i] == "blank":
        i -= 1
    j = last + 1
    while j < len(rules) and rules[j] == "blank":
        j += 1
    if i < 0 or j >= len(rules) or not (keep[i] and keep[j]):
        return False
    intro = feats[i].text.rstrip().endswith(":")  # "The update adds:"
    if feats[i].lang in _CJK_LANGS:
        # CJK prose often goes without a final stop: a line as long as a short sentence
        return intro or min(feats[i].length, feats[j].length) >= _PARAGRAPH_CHARS / 2
    return intro or (_is_paragraph(feats[i]) and _is_paragraph(feats[j]))


_CJK_LANGS = frozenset({"zh", "ja"})


def _previous_rule(rules: Sequence[str | None], i: int) -> str | None:
    j = i - 1
    while j >= 0 and rules[j] == "blank":
        j -= 1
    return rules[j] if j >= 0 else None


def _mark_header(
    feats: Sequence[LineFeatures],
    rules: list[str | None],
    keep: list[bool],
    disabled: frozenset[str],
) -> None:
    """Name the page title at the head: the last title-like line before the body starts,
    or the first kept line when a byline or date line separates it from the body."""
    if "title" in disabled:
        return
    first_body = next((i for i, k in enumerate(keep) if k), len(keep))
    if first_body < len(keep) and _is_heading(feats[first_body]):
        j = first_body + 1
        header = False
        while j < len(keep) and not keep[j]:
            header = header or rules[j] in ("date", "byline")
            j += 1
        if header:
            keep[first_body] = False
            rules[first_body] = "title"
            return
    for i in range(first_body - 1, -1, -1):
        if rules[i] in ("blank", "date", "byline"):
            continue
        if rules[i] is None and _is_heading(feats[i]):
            rules[i] = "title"
        return


def _is_heading(f: LineFeatures) -> bool:
    """2 to 40 words without a final full stop (`.` or `。`), and not two sentences."""
    text = f.text.strip()
    return 2 <= f.n_words <= 40 and not text.endswith((".", "。")) and not _SENTENCES.search(text)


# a sentence end followed by another sentence: "… Freuden. Unlängst …", "…した。1年版…"
_SENTENCES = re.compile(r"\w{2}[.!?]\s+[A-ZÀ-ÖØ-ÞА-Я]\w|[。！？]\s*\w")


def _context_rule(f: LineFeatures, cls: Cls) -> str:
    if cls == Cls.SHORT:
        return "menu" if f.n_words <= 3 or f.stop == 0 else "short"
    if cls == Cls.BAD:
        return "non-prose"
    return "off-body"
