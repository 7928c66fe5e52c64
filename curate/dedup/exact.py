"""Exact-duplicate keys: a 64-bit hash of the case-folded text.

Texts reach dedup already normalised (NFC, whitespace collapsed per line, see
`curate.meta.text`), so case is the only variation folded here. Numbers and punctuation count
(unlike in shingles): two texts that differ only in a figure are near-duplicates, not exact
ones.

>>> exact_key("Hello World") == exact_key("hello world") != exact_key("hello world!")
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xxhash


def exact_key(text: str) -> int:
    """Hash of `text` case-folded."""
    return xxhash.xxh3_64_intdigest(text.casefold().encode("utf-8", "replace"))


def exact_keys(texts: list[str]) -> np.ndarray[Any, Any]:
    """`exact_key` of every text, as a uint64 array."""
    return np.fromiter((exact_key(t) for t in texts), dtype=np.uint64, count=len(texts))
