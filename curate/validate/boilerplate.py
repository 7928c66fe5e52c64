"""Boilerplate residue: run the cleaner's line classifier over kept texts and count the lines
its rules would drop.

The classifier (`curate.clean.classifier.classify_lines`) is imported lazily, so validation
works (and this check is skipped) where the cleaner is unavailable. Positional header rules are
switched off: in a cleaned text the first line is body text, not a page header.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from curate.validate.config import ValidateConfig
from curate.validate.sampling import in_sample, sample_rate

MAX_EXAMPLES = 10
Classify = Callable[[list[str]], list[Any]]


def load_classifier(clean_section: dict[str, Any] | None = None) -> Classify:
    """Return `lines -> decisions` using the cleaner's rules (ImportError when absent).

    `clean_section` is the `[clean]` config recorded in the manifest, so the same lexicon
    extensions apply; an unusable section falls back to the defaults.
    """
    from curate.clean.classifier import classify_lines  # lazy: the cleaner is optional
    from curate.clean.config import CleanConfig

    config = CleanConfig()
    if clean_section:
        from curate.config import build_section

        try:
            config = build_section(clean_section, "clean", CleanConfig)
        except Exception:  # an old or foreign manifest: use the defaults
            config = CleanConfig()
    if any(f.name == "drop_header_lines" for f in dataclasses.fields(config)):
        config = dataclasses.replace(config, drop_header_lines=False)

    def classify(lines: list[str]) -> list[Any]:
        return list(classify_lines(lines, config))

    return classify


@dataclass
class BoilerplateResult:
    """Lines checked and dropped on the sample, with the rules that fired."""

    documents: int
    lines: int
    dropped: int
    rules: dict[str, int] = field(default_factory=dict)
    examples: list[dict[str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Share of checked lines the classifier would drop."""
        return self.dropped / self.lines if self.lines else 0.0


class BoilerplateSampler:
    """Classify the lines of sampled documents and count drops.

    >>> sampler = BoilerplateSampler(ValidateConfig(), 1, classify=lambda ls: [
    ...     type("D", (), {"keep": not l.startswith("["), "rule": "share", "text": l})()
    ...     for l in ls])
    >>> sampler.add("a", "Some body text.\\n[ Imprimer ]")
    >>> sampler.result().share
    0.5
    """

    def __init__(self, config: ValidateConfig, total_docs: int, classify: Classify) -> None:
        self.rate = sample_rate(total_docs, config.boilerplate_sample)
        self.classify = classify
        self.documents = self.lines = self.dropped = 0
        self.rules: Counter[str] = Counter()
        self.examples: list[dict[str, str]] = []

    def add(self, doc_id: str, text: str) -> None:
        """Classify the document's non-blank lines when it falls in the sample."""
        if not in_sample(doc_id, self.rate, "boilerplate"):
            return
        lines = [line for line in text.split("\n") if line.strip()]
        if not lines:
            return
        self.documents += 1
        self.lines += len(lines)
        for decision in self.classify(lines):
            if decision.keep:
                continue
            self.dropped += 1
            self.rules[decision.rule] += 1
            if len(self.examples) < MAX_EXAMPLES:
                self.examples.append(
                    {"id": doc_id, "rule": decision.rule, "line": decision.text[:200]}
                )

    def result(self) -> BoilerplateResult:
        """The totals so far."""
        return BoilerplateResult(
            self.documents, self.lines, self.dropped, dict(self.rules.most_common()), self.examples
        )
