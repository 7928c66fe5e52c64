"""Whole-pipeline throughput with 1 and 2 local workers, and with Ray, on the same corpus.

`curate run` on `--docs` documents of `../shared/bench/gen_corpus.py` (JSONL), each
configuration on a fresh output folder; prints docs/s, MB/s, peak RSS, and checks that every
configuration wrote byte-identical Parquet files.

    python benchmarks/bench_executors.py --docs 20000
    python benchmarks/bench_executors.py --docs 20000 --configs w1 w2
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_dedup import make_corpus
from measure import run_measured

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {
    "w1": ["-w", "1"],
    "w2": ["-w", "2"],
    "ray": ["--executor", "ray", "-w", "2"],
}


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for part in sorted(out.glob("*/part-*.parquet")):
        h.update(part.relative_to(out).as_posix().encode())
        h.update(part.read_bytes())
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--folder", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(args.docs, args.folder)
    size_mb = sum(p.stat().st_size for p in corpus.glob("shard-*.jsonl")) / 2**20
    curate = str(Path(sys.executable).parent / "curate")
    seconds: dict[str, float] = {}
    digests: dict[str, str] = {}
    for name in args.configs:
        out = args.folder / f"run-{args.docs}-{name}"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [curate, "run", str(corpus), "-o", str(out), "-q", *CONFIGS[name]]
        m = run_measured(cmd)
        if m.returncode:
            sys.exit(f"{name}: curate run failed with exit {m.returncode}")
        seconds[name] = m.seconds
        digests[name] = digest(out)
        print(
            f"{name}: docs={args.docs} seconds={m.seconds:.1f} docs/s={args.docs / m.seconds:,.0f} "
            f"MB/s={size_mb / m.seconds:.2f} peak_rss_tree={m.peak_tree_mb:,.0f}MiB"
        )
    if "w1" in seconds:
        for name, value in seconds.items():
            if name != "w1":
                print(f"speed-up {name} vs w1: {seconds['w1'] / value:.2f}x")
    print("byte-identical outputs:", len(set(digests.values())) == 1)


if __name__ == "__main__":
    main()
