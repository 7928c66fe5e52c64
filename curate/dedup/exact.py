"""Exact-duplicate keys: a 64-bit hash of the text with case and whitespace normalised.

Numbers and punctuation count here (unlike in shingles): two texts that differ only in a
figure are near-duplicates, not exact ones.

>>> exact_key("Hello   World\\n") == exact_key("hello world") != exact_key("hello world!")
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xxhash


def exact_key(text: str) -> int:
    """Hash of `text` case-folded with whitespace runs collapsed."""
    normal = " ".join(text.casefold().split())
    return xxhash.xxh3_64_intdigest(normal.encode("utf-8", "replace"))


def exact_keys(texts: list[str]) -> np.ndarray[Any, Any]:
    """`exact_key` of every text, as a uint64 array."""
    return np.fromiter((exact_key(t) for t in texts), dtype=np.uint64, count=len(texts))
