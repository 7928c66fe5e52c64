"""One streaming pass over `data/` and `removed/` that gathers what every check needs.

Memory per kept document: an 8-byte id hash and an 8-byte text hash in Python sets, and the text
length; the MinHash and boilerplate samples are bounded by their configured sizes. Texts are
never held beyond one record batch.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash

from curate.validate.boilerplate import BoilerplateResult, BoilerplateSampler, Classify
from curate.validate.config import ValidateConfig
from curate.validate.dataset import Layout
from curate.validate.dates import is_after, parse_date
from curate.validate.neardup import NearDupFinder, NearDupResult

MAX_EXAMPLES = 10
DUPLICATE_REASONS = ("exact-duplicate", "near-duplicate")
_LANGUAGE = re.compile(r"[a-z]{2}")


def _hash(value: str) -> int:
    return xxhash.xxh3_64_intdigest(value.encode("utf-8", "surrogatepass"))


def text_key(text: str) -> int:
    """Hash of the normalised text: NFC, case-folded, whitespace collapsed.

    >>> text_key("Hello  World") == text_key("hello world\\n")
    True
    """
    return _hash(" ".join(unicodedata.normalize("NFC", text).casefold().split()))


def _column(batch: pa.RecordBatch, name: str) -> list[Any]:
    index = batch.schema.get_field_index(name)
    if index < 0:
        return [None] * batch.num_rows
    return batch.column(index).to_pylist()  # type: ignore[no-any-return]


def _note(examples: list[Any], value: Any) -> None:
    if len(examples) < MAX_EXAMPLES:
        examples.append(value)


@dataclass
class DataProfile:
    """Facts about the kept documents (`data/`)."""

    rows: int = 0
    null_ids: int = 0
    duplicate_ids: int = 0
    duplicate_id_examples: list[str] = field(default_factory=list)
    empty_texts: int = 0
    empty_examples: list[str] = field(default_factory=list)
    exact_duplicates: int = 0
    exact_examples: list[str] = field(default_factory=list)
    lengths: list[np.ndarray[Any, Any]] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    bad_languages: Counter[str] = field(default_factory=Counter)
    dated: int = 0
    years: Counter[str] = field(default_factory=Counter)
    precisions: Counter[str] = field(default_factory=Counter)
    bad_dates: list[str] = field(default_factory=list)
    malformed_dates: int = 0
    early_dates: int = 0
    late_dates: int = 0
    cluster_sizes: Counter[str] = field(default_factory=Counter)
    id_hashes: set[int] = field(default_factory=set)
    near: NearDupResult | None = None
    boilerplate: BoilerplateResult | None = None
    boilerplate_error: str | None = None

    def length_array(self) -> np.ndarray[Any, Any]:
        """All text lengths (code points) as one int64 array."""
        if not self.lengths:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate(self.lengths).astype(np.int64)


@dataclass
class RemovedProfile:
    """Facts about the removed documents (`removed/`)."""

    rows: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    overlap: int = 0
    overlap_examples: list[str] = field(default_factory=list)
    bad_rows: int = 0
    bad_examples: list[dict[str, str]] = field(default_factory=list)


class _DataScanner:
    def __init__(
        self, config: ValidateConfig, reference: str, total: int, classify: Classify | None
    ) -> None:
        self.config = config
        self.reference = reference
        self.profile = DataProfile()
        self.text_hashes: set[int] = set()
        self.near = NearDupFinder(config, total)
        self.boiler = BoilerplateSampler(config, total, classify) if classify else None

    def batch(self, batch: pa.RecordBatch) -> None:
        prof = self.profile
        prof.rows += batch.num_rows
        ids, texts = _column(batch, "id"), _column(batch, "text")
        if batch.schema.get_field_index("text") >= 0:
            lengths = pc.fill_null(pc.utf8_length(batch.column("text").cast(pa.large_string())), 0)
            prof.lengths.append(np.asarray(lengths, dtype=np.int64))
        for doc_id, text in zip(ids, texts, strict=True):
            self._identity(doc_id)
            self._text(doc_id if isinstance(doc_id, str) else "", text)
        for language in _column(batch, "language"):
            self._language(language)
        for date in _column(batch, "date"):
            self._date(date)
        for size in _column(batch, "cluster_size"):
            if isinstance(size, int):
                prof.cluster_sizes[str(size)] += 1

    def _identity(self, doc_id: Any) -> None:
        prof = self.profile
        if not isinstance(doc_id, str) or not doc_id:
            prof.null_ids += 1
            return
        key = _hash(doc_id)
        if key in prof.id_hashes:
            prof.duplicate_ids += 1
            _note(prof.duplicate_id_examples, doc_id)
        prof.id_hashes.add(key)

    def _text(self, doc_id: str, text: Any) -> None:
        prof = self.profile
        if not isinstance(text, str) or not text.strip():
            prof.empty_texts += 1
            _note(prof.empty_examples, doc_id)
            return
        key = text_key(text)
        if key in self.text_hashes:
            prof.exact_duplicates += 1
            _note(prof.exact_examples, doc_id)
        self.text_hashes.add(key)
        self.near.add(doc_id, text)
        if self.boiler is not None:
            try:
                self.boiler.add(doc_id, text)
            except Exception as exc:  # a classifier bug must not stop the other checks
                self.profile.boilerplate_error = f"{type(exc).__name__}: {exc}"[:300]
                self.boiler = None

    def _language(self, language: Any) -> None:
        prof = self.profile
        if language is None:
            prof.languages["unknown"] += 1
        elif isinstance(language, str) and _LANGUAGE.fullmatch(language):
            prof.languages[language] += 1
        else:
            prof.bad_languages[str(language)] += 1

    def _date(self, date: Any) -> None:
        prof = self.profile
        if date is None:
            return
        parsed = parse_date(date) if isinstance(date, str) else None
        if parsed is None:
            prof.malformed_dates += 1
            _note(prof.bad_dates, f"{date!r}: not ISO 8601")
            return
        precision, year = parsed
        prof.dated += 1
        prof.years[f"{year:04d}"] += 1
        prof.precisions[precision] += 1
        if year < self.config.min_year:
            prof.early_dates += 1
            _note(prof.bad_dates, f"{date}: before {self.config.min_year}")
        elif is_after(date, self.reference):
            prof.late_dates += 1
            _note(prof.bad_dates, f"{date}: after the reference date {self.reference}")

    def finish(self) -> DataProfile:
        self.profile.near = self.near.result()
        if self.boiler is not None:
            self.profile.boilerplate = self.boiler.result()
        return self.profile


def _against_ids(layout: Layout) -> set[int]:
    """Ids of the earlier dataset a `--against` run deduplicated against (duplicates may
    point there)."""
    dedup = (layout.manifest or {}).get("dedup") or {}
    against = dedup.get("against") if isinstance(dedup, dict) else None
    if not isinstance(against, str):
        return set()
    ids: set[int] = set()
    for part in sorted((Path(against) / "data").glob("part-*.parquet")):
        try:
            column = pq.read_table(part, columns=["id"]).column("id").to_pylist()
        except (OSError, pa.ArrowException):
            continue
        ids.update(_hash(v) for v in column if isinstance(v, str))
    return ids


def _removed_row(
    prof: RemovedProfile, kept: set[int], known: set[int], row: tuple[Any, ...]
) -> None:
    doc_id, reason, dup_of, sim = row
    if isinstance(doc_id, str) and _hash(doc_id) in kept:
        prof.overlap += 1
        _note(prof.overlap_examples, doc_id)
    problem = None
    if not isinstance(reason, str) or not reason.strip():
        problem = "no reason"
    elif reason in DUPLICATE_REASONS and not isinstance(dup_of, str):
        problem = "duplicate without duplicate_of"
    elif isinstance(dup_of, str) and _hash(dup_of) not in known:
        problem = f"duplicate_of {dup_of} is not a kept document"
    elif sim is not None and not (isinstance(sim, float | int) and 0.0 <= sim <= 1.0):
        problem = f"similarity {sim!r} outside [0, 1]"
    prof.reasons[reason if isinstance(reason, str) else "(none)"] += 1
    if problem is not None:
        prof.bad_rows += 1
        if len(prof.bad_examples) < MAX_EXAMPLES:
            prof.bad_examples.append({"id": str(doc_id), "problem": problem})


def profile_dataset(
    layout: Layout, config: ValidateConfig, reference: str, classify: Classify | None
) -> tuple[DataProfile, RemovedProfile]:
    """Read every Parquet part end to end once and gather the facts the checks grade."""
    total = sum(part.rows for part in layout.data if part.error is None)
    scanner = _DataScanner(config, reference, total, classify)
    for part in layout.data:
        for batch in part.batches():
            scanner.batch(batch)
    data = scanner.finish()
    known = data.id_hashes | _against_ids(layout)
    removed = RemovedProfile()
    for part in layout.removed:
        for batch in part.batches():
            removed.rows += batch.num_rows
            columns = (_column(batch, c) for c in ("id", "reason", "duplicate_of", "similarity"))
            for row in zip(*columns, strict=True):
                _removed_row(removed, data.id_hashes, known, row)
    return data, removed
