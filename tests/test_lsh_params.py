"""LSH banding parameters (equal to datasketch's) and band keys."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHashLSH

from curate.dedup import lsh


@pytest.mark.parametrize(
    ("threshold", "num_perm", "weights"),
    [(0.8, 128, (0.5, 0.5)), (0.5, 128, (0.5, 0.5)), (0.7, 128, (0.3, 0.7)), (0.9, 64, (0.5, 0.5))],
)
def test_optimal_bands_equal_datasketch(
    threshold: float, num_perm: int, weights: tuple[float, float]
) -> None:
    index = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
    assert lsh.optimal_bands(threshold, num_perm, *weights) == (index.b, index.r)


def test_known_values() -> None:
    assert lsh.optimal_bands(0.8, 128) == (9, 13)
    assert lsh.optimal_bands(0.5, 128) == (25, 5)


@pytest.mark.parametrize("num_perm", [64, 128, 256])
def test_numpy_fallback_equals_datasketch(num_perm: int) -> None:
    from datasketch.lsh import _optimal_param

    for threshold in (0.3, 0.6, 0.72, 0.85, 0.95):
        for weights in ((0.5, 0.5), (0.3, 0.7)):
            expected = tuple(_optimal_param(threshold, num_perm, *weights))
            assert lsh._optimal_bands_numpy(threshold, num_perm, *weights) == expected


def test_band_keys_shape_and_determinism() -> None:
    sigs = np.arange(2 * 128, dtype=np.uint32).reshape(2, 128)
    keys = lsh.band_keys(sigs, 9, 13)
    assert keys.shape == (2, 9)
    assert keys.dtype == np.uint64
    # Pinned: keys are stored in band files and must not change between versions.
    pinned = lsh.band_keys(np.arange(128, dtype=np.uint32).reshape(1, 128), 9, 13)
    assert pinned[0, :2].tolist() == [6376609404268665673, 14943913439620932263]
    assert np.array_equal(lsh.band_keys(sigs, 9, 13, chunk=1), keys)


def test_band_keys_follow_band_slices() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 2**32, size=128, dtype=np.uint32)
    b = a.copy()
    b[13 * 4 + 2] ^= 1  # one value in band 4
    same = np.zeros(128, dtype=np.uint32)
    keys = lsh.band_keys(np.stack([a, b, same]), 9, 13)
    assert (keys[0] == keys[1]).tolist() == [True] * 4 + [False] + [True] * 4
    # Equal slices in different bands still give different keys.
    assert len(set(keys[2].tolist())) == 9
    # Values past bands * rows are ignored.
    c = a.copy()
    c[127] ^= 1
    assert np.array_equal(lsh.band_keys(c[None, :], 9, 13), keys[:1])


def test_band_keys_reject_bad_parameters() -> None:
    sigs = np.zeros((1, 128), dtype=np.uint32)
    with pytest.raises(ValueError):
        lsh.band_keys(sigs, 10, 13)
    with pytest.raises(ValueError):
        lsh.band_keys(sigs[0], 9, 13)
    with pytest.raises(ValueError):
        lsh.optimal_bands(1.5, 128)
