"""Throughput of the line classifier alone, in one process: docs/s and MB/s of text.

    python ../shared/bench/gen_corpus.py --docs 2000 --out /tmp/gc --format jsonl
    python benchmarks/bench_clean.py /tmp/gc

Reads every `*.jsonl` under the folder (the `text` field), or, without a folder (or when
../shared is absent), builds a synthetic corpus of scraped-looking pages. Each document is
NFC/NBSP-normalised and split into lines before the clock starts; the timed part is
`classify_lines` and the join of the kept lines, as in the pipeline's clean step. Both wall
time and the process's CPU time are reported: on a shared machine the CPU figure is the
one worker's throughput.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from pathlib import Path

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig

_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "one",
    "all",
    "we",
    "their",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "into",
    "than",
    "them",
    "can",
    "only",
    "other",
    "new",
    "some",
    "could",
    "time",
    "these",
    "two",
    "may",
    "then",
    "do",
    "first",
    "any",
    "my",
    "now",
    "such",
    "like",
    "our",
    "over",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
]
_BOILER = [
    "Home > News > World",
    "Share on Facebook",
    "Follow us on Twitter",
    "Subscribe to our newsletter",
    "© 2024 Example Media. All rights reserved.",
    "We use cookies to improve your experience.",
    "Menu",
    "Search",
]


def synthetic(n_docs: int, seed: int = 0) -> list[str]:
    """Pages of random prose paragraphs between boilerplate lines."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        head = rng.sample(_BOILER, 4)
        body = [
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(20, 120))).capitalize() + "."
            for _ in range(rng.randint(3, 15))
        ]
        headlines = [
            " ".join(rng.choice(_WORDS) for _ in range(8)).title() for _ in range(rng.randint(0, 8))
        ]
        docs.append("\n".join(head + body + headlines + rng.sample(_BOILER, 3)))
    return docs


def load_jsonl(folder: Path, limit: int) -> list[str]:
    """The `text` fields of the folder's JSONL shards (at most `limit`)."""
    docs: list[str] = []
    for path in sorted(folder.rglob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = record.get("text")
                if isinstance(text, str):
                    docs.append(text)
                if len(docs) >= limit:
                    return docs
    return docs


def main(argv: list[str] | None = None) -> int:
    """Print docs/s and MB/s of `classify_lines` over the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path, nargs="?", help="gen_corpus.py jsonl output")
    parser.add_argument("--limit", type=int, default=2000, help="documents to clean")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the corpus")
    args = parser.parse_args(argv)
    if args.folder is not None and args.folder.is_dir():
        docs = load_jsonl(args.folder, args.limit)
        source = str(args.folder)
    else:
        default = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gen_corpus.py"
        hint = f" (generate one with {default})" if default.exists() else ""
        print(f"no corpus folder given: synthetic text{hint}", file=sys.stderr)
        docs = synthetic(args.limit)
        source = "synthetic"
    prepared = [unicodedata.normalize("NFC", d).replace("\u00a0", " ").splitlines() for d in docs]
    size = sum(len(d.encode("utf-8")) for d in docs)
    config = CleanConfig()
    # load the lexicons and the date module's month tables outside the clock
    classify_lines(["Publié le 12 mars 2023 à 10h05", *prepared[0]], config)
    start = time.perf_counter()
    cpu_start = time.process_time()
    kept = 0
    for _ in range(args.repeat):
        for lines in prepared:
            decisions = classify_lines(lines, config)
            kept += len("\n".join(d.text for d in decisions if d.keep))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    n = len(prepared) * args.repeat
    mb = size * args.repeat / 1e6
    print(
        f"clean: {n} docs, {mb:.1f} MB from {source}; wall {elapsed:.2f}s: "
        f"{n / elapsed:,.0f} docs/s, {mb / elapsed:.2f} MB/s; cpu {cpu:.2f}s: "
        f"{n / cpu:,.0f} docs/s, {mb / cpu:.2f} MB/s "
        f"(kept {kept / (size * args.repeat):.0%} of the characters)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
