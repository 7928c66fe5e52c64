"""LSH banding: (bands, rows) for a Jaccard threshold, and one 64-bit key per band.

`optimal_bands` minimises the weighted sum of the false-positive and false-negative
probability areas, exactly as `datasketch.MinHashLSH` does (its `_optimal_param` is used
when importable; the numpy fallback integrates the same curves by Gauss-Legendre).

>>> optimal_bands(0.8, 128)
(9, 13)
>>> import numpy as np
>>> keys = band_keys(np.zeros((2, 128), np.uint32), 9, 13)
>>> keys.shape, keys.dtype.name, bool(keys[0, 0] == keys[1, 0] != keys[0, 1])
((2, 9), 'uint64', True)
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

_F1 = np.uint64(0xFF51AFD7ED558CCD)
_F2 = np.uint64(0xC4CEB9FE1A85EC53)
_BAND = 0x9E3779B97F4A7C15  # band index multiplier


@functools.cache
def _legendre(n: int) -> tuple[Array, Array]:
    nodes, weights = np.polynomial.legendre.leggauss(n)
    return nodes, weights


def _optimal_bands_numpy(
    threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5
) -> tuple[int, int]:
    """datasketch's search in numpy: every (b, r) with b * r <= num_perm, in datasketch's
    order (b, then r), first minimum wins; areas by 128-point Gauss-Legendre quadrature."""
    pairs = np.array(
        [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=float
    )
    b, r = pairs[:, :1], pairs[:, 1:]
    nodes, weights = _legendre(128)

    def area(lo: float, hi: float) -> tuple[Array, Array]:
        s = (hi - lo) / 2 * nodes + (hi + lo) / 2
        p = 1 - (1 - s[None, :] ** r) ** b  # P(candidate | Jaccard s)
        return (hi - lo) / 2 * (p @ weights), (hi - lo) / 2 * ((1 - p) @ weights)

    fp, _ = area(0.0, threshold)
    _, fn = area(threshold, 1.0)
    best = int(np.argmin(fp * fp_weight + fn * fn_weight))
    return int(pairs[best, 0]), int(pairs[best, 1])


@functools.cache
def optimal_bands(
    threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5
) -> tuple[int, int]:
    """(bands, rows) that datasketch's `MinHashLSH(threshold, num_perm, weights)` would use.

    >>> optimal_bands(0.5, 128)
    (25, 5)
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must be in [0, 1]")
    if num_perm < 2:
        raise ValueError("num_perm must be >= 2")
    try:
        from datasketch.lsh import _optimal_param
    except ImportError:  # pragma: no cover - datasketch is a dependency
        return _optimal_bands_numpy(threshold, num_perm, fp_weight, fn_weight)
    bands, rows = _optimal_param(threshold, num_perm, fp_weight, fn_weight)
    return int(bands), int(rows)


def _fmix64(h: Array) -> Array:
    h ^= h >> np.uint64(33)
    h *= _F1
    h ^= h >> np.uint64(33)
    h *= _F2
    h ^= h >> np.uint64(33)
    return h


@functools.cache
def _row_constants(rows: int) -> Array:
    """Odd 64-bit multipliers of the rows of a band (fixed, from splitmix64)."""
    out = []
    x = 0x5EED
    for _ in range(rows):
        x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        out.append((z ^ (z >> 31)) | 1)
    return np.array(out, dtype=np.uint64)


def band_keys(signatures: Array, bands: int, rows: int, chunk: int = 65536) -> Array:
    """One uint64 key per band: `fmix64(sum_k C_k * sig[band * rows + k] + band * G)`.

    Pure integer arithmetic mod 2**64, so keys are the same on every platform and process.
    The band number is mixed in: equal slices in different bands give different keys.

    >>> s = np.arange(8, dtype=np.uint32).reshape(1, 8)
    >>> band_keys(s, 2, 4).shape
    (1, 2)
    """
    sigs = np.asarray(signatures)
    if sigs.ndim != 2:
        raise ValueError("signatures must be a 2-d array")
    if bands < 1 or rows < 1 or bands * rows > sigs.shape[1]:
        raise ValueError(f"{bands} bands x {rows} rows do not fit {sigs.shape[1]} permutations")
    consts = _row_constants(rows)
    offsets = np.arange(bands, dtype=np.uint64) * np.uint64(_BAND)
    out = np.empty((len(sigs), bands), dtype=np.uint64)
    for lo in range(0, len(sigs), chunk):
        part = sigs[lo : lo + chunk, : bands * rows].astype(np.uint64)
        part = part.reshape(len(part), bands, rows)
        part *= consts
        acc = part.sum(axis=2, dtype=np.uint64)
        acc += offsets
        out[lo : lo + chunk] = _fmix64(acc)
    return out
