"""Cost of the metadata step against the cleaning step, on a gen_corpus.py corpus.

Per document, in one process and CPU time (robust to other load on the machine):
`normalize_text`, the line classifier (`classify_lines`, the cleaning step), and
`extract_metadata` (language detection included; also timed alone). Prints docs/s of each
and the metadata step's share of the cleaning step's time (target: < 20 %).

    python benchmarks/bench_meta.py                      # 2,000 docs from ../shared/bench
    python benchmarks/bench_meta.py --docs 500 --corpus DIR/shard-00000.jsonl
    python benchmarks/bench_meta.py --synthetic          # no ../shared: seed-based documents

Without `../shared/bench/gen_corpus.py`, documents are built from the seed fixtures
(tests/fixtures/seeds), each with another date line and header.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from curate.clean.classifier import classify_lines  # noqa: E402
from curate.clean.config import CleanConfig  # noqa: E402
from curate.meta.config import MetaConfig  # noqa: E402
from curate.meta.extract import Hints, extract_metadata  # noqa: E402
from curate.meta.language import detect_language, load_model  # noqa: E402
from curate.meta.text import normalize_text  # noqa: E402

GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DATE_LINES = (
    "2023-11-08 23:10",
    "Publié le 12 mars 2024 à 10h05",
    "Mis à jour le 3 janv. 2024",
    "Veröffentlicht am 5. Oktober 2019, 10:30 Uhr",
    "Published: March 5, 2021, 10:04 a.m. ET",
    "Dernière mise à jour à 13h40 le 25/05",
    "vor 3 Tagen",
)


def gen_rows(docs: int) -> list[dict[str, Any]]:
    """`docs` rows of gen_corpus.py's JSONL output (generated in a temporary folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                str(GEN),
                "--docs",
                str(docs),
                "--out",
                tmp,
                "--format",
                "jsonl",
                "--seed",
                "0",
            ],
            check=True,
            capture_output=True,
        )
        return read_rows(Path(tmp) / "shard-00000.jsonl", docs)


def read_rows(path: Path, docs: int) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if len(rows) >= docs:
                break
    return rows


def synthetic_rows(docs: int) -> list[dict[str, Any]]:
    """Seed bodies under varied headers: a fallback when ../shared is absent."""
    rng = random.Random(0)
    bodies = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rows = []
    for i in range(docs):
        header = [
            f"Accueil > Rubrique {i % 7}",
            f"Titre numéro {i} de la page",
            rng.choice(DATE_LINES),
        ]
        rows.append({"id": str(i), "text": "\n".join([*header, rng.choice(bodies)])})
    return rows


def run_interleaved(
    rows: Sequence[dict[str, Any]], clean_config: CleanConfig, meta_config: MetaConfig
) -> dict[str, float]:
    """CPU seconds of each stage, summed over documents, the stages taken in turn on each
    document so that a changing load on the machine weighs on all of them alike."""
    clock = time.process_time
    totals = dict.fromkeys(("normalize", "clean", "meta", "meta_nohint", "language"), 0.0)
    for row in rows:
        t0 = clock()
        text = normalize_text(str(row.get("text") or ""))
        t1 = clock()
        decisions = classify_lines(text.split("\n"), clean_config)
        t2 = clock()
        extract_metadata(decisions, Hints(url=row.get("url"), date=row.get("date")), meta_config)
        t3 = clock()
        extract_metadata(decisions, Hints(), meta_config)
        t4 = clock()
        detect_language("\n".join(d.text for d in decisions if d.keep))
        t5 = clock()
        for key, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            totals[key] += seconds
    return totals


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, help="a gen_corpus.py JSONL shard to read")
    parser.add_argument("--synthetic", action="store_true", help="seed-based documents")
    args = parser.parse_args(argv)

    if args.corpus:
        rows, origin = read_rows(args.corpus, args.docs), str(args.corpus)
    elif GEN.exists() and not args.synthetic:
        rows, origin = gen_rows(args.docs), "gen_corpus.py --seed 0"
    else:
        rows, origin = synthetic_rows(args.docs), "synthetic (seeds)"
    print(f"{len(rows)} documents from {origin}")
    clean_config, meta_config = CleanConfig(), MetaConfig()
    load_model()  # the function-word path may decide every warm-up document
    run_interleaved(rows[:50], clean_config, meta_config)  # warm lazy tables and caches
    gc.collect()
    gc.freeze()
    totals = run_interleaved(rows, clean_config, meta_config)
    labels = {
        "normalize": "normalize_text",
        "clean": "classify_lines (cleaning step)",
        "meta": "extract_metadata (+ language)",
        "meta_nohint": "extract_metadata, no date field",
        "language": "detect_language alone",
    }
    for key, label in labels.items():
        seconds = totals[key]
        rate, per_doc = len(rows) / seconds, seconds / len(rows) * 1e3
        print(f"{label:<34} {rate:>9,.0f} docs/s   {per_doc:6.3f} ms/doc")
    clean = totals["clean"]
    print(f"metadata / cleaning:                  {totals['meta'] / clean:6.1%}")
    print(f"metadata (no date field) / cleaning:  {totals['meta_nohint'] / clean:6.1%}")
    both = totals["meta"] + totals["normalize"]
    print(f"(metadata + normalize) / cleaning:    {both / clean:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
