"""Which candidate pairs become edges: verification from signatures and set sizes.

A pair is a duplicate when its estimated Jaccard reaches `threshold`, or when the smaller
document is almost wholly contained in the larger one (`containment_threshold`) and the two
are of comparable size (`min_length_ratio`): a truncated copy, or one with a paragraph added
or dropped. Containment follows from the Jaccard estimate and the shingle-set sizes:
`|A ∩ B| = J (|A| + |B|) / (1 + J)`.

>>> from curate.dedup.config import DedupConfig
>>> cfg = DedupConfig()
>>> j = np.array([0.9, 0.6, 0.6, 0.2])
>>> a, b = np.array([100, 80, 30, 100]), np.array([100, 100, 100, 100])
>>> accept(j, a, b, cfg).tolist()
[True, True, False, False]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from curate.dedup.config import DedupConfig
from curate.dedup.lsh import optimal_bands

Array = np.ndarray[Any, Any]


def candidate_bands(cfg: DedupConfig) -> tuple[int, int]:
    """(bands, rows) of the LSH index: set explicitly, or derived as datasketch derives them
    for the lower of `threshold` and `candidate_threshold`."""
    if cfg.bands is not None and cfg.rows is not None:
        return cfg.bands, cfg.rows
    target = min(cfg.threshold, cfg.candidate_threshold)
    return optimal_bands(target, cfg.num_perm, cfg.false_positive_weight, cfg.false_negative_weight)


def containment(jaccard: Array, size_a: Array, size_b: Array) -> Array:
    """Estimated share of the smaller set found in the larger one."""
    inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
    smaller = np.maximum(np.minimum(size_a, size_b), 1)
    share: Array = np.clip(inter / smaller, 0.0, 1.0)
    return share


def accept(jaccard: Array, size_a: Array, size_b: Array, cfg: DedupConfig) -> Array:
    """Mask of the pairs that become edges."""
    a = size_a.astype(np.float64)
    b = size_b.astype(np.float64)
    ratio = np.minimum(a, b) / np.maximum(np.maximum(a, b), 1.0)
    contained = (containment(jaccard, a, b) >= cfg.containment_threshold) & (
        ratio >= cfg.min_length_ratio
    )
    mask: Array = (jaccard >= cfg.effective_verify_threshold) | contained
    return mask
