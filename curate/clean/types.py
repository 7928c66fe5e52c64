"""The unit of the cleaner's output: one decision per input line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from curate.clean.stopwords import Weighed


@dataclass(frozen=True, slots=True)
class LineDecision:
    """Whether a line is kept, and the rule that decided it.

    >>> LineDecision("[ Imprimer ]", keep=False, rule="share")
    LineDecision(text='[ Imprimer ]', keep=False, rule='share')
    """

    text: str
    keep: bool
    rule: str


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """The cleaner's decisions on a page's lines, and the sample of function words it read
    the page's language from when the article's own lines make up most of it (else None):
    metadata reads the document's language from it rather than weighing the text again,
    and searches the lines the cleaner lower-cased rather than lower-casing them again."""

    decisions: list[LineDecision]
    language_sample: Weighed | None = None
    # each decision's text lower-cased, as the cleaner tokenised it (None for a line it did
    # not read); empty when not at hand. Metadata searches the body's words in it.
    lowered: Sequence[str | None] = ()
