"""Settings of `curate validate`, filled from `[validate]` in curate.toml
(or `[tool.curate.validate]` in pyproject.toml).

Every check has a warn and a fail threshold. Counts and shares are upper bounds: a value above
`*_fail` fails, above `*_warn` warns. Date coverage is a lower bound. To never fail on a check,
set its fail threshold above any possible value (e.g. `1.0` for a share)::

    [validate]
    languages = ["fr", "en"]
    near_duplicates_fail = 0.05
    min_year = 1990

>>> from curate.config import build_section
>>> build_section({"languages": ["fr"]}, "validate", ValidateConfig).languages
['fr']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from curate.config import build_section, find_config, load_config


@dataclass
class ValidateConfig:
    """Thresholds and sampling of the validation checks (all have defaults).

    >>> ValidateConfig().near_duplicate_threshold
    0.8
    """

    # Warnings fail the run too (same as `--strict`).
    strict: bool = False

    # unique-ids: number of duplicated or null ids.
    duplicate_ids_warn: int = 0
    duplicate_ids_fail: int = 0
    # empty-texts: number of null, empty or whitespace-only texts.
    empty_texts_warn: int = 0
    empty_texts_fail: int = 0
    # exact-duplicates: documents whose normalised text equals an earlier one's.
    exact_duplicates_warn: int = 0
    exact_duplicates_fail: int = 0

    # near-duplicates: share of (sampled) documents with a MinHash partner at >= threshold.
    near_duplicate_threshold: float = 0.8
    near_duplicate_num_perm: int = 128
    near_duplicate_ngram: int = 5
    near_duplicate_sample: int = 20000
    near_duplicate_seed: int = 1
    near_duplicates_warn: float = 0.005
    near_duplicates_fail: float = 0.02

    # boilerplate: share of kept lines the cleaner's rules would drop, on a document sample.
    boilerplate_sample: int = 2000
    boilerplate_warn: float = 0.02
    boilerplate_fail: float = 0.05

    # languages: allowed ISO 639-1 codes (empty = any); share of documents outside the set
    # (null languages count as outside when a set is given). Malformed codes always fail.
    languages: list[str] = field(default_factory=list)
    languages_warn: float = 0.0
    languages_fail: float = 0.01

    # dates: malformed dates, dates after the reference date or before `min_year`.
    # reference_date: ISO date; empty = the manifest's `reference_date`, else today (UTC).
    reference_date: str = ""
    min_year: int = 1900
    dates_warn: int = 0
    dates_fail: int = 0
    # date-coverage: share of documents with a date (lower bounds).
    date_coverage_warn: float = 0.5
    date_coverage_fail: float = 0.0

    # text-length: share of texts outside [text_min_chars, text_max_chars] (code points).
    text_min_chars: int = 50
    text_max_chars: int = 1_000_000
    text_length_warn: float = 0.01
    text_length_fail: float = 0.1

    # accounting: total discrepancy between files and manifest counts (documents).
    accounting_warn: int = 0
    accounting_fail: int = 0
    # removed-records: rows of removed/ with no reason, a dangling duplicate_of, or a
    # similarity outside [0, 1].
    removed_records_warn: int = 0
    removed_records_fail: int = 0

    # Drift against --baseline: relative change of counts and length quantiles, absolute
    # change of language shares and removal rates.
    drift_counts_warn: float = 0.1
    drift_counts_fail: float = 0.5
    drift_languages_warn: float = 0.05
    drift_languages_fail: float = 0.2
    drift_removals_warn: float = 0.05
    drift_removals_fail: float = 0.2
    drift_length_warn: float = 0.2
    drift_length_fail: float = 0.5


def load_validate_config(path: Path | None = None, *, search: bool = True) -> ValidateConfig:
    """Read `[validate]` from `path`, or from the config found in the working folder.

    >>> load_validate_config(None, search=False).min_year
    1900
    """
    if path is None and search:
        path = find_config()
    data = load_config(path)
    return build_section(data.get("validate", {}), "validate", ValidateConfig)
