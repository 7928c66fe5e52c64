"""The unit of the cleaner's output: one decision per input line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LineDecision:
    """Whether a line is kept, and the rule that decided it.

    >>> LineDecision("[ Imprimer ]", keep=False, rule="share")
    LineDecision(text='[ Imprimer ]', keep=False, rule='share')
    """

    text: str
    keep: bool
    rule: str
