"""Throughput of MinHash signatures: curate's batch path against datasketch and rensa.

Each path goes from the document texts (already in memory) to 128-permutation signatures,
on the same documents, in one process:

* datasketch: `MinHash(num_perm=128)` + `update_batch` with its default hash (SHA-1) over
  word 5-gram strings (lower-cased `\\w+` tokens, built in Python);
* rensa: `RMinHash(num_perm=128, seed=42)`, `update(list_of_5gram_strings)`, `digest()`;
* curate: `shingle_batch` (normalised word 5-grams, hashed in numpy) + `BatchMinHash`.

Usage::

    .venv/bin/python benchmarks/bench_minhash.py [--docs 5000] [--corpus DIR] [--batch 1000]

Without `--corpus` it generates `--docs` documents with `../shared/bench/gen_corpus.py`
(jsonl, `--seed`), or synthesises text when that script is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curate.dedup.config import DedupConfig  # noqa: E402
from curate.dedup.minhash import BatchMinHash  # noqa: E402
from curate.dedup.shingles import shingle_batch, shingle_hash, shingle_texts  # noqa: E402

GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
NUM_PERM = 128
WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------- corpus


def read_corpus(folder: Path, limit: int) -> list[str]:
    """Texts of a gen_corpus.py folder (jsonl shards, or txt files), at most `limit`."""
    texts: list[str] = []
    for shard in sorted(folder.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= limit:
                    return texts
    for path in sorted(folder.rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
        if len(texts) >= limit:
            break
    return texts


def synthesise(n: int, seed: int) -> list[str]:
    """Zipf-distributed words, ~530 a document, when the shared generator is absent."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzéèàç"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(20000)]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    texts = []
    for _ in range(n):
        words = rng.choices(vocab, weights, k=int(rng.lognormvariate(6.27, 0.8)) + 5)
        texts.append(" ".join(words).capitalize() + ".")
    return texts


def load_texts(args: argparse.Namespace) -> tuple[list[str], str]:
    if args.corpus:
        return read_corpus(Path(args.corpus), args.docs), f"corpus {args.corpus}"
    if GEN.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, str(GEN), "--docs", str(args.docs), "--out", tmp]
            cmd += ["--format", "jsonl", "--seed", str(args.seed)]
            subprocess.run(cmd, check=True, capture_output=True)
            texts = read_corpus(Path(tmp), args.docs)
        return texts, f"gen_corpus.py --docs {args.docs} --seed {args.seed} --format jsonl"
    return synthesise(args.docs, args.seed), f"synthetic Zipf text, seed {args.seed}"


# --------------------------------------------------------------------------- paths


def word_5grams(text: str) -> list[str]:
    """The peers' shingles: lower-cased `\\w+` tokens joined in 5-grams, built in Python."""
    toks = WORD.findall(text.lower())
    if len(toks) < 5:
        return [" ".join(toks)] if toks else []
    return [" ".join(toks[i : i + 5]) for i in range(len(toks) - 4)]


def run_datasketch(texts: list[str]) -> list[Any]:
    from datasketch import MinHash

    out = []
    for text in texts:
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.encode("utf-8") for s in word_5grams(text)])
        out.append(m.hashvalues)
    return out


def run_rensa(texts: list[str]) -> list[Any]:
    from rensa import RMinHash

    out = []
    for text in texts:
        m = RMinHash(num_perm=NUM_PERM, seed=42)
        m.update(word_5grams(text))
        out.append(m.digest())
    return out


def make_curate(batch: int) -> Callable[[list[str]], list[Any]]:
    cfg = DedupConfig(num_perm=NUM_PERM)
    minhash = BatchMinHash(cfg.num_perm, cfg.seed)

    def run(texts: list[str]) -> list[Any]:
        out = []
        for lo in range(0, len(texts), batch):
            shingles = shingle_batch(texts[lo : lo + batch], cfg, unique=False)
            out.append(minhash.signatures_csr(shingles.values, shingles.offsets))
        return out

    return run


def timed(
    fn: Callable[[list[str]], list[Any]], texts: list[str], repeat: int
) -> tuple[float, float, Any]:
    """Best wall and CPU seconds of `repeat` runs (the machine may be shared), and a result."""
    best_wall = best_cpu = float("inf")
    result: Any = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn(texts)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def check_identical(texts: list[str], sigs: Any) -> int:
    """Docs (of the first 20) whose signature equals datasketch's with our hash function."""
    from datasketch import MinHash

    cfg = DedupConfig(num_perm=NUM_PERM)
    ours = np.concatenate(sigs)
    same = 0
    for i, text in enumerate(texts[:20]):
        m = MinHash(num_perm=NUM_PERM, seed=cfg.seed, scheme="affine32", hashfunc=shingle_hash)
        m.update_batch(shingle_texts(text, cfg))
        same += bool(np.array_equal(m.hashvalues, ours[i]))
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--corpus", help="an existing gen_corpus.py folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=1000, help="documents per curate batch")
    parser.add_argument("--repeat", type=int, default=3, help="runs per path; the best counts")
    parser.add_argument("--skip-peers", action="store_true", help="time curate only")
    args = parser.parse_args()

    texts, source = load_texts(args)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} docs, {megabytes:.1f} MB ({source}); best of {args.repeat} runs")
    curate = make_curate(args.batch)
    setup = time.perf_counter()
    curate(texts[:2])  # builds the fold tables once per process
    print(f"curate setup (fold tables): {time.perf_counter() - setup:.2f} s")

    paths: list[tuple[str, Callable[[list[str]], list[Any]]]] = [
        ("curate  shingle_batch + BatchMinHash", curate),
    ]
    if not args.skip_peers:
        paths.append(("rensa   RMinHash standard path", run_rensa))
        paths.append(("datasketch MinHash + update_batch (sha1)", run_datasketch))
    print(f"{'path':42s} {'docs/s':>9s} {'MB/s':>7s} {'cpu docs/s':>11s} {'seconds':>8s}")
    rates: dict[str, tuple[float, float]] = {}
    curate_sigs: Any = None
    for name, fn in paths:
        wall, cpu, result = timed(fn, texts, args.repeat)
        if fn is curate:
            curate_sigs = result
        rates[name.split()[0]] = (len(texts) / wall, len(texts) / cpu)
        print(
            f"{name:42s} {len(texts) / wall:9.0f} {megabytes / wall:7.2f} "
            f"{len(texts) / cpu:11.0f} {wall:8.2f}"
        )
    if "datasketch" in rates:
        ours, ds = rates["curate"], rates["datasketch"]
        print(
            f"ratio curate/datasketch: {ours[0] / ds[0]:.1f}x wall, {ours[1] / ds[1]:.1f}x cpu "
            "(target >= 10x)"
        )
    if "rensa" in rates:
        ours, rs = rates["curate"], rates["rensa"]
        print(f"ratio curate/rensa: {ours[0] / rs[0]:.2f}x wall, {ours[1] / rs[1]:.2f}x cpu")
    same = check_identical(texts, curate_sigs)
    print(f"bit-identical to datasketch affine32 + shingle_hash: {same}/{min(20, len(texts))} docs")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
