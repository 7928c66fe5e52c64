"""Title choice and clean-up: never a breadcrumb, the site name, or the first body sentence.

The title is the best-scored line among the 40 above the article's start (and its first
lines): `shape_score` (nearness, length, capital, no sentence or label ending) plus
`evidence_score` (content words shared with the body, a date or byline line just below,
a repeat elsewhere on the page, no date inside). The cleaner's own `title` rule is no
evidence: it marks the line just above the body, often a caption or a tag list. A page's
declared title (HTML `og:title`/`<title>`, a record field), cleaned of its site name,
adds to the line that repeats it, and stands in when no line scores well enough.

>>> clean_title("Hello world | Example News", domain="example-news.com")
'Hello world'
>>> is_breadcrumb("Page d'accueil > Informations récentes")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from curate.clean.stopwords import StopLists
from curate.clean.types import LineDecision
from curate.meta.dates import find_dates, looks_like_date_line

_SITE_SEPARATORS = re.compile(r"\s(?:\||-|–|—|::|·|•|»|«|/|:)\s|:\s")
_ALNUM = re.compile(r"[^\w]+")
MAX_TITLE_WORDS = 40
MAX_TITLE_CHARS = 300
_CRUMB_SPLIT = re.compile(r"\s[>»›/|]\s|\s›\s?|»")


def _squash(text: str) -> str:
    return _ALNUM.sub("", text.lower())


def is_breadcrumb(line: str) -> bool:
    """A navigation trail: short parts joined by `>`, `»`, `›`, `/` or `|`."""
    parts = _CRUMB_SPLIT.split(line)
    if len(parts) < 2:
        return False
    return all(len(p.split()) <= 6 for p in parts)


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
    {"date", "byline", "share", "cookie", "breadcrumb", "footer", "caption", "comments",
     "copyright", "blank", "template", "bracket-links", "newsletter", "follow", "separator-menu"}
)
# Rules of the lines that, just below a headline, mark it as the title.
_META_RULES = frozenset({"date", "byline"})
_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.;]\s*$")
_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp4)\b", re.IGNORECASE)
# Lines searched above the body's first kept line.
TITLE_WINDOW = 40
MIN_TITLE_SCORE = 2.5
# The most `evidence_score` adds (shared words 3.0, a date line below 1.5, a repeat 0.5).
MAX_EVIDENCE = 5.0
REPEAT_BONUS = 0.5
# Characters of the body whose words count as the article's vocabulary.
VOCAB_CHARS = 5000
# Words of a kept line that starts the article proper.
ANCHOR_WORDS = 15


def _anchor(decisions: Sequence[LineDecision]) -> int:
    """Index of the first substantial kept line (the article's start), else of the first kept."""
    first = None
    for index, decision in enumerate(decisions):
        if decision.keep and decision.text.strip():
            if decision.text.count(" ") + 1 >= ANCHOR_WORDS:
                return index
            if first is None:
                first = index
    return len(decisions) if first is None else first


def _haystack(lines: Sequence[str], chars: int) -> str:
    """The body's first `chars` characters, lower-case, for word look-ups."""
    out: list[str] = []
    total = 0
    for line in lines:
        if total >= chars:
            break
        out.append(line)
        total += len(line) + 1
    return "\n".join(out)[:chars].lower()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Function words of every packaged language: they say nothing of a line's topic."""
    lists = StopLists.default()
    return frozenset(w for lang in lists.languages() for w in lists.words(lang))


def title_score(
    line: str, distance: int | None, body: str, *, meta_below: bool = False,
    repeated: bool = False,
) -> float:
    """How much a header line reads as this article's title: `shape_score` plus
    `evidence_score`.

    >>> title_score("Huawei renforce sa présence", 1, "huawei renforce sa présence")
    6.0
    """
    shape = shape_score(line, distance)
    return round(shape + evidence_score(line, body, meta_below=meta_below, repeated=repeated), 3)


def shape_score(line: str, distance: int | None) -> float:
    """The cheap part of `title_score`: nearness above the body (`distance` in non-blank
    lines, None below its start), a headline's length and capital, no sentence or label
    ending, no separators.

    >>> shape_score("Huawei renforce sa présence", 1), shape_score("Suche nach:", 1)
    (3.0, 0.0)
    """
    n = line.count(" ") + 1
    score = 0.0
    if distance is not None:
        score += 1.5 if distance <= 2 else 1.0 if distance <= 7 else 0.5 if distance <= 19 else 0.0
    if 3 <= n <= 25:
        score += 1.0
    elif n > 30:
        score -= 2.0
    if _SENTENCE_END.search(line) or line.endswith(":"):
        score -= 2.0
    if "|" in line or " » " in line or " · " in line:
        score -= 1.5
    if line[:1].isupper():
        score += 0.5
    return score


def evidence_score(line: str, body: str, *, meta_below: bool, repeated: bool) -> float:
    """The costly part of `title_score`, at most `MAX_EVIDENCE`: content words shared with
    the body (function words say nothing), a date or byline line just below (`meta_below`),
    the same text elsewhere on the page, as in a breadcrumb or a share box (`repeated`),
    and no date inside (a dateline is no headline).

    >>> evidence_score("Huawei renforce sa présence", "huawei renforce sa présence",
    ...                meta_below=True, repeated=False)
    4.5
    """
    content = set(_WORD_RE.findall(line.lower())) - _stop_words()
    overlap = sum(1 for w in content if w in body) / len(content) if content else 0.0
    score = 3.0 * overlap * min(1.0, len(content) / 3)
    if meta_below:
        score += 1.5
    if repeated:
        score += REPEAT_BONUS
    if _has_date(line):
        score -= 2.0
    return score


def _has_date(line: str) -> bool:
    """True when `line` holds a full date (a dateline or byline, not a headline)."""
    if _DIGIT_RE.search(line) is None:
        return False
    return any(m.value.day is not None for m in find_dates(line, partial=False, with_time=False))


def _meta_below(
    decisions: Sequence[LineDecision], index: int, memo: dict[int, bool]
) -> bool:
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
    decision: LineDecision, line: str, distance: int | None, hint_key: str | None
) -> float | None:
    """`shape_score` of a candidate line, with the kept-line malus and the hint's bonus;
    None for a line that cannot be the title."""
    if decision.rule in _NOT_TITLE_RULES or len(line) > MAX_TITLE_CHARS:
        return None
    if (decision.keep and _SENTENCE_END.search(line)) or _FILE_RE.search(line):
        return None
    cheap = shape_score(line, distance) - (1.0 if decision.keep else 0.0)
    if hint_key and _squash(line) == hint_key:
        cheap += 3.0
    return cheap


def find_title(
    decisions: Sequence[LineDecision],
    body: Sequence[str],
    *,
    hint: str | None = None,
    domain: str | None = None,
) -> tuple[str | None, int | None]:
    """`choose_title`, with the index of the chosen line (None for the hint or no title)."""
    first_body = body[0] if body else None
    first = _anchor(decisions)
    low = max(0, first - TITLE_WINDOW)
    high = min(len(decisions), first + 6)
    hint_key: str | None = None
    cleaned_hint: str | None = None
    if hint:
        header_lines = [d.text.strip() for d in decisions[low:first]]
        cleaned_hint = clean_title(hint, domain=domain, lines=header_lines)
        hint_key = _squash(cleaned_hint) if cleaned_hint else None
    # cheap scores first; the costly evidence only for lines that can still win
    shaped: list[tuple[float, int, str]] = []
    # above the article's start, walking up: `distance` counts the non-blank lines between
    distance = 0
    for index in range(first - 1, low - 1, -1):
        decision = decisions[index]
        line = decision.text.strip()
        if not line:
            continue
        cheap = _cheap_score(decision, line, distance, hint_key)
        if cheap is not None:
            shaped.append((cheap, index, line))
        distance += 1
    # the article's first lines
    for index in range(first, high):
        decision = decisions[index]
        line = decision.text.strip()
        if line and not decision.keep:
            cheap = _cheap_score(decision, line, None, hint_key)
            if cheap is not None:
                shaped.append((cheap, index, line))
    shaped.sort(key=lambda c: -c[0])
    best: tuple[float, str, int] | None = None
    haystack: str | None = None
    nearby: str | None = None
    meta_lines: dict[int, bool] = {}
    for cheap, index, line in shaped:
        if best is not None and cheap + MAX_EVIDENCE < best[0]:
            break
        if not acceptable_title(line, domain=domain, first_body=first_body):
            continue
        if haystack is None:
            haystack = _haystack(body, VOCAB_CHARS)
        below = _meta_below(decisions, index, meta_lines)
        score = cheap + evidence_score(line, haystack, meta_below=below, repeated=False)
        # a repeat elsewhere adds the least: looked for only when it can still matter
        if line.count(" ") >= 2 and (best is None or score + REPEAT_BONUS >= best[0]):
            if nearby is None:
                nearby = "\n".join(d.text for d in decisions[max(0, low - 20) : first + 60])
            if nearby.count(line) > 1:
                score += REPEAT_BONUS
        score = round(score, 3)
        if best is None or score > best[0] or (score == best[0] and index < best[2]):
            best = (score, line, index)
    if best is not None and best[0] >= MIN_TITLE_SCORE:
        return best[1], best[2]
    if cleaned_hint and acceptable_title(cleaned_hint, domain=domain, first_body=first_body):
        return cleaned_hint, None
    return None, None
