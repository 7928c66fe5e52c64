"""Cost of the metadata step against the cleaning step, on a gen_corpus.py corpus.

Three measures, in CPU time (robust to other load on the machine):

1. the functions, per document: `normalize_text`, the line classifier (`classify_page`,
   the cleaning step) and `extract_metadata` (language detection included) right after
   it, handed the cleaner's language sample and lower-cased lines as the pipeline hands
   them, with the record's date field on even documents and without on odd ones, and
   `detect_language` alone;
2. the pipeline's steps as `curate clean` runs them (`process_row` after the template pass,
   with each step's CPU time summed), with and without the records' `date` and `url`,
   each in a fresh process (cold caches, as in `curate clean`);
3. the same steps on real scraped pages (`--pages`, by default the extraction benchmark's
   589 dev pages as plain text): longer pages, from many sites, whose lines seldom recur.

Prints docs/s of each and the metadata step's share of the cleaning step's time (target:
< 20 %).

    python benchmarks/bench_meta.py                      # 2,000 docs from ../shared/bench
    python benchmarks/bench_meta.py --docs 500 --corpus DIR/shard-00000.jsonl
    python benchmarks/bench_meta.py --synthetic          # no ../shared: seed-based documents
    python benchmarks/bench_meta.py --pages DIR          # real pages: DIR/*.txt

Without `../shared/bench/gen_corpus.py`, documents are built from the seed fixtures
(tests/fixtures/seeds), each with another date line and header.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import multiprocessing
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from curate.clean.classifier import classify_page  # noqa: E402
from curate.clean.config import CleanConfig  # noqa: E402
from curate.clean.templates import (  # noqa: E402
    count_partition,
    doc_hashes,
    frequent,
    group_key,
    shard_pairs,
    template_sets,
)
from curate.meta.config import MetaConfig  # noqa: E402
from curate.meta.extract import Hints, extract_metadata  # noqa: E402
from curate.meta.language import detect_language, load_model  # noqa: E402
from curate.meta.text import normalize_text  # noqa: E402
from curate.pipeline.process import process_row  # noqa: E402
from curate.pipeline.template_pass import TEMPLATE_MAX_CHARS  # noqa: E402
from curate.settings import Settings  # noqa: E402

GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
PAGES = ROOT.parent / "shared" / "bench" / "extraction" / "dev" / "txt"
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


def page_rows(folder: Path) -> list[dict[str, Any]]:
    """The `*.txt` pages of `folder`, one row each."""
    return [
        {"id": path.stem, "text": path.read_text("utf-8", errors="replace")}
        for path in sorted(folder.glob("*.txt"))
    ]


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
    document so that a changing load on the machine weighs on all of them alike.

    The metadata step runs right after the cleaning step, as in the pipeline: on even
    documents with the record's date and url (`meta`, against `clean_even`), on odd ones
    without (`meta_nohint`, against `clean_odd`); a second call on the same document would
    find the caches warm and look cheaper than it is."""
    clock = time.process_time
    keys = ("normalize", "clean", "meta", "meta_nohint", "clean_even", "clean_odd", "language")
    totals = dict.fromkeys(keys, 0.0)
    for number, row in enumerate(rows):
        t0 = clock()
        text = normalize_text(str(row.get("text") or ""))
        t1 = clock()
        cleaned = classify_page(text.split("\n"), clean_config)
        t2 = clock()
        odd = number % 2 == 1
        hints = Hints() if odd else Hints(url=row.get("url"), date=row.get("date"))
        extract_metadata(
            cleaned.decisions,
            hints,
            meta_config,
            language_sample=cleaned.language_sample,
            lowered=cleaned.lowered,
        )
        t3 = clock()
        detect_language("\n".join(d.text for d in cleaned.decisions if d.keep))
        t4 = clock()
        totals["normalize"] += t1 - t0
        totals["clean"] += t2 - t1
        totals["clean_odd" if odd else "clean_even"] += t2 - t1
        totals["meta_nohint" if odd else "meta"] += t3 - t2
        totals["language"] += t4 - t3
    return totals


class StepClock:
    """A `step` for `process_row` that sums the CPU seconds of each step by name."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.process_time()
        try:
            yield
        finally:
            self.totals[name] += time.process_time() - start


def raw_rows(rows: Sequence[dict[str, Any]], with_fields: bool) -> list[dict[str, Any]]:
    """Rows as the JSONL reader yields them (`RAW_SCHEMA`), with or without date and url."""
    return [
        {
            "id": str(row.get("id", i)),
            "source": f"bench.jsonl#{i + 1}",
            "content": str(row.get("text") or ""),
            "format": "text",
            "url": row.get("url") if with_fields else None,
            "date": row.get("date") if with_fields else None,
        }
        for i, row in enumerate(rows)
    ]


def templates_of(raws: Sequence[dict[str, Any]], settings: Settings) -> dict[str, frozenset[int]]:
    """The template pass's frequent lines per group, computed in memory."""
    cfg = settings.clean
    groups = [group_key(raw["url"], raw["source"]) for raw in raws]
    hashes = [
        doc_hashes(
            [line for line in raw["content"].split("\n") if len(line) <= TEMPLATE_MAX_CHARS],
            cfg.template_min_chars,
        )
        for raw in raws
    ]
    counts = count_partition([shard_pairs(groups, hashes)])
    return template_sets([frequent(counts, cfg.template_min_docs)])


def run_pipeline_steps(raws: Sequence[dict[str, Any]], settings: Settings) -> dict[str, float]:
    """CPU seconds of each `process_row` step over `raws`, templates as `curate clean` has,
    in a fresh process: the caches start cold, as in `curate clean` (a run before on the
    same documents would leave their date lines and titles cached)."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(_pipeline_steps, raws, settings).result()


def _pipeline_steps(raws: Sequence[dict[str, Any]], settings: Settings) -> dict[str, float]:
    templates = templates_of(raws, settings)
    clock = StepClock()
    load_model()  # a one-off second, not a cost per document
    for raw in raws[:50]:  # warm lazy tables and caches
        process_row(raw, settings, templates.get(group_key(raw["url"], raw["source"]), frozenset()))
    gc.collect()
    for raw in raws:
        group = group_key(raw["url"], raw["source"])
        process_row(raw, settings, templates.get(group, frozenset()), step=clock)
    return dict(clock.totals)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, help="a gen_corpus.py JSONL shard to read")
    parser.add_argument("--synthetic", action="store_true", help="seed-based documents")
    parser.add_argument(
        "--pages", type=Path, default=PAGES, help="a folder of scraped pages (*.txt) to measure"
    )
    args = parser.parse_args(argv)

    if args.corpus:
        rows, origin = read_rows(args.corpus, args.docs), str(args.corpus)
    elif GEN.exists() and not args.synthetic:
        rows, origin = gen_rows(args.docs), "gen_corpus.py --seed 0"
    else:
        rows, origin = synthetic_rows(args.docs), "synthetic (seeds)"
    print(f"{len(rows)} documents from {origin}")
    print("the functions alone, no template pass (the target is the pipeline's steps, below):")
    clean_config, meta_config = CleanConfig(), MetaConfig()
    load_model()  # the function-word path may decide every warm-up document
    run_interleaved(rows[:50], clean_config, meta_config)  # warm lazy tables and caches
    gc.collect()
    gc.freeze()
    totals = run_interleaved(rows, clean_config, meta_config)
    halves = {"meta": (len(rows) + 1) // 2, "meta_nohint": len(rows) // 2}
    labels = {
        "normalize": "normalize_text",
        "clean": "classify_page (cleaning step)",
        "meta": "extract_metadata, date field",
        "meta_nohint": "extract_metadata, no date field",
        "language": "detect_language alone",
    }
    for key, label in labels.items():
        seconds, docs = totals[key], halves.get(key, len(rows))
        rate, per_doc = docs / seconds, seconds / docs * 1e3
        print(f"{label:<34} {rate:>9,.0f} docs/s   {per_doc:6.3f} ms/doc")
    print(f"metadata / cleaning:                  {totals['meta'] / totals['clean_even']:6.1%}")
    nohint = totals["meta_nohint"] / totals["clean_odd"]
    print(f"metadata (no date field) / cleaning:  {nohint:6.1%}")
    both = totals["meta"] + totals["meta_nohint"] + totals["normalize"]
    print(f"(metadata + normalize) / cleaning:    {both / totals['clean']:6.1%}")

    print("\nthe pipeline's steps (`process_row`, after the template pass):")
    settings = Settings()
    for with_fields, label in ((True, "with date and url fields"), (False, "text only")):
        steps = run_pipeline_steps(raw_rows(rows, with_fields), settings)
        per_doc = {name: seconds / len(rows) * 1e3 for name, seconds in steps.items()}
        shown = "  ".join(f"{name} {ms:.3f}" for name, ms in sorted(per_doc.items()))
        print(f"  {label:<25} ms/doc: {shown}")
        print(f"  {'':<25} meta / clean: {steps['meta'] / steps['clean']:6.1%}")

    pages = page_rows(args.pages) if args.pages.is_dir() else []
    if pages:
        print(f"\nthe same on {len(pages)} real pages ({args.pages}), text only:")
        raws = raw_rows(pages, with_fields=False)
        steps = run_pipeline_steps(raws, settings)
        per_doc = {name: seconds / len(pages) * 1e3 for name, seconds in steps.items()}
        shown = "  ".join(f"{name} {ms:.3f}" for name, ms in sorted(per_doc.items()))
        print(f"  {'text only':<25} ms/doc: {shown}")
        print(f"  {'':<25} meta / clean: {steps['meta'] / steps['clean']:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
