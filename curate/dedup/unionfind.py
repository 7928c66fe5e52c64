"""Connected components over dense integer ids, with arrays rather than dicts.

>>> uf = UnionFind(5)
>>> uf.union(0, 3); uf.union(3, 4)
>>> [uf.find(i) for i in range(5)]
[0, 1, 2, 0, 0]
"""

from __future__ import annotations

import numpy as np


class UnionFind:
    """Disjoint sets over `0..n-1`; the root of a set is always its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = int(parent[root])
        while parent[x] != root:  # path compression
            parent[x], x = root, int(parent[x])
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def roots(self) -> np.ndarray:  # type: ignore[type-arg]
        """The root of every element (fully compressed)."""
        parent = self.parent
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                return parent
            parent[:] = grand
