"""Dedup throughput and memory at scale: `curate dedup` on a gen_corpus.py corpus.

The corpus (`../shared/bench/gen_corpus.py`, JSONL) is turned into a curate dataset (one
Parquet part per 10,000 documents: id, source, text) so that the dedup stages are measured
alone; then `curate dedup` runs with 1 and 2 workers. Prints docs/s, MB/s, peak RSS and the
recall of the generator's planted duplicates (`dups.tsv`).

    python benchmarks/bench_dedup.py --docs 100000
    python benchmarks/bench_dedup.py --docs 1000000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import run_measured

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"


def make_corpus(docs: int, folder: Path) -> Path:
    corpus = folder / f"corpus-{docs}"
    if not (corpus / "corpus_info.json").exists():
        if not GEN.exists():
            sys.exit(f"needs {GEN} (the shared benchmark generator)")
        subprocess.run(
            [
                sys.executable,
                str(GEN),
                "--docs",
                str(docs),
                "--out",
                str(corpus),
                "--format",
                "jsonl",
                "--seed",
                "0",
            ],
            check=True,
        )
    return corpus


def make_dataset(corpus: Path, folder: Path) -> tuple[Path, int]:
    """JSONL shards to a curate-format dataset; returns it and its text size in bytes."""
    dataset = folder / f"{corpus.name}-dataset"
    size_file = dataset / "text_bytes"
    if size_file.exists():
        return dataset, int(size_file.read_text())
    shutil.rmtree(dataset, ignore_errors=True)
    (dataset / "data").mkdir(parents=True)
    total = 0
    for i, shard in enumerate(sorted(corpus.glob("shard-*.jsonl"))):
        ids, sources, texts = [], [], []
        with shard.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                ids.append(record["id"])
                sources.append(record["id"])
                texts.append(record["text"])
                total += len(record["text"].encode("utf-8"))
        table = pa.table({"id": ids, "source": sources, "text": texts})
        pq.write_table(table, dataset / "data" / f"part-{i:05d}.parquet", compression="zstd")
    size_file.write_text(str(total))
    return dataset, total


def planted_recall(corpus: Path, out: Path) -> float | None:
    dups_file = corpus / "dups.tsv"
    if not dups_file.exists():
        return None
    removed: dict[str, str] = {}
    kept_cluster: dict[str, str] = {}
    for part in sorted((out / "removed").glob("part-*.parquet")):
        for row in pq.read_table(part, columns=["id", "duplicate_of"]).to_pylist():
            if row["duplicate_of"]:
                removed[row["id"]] = row["duplicate_of"]

    def root(x: str) -> str:
        while x in removed:
            x = removed[x]
        return x

    pairs = found = 0
    for line in dups_file.read_text().splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or cols[0] in ("id", "dup_id"):
            continue
        pairs += 1
        found += root(cols[0]) == root(cols[1])
    del kept_cluster
    return found / pairs if pairs else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--folder", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(args.docs, args.folder)
    dataset, text_bytes = make_dataset(corpus, args.folder)
    curate = str(Path(sys.executable).parent / "curate")
    results = {}
    for workers in args.workers:
        out = args.folder / f"dedup-{args.docs}-w{workers}"
        shutil.rmtree(out, ignore_errors=True)
        m = run_measured([curate, "dedup", str(dataset), "-o", str(out), "-w", str(workers), "-q"])
        if m.returncode:
            sys.exit(f"curate dedup failed with exit {m.returncode}")
        manifest = json.loads((out / "manifest.json").read_text())
        results[workers] = m.seconds
        recall = planted_recall(corpus, out)
        print(
            f"workers={workers} docs={args.docs} seconds={m.seconds:.1f} "
            f"docs/s={args.docs / m.seconds:,.0f} MB/s={text_bytes / 2**20 / m.seconds:.1f} "
            f"peak_rss_tree={m.peak_tree_mb:,.0f}MiB peak_rss_process={m.peak_process_mb:,.0f}MiB "
            f"removed={manifest['outputs']['removed']} planted_recall="
            f"{'n/a' if recall is None else f'{recall:.3f}'} stages={manifest['timings']}"
        )
    if 1 in results and 2 in results:
        print(f"speed-up 2 workers vs 1: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
