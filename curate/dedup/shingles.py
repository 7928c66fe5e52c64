"""Normalised shingles of cleaned text, as 32-bit hashes, computed with vectorised numpy.

Normalisation folds case (`str.casefold`), compatibility forms (NFKD), diacritics (Latin,
Greek and Cyrillic combining marks, Hebrew and Arabic points), digits (every digit run
becomes one `0`) and punctuation (every character that is not a letter, number or mark
separates tokens). Soft hyphens and other format characters are dropped. Letters of scripts
written without spaces (`DedupConfig.char_scripts`: Han, kana, Thai, ...) are one token each;
a document whose letters are at least `char_script_share` such letters is shingled in
`char_ngram`-grams of them, any other in `ngram`-grams of words.

Hashing, identical in the batch path and the pure-Python reference:

* token hash: `fmix64(sum(ord(c_j) * Q**j) + len * K)` over its folded characters (mod 2**64);
* shingle hash of tokens `t_0..t_{m-1}`: `fmix64(sum(C_k * token_hash(t_k)) + m * K2) >> 32`.

A text with fewer tokens than n gives one shingle of all its tokens; an empty one none.
`shingle_hash` hashes a shingle written as its tokens joined by single spaces (as
`shingle_texts` writes them), so it can serve as datasketch's `hashfunc`.

>>> from curate.dedup.config import DedupConfig
>>> cfg = DedupConfig(ngram=3)
>>> tokens("L'Été 2019, à Paris!", cfg)
['l', 'ete', '0', 'a', 'paris']
>>> shingle_texts("L'Été 2019, à Paris!", cfg)
['l ete 0', 'ete 0 a', '0 a paris']
>>> a = shingle_hashes("L'Été 2019, à Paris!", cfg)
>>> b = shingle_hashes("l'ete 2020 a PARIS", cfg)
>>> a.dtype.name, len(a), bool((a == b).all())
('uint32', 3, True)
>>> sorted(a.tolist()) == sorted(shingle_hash(s) for s in shingle_texts("l ete 0 a paris", cfg))
True
"""

from __future__ import annotations

import functools
import struct
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import regex
import xxhash

from curate.dedup.config import DedupConfig
from curate.errors import ConfigError

Array = np.ndarray[Any, Any]

_M64 = (1 << 64) - 1
_Q = 0x9E3779B97F4A7C15  # odd base of the token polynomial
_K = 0xD6E8FEB86659FD93  # token length multiplier
_K2 = 0xA0761D6478BD642F  # shingle length multiplier
_F1 = 0xFF51AFD7ED558CCD  # MurmurHash3 fmix64 constants
_F2 = 0xC4CEB9FE1A85EC53

# Character classes of the fold table.
SEP, WORD, DIGIT, UNSPACED, DROP, EXPAND = range(6)

# Characters per vectorised chunk of documents (bounds the temporaries to ~5 MB), and
# per piece of the token-hash step (its power tables hold 16 bytes per character).
CHUNK_CHARS = 1 << 17
PIECE_CHARS = 1 << 17

# Diacritics removed by the fold: combining marks of Latin/Greek/Cyrillic, symbols, half
# marks, variation selectors, and Hebrew / Arabic points.
_DIACRITICS = (
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2),
    (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670),
    (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0xE0100, 0xE01EF),
)  # fmt: skip


def _splitmix64(x: int) -> int:
    x = (x + 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


@functools.cache
def _position_constant(k: int) -> int:
    """C_k: the odd multiplier of the k-th token of a shingle."""
    return _splitmix64(0xC0FFEE + k) | 1


def _fmix64(h: int) -> int:
    h ^= h >> 33
    h = (h * _F1) & _M64
    h ^= h >> 33
    h = (h * _F2) & _M64
    return h ^ (h >> 33)


def token_hash(token: str) -> int:
    """64-bit hash of one normalised token (pure Python, equal to the batch path).

    >>> token_hash("paris") == token_hash("paris") != token_hash("pari")
    True
    """
    h = 0
    power = 1
    for ch in token:
        h = (h + ord(ch) * power) & _M64
        power = (power * _Q) & _M64
    return _fmix64((h + len(token) * _K) & _M64)


def _combine(token_hashes: Sequence[int]) -> int:
    acc = 0
    for k, th in enumerate(token_hashes):
        acc = (acc + _position_constant(k) * th) & _M64
    return _fmix64((acc + len(token_hashes) * _K2) & _M64) >> 32


def shingle_hash(shingle: str | bytes) -> int:
    """32-bit hash of a shingle given as its tokens joined by single spaces.

    Usable as `datasketch.MinHash(hashfunc=shingle_hash)`: it gives the values that
    `shingle_hashes` computes in batch.

    >>> 0 <= shingle_hash("le chat est sur le") < 2**32
    True
    >>> shingle_hash(b"le chat") == shingle_hash("le chat")
    True
    """
    text = shingle.decode("utf-8") if isinstance(shingle, bytes) else shingle
    return _combine([token_hash(t) for t in text.split(" ")])


# --------------------------------------------------------------------------- fold tables


def _dropped(ch: str) -> bool:
    cp = ord(ch)
    if unicodedata.category(ch) == "Cf":
        return True
    return any(lo <= cp <= hi for lo, hi in _DIACRITICS)


def _fold_once(text: str) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    s = unicodedata.normalize("NFC", "".join(ch for ch in s if not _dropped(ch)))
    return "".join("0" if unicodedata.category(ch) == "Nd" else ch for ch in s)


def _fold_char(ch: str) -> str:
    """The folded form of one character (a fixpoint of the per-character fold)."""
    s = _fold_once(ch)
    for _ in range(4):
        nxt = "".join(_fold_once(c) for c in s)
        if nxt == s:
            break
        s = nxt
    return s


_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def _codepoints(text: str) -> Array:
    """The code points of `text` as a (read-only) uint32 array."""
    return np.frombuffer(text.encode(_UTF32, "surrogatepass"), dtype=np.uint32)


@dataclass(frozen=True)
class FoldTables:
    """Per-code-point fold (`fold`), class (`cls`) and multi-character expansions."""

    fold: Array
    cls: Array
    expand: dict[str, str]
    packed: Array  # uint32: fold | cls << 24
    expand_packed: dict[int, Array]  # code point -> `packed` entries of its expansion

    def rewrite(self, text: str) -> str:
        """`text` with dropped characters removed and multi-character folds applied."""
        cls = self.cls
        for ch in {c for c in text if cls[ord(c)] >= DROP}:
            text = text.replace(ch, self.expand.get(ch, ""))
        return text


@functools.cache
def fold_tables(char_scripts: tuple[str, ...]) -> FoldTables:
    """Build (once per process and script set) the tables of the whole code space (~0.2 s)."""
    for name in char_scripts:
        if not regex.fullmatch(r"[A-Za-z_]+", name):
            raise ConfigError(f"config: dedup.char_scripts has a bad script name {name!r}")
    every = np.arange(0x110000, dtype=np.uint32)
    every[0xD800:0xE000] = 0x20  # surrogates cannot be encoded: they separate
    text = every.tobytes().decode(_UTF32)
    base = np.zeros(0x110000, dtype=np.uint8)
    base[_codepoints(regex.sub(r"[^\p{L}\p{N}\p{M}]+", "", text))] = WORD
    if char_scripts:
        scripts = "".join(f"\\p{{scx={name}}}" for name in char_scripts)
        try:
            unspaced = regex.sub(f"[^{scripts}]+", "", text)
        except regex.error as exc:
            raise ConfigError(f"config: dedup.char_scripts: {exc}") from None
        cps = _codepoints(unspaced)
        base[cps[base[cps] == WORD]] = UNSPACED
    base[ord("0")] = DIGIT
    fold = np.arange(0x110000, dtype=np.uint32)
    cls = base.copy()
    expand: dict[str, str] = {}
    candidates = regex.sub(r"[^\p{NFKD_QC=N}\p{CWCF}\p{CWCM}\p{Nd}\p{Cf}\p{M}]+", "", text)
    for ch in candidates:
        folded = _fold_char(ch)
        cp = ord(ch)
        if not folded:
            cls[cp] = DROP
        elif len(folded) == 1:
            fold[cp] = ord(folded)
            cls[cp] = DIGIT if folded == "0" else base[ord(folded)]
        elif all(base[ord(c)] == SEP for c in folded):
            cls[cp] = SEP  # e.g. "…" -> "...": separators either way
        else:
            cls[cp] = EXPAND
            expand[ch] = folded
    cls[0xD800:0xE000] = SEP
    fold[cls == SEP] = 0  # separators add nothing to a token hash
    packed = fold | (cls.astype(np.uint32) << np.uint32(24))
    expand_packed = {ord(k): packed[_codepoints(v)] for k, v in expand.items()}
    return FoldTables(fold, cls, expand, packed, expand_packed)


def _tables(config: DedupConfig) -> FoldTables:
    return fold_tables(tuple(config.char_scripts))


# --------------------------------------------------------------------------- reference path


def _reference(text: str, tb: FoldTables) -> tuple[list[str], int, int]:
    """Tokens of `text`, its count of unspaced-script letters and of all token letters."""
    tokens: list[str] = []
    current: list[str] = []
    prev_digit = False
    n_unspaced = n_letters = 0
    for ch in tb.rewrite(text):
        cp = ord(ch)
        k = int(tb.cls[cp])
        if k == DROP:
            continue
        if k == DIGIT and prev_digit:
            continue
        prev_digit = k == DIGIT
        if k == SEP:
            if current:
                tokens.append("".join(current))
                current = []
            continue
        n_letters += 1
        folded = chr(int(tb.fold[cp]))
        if k == UNSPACED:
            n_unspaced += 1
            if current:
                tokens.append("".join(current))
                current = []
            tokens.append(folded)
        else:
            current.append(folded)
    if current:
        tokens.append("".join(current))
    return tokens, n_unspaced, n_letters


def _ngram_size(n_unspaced: int, n_letters: int, config: DedupConfig) -> int:
    if n_unspaced and n_unspaced / n_letters >= config.char_script_share:
        return config.char_ngram
    return config.ngram


def tokens(text: str, config: DedupConfig | None = None) -> list[str]:
    """Normalised tokens of `text` (pure-Python reference path).

    >>> tokens("Ｃafé-crème n°12 ٣")
    ['cafe', 'creme', 'n', '0', '0']
    >>> tokens("東京タワー")
    ['東', '京', 'タ', 'ワ', 'ー']
    """
    return _reference(text, _tables(config or DedupConfig()))[0]


def ngram_size(text: str, config: DedupConfig | None = None) -> int:
    """The n of `text`'s shingles: `char_ngram` when mostly unspaced script, else `ngram`.

    >>> ngram_size("我们今天去北京", DedupConfig(char_ngram=3))
    3
    """
    cfg = config or DedupConfig()
    _, n_unspaced, n_letters = _reference(text, _tables(cfg))
    return _ngram_size(n_unspaced, n_letters, cfg)


def shingle_texts(text: str, config: DedupConfig | None = None) -> list[str]:
    """The shingles of `text` as space-joined tokens, in order, with repeats (reference path).

    >>> shingle_texts("Un deux trois", DedupConfig())
    ['un deux trois']
    >>> shingle_texts("", DedupConfig())
    []
    """
    cfg = config or DedupConfig()
    toks, n_unspaced, n_letters = _reference(text, _tables(cfg))
    n = _ngram_size(n_unspaced, n_letters, cfg)
    if not toks:
        return []
    if len(toks) < n:
        return [" ".join(toks)]
    return [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]


def fingerprint(text: str, config: DedupConfig | None = None) -> int:
    """64-bit hash of the normalised token sequence (equal for texts equal after folding).

    >>> fingerprint("Hello, World!") == fingerprint("hello world") != fingerprint("world hello")
    True
    """
    toks = tokens(text, config)
    return xxhash.xxh3_64_intdigest(struct.pack(f"<{len(toks)}Q", *map(token_hash, toks)))


# --------------------------------------------------------------------------- batch path

_U64 = np.uint64
_U32 = np.uint32


def _fmix64_np(h: Array) -> Array:
    h ^= h >> _U64(33)
    h *= _U64(_F1)
    h ^= h >> _U64(33)
    h *= _U64(_F2)
    h ^= h >> _U64(33)
    return h


def _power_table(base: int, n: int) -> Array:
    """base**j mod 2**64 for j < n, by doubling."""
    out = np.empty(max(n, 1), dtype=np.uint64)
    out[0] = 1
    k = 1
    while k < n:
        m = min(k, n - k)
        np.multiply(out[:m], _U64(pow(base, k, 1 << 64)), out=out[k : k + m])
        k += m
    return out[:n]


_power_cache: list[tuple[Array, Array]] = []


def _powers(n: int) -> tuple[Array, Array]:
    """(Q**j, Q**-j) mod 2**64 for j < at least n (one cached pair, grown by doubling)."""
    if not _power_cache or len(_power_cache[0][0]) < n:
        size = 1 << max(n - 1, 1).bit_length()
        _power_cache[:] = [(_power_table(_Q, size), _power_table(pow(_Q, -1, 1 << 64), size))]
    return _power_cache[0]


@dataclass
class _Tokens:
    hashes: Array  # uint64 token hashes, documents in order
    counts: Array  # int64 tokens per document
    n: Array  # int64 n-gram size per document


def _rewrite(cps: Array, packed: Array, starts: Array, tb: FoldTables) -> tuple[Array, Array]:
    """Apply multi-character folds (ß -> ss) and remove dropped characters (soft hyphens)
    in a chunk's `packed` entries (modified in place); returns them with the new starts."""
    special = np.flatnonzero(packed >= _U32(DROP << 24))
    kind = packed[special] >> _U32(24)
    drops = special[kind == DROP]
    if len(drops):
        packed[drops] = _U32(DROP << 24)  # removed below, after the expansions
    grown = special[kind == EXPAND]
    if len(grown):
        pieces: list[Array] = []
        prev = 0
        for at, code in zip(grown.tolist(), cps[grown].tolist(), strict=True):
            pieces += [packed[prev:at], tb.expand_packed[code]]
            prev = at + 1
        pieces.append(packed[prev:])
        packed = np.concatenate(pieces)
        extra = np.cumsum([len(tb.expand_packed[c]) - 1 for c in cps[grown].tolist()])
        starts = starts + np.concatenate(([0], extra))[np.searchsorted(grown, starts)]
    if len(drops):
        keep = packed != _U32(DROP << 24)
        gone = np.flatnonzero(~keep)
        packed = packed[keep]
        starts = starts - np.searchsorted(gone, starts)
    return packed, starts


def _hash_tokens(folded: Array, tstart: Array, tlen: Array) -> Array:
    """fmix64(sum_j folded[s + j] * Q**j + len * K) of each token [s, s + len).

    Prefix sums of folded[i] * Q**i give each token's sum with absolute powers, shifted back
    by Q**-s; done one piece of at most PIECE_CHARS characters at a time.
    """
    sums = np.empty(len(tstart), dtype=np.uint64)
    k = 0
    while k < len(tstart):
        base = int(tstart[k])
        # Tokens k..e-1 start within PIECE_CHARS of base (at least one token).
        e = max(int(np.searchsorted(tstart, base + PIECE_CHARS, "left")), k + 1)
        end = int(tstart[e - 1] + tlen[e - 1])
        qpow, qinv = _powers(end - base)
        terms = folded[base:end].astype(np.uint64)
        terms *= qpow[: end - base]
        prefix = np.cumsum(terms)
        first = tstart[k:e] - base
        part = prefix[first + tlen[k:e] - 1]
        part -= prefix[first]
        part += terms[first]
        part *= qinv[first]
        sums[k:e] = part
        k = e
    sums += tlen.astype(np.uint64) * _U64(_K)
    return _fmix64_np(sums)


def _tokenise(texts: Sequence[str], tb: FoldTables, config: DedupConfig) -> _Tokens:
    """Token hashes of a chunk of documents, vectorised over all their characters."""
    n_docs = len(texts)
    cps = _codepoints("\n".join(texts))
    packed = tb.packed[cps]  # fold | class << 24
    starts = np.zeros(n_docs, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=n_docs)[:-1] + 1, out=starts[1:])
    if packed.max(initial=0) >= _U32(DROP << 24):
        packed, starts = _rewrite(cps, packed, starts, tb)
    cls = (packed >> _U32(24)).astype(np.uint8)
    # Digit runs fold to one `0`: drop every digit that follows a digit.
    digit = cls == DIGIT
    repeat = np.flatnonzero(digit[1:] & digit[:-1]) + 1
    if len(repeat):
        keep = np.ones(len(cls), dtype=bool)
        keep[repeat] = False
        starts -= np.searchsorted(repeat, starts)
        packed = packed[keep]
        cls = (packed >> _U32(24)).astype(np.uint8)
        digit = cls == DIGIT
    folded = packed & _U32(0xFFFFFF)
    word = cls != SEP
    joins = digit | (cls == WORD)
    glued = joins[1:] & joins[:-1]  # char i+1 continues the token of char i
    start = word.copy()
    start[1:] &= ~glued
    last = word.copy()
    last[:-1] &= ~glued
    tstart = np.flatnonzero(start)
    tlen = np.flatnonzero(last) + 1 - tstart
    hashes = _hash_tokens(folded, tstart, tlen) if len(tstart) else np.empty(0, np.uint64)
    first = np.searchsorted(tstart, starts)
    counts = np.diff(first, append=len(tstart)).astype(np.int64)
    n = np.full(n_docs, config.ngram, dtype=np.int64)
    upos = np.flatnonzero(cls == UNSPACED)
    if len(upos):
        n_unspaced = np.bincount(np.searchsorted(starts, upos, "right") - 1, minlength=n_docs)
        for i in np.flatnonzero(n_unspaced).tolist():
            n_letters = int(tlen[first[i] : first[i] + counts[i]].sum())
            n[i] = _ngram_size(int(n_unspaced[i]), n_letters, config)
    return _Tokens(hashes, counts, n)


def _windows(tok: _Tokens) -> tuple[Array, Array]:
    """(document, shingle hash) of every shingle of a chunk, grouped by document."""
    hashes, total = tok.hashes, len(tok.hashes)
    doc = np.repeat(np.arange(len(tok.counts)), tok.counts)
    docs_out: list[Array] = []
    vals_out: list[Array] = []
    sizes = np.unique(tok.n).tolist()
    for m in sizes:
        if total < m:
            continue
        width = total - m + 1
        acc = hashes[:width] * _U64(_position_constant(0))
        for k in range(1, m):
            acc += hashes[k : k + width] * _U64(_position_constant(k))
        acc += _U64((m * _K2) & _M64)
        valid = doc[m - 1 :] == doc[:width]
        if len(sizes) > 1:
            valid &= tok.n[doc[:width]] == m
        docs_out.append(doc[:width][valid])
        vals_out.append((_fmix64_np(acc[valid]) >> _U64(32)).astype(np.uint32))
    short = np.flatnonzero((tok.counts > 0) & (tok.counts < tok.n))
    if len(short):
        first = np.concatenate(([0], np.cumsum(tok.counts)))
        docs_out.append(short)
        vals_out.append(
            np.array(
                [_combine(hashes[first[i] : first[i + 1]].tolist()) for i in short.tolist()],
                dtype=np.uint32,
            )
        )
    if not docs_out:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.uint32)
    if len(docs_out) == 1:
        return docs_out[0], vals_out[0]
    docs = np.concatenate(docs_out)
    order = np.argsort(docs, kind="stable")
    return docs[order], np.concatenate(vals_out)[order]


@dataclass
class ShingleBatch:
    """Shingle hashes of many documents in CSR form: document i owns
    `values[offsets[i]:offsets[i+1]]`."""

    values: Array  # uint32
    offsets: Array  # int64, length n + 1
    fingerprints: Array  # uint64 hash of each document's normalised token sequence
    n_tokens: Array  # int64 tokens per document
    ngram: Array  # int64 n-gram size used for each document

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def doc(self, i: int) -> Array:
        """The shingle hashes of document `i`."""
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def split(self) -> list[Array]:
        """One shingle-hash array per document (views into `values`)."""
        return [self.doc(i) for i in range(len(self))]


def _chunk_bounds(texts: Sequence[str], limit: int) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    lo = size = 0
    for i, t in enumerate(texts):
        if size and size + len(t) > limit:
            bounds.append((lo, i))
            lo, size = i, 0
        size += len(t) + 1
    if lo < len(texts) or not bounds:
        bounds.append((lo, len(texts)))
    return bounds


def shingle_batch(
    texts: Sequence[str], config: DedupConfig | None = None, *, unique: bool = True
) -> ShingleBatch:
    """Shingle hashes of many documents at once.

    With `unique` each document's hashes are sorted and deduplicated; without, they keep
    text order with repeats (enough for MinHash, and faster).

    >>> batch = shingle_batch(["a b c d e f", "", "x"], DedupConfig())
    >>> batch.offsets.tolist(), batch.n_tokens.tolist()
    ([0, 2, 2, 3], [6, 0, 1])
    """
    cfg = config or DedupConfig()
    tb = _tables(cfg)
    n_docs = len(texts)
    vals_parts: list[Array] = []
    sizes = np.zeros(n_docs, dtype=np.int64)
    prints = np.zeros(n_docs, dtype=np.uint64)
    n_tokens = np.zeros(n_docs, dtype=np.int64)
    ngram = np.zeros(n_docs, dtype=np.int64)
    for lo, hi in _chunk_bounds(texts, CHUNK_CHARS):
        if lo == hi:
            continue
        tok = _tokenise(texts[lo:hi], tb, cfg)
        docs, vals = _windows(tok)
        if unique and len(vals):
            keys = np.sort((docs.astype(np.uint64) << _U64(32)) | vals, kind="stable")
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
            docs = (keys >> _U64(32)).astype(np.int64)
            vals = (keys & _U64(0xFFFFFFFF)).astype(np.uint32)
            sizes[lo:hi] = np.diff(np.searchsorted(docs, np.arange(hi - lo + 1)))
        else:  # n - ngram + 1 windows, or one shingle for a short non-empty text
            sizes[lo:hi] = np.maximum(tok.counts - tok.n + 1, (tok.counts > 0).astype(np.int64))
        vals_parts.append(vals)
        first = np.concatenate(([0], np.cumsum(tok.counts)))
        le = tok.hashes.astype("<u8", copy=False)
        bounds = zip(first[:-1].tolist(), first[1:].tolist(), strict=True)
        prints[lo:hi] = np.fromiter(
            (xxhash.xxh3_64_intdigest(le[a:b].data) for a, b in bounds),
            dtype=np.uint64,
            count=hi - lo,
        )
        n_tokens[lo:hi] = tok.counts
        ngram[lo:hi] = tok.n
    values = np.concatenate(vals_parts) if vals_parts else np.empty(0, dtype=np.uint32)
    offsets = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    return ShingleBatch(values, offsets, prints, n_tokens, ngram)


def shingle_hashes(text: str, config: DedupConfig | None = None) -> Array:
    """Sorted, distinct 32-bit shingle hashes of one text (uint32 array).

    >>> shingle_hashes("", DedupConfig()).tolist()
    []
    >>> len(shingle_hashes("one two three four five six", DedupConfig()))
    2
    """
    return shingle_batch([text], config).values


def exact_jaccard(a: Array, b: Array) -> float:
    """Exact Jaccard similarity of two sorted, distinct shingle-hash arrays (1.0 if both empty).

    >>> exact_jaccard(np.array([1, 2, 3], np.uint32), np.array([2, 3, 4], np.uint32))
    0.5
    """
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)
