"""Settings of near-duplicate detection, filled from the `[dedup]` config section.

>>> from curate.config import build_section
>>> cfg = build_section({"threshold": 0.7, "char-ngram": 3}, "dedup", DedupConfig)
>>> (cfg.ngram, cfg.char_ngram, cfg.threshold, cfg.effective_verify_threshold)
(5, 3, 0.7, 0.7)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from curate.errors import ConfigError

# The keep rule's criteria (see curate.dedup.keep).
KEEP_CRITERIA = ("metadata", "length", "earliest", "latest", "id")

# Scripts written without spaces between words: their letters are shingled as characters.
DEFAULT_CHAR_SCRIPTS = ["Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar"]


@dataclass
class DedupConfig:
    """Near-duplicate settings (shingles, MinHash signatures, LSH banding, verification).

    * `ngram`: word n-gram size over normalised tokens.
    * `char_ngram`: character n-gram size for documents written mostly in `char_scripts`
      (detected per document by script: at least `char_script_share` of their letters).
    * `num_perm`, `seed`: MinHash permutations (datasketch `affine32` scheme).
    * `threshold`: Jaccard threshold the LSH bands and rows are derived for, with
      `false_positive_weight` / `false_negative_weight` as datasketch weighs them;
      `bands` and `rows` override the derivation when both are set.
    * `verify_threshold`: estimated (or exact, with `exact_verify`) Jaccard a candidate pair
      needs to become an edge; None means `threshold`.
    """

    ngram: int = 5
    char_ngram: int = 5
    char_scripts: list[str] = field(default_factory=lambda: list(DEFAULT_CHAR_SCRIPTS))
    char_script_share: float = 0.3
    num_perm: int = 128
    seed: int = 1
    threshold: float = 0.8
    false_positive_weight: float = 0.5
    false_negative_weight: float = 0.5
    bands: int | None = None
    rows: int | None = None
    verify_threshold: float | None = None
    exact_verify: bool = False
    # Candidates: LSH bands are derived for min(threshold, candidate_threshold), so that
    # truncated and lightly edited copies (Jaccard below `threshold`) still meet.
    candidate_threshold: float = 0.5
    # A pair is also a duplicate when the smaller document is at least this contained in
    # the larger (truncation, an added or dropped paragraph) and their sizes are comparable.
    containment_threshold: float = 0.8
    min_length_ratio: float = 0.5
    # Which copy of a cluster is kept: criteria in order (see curate.dedup.keep).
    keep: list[str] = field(default_factory=lambda: ["metadata", "length", "earliest", "id"])

    def __post_init__(self) -> None:
        if self.ngram < 1 or self.char_ngram < 1:
            raise ConfigError("config: dedup.ngram and dedup.char_ngram must be >= 1")
        if not 1 <= self.num_perm <= 4096:
            raise ConfigError("config: dedup.num_perm must be between 1 and 4096")
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError("config: dedup.threshold must be in (0, 1]")
        if self.verify_threshold is not None and not 0.0 <= self.verify_threshold <= 1.0:
            raise ConfigError("config: dedup.verify_threshold must be in [0, 1]")
        if not 0.0 <= self.char_script_share <= 1.0:
            raise ConfigError("config: dedup.char_script_share must be in [0, 1]")
        weights = (self.false_positive_weight, self.false_negative_weight)
        if any(w < 0.0 for w in weights) or abs(sum(weights) - 1.0) > 1e-9:
            raise ConfigError("config: dedup false_positive/negative weights must sum to 1")
        if (self.bands is None) != (self.rows is None):
            raise ConfigError("config: dedup.bands and dedup.rows must be set together")
        if (
            self.bands is not None
            and self.rows is not None
            and (self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm)
        ):
            raise ConfigError("config: dedup.bands * dedup.rows must be in [1, num_perm]")
        unknown = [c for c in self.keep if c not in KEEP_CRITERIA]
        if unknown or not self.keep:
            raise ConfigError(
                f"config: dedup.keep has {unknown or 'no criteria'}; "
                f"choose from {', '.join(KEEP_CRITERIA)}"
            )

    @property
    def effective_verify_threshold(self) -> float:
        """The verification threshold: `verify_threshold`, or `threshold` when unset."""
        return self.threshold if self.verify_threshold is None else self.verify_threshold
