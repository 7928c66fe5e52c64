"""Title choice and clean-up: never a breadcrumb, the site name, or the first body sentence.

The title is the best-scored line among the 50 above the article's start (and its first
lines): `shape_score` (nearness, length, capital, no sentence, label, list or arrow shape)
plus `evidence_score` (content words shared with the body, and found there twice, a date or
byline line just below, no date inside), plus where else the line shows on the page
(`_Repeats`: alone again near the header or quoted in a longer line adds, shown twice with
its neighbours, as menus are, takes away). A kept line pays a malus, a line the cleaner
marked `title` (the last heading-like line above the body) gets a small bonus, and a line
much longer than a headline just above it is that headline's deck. A page's declared title
(HTML `og:title`/`<title>`, a record field), cleaned of its site name, adds to the line
that repeats it, and stands in when no line scores well enough.

>>> clean_title("Hello world | Example News", domain="example-news.com")
'Hello world'
>>> is_breadcrumb("Page d'accueil > Informations récentes")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from curate.clean.stopwords import StopLists
from curate.clean.types import LineDecision
from curate.meta.dates import find_dates, looks_like_date_line
from curate.meta.layout import PageLayout, page_layout

_SITE_SEPARATORS = re.compile(r"\s(?:\||-|–|—|::|·|•|»|«|/|:)\s|:\s")
_ALNUM = re.compile(r"[^\w]+")
MAX_TITLE_WORDS = 40
MAX_TITLE_CHARS = 300
_LIST_SPLIT = re.compile(r",|\s[-–—|·]\s")
_CRUMB_SPLIT = re.compile(r"\s[>»›/|]\s|\s›\s?|»")


def _squash(text: str) -> str:
    return _ALNUM.sub("", text.lower())


@lru_cache(maxsize=16384)
def is_breadcrumb(line: str) -> bool:
    """A navigation trail: short parts joined by `>`, `»`, `›`, `/` or `|`; not a quote in
    guillemets (`»Wir gehen«`, `« Non »`), nor a question with an alternative (`A / B?`).

    >>> is_breadcrumb("»Wir bleiben hier«"), is_breadcrumb("Kaufen / mieten?")
    (False, False)
    """
    if "«" in line and "»" in line:
        line = line.replace("«", '"').replace("»", '"')
    parts = [p for p in _CRUMB_SPLIT.split(line) if p.strip()]
    if len(parts) < 2 or (len(parts) == 2 and line.endswith(("?", "!"))):
        return False
    return all(len(p.split()) <= 6 for p in parts)


def is_tag_list(line: str) -> bool:
    """Three or more short items separated by commas, dashes or bars: a tag, category or
    menu list.

    >>> is_tag_list("Politik, Wirtschaft, Kultur"), is_tag_list("Rain, wind and snow")
    (True, False)
    >>> is_tag_list("Home - Products - Contact")
    True
    """
    parts = _LIST_SPLIT.split(line)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts)


@lru_cache(maxsize=256)
def _domain_names(domain: str) -> tuple[str, str]:
    """The squashed main label and whole name of a domain."""
    return _squash(domain.split(".")[-2] if domain.count(".") >= 1 else domain), _squash(domain)


def is_site_name(text: str, domain: str | None) -> bool:
    """True when `text` is the domain's name (`Le Monde` for lemonde.fr)."""
    if not domain:
        return False
    squashed = _squash(text)
    if not squashed:
        return False
    label, full = _domain_names(domain)
    return squashed in (label, full) or (len(squashed) >= 4 and squashed in full)


def clean_title(
    title: str | None, *, domain: str | None = None, lines: Sequence[str] = ()
) -> str | None:
    """Strip a site-name part from an HTML/feed title; prefer a header line it contains."""
    if not title:
        return None
    title = " ".join(title.split())
    if not title:
        return None
    for line in lines:
        # the page's own headline inside "<title>Headline - Site</title>"
        if len(line) >= 10 and line != title and line in title:
            return line
    parts = _SITE_SEPARATORS.split(title)
    if len(parts) >= 2:
        if is_site_name(parts[-1], domain):
            return _join_left(title)
        if is_site_name(parts[0], domain):
            return _join_right(title)
    return title


def _join_left(title: str) -> str:
    """Title without its last ` - Site` part."""
    last = list(_SITE_SEPARATORS.finditer(title))[-1]
    return title[: last.start()].strip()


def _join_right(title: str) -> str:
    """Title without its first `Site | ` part."""
    first = next(_SITE_SEPARATORS.finditer(title))
    return title[first.end() :].strip()


def acceptable_title(line: str, *, domain: str | None, first_body: str | None) -> bool:
    """Not empty, not too long, not a breadcrumb, not the site name, not a body sentence.

    >>> acceptable_title("Le sommet a ouvert.", domain=None, first_body="Le sommet a ouvert. Il")
    False
    """
    if not line or line.count(" ") >= MAX_TITLE_WORDS:
        return False
    if is_breadcrumb(line) or is_site_name(line, domain):
        return False
    if first_body and first_body.startswith(line):
        # the opening of the first paragraph, or a whole one-sentence paragraph
        return line == first_body and _SENTENCE_END.search(line) is None
    return True


# Rules of lines that are never the title.
_NOT_TITLE_RULES = frozenset(
    {
        "date",
        "byline",
        "share",
        "cookie",
        "breadcrumb",
        "footer",
        "caption",
        "comments",
        "copyright",
        "blank",
        "template",
        "bracket-links",
        "newsletter",
        "follow",
        "separator-menu",
    }
)
# Rules of the lines that, just below a headline, mark it as the title.
_META_RULES = frozenset({"date", "byline"})
# letters with their combining marks (`regex` counts marks as word characters)
_WORD_RE = regex.compile(r"[^\W\d_]{4,}")
_DIGIT_RE = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# a full stop or semicolon, maybe followed by quotes, brackets or an emoji
_SENTENCE_END = re.compile(r"(?<!\.[A-Z])[.;][^\w]*$")  # not an initialism: "N.Y.C."
# a previous/next link (an arrow at either end) or a list item (a bullet, then a space)
_ARROWS = r"(?:[←→↑↓⇐⇒◄►◀▶‹›]|<<|>>)"
_NAV_MARK = re.compile(rf"^\s*(?:{_ARROWS}|[*•·+–-]\s)|{_ARROWS}\s*$")
# a sentence end inside a line: two sentences are a paragraph, not a headline
_INNER_STOP = re.compile(r"[.!?]\s+\w|[。！？]")
_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp4)\b", re.IGNORECASE)

# Lines searched above the body's first kept line.
TITLE_WINDOW = 50
MIN_TITLE_SCORE = 2.5
# That line may be a long headline kept for its length: scored as a line this far above.
ANCHOR_DISTANCE = 8
MAX_HEADLINE_WORDS = 30
# Shape: a lower-case start (a label: "in Sports", "by ..."), a kept line (most often
# body), the cleaner's `title` rule, a deck at least `DECK_EXTRA` words longer than the
# headline-shaped line just above it.
LOWER_MALUS = 0.5
KEPT_MALUS = 1.0
TITLE_RULE_BONUS = 0.5
DECK_MALUS = 1.0
DECK_EXTRA = 4
# Evidence: content words found in the body's first `VOCAB_CHARS` characters, found there
# twice, a date or byline line just below (not when one is also just above: a byline
# block or a dated list), words besides a full date that make a headline, not a dateline.
VOCAB_CHARS = 5000
SHARE_WEIGHT = 2.5
TWICE_WEIGHT = 1.0
META_BONUS = 1.5
META_ABOVE = 3
DATELINE_WORDS = 8
# Repeats: alone again near the header, quoted in a longer line, a menu shown twice; the
# page's first `REPEAT_LINES` lines are searched.
REPEAT_LINES = 5000
REPEAT_BONUS = 0.5
QUOTED_BONUS = 1.0
BLOCK_MALUS = 2.0
# The most `evidence_score` adds, and the most the repeats add.
MAX_EVIDENCE = SHARE_WEIGHT + TWICE_WEIGHT + META_BONUS
MAX_REPEAT = max(REPEAT_BONUS, QUOTED_BONUS)


def _haystack(text: str, chars: int) -> str:
    """The body's first `chars` characters, lower-case, for word look-ups."""
    return text[:chars].lower()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Function words of every packaged language: they say nothing of a line's topic."""
    lists = StopLists.default()
    return frozenset(w for lang in lists.languages() for w in lists.words(lang))


def title_score(line: str, distance: int | None, body: str, *, meta_below: bool = False) -> float:
    """How much a header line reads as this article's title: `shape_score` plus
    `evidence_score`.

    >>> title_score("Huawei renforce sa présence", 1, "huawei renforce sa présence")
    5.5
    """
    return round(shape_score(line, distance) + evidence_score(line, body, meta_below=meta_below), 3)


def shape_score(line: str, distance: int | None) -> float:
    """The cheap part of `title_score`: nearness above the body (`distance` in non-blank
    lines, None below its start), a headline's length and capital, no sentence or label
    ending, no separators, no list or arrow shape, no lower-case start.

    >>> shape_score("Huawei renforce sa présence", 1), shape_score("Suche nach:", 1)
    (3.0, 0.0)
    >>> shape_score("← Previous post", 1), shape_score("in Sports, Tennis, Golf", 1)
    (0.5, 0.0)
    """
    score = _line_shape(line)
    if distance is not None:
        score += 1.5 if distance <= 2 else 1.0 if distance <= 7 else 0.5 if distance <= 19 else 0.0
    return score


@lru_cache(maxsize=16384)
def _line_shape(line: str) -> float:
    """The part of `shape_score` that depends on the line alone (cached: template lines
    recur from page to page)."""
    n = line.count(" ") + 1
    score = 0.0
    if 3 <= n <= 25:
        score += 1.0
    elif n > 30:
        score -= 2.0
    if _SENTENCE_END.search(line) or line.endswith(":"):
        score -= 2.0
    if "|" in line or " » " in line or " · " in line:
        score -= 1.5
    if is_tag_list(line) or _NAV_MARK.search(line):
        score -= 2.0
    if line[:1].isupper():
        score += 0.5
    elif line[:1].islower():
        score -= LOWER_MALUS
    return score


def evidence_score(line: str, body: str, *, meta_below: bool) -> float:
    """The costlier part of `title_score`, at most `MAX_EVIDENCE`: content words shared with
    the body (function words say nothing), and found there twice (the article's topic, not
    a passing mention), a date or byline line just below (`meta_below`), and no full date
    inside (a dateline is no headline).

    >>> evidence_score("Huawei renforce sa présence", "huawei renforce sa présence",
    ...                meta_below=True)
    4.0
    """
    content = _content_words(line)
    weight = _weight(content)
    once, twice = _shares(content, body)
    score = (SHARE_WEIGHT * once + TWICE_WEIGHT * twice) * weight
    if meta_below:
        score += META_BONUS
    if _is_dateline(line):
        score -= 2.0
    return score


def _weight(content: frozenset[str]) -> float:
    """How much the shared words count: fully from three content words up."""
    return min(1.0, len(content) / 3)


def _bound(cheap: float, line: str, meta_below: bool) -> float:
    """The most a line of cheap score `cheap` can score: every content word found twice in
    the body, and the larger repeat bonus.

    >>> _bound(3.0, "Huawei renforce sa présence", meta_below=True)
    9.0
    """
    evidence = (SHARE_WEIGHT + TWICE_WEIGHT) * _weight(_content_words(line))
    if meta_below:
        evidence += META_BONUS
    return round(cheap + evidence + MAX_REPEAT, 3)


@lru_cache(maxsize=16384)
def _content_words(line: str) -> frozenset[str]:
    """The line's lower-case words of four letters or more, function words left out."""
    return frozenset(_WORD_RE.findall(line.lower())) - _stop_words()


def _shares(words: frozenset[str], text: str) -> tuple[float, float]:
    """The shares of `words` found in `text` at least once, and at least twice (apart).

    >>> _shares({"alpha", "beta"}, "alpha beta alpha")
    (1.0, 0.5)
    """
    if not words or not text:
        return 0.0, 0.0
    once = twice = 0
    for word in words:
        first = text.find(word)
        if first >= 0:
            once += 1
            twice += text.find(word, first + len(word)) >= 0
    return once / len(words), twice / len(words)


def _headline_shaped(line: str) -> bool:
    """A kept line that may be a long headline: one clause of at most `MAX_HEADLINE_WORDS`
    words with no sentence end (the article's first line, kept for its length)."""
    if line.count(" ") >= MAX_HEADLINE_WORDS or _INNER_STOP.search(line):
        return False
    return _SENTENCE_END.search(line) is None and not line.endswith((":", "…"))


def _is_dateline(line: str) -> bool:
    """True when `line` holds a full date and few other words (a dateline or byline; a
    headline may name a day).

    >>> _is_dateline("Publié le 12 mai 2023 par Jean Dupont"), _is_dateline("Bilan 2023")
    (True, False)
    """
    if _DIGIT_RE.search(line) is None:
        return False
    found = [m for m in find_dates(line, partial=False, with_time=False) if m.value.day]
    if not found:
        return False
    rest = line
    for match in reversed(found):
        rest = rest[: match.start] + rest[match.end :]
    return sum(1 for word in rest.split() if _LETTER.search(word)) < DATELINE_WORDS


def _meta_above(decisions: Sequence[LineDecision], index: int, low: int) -> bool:
    """True when a date or byline line is among the `META_ABOVE` lines above `index`."""
    start = max(low, index - META_ABOVE)
    return any(decisions[above].rule in _META_RULES for above in range(start, index))


def _meta_below(decisions: Sequence[LineDecision], index: int, memo: dict[int, bool]) -> bool:
    """True when one of the two non-blank lines below `index` is a date or byline line
    (`memo` keeps each line's verdict)."""
    found = 0
    for below in range(index + 1, min(len(decisions), index + 5)):
        decision = decisions[below]
        if not decision.text.strip():
            continue
        if below not in memo:
            memo[below] = decision.rule in _META_RULES or looks_like_date_line(decision.text)
        if memo[below]:
            return True
        found += 1
        if found == 2:
            break
    return False


class _Repeats:
    """Where else a line shows on the page: a title is often repeated alone near the header
    (a breadcrumb's end, a share box) or quoted inside a longer line (a trail, a teaser); a
    menu shown twice (at the top and the foot) repeats with its neighbours."""

    def __init__(self, texts: Sequence[str], start: int, stop: int) -> None:
        self.texts = texts[:REPEAT_LINES]
        self.page = "\n".join(self.texts)
        self.start, self.stop = start, stop

    def _neighbour(self, index: int, step: int) -> str | None:
        """The first non-blank line from `index` in direction `step`."""
        index += step
        while 0 <= index < len(self.texts):
            if self.texts[index]:
                return self.texts[index]
            index += step
        return None

    def _shared(self, mine: tuple[str | None, str | None], other: int) -> int:
        """How many of a line's neighbours (`mine`: above, below) are also those of its copy
        at `other`."""
        above, below = mine
        return (above is not None and above == self._neighbour(other, -1)) + (
            below is not None and below == self._neighbour(other, 1)
        )

    def _others(self, line: str, index: int, copies: int) -> list[int]:
        """The indices of the `copies` lines equal to `line`, but `index`."""
        found: list[int] = []
        at = -1
        for _ in range(copies):
            at = self.texts.index(line, at + 1)
            if at != index:
                found.append(at)
        return found

    def score(self, index: int, line: str) -> float:
        """`-BLOCK_MALUS` for a menu line shown twice, `REPEAT_BONUS` for a line repeated
        alone near the header, `QUOTED_BONUS` for one quoted in a longer line, else 0."""
        copies = self.texts.count(line)
        if copies < 2:
            quoted = line.count(" ") >= 2 and self.page.count(line) > 1
            return QUOTED_BONUS if quoted else 0.0
        others = self._others(line, index, copies)
        near = [other for other in others if self.start <= other < self.stop]
        mine = (self._neighbour(index, -1), self._neighbour(index, 1))
        shared = {other: self._shared(mine, other) for other in others}
        # both neighbours again, or one again far away: a menu (repeated at the page's foot)
        if any(n == 2 or (n and other not in near) for other, n in shared.items()):
            return -BLOCK_MALUS
        if line.count(" ") < 2:
            return 0.0
        if near:
            return REPEAT_BONUS if not any(shared[other] for other in near) else 0.0
        return QUOTED_BONUS if self.page.count(line) > copies else 0.0


def choose_title(
    decisions: Sequence[LineDecision],
    body: Sequence[str],
    *,
    hint: str | None = None,
    domain: str | None = None,
) -> str | None:
    """The best title among the lines above the body, else the cleaned hint.

    >>> L = LineDecision
    >>> lines = [L("Menu", False, "menu"),
    ...          L("Huawei renforce sa présence au Royaume-Uni", False, "short"),
    ...          L("Huawei a annoncé renforcer sa présence au Royaume-Uni.", True, "body")]
    >>> choose_title(lines, ["Huawei a annoncé renforcer sa présence au Royaume-Uni."])
    'Huawei renforce sa présence au Royaume-Uni'
    """
    return find_title(decisions, body, hint=hint, domain=domain)[0]


def _cheap_score(
    decisions: Sequence[LineDecision],
    index: int,
    line: str,
    distance: int | None,
    hint_key: str | None,
) -> float | None:
    """`shape_score` of a candidate line (`line`: its stripped text), with the kept-line
    malus, the cleaner's `title` rule, the deck malus and the hint's bonus; None for a line
    that cannot be the title."""
    decision = decisions[index]
    if decision.rule in _NOT_TITLE_RULES or len(line) > MAX_TITLE_CHARS:
        return None
    if (decision.keep and _SENTENCE_END.search(line)) or _FILE_RE.search(line) or "©" in line:
        return None
    cheap = shape_score(line, distance)
    if decision.keep:
        cheap -= KEPT_MALUS
    if decision.rule == "title":
        cheap += TITLE_RULE_BONUS
    if _under_headline(decisions, index):
        cheap -= DECK_MALUS
    if hint_key and _squash(line) == hint_key:
        cheap += 3.0
    return cheap


def _under_headline(decisions: Sequence[LineDecision], index: int) -> bool:
    """True when the line just above is headline-shaped and more than `DECK_EXTRA` words
    shorter: this one is then most often its standfirst (deck), not a kicker's headline."""
    words = decisions[index].text.count(" ")
    if words - DECK_EXTRA <= 3:
        return False  # too short to be a deck under a headline of three spaces or more
    for above in range(index - 1, max(-1, index - 4), -1):
        decision = decisions[above]
        text = decision.text.strip()
        if text:
            return (
                decision.rule not in _NOT_TITLE_RULES
                and 3 <= text.count(" ") < words - DECK_EXTRA
                and not text.endswith(":")
                and "|" not in text
                and _SENTENCE_END.search(text) is None
            )
    return False


def find_title(
    decisions: Sequence[LineDecision],
    body: Sequence[str],
    *,
    hint: str | None = None,
    domain: str | None = None,
    body_text: str | None = None,
    layout: PageLayout | None = None,
    body_lower: str | None = None,
) -> tuple[str | None, int | None]:
    """`choose_title`, with the index of the chosen line (None for the hint or no title);
    `body_text`, `body_lower` and `layout`, when given, are `body` joined by newlines, the
    same lower-cased and the decisions' `page_layout`."""
    first_body = body[0] if body else None
    if layout is None:
        layout = page_layout(decisions)
    texts = layout.texts
    first = layout.start
    low = max(0, first - TITLE_WINDOW)
    high = min(len(decisions), first + 6)
    hint_key: str | None = None
    cleaned_hint: str | None = None
    if hint:
        header_lines = texts[low:first]
        cleaned_hint = clean_title(hint, domain=domain, lines=header_lines)
        hint_key = _squash(cleaned_hint) if cleaned_hint else None
    # cheap scores first; the costly evidence only for lines that can still win
    shaped: list[tuple[float, int, str]] = []
    # above the article's start, walking up: `distance` counts the non-blank lines between
    distance = 0
    for index in range(first - 1, low - 1, -1):
        line = texts[index]
        if not line:
            continue
        cheap = _cheap_score(decisions, index, line, distance, hint_key)
        if cheap is not None:
            shaped.append((cheap, index, line))
        distance += 1
    # the article's first lines
    for index in range(first, high):
        line = texts[index]
        if line and (not decisions[index].keep or (index == first and _headline_shaped(line))):
            near = ANCHOR_DISTANCE if index == first else None
            cheap = _cheap_score(decisions, index, line, near, hint_key)
            if cheap is not None:
                shaped.append((cheap, index, line))
    shaped.sort(key=lambda c: -c[0])
    best: tuple[float, str, int] | None = None
    haystack: str | None = None
    repeats: _Repeats | None = None
    meta_lines: dict[int, bool] = {}
    for cheap, index, line in shaped:
        if best is not None and cheap + MAX_EVIDENCE + MAX_REPEAT < best[0]:
            break
        # the line's own bound, first as if a date line were below it (rounded as scores
        # are: a bound below the best rules the line out)
        if best is not None and _bound(cheap, line, True) < best[0]:
            continue
        if not acceptable_title(line, domain=domain, first_body=first_body):
            continue
        below = _meta_below(decisions, index, meta_lines)
        below = below and not _meta_above(decisions, index, low)
        if best is not None and not below and _bound(cheap, line, False) < best[0]:
            continue
        if haystack is None and body_lower is not None:
            haystack = body_lower[:VOCAB_CHARS]
        elif haystack is None:
            joined = "\n".join(body) if body_text is None else body_text
            haystack = _haystack(joined, VOCAB_CHARS)
        score = cheap + evidence_score(line, haystack, meta_below=below)
        # the page-wide look for repeats only when it can still matter
        if best is not None and score + MAX_REPEAT < best[0]:
            continue
        if repeats is None:
            repeats = _Repeats(texts, max(0, low - 20), min(len(decisions), first + 60))
        score = round(score + repeats.score(index, line), 3)
        if best is None or score > best[0] or (score == best[0] and index < best[2]):
            best = (score, line, index)
    if best is not None and best[0] >= MIN_TITLE_SCORE:
        return best[1], best[2]
    if cleaned_hint and acceptable_title(cleaned_hint, domain=domain, first_body=first_body):
        return cleaned_hint, None
    return None, None
