"""Reader comments after the article: where they start.

Comment threads read like prose, so the prose test keeps them. What gives them away is
their headers: short lines with a name and a timestamp (`Jane Doe · March 10, 2017 at
2:56 AM`, `Hans, 10.03.2017 um 14:56`), repeated for every comment, after the article.
A thread starts at its first header, or at the comments label just before it.

>>> is_comment_header("Barry Kooij · March 10, 2017 at 2:56 AM")
True
>>> is_comment_header("The meeting on March 10, 2017 ended at 2:56 AM.")
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from curate.clean.datelines import MONTH_WORDS
from curate.clean.patterns import ends_sentence
from curate.clean.tokens import words

_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}\s?(?:am|pm|uhr)\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_AGO = re.compile(
    r"\b\d{1,3}\s\w{1,10}\s(?:ago|geleden|назад)\b|\b(?:vor|il y a|hace|há)\s\d", re.I
)
_DAY_NUMBER = re.compile(r"^\d{1,2}(?:st|nd|rd|th|er)?$")
_MAX_HEADER_WORDS = 14
_DIGIT = re.compile(r"\d")
# "Jane says:", "Hans sagt:", "Marie a dit :"
_SAYS = re.compile(
    r"\s(?:says|said|writes|wrote|sagt|schreibt|meint|a dit|écrit|dice|scrive|diz|zegt|пишет)\s?:$",
    re.I,
)
_LABEL = re.compile(r"^[^\W\d_]{2,20}\s?:\s")


def is_comment_header(line: str) -> bool:
    """A short, unpunctuated line with a timestamp: a comment's author-and-date header."""
    text = line.strip()
    if len(text) > 160 or not (_DIGIT.search(text) or text.endswith(":")):
        return False
    if _SAYS.search(text) and len(words(text)) <= 6:
        return True
    if not text or ends_sentence(text) or text.startswith(("^", "[")) or _LABEL.match(text):
        return False
    toks = words(text)
    if len(toks) > _MAX_HEADER_WORDS or text.startswith(("—", "–", "-")):
        return False
    if _NUMERIC_DATE.search(text) or _AGO.search(text):
        return True
    # a month name next to a day number, with a time or a year
    for i, tok in enumerate(toks):
        if tok in MONTH_WORDS:
            near = toks[max(0, i - 1) : i] + toks[i + 1 : i + 2]
            if any(_DAY_NUMBER.match(t) for t in near) and (
                _TIME.search(text) or any(len(t) == 4 and t.isdigit() for t in toks)
            ):
                return True
    return False


def _reads_as_sentence(line: str) -> bool:
    """A few words that end a sentence or start in lower case, as a headline does not.

    >>> _reads_as_sentence("privacy badger is a good plugin"), _reads_as_sentence("Ode To Malls")
    (True, False)
    """
    text = line.strip()
    return len(words(text)) >= 4 and (ends_sentence(text) or text[:1].islower())


def _dated_next(lines: Sequence[str], i: int) -> bool:
    """Whether the first non-blank line after `i` carries a digit (the comment's date)."""
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return _DIGIT.search(line) is not None
    return False


def thread_start(
    lines: Sequence[str],
    keep: Sequence[bool],
    rules: Sequence[str | None],
    *,
    min_body_chars: int = 400,
    min_headers: int = 3,
    min_body_share: float = 0.3,
    sizes: Sequence[int] | None = None,
) -> int | None:
    """Index where a comment thread starts, or None.

    A thread needs `min_headers` headers after `min_body_chars` (and `min_body_share` of
    all) kept text, with a comment between each of the first ones: kept text, or a short
    sentence (a header may take several lines: "Reply", the date, the time, the name).
    One of them at least carries a date, on its line or the next ("Jane wrote:" alone
    also quotes people inside an article).
    `sizes` (words per line), when given, spares the header test on long lines.
    """
    total = sum(len(line) for line, k in zip(lines, keep, strict=True) if k)
    need = max(min_body_chars, min_body_share * total)
    body = 0
    headers: list[int] = []
    for i, line in enumerate(lines):
        if (
            body >= need
            and rules[i] in (None, "date", "byline")
            and (sizes is None or sizes[i] <= _MAX_HEADER_WORDS)
            and is_comment_header(line)
        ):
            headers.append(i)
        if keep[i] and not headers:
            body += len(line)
    if len(headers) < min_headers:
        return None
    first_ones = headers[:min_headers]
    if not any(_DIGIT.search(lines[i]) or _dated_next(lines, i) for i in first_ones):
        return None
    for a, b in pairwise(first_ones):
        # the headline and author of a dated teaser are no sentence
        between = [
            lines[k]
            for k in range(a + 1, b)
            if keep[k] or (rules[k] is None and _reads_as_sentence(lines[k]))
        ]
        if sum(len(x) for x in between) < 30:
            return None
    first = headers[0]
    start = first
    # the thread's label ("12 Comments", "Leave a reply") just before its first header
    for k in range(first - 1, max(-1, first - 6), -1):
        if rules[k] == "comments":
            start = k
            break
        if keep[k]:
            break
    return start
