"""Clusters as connected components of the verified edges, labelled by their smallest member.

>>> import numpy as np
>>> component_roots(5, np.array([0, 3]), np.array([3, 4])).tolist()
[0, 1, 2, 0, 0]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

Array = np.ndarray[Any, Any]


def component_roots(n: int, a: Array, b: Array) -> Array:
    """The root (smallest member) of every element `0..n-1` of the graph with edges `a`-`b`."""
    ones = np.ones(len(a), dtype=np.int8)
    graph = coo_matrix((ones, (a.astype(np.int64), b.astype(np.int64))), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    _, first = np.unique(labels, return_index=True)  # the smallest member of each label
    roots: Array = first[labels]
    return roots.astype(np.int64)
