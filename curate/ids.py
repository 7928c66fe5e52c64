"""Stable document ids: the same source path always gives the same id.

>>> doc_id("feeds/a.jsonl#17")
'480166b5e11d35c0'
"""

from __future__ import annotations

import xxhash


def doc_id(source: str) -> str:
    """Return a 16-hex-digit id derived from the document's source (path plus `#N`)."""
    return xxhash.xxh3_64_hexdigest(source.encode("utf-8", "surrogatepass"))
