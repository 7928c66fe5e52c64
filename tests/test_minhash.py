"""Batched MinHash: bit-identical to datasketch's affine32 MinHash, and accurate."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from curate.dedup import minhash as mh
from curate.dedup.config import DedupConfig
from curate.dedup.shingles import exact_jaccard, shingle_batch, shingle_hash, shingle_texts

FR = (
    "Le gouvernement a annoncé mardi un plan de soutien aux agriculteurs touchés par la "
    "sécheresse. « C'est une première étape », a déclaré la ministre devant les députés, "
    "en promettant de nouvelles mesures d'ici la fin de l'année pour les éleveurs."
)
EN = (
    "The city council voted on Tuesday to approve the new budget, which includes funding "
    "for schools, road repairs and a new public library in the northern district."
)
ZH = "我们今天去北京看了很多东西，天气非常好。明天我们要去上海参观博物馆，然后回家。"
TEXTS = {
    "fr": FR,
    "en": EN,
    "zh": ZH,
    "ja": "東京タワーは高い。私は昨日そこへ行きました。",
    "empty": "",
    "punct": " -- ... !! ",
    "short": "Trois mots seulement",
    "one": "x",
    "long": (FR + " " + EN) * 30,
}


def _datasketch(text: str, num_perm: int, seed: int, cfg: DedupConfig) -> np.ndarray:  # type: ignore[type-arg]
    m = MinHash(num_perm=num_perm, seed=seed, scheme="affine32", hashfunc=shingle_hash)
    m.update_batch([s.encode("utf-8") for s in shingle_texts(text, cfg)])
    return np.asarray(m.hashvalues)


@pytest.mark.parametrize("seed", [1, 42])
def test_permutations_equal_datasketch(seed: int) -> None:
    a, b = mh.permutations(128, seed)
    ref = MinHash(num_perm=128, seed=seed, scheme="affine32").permutations
    assert a.dtype == b.dtype == np.uint32
    assert np.array_equal(a, ref[0])
    assert np.array_equal(b, ref[1])
    assert bool((a & 1).all())


def test_fmix32_equals_datasketch() -> None:
    from datasketch.minhash import _fmix

    x = np.array([0, 1, 2, 0xDEADBEEF, 0xFFFFFFFF], dtype=np.uint32)
    assert np.array_equal(mh.fmix32(x), _fmix(x.copy(), 32))


@pytest.mark.parametrize(("num_perm", "seed", "chunk"), [(128, 1, 8192), (128, 42, 7), (64, 3, 50)])
def test_signatures_bit_identical_to_datasketch(num_perm: int, seed: int, chunk: int) -> None:
    cfg = DedupConfig(char_ngram=3)
    names = list(TEXTS)
    batch = shingle_batch([TEXTS[k] for k in names], cfg)
    sigs = mh.BatchMinHash(num_perm, seed, chunk=chunk).signatures_csr(batch.values, batch.offsets)
    assert sigs.shape == (len(names), num_perm)
    assert sigs.dtype == np.uint32
    for i, name in enumerate(names):
        assert np.array_equal(sigs[i], _datasketch(TEXTS[name], num_perm, seed, cfg)), name


def test_empty_documents_keep_the_sentinel() -> None:
    sigs = mh.BatchMinHash(16, 1).signatures(
        [np.empty(0, np.uint32), np.array([7], np.uint32), np.empty(0, np.uint32)]
    )
    assert mh.is_empty(sigs).tolist() == [True, False, True]
    assert bool((sigs[0] == 0xFFFFFFFF).all())
    ref = MinHash(num_perm=16, seed=1, scheme="affine32")
    assert np.array_equal(sigs[0], ref.hashvalues)
    assert mh.BatchMinHash(16, 1).signatures([]).shape == (0, 16)


def test_list_and_csr_inputs_agree_and_repeats_do_not_matter() -> None:
    rng = np.random.default_rng(0)
    sets = [rng.integers(0, 2**32, size=n, dtype=np.uint32) for n in (0, 1, 5, 300, 40)]
    batch = mh.BatchMinHash(32, 9, chunk=64)
    by_list = batch.signatures(sets)
    doubled = batch.signatures([np.concatenate([s, s[::-1]]) for s in sets])
    assert np.array_equal(by_list, doubled)
    for i, s in enumerate(sets):
        m = MinHash(num_perm=32, seed=9, scheme="affine32", hashfunc=int)
        m.update_batch(s.tolist())
        assert np.array_equal(by_list[i], m.hashvalues)


def test_estimates_close_to_exact_jaccard() -> None:
    rng = np.random.default_rng(1)
    universe = rng.choice(2**32, size=6000, replace=False).astype(np.uint32)
    batch = mh.BatchMinHash(128, 1)
    for target in (0.2, 0.5, 0.8, 0.95):
        common = round(2000 * 2 * target / (1 + target))
        a = np.sort(universe[:2000])
        b = np.sort(np.concatenate([universe[:common], universe[2000 : 4000 - common]]))
        exact = exact_jaccard(a, b)
        assert exact == pytest.approx(target, abs=0.01)
        sa, sb = batch.signatures([a, b])
        assert abs(mh.estimate_jaccard(sa, sb) - exact) < 0.12


def test_estimates_on_edited_text() -> None:
    cfg = DedupConfig()
    base = (FR + " " + EN) * 3
    edited = base.replace("budget", "plan", 1).replace("mardi", "jeudi", 1)
    batch = shingle_batch([base, edited, EN], cfg)
    sigs = mh.BatchMinHash(128, 1).signatures_csr(batch.values, batch.offsets)
    exact = exact_jaccard(batch.doc(0), batch.doc(1))
    assert 0.85 < exact < 1.0
    assert abs(mh.estimate_jaccard(sigs[0], sigs[1]) - exact) < 0.1
    part = exact_jaccard(batch.doc(0), batch.doc(2))  # EN is a part of base
    assert 0.1 < part < 0.5
    assert abs(mh.estimate_jaccard(sigs[0], sigs[2]) - part) < 0.12
    pairs = mh.estimate_jaccard_pairs(sigs, np.array([0, 0, 1]), np.array([1, 2, 1]))
    assert pairs[0] == mh.estimate_jaccard(sigs[0], sigs[1])
    assert pairs[2] == 1.0
