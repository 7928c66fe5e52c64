"""Batched MinHash signatures, bit-identical to datasketch's `affine32` scheme.

datasketch (>= 2.0) pre-mixes each input hash with the 32-bit MurmurHash3 finalizer, then
applies `num_perm` permutations `a_k * h + b_k mod 2**32` (`a_k` odd) and keeps the minimum
of each. The parameters come from `numpy.random.RandomState(seed)`, drawn as datasketch draws
them. An empty set keeps datasketch's sentinel, 2**32 - 1, in every slot.

>>> import numpy as np
>>> mh = BatchMinHash(num_perm=4, seed=1)
>>> sigs = mh.signatures([np.array([1, 2, 3], np.uint32), np.array([], np.uint32)])
>>> sigs.shape, sigs.dtype.name, bool((sigs[1] == EMPTY).all())
((2, 4), 'uint32', True)
>>> estimate_jaccard(sigs[0], sigs[0])
1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

EMPTY = np.uint32(0xFFFFFFFF)  # datasketch's empty-slot sentinel for affine32
_U32 = np.uint32


def permutations(num_perm: int, seed: int) -> tuple[Array, Array]:
    """The (a, b) uint32 parameters datasketch draws for `MinHash(num_perm, seed)` (affine32)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def fmix32(values: Array) -> Array:
    """MurmurHash3's 32-bit finalizer over a uint32 array (returns a new array).

    >>> int(fmix32(np.array([1], np.uint32))[0])
    1364076727
    """
    h = values.astype(np.uint32, copy=True)
    h ^= h >> _U32(16)
    h *= _U32(0x85EBCA6B)
    h ^= h >> _U32(13)
    h *= _U32(0xC2B2AE35)
    h ^= h >> _U32(16)
    return h


class BatchMinHash:
    """MinHash signatures of many shingle sets at once.

    Work is done in chunks of about `chunk` shingles, so temporaries stay near
    `chunk * num_perm * 4` bytes (4 MB by default) whatever the batch.

    >>> mh = BatchMinHash(num_perm=128, seed=1)
    >>> sig = mh.signatures([np.arange(100, dtype=np.uint32)])
    >>> sig.shape
    (1, 128)
    """

    def __init__(self, num_perm: int = 128, seed: int = 1, chunk: int = 8192) -> None:
        if num_perm < 1:
            raise ValueError("num_perm must be positive")
        self.num_perm = num_perm
        self.seed = seed
        self.chunk = max(1, chunk)
        self.a, self.b = permutations(num_perm, seed)
        # Permutation-major buffer: each row is one permutation over the chunk's shingles.
        self._buf = np.empty((num_perm, self.chunk), dtype=np.uint32)

    def _rows_min(self, values: Array, starts: Array) -> Array:
        """Column i = min of the permuted hashes of values[starts[i]:starts[i+1]] (last: to the
        end), as a `[num_perm, len(starts)]` array. At most `chunk` values, no empty group."""
        buf = self._buf[:, : len(values)]
        np.multiply(self.a[:, None], fmix32(values)[None, :], out=buf)
        buf += self.b[:, None]
        return np.minimum.reduceat(buf, starts, axis=1)

    def signatures_csr(self, values: Array, offsets: Array) -> Array:
        """Signatures of the sets `values[offsets[i]:offsets[i+1]]`: uint32 `[n, num_perm]`.

        >>> mh = BatchMinHash(num_perm=2, seed=1)
        >>> mh.signatures_csr(np.array([5, 6, 7], np.uint32), np.array([0, 2, 2, 3])).shape
        (3, 2)
        """
        values = np.asarray(values, dtype=np.uint32)
        offsets = np.asarray(offsets, dtype=np.int64)
        n = len(offsets) - 1
        out = np.full((self.num_perm, n), EMPTY, dtype=np.uint32)
        i = 0
        while i < n:
            lo = int(offsets[i])
            # The longest run of documents i..j-1 whose shingles fit in one chunk.
            j = int(np.searchsorted(offsets, lo + self.chunk, "right")) - 1
            if j <= i:
                # One document larger than a chunk: fold its pieces into its column.
                hi = int(offsets[i + 1])
                for p in range(lo, hi, self.chunk):
                    piece = self._rows_min(
                        values[p : min(p + self.chunk, hi)], np.zeros(1, np.intp)
                    )
                    np.minimum(out[:, i], piece[:, 0], out=out[:, i])
                i += 1
                continue
            counts = np.diff(offsets[i : j + 1])
            full = np.flatnonzero(counts)
            if len(full) == j - i:
                starts = (offsets[i:j] - lo).astype(np.intp)
                out[:, i:j] = self._rows_min(values[lo : int(offsets[j])], starts)
            elif len(full):
                starts = (offsets[i:j][full] - lo).astype(np.intp)
                out[:, i + full] = self._rows_min(values[lo : int(offsets[j])], starts)
            i = j
        return np.ascontiguousarray(out.T)

    def signatures(self, shingle_sets: Sequence[Array]) -> Array:
        """Signatures of a list of shingle-hash arrays: uint32 `[len(shingle_sets), num_perm]`."""
        offsets = np.zeros(len(shingle_sets) + 1, dtype=np.int64)
        np.cumsum([len(s) for s in shingle_sets], out=offsets[1:])
        if len(shingle_sets):
            values = np.concatenate([np.asarray(s, dtype=np.uint32) for s in shingle_sets])
        else:
            values = np.empty(0, dtype=np.uint32)
        return self.signatures_csr(values, offsets)


def estimate_jaccard(sig_a: Array, sig_b: Array) -> float:
    """Share of equal slots of two signatures (datasketch's `MinHash.jaccard`).

    >>> estimate_jaccard(np.array([1, 2, 3, 4], np.uint32), np.array([1, 2, 0, 0], np.uint32))
    0.5
    """
    return float(np.count_nonzero(sig_a == sig_b)) / float(len(sig_a))


def estimate_jaccard_pairs(sigs: Array, left: Array, right: Array) -> Array:
    """Estimated Jaccard of the row pairs (left[i], right[i]) of `sigs` (float64 array).

    >>> s = np.array([[1, 2], [1, 3], [4, 5]], np.uint32)
    >>> estimate_jaccard_pairs(s, np.array([0, 0]), np.array([1, 2])).tolist()
    [0.5, 0.0]
    """
    out = np.empty(len(left), dtype=np.float64)
    step = 65536
    for p in range(0, len(left), step):
        eq = sigs[left[p : p + step]] == sigs[right[p : p + step]]
        out[p : p + step] = np.count_nonzero(eq, axis=1) / sigs.shape[1]
    return out


def is_empty(sigs: Array) -> Array:
    """True for the rows of `sigs` that are empty sets (every slot the sentinel).

    Empty rows all look identical (Jaccard estimate 1.0): keep them out of LSH buckets.

    >>> is_empty(np.array([[EMPTY, EMPTY], [EMPTY, 3]], np.uint32)).tolist()
    [True, False]
    """
    return np.asarray((sigs == EMPTY).all(axis=-1))
