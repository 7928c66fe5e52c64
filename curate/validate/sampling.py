"""Deterministic document sampling: a document is in the sample when a salted hash of its id
falls below the sampling rate, so the sample does not depend on file order or worker count.

>>> in_sample("doc-1", 1.0, "near")
True
>>> in_sample("doc-1", 0.0, "near")
False
>>> sample_rate(20000, 5000), sample_rate(100, 5000)
(0.25, 1.0)
"""

from __future__ import annotations

import xxhash

_SCALE = float(2**64)


def sample_rate(total: int, wanted: int) -> float:
    """The share of `total` documents to sample so that about `wanted` are kept."""
    if total <= 0 or wanted >= total:
        return 1.0
    return max(wanted, 0) / total


def in_sample(doc_id: str, rate: float, salt: str) -> bool:
    """Whether the document `doc_id` belongs to the sample at `rate` (salted per use)."""
    if rate >= 1.0:
        return True
    digest = xxhash.xxh3_64_intdigest(f"{salt}\x00{doc_id}".encode("utf-8", "surrogatepass"))
    return digest / _SCALE < rate
