"""Independent near-duplicate re-check: datasketch MinHash over word n-grams, LSH candidates,
then the estimated Jaccard similarity of each candidate pair against the threshold.

On large datasets only a deterministic sample of about `near_duplicate_sample` documents is
sketched. A document whose near-duplicate partner is outside the sample goes unseen, so the
observed share is divided by the sampling rate (an unbiased estimate for pairs).

>>> finder = NearDupFinder(ValidateConfig(), total_docs=3)
>>> text = "the quick brown fox jumps over the lazy dog near the river bank today"
>>> for i, t in enumerate([text, text + " again", "a completely different text about cats"]):
...     finder.add(f"d{i}", t)
>>> finder.result().with_partner
2
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import xxhash
from datasketch import LeanMinHash, MinHash, MinHashLSH

from curate.validate.config import ValidateConfig
from curate.validate.sampling import in_sample, sample_rate

_WORD = re.compile(r"\w+")
MAX_EXAMPLES = 10


def word_shingles(text: str, n: int) -> list[bytes]:
    """Lower-cased word n-grams as UTF-8 bytes; a text shorter than n words is one shingle.

    >>> word_shingles("A b c", 2)
    [b'a b', b'b c']
    """
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)]


@dataclass
class NearDupResult:
    """What the re-check found on its sample."""

    sampled: int
    rate: float
    with_partner: int
    pairs: int
    examples: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def observed_share(self) -> float:
        """Share of sampled documents that have a near-duplicate in the sample."""
        return self.with_partner / self.sampled if self.sampled else 0.0

    @property
    def estimated_share(self) -> float:
        """Observed share scaled by the sampling rate, capped at 1."""
        return min(1.0, self.observed_share / self.rate) if self.rate > 0 else 0.0


class NearDupFinder:
    """Collect MinHash sketches of sampled documents, then find near-duplicate pairs."""

    def __init__(self, config: ValidateConfig, total_docs: int) -> None:
        self.config = config
        self.rate = sample_rate(total_docs, config.near_duplicate_sample)
        self.ids: list[str] = []
        self.sketches: list[LeanMinHash] = []
        # Permutations are drawn once from the seed and shared by every sketch
        # (datasketch >= 2 also wants the scheme they belong to).
        template = MinHash(num_perm=config.near_duplicate_num_perm, seed=config.near_duplicate_seed)
        self._shared: dict[str, Any] = {"permutations": template.permutations}
        if hasattr(template, "scheme"):
            self._shared["scheme"] = template.scheme

    def add(self, doc_id: str, text: str) -> None:
        """Sketch the document when it falls in the sample."""
        if not in_sample(doc_id, self.rate, "near-duplicates"):
            return
        shingles = word_shingles(text, self.config.near_duplicate_ngram)
        if not shingles:
            return
        sketch = MinHash(
            num_perm=self.config.near_duplicate_num_perm,
            seed=self.config.near_duplicate_seed,
            hashfunc=xxhash.xxh32_intdigest,
            **self._shared,
        )
        sketch.update_batch(shingles)
        self.ids.append(doc_id)
        self.sketches.append(LeanMinHash(sketch))

    def result(self) -> NearDupResult:
        """Query every sketch against an LSH index of all sketches; verify candidates."""
        cfg = self.config
        lsh = MinHashLSH(
            threshold=cfg.near_duplicate_threshold, num_perm=cfg.near_duplicate_num_perm
        )
        for index, sketch in enumerate(self.sketches):
            lsh.insert(index, sketch, check_duplication=False)
        partnered = np.zeros(len(self.sketches), dtype=bool)
        pairs: list[tuple[str, str, float]] = []
        for index, sketch in enumerate(self.sketches):
            for other in lsh.query(sketch):
                if other <= index:
                    continue  # each pair once
                similarity = sketch.jaccard(self.sketches[other])
                if similarity >= cfg.near_duplicate_threshold:
                    partnered[index] = partnered[other] = True
                    pairs.append((self.ids[index], self.ids[other], round(float(similarity), 4)))
        pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
        return NearDupResult(
            sampled=len(self.sketches),
            rate=self.rate,
            with_partner=int(partnered.sum()),
            pairs=len(pairs),
            examples=pairs[:MAX_EXAMPLES],
        )
