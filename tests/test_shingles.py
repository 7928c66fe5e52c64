"""Normalisation, tokens and shingle hashes: folding facts, batch == reference, stability."""

from __future__ import annotations

import random

import numpy as np
import pytest

from curate.config import build_section
from curate.dedup import shingles as sh
from curate.dedup.config import DedupConfig
from curate.errors import ConfigError

FR = (
    "Le gouvernement a annoncé mardi 12 mars 2019 un plan de 300.000 euros pour la région. "
    "« C'est une première étape », a déclaré la ministre, à l'Assemblée nationale."
)
EN = "The council voted 7-2 on Tuesday to approve the new budget, officials said."
ZH = "我们今天去北京看了很多东西，天气非常好。明天我们要去上海参观博物馆。"
JA = "東京タワーは高い。私は昨日そこへ行きました。"
TH = "ภาษาไทยเป็นภาษาที่สวยงามมาก"
ODD = [
    "",
    "x",
    "a b",
    "Straße ﬁn ½ 3.14 ٣٣ … ™",
    "\u00ad\u0301",
    "1\u00ad2\u00ad3 inter\u00adnational",
    "mixed 中文 text with english words here and there",
    "क़ ख़ हिन्दी भाषा",
    "😀 emoji 😀 𠀀𠀁 text",
    "\ud800 lone surrogate",
    "___ --- ...",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pools = [
        (0x20, 0x7E), (0xC0, 0x17F), (0x300, 0x36F), (0x4E00, 0x4E40), (0x3040, 0x30FF),
        (0x0E01, 0x0E3A), (0x30, 0x39), (0x660, 0x669), (0x1F600, 0x1F610), (0xAD, 0xAD),
        (0xDF, 0xDF), (0x2026, 0x2026), (0xFB01, 0xFB01), (0x20, 0x20), (0x20, 0x20),
    ]  # fmt: skip
    out = []
    for _ in range(n):
        chars = []
        for _ in range(rng.randint(0, 120)):
            lo, hi = rng.choice(pools)
            chars.append(chr(rng.randint(lo, hi)))
        out.append("".join(chars))
    return out


CORPUS = [FR, EN, ZH, JA, TH, *ODD, *_random_texts(60, 7), FR * 20]


def _reference(text: str, cfg: DedupConfig) -> np.ndarray:  # type: ignore[type-arg]
    hashes = [sh.shingle_hash(s) for s in sh.shingle_texts(text, cfg)]
    return np.unique(np.array(hashes, dtype=np.uint32))


# --------------------------------------------------------------------------- normalisation


def test_tokens_fold_case_diacritics_digits_punctuation() -> None:
    assert sh.tokens("L'Été 2019, à Paris!") == ["l", "ete", "0", "a", "paris"]
    assert sh.tokens("Ｃafé-crème n°12 ٣") == ["cafe", "creme", "n", "0", "0"]
    assert sh.tokens("Straße ﬁn İstanbul") == ["strasse", "fin", "istanbul"]
    assert sh.tokens("inter\u00adnational re\u0301sume\u0301") == ["international", "resume"]
    assert sh.tokens("covid19 B2B") == ["covid0", "b0b"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Le Président de la République parle", "le président de la république PARLE"),
        ("Élysée, Noël, façade, naïve, Ångström", "elysee noel facade naive angstrom"),
        ("Die Straße ist sehr schön heute abend", "die strasse ist sehr schon heute abend"),
        ("Le 12 mars 2019 à 19h06, 300 000 morts", "Le 3 mars 2020 à 7h15, 250 111 morts"),
        ("l'homme, dit-il: « non » (vraiment) !", "l homme dit il non vraiment"),
        ("one\ntwo\t\tthree   four…five", "one two three four five"),
        ("ｆｕｌｌ ｗｉｄｔｈ ＴＥＸＴ ok", "full width text ok"),
    ],
)
def test_folded_variants_have_equal_hashes(a: str, b: str) -> None:
    cfg = DedupConfig(ngram=3)
    ha, hb = sh.shingle_hashes(a, cfg), sh.shingle_hashes(b, cfg)
    assert len(ha) > 0
    assert np.array_equal(ha, hb)
    assert sh.fingerprint(a, cfg) == sh.fingerprint(b, cfg)


def test_different_words_differ() -> None:
    cfg = DedupConfig(ngram=2)
    a = sh.shingle_hashes("le chat noir dort", cfg)
    b = sh.shingle_hashes("le chien noir dort", cfg)
    assert sh.exact_jaccard(a, b) == pytest.approx(1 / 5)
    assert sh.fingerprint("le chat noir", cfg) != sh.fingerprint("noir le chat", cfg)


def test_fold_table_is_idempotent() -> None:
    tb = sh.fold_tables(tuple(DedupConfig().char_scripts))
    word = np.isin(tb.cls, [sh.WORD, sh.UNSPACED, sh.DIGIT])
    folded = tb.fold[word]
    assert np.array_equal(tb.fold[folded], folded)
    assert np.array_equal(tb.cls[folded], tb.cls[word])
    # Every expansion is already folded.
    for src, dst in tb.expand.items():
        assert sh.tokens(dst) == sh.tokens(src)


def test_bad_script_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        sh.tokens("x", DedupConfig(char_scripts=["NoSuchScript"]))


# --------------------------------------------------------------------------- shingles


def test_short_and_empty_texts() -> None:
    cfg = DedupConfig()
    assert sh.shingle_texts("", cfg) == []
    assert sh.shingle_texts(" ,;: ", cfg) == []
    assert sh.shingle_texts("Un deux trois", cfg) == ["un deux trois"]
    assert len(sh.shingle_hashes("Un deux trois", cfg)) == 1
    assert sh.shingle_hashes("", cfg).dtype == np.uint32
    assert len(sh.shingle_hashes("", cfg)) == 0
    words = "a b c d e f g"
    assert sh.shingle_texts(words, cfg) == ["a b c d e", "b c d e f", "c d e f g"]


def test_char_ngrams_chosen_by_script() -> None:
    cfg = DedupConfig(ngram=5, char_ngram=3)
    assert sh.ngram_size(ZH, cfg) == 3
    assert sh.ngram_size(JA, cfg) == 3
    assert sh.ngram_size(TH, cfg) == 3
    assert sh.ngram_size(EN, cfg) == 5
    assert sh.ngram_size("An English sentence naming 北京 once in a long paragraph", cfg) == 5
    assert sh.shingle_texts("東京タワー", cfg) == ["東 京 タ", "京 タ ワ", "タ ワ ー"]
    batch = sh.shingle_batch([ZH, EN, JA], cfg)
    assert batch.ngram.tolist() == [3, 5, 3]
    # Punctuation is not a token; windows run over the token sequence, as word n-grams do.
    letters = [c for c in ZH if c not in "，。"]
    assert len(sh.shingle_texts(ZH, cfg)) == len(letters) - 2
    assert sh.tokens(ZH, cfg) == letters


@pytest.mark.parametrize(
    "cfg",
    [
        DedupConfig(),
        DedupConfig(ngram=3, char_ngram=2),
        DedupConfig(ngram=1, char_script_share=0.0),
    ],
)
@pytest.mark.parametrize(("chunk", "piece"), [(1 << 19, 1 << 19), (40, 7)])
def test_batch_equals_reference(
    cfg: DedupConfig, chunk: int, piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sh, "CHUNK_CHARS", chunk)
    monkeypatch.setattr(sh, "PIECE_CHARS", piece)
    batch = sh.shingle_batch(CORPUS, cfg)
    loose = sh.shingle_batch(CORPUS, cfg, unique=False)
    assert len(batch) == len(CORPUS)
    for i, text in enumerate(CORPUS):
        ref = _reference(text, cfg)
        assert np.array_equal(batch.doc(i), ref), text[:40]
        assert np.array_equal(np.unique(loose.doc(i)), ref)
        assert len(loose.doc(i)) == len(sh.shingle_texts(text, cfg))
        assert int(batch.fingerprints[i]) == sh.fingerprint(text, cfg)
        assert int(batch.n_tokens[i]) == len(sh.tokens(text, cfg))
        assert int(batch.ngram[i]) == sh.ngram_size(text, cfg)


def test_batch_offsets_and_split() -> None:
    batch = sh.shingle_batch(["a b c d e f", "", "x"], DedupConfig())
    assert batch.offsets.tolist() == [0, 2, 2, 3]
    assert [len(a) for a in batch.split()] == [2, 0, 1]
    assert batch.values.dtype == np.uint32
    assert np.array_equal(batch.doc(2), sh.shingle_hashes("x"))
    empty = sh.shingle_batch([], DedupConfig())
    assert len(empty) == 0
    assert empty.offsets.tolist() == [0]


# --------------------------------------------------------------------------- hashes


def test_hash_values_are_pinned() -> None:
    # Stored signatures depend on these: a change here breaks incremental runs.
    assert sh.token_hash("paris") == 1421277039518882400
    assert sh.shingle_hash("le chat est sur le") == 3375609304
    assert sh.shingle_hash("東 京 タ") == 3464071652
    assert sh.fingerprint("Hello, World!") == 1841485732447225901


def test_shingle_hash_accepts_bytes_and_str() -> None:
    assert sh.shingle_hash(b"le chat") == sh.shingle_hash("le chat")
    assert sh.shingle_hash("le chat") != sh.shingle_hash("chat le")
    assert sh.shingle_hash("a b") != sh.shingle_hash("ab")


def test_exact_jaccard() -> None:
    a = np.array([1, 2, 3, 4], dtype=np.uint32)
    b = np.array([3, 4, 5, 6, 7, 8], dtype=np.uint32)
    assert sh.exact_jaccard(a, b) == pytest.approx(2 / 8)
    assert sh.exact_jaccard(a, a) == 1.0
    empty = np.empty(0, dtype=np.uint32)
    assert sh.exact_jaccard(empty, empty) == 1.0
    assert sh.exact_jaccard(a, empty) == 0.0


def test_config_from_section() -> None:
    cfg = build_section(
        {"ngram": 4, "char-scripts": ["Han"], "verify_threshold": 0.7}, "dedup", DedupConfig
    )
    assert (cfg.ngram, cfg.char_scripts, cfg.effective_verify_threshold) == (4, ["Han"], 0.7)
    assert DedupConfig().effective_verify_threshold == 0.8
    default = DedupConfig()
    assert (default.num_perm, default.seed, default.exact_verify) == (128, 1, False)
    with pytest.raises(ConfigError):
        build_section({"ngram": 0}, "dedup", DedupConfig)
    with pytest.raises(ConfigError):
        build_section({"bands": 9}, "dedup", DedupConfig)
    with pytest.raises(ConfigError):
        build_section({"bands": 20, "rows": 20}, "dedup", DedupConfig)
