"""The cross-corpus template pass: lines that recur in many documents of one site (or source
folder) are boilerplate, after CCNet's paragraph hashing.

It runs before cleaning, in two stages that go through files partitioned by line hash, so no
process holds every line:

1. per shard (`hash_lines`): one (group, line hash) row per document and distinct line,
   written to `.work/lines/part-P/task-T.parquet`;
2. per partition (`count_lines`): documents per (group, hash); those seen in at least
   `[clean] template_min_docs` documents go to `.work/templates/part-P.parquet`.

The clean stage then loads the (small) frequent set with `load_templates`. Only lines of at
most `template_max_chars` characters count, so the paragraphs of an article that several
duplicates share are never taken for template. HTML pages are left out of this pass: their
DOM already marks navigation and footers, and extracting them twice would double the cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from curate.clean.templates import (
    count_partition,
    doc_hashes,
    frequent,
    group_key,
    shard_pairs,
    split_partitions,
    template_sets,
)
from curate.io.discover import InputFile
from curate.io.readers import read_file
from curate.io.remote import fetched
from curate.io.writer import write_parquet
from curate.pipeline.layout import Layout
from curate.settings import Settings

TEMPLATE_MAX_CHARS = 300


@dataclass
class LineHashTask:
    task: int
    files: list[InputFile]
    out: Path
    settings: Settings


@dataclass
class LineCountTask:
    part: int
    out: Path
    settings: Settings


def _lines_dir(layout: Layout, part: int) -> Path:
    return layout.work / "lines" / f"part-{part:03d}"


def hash_lines(job: LineHashTask) -> int:
    """Write one shard's (group, line hash) rows, partitioned by hash; return the row count."""
    layout = Layout(job.out)
    cfg = job.settings.clean
    groups: list[str] = []
    hashes = []
    with fetched(job.files, layout.work / "fetch" / f"lines-{job.task:05d}") as files:
        for file in files:
            for raw in read_file(file, job.settings.limits, job.settings.fields):
                if raw.get("error") or raw["format"] != "text" or not raw["content"]:
                    continue
                # line_hash folds case, spaces and digits itself: no full normalisation here
                lines = raw["content"].split("\n")
                short = [line for line in lines if len(line) <= TEMPLATE_MAX_CHARS]
                groups.append(group_key(raw["url"], raw["source"]))
                hashes.append(doc_hashes(short, cfg.template_min_chars))
    table = shard_pairs(groups, hashes)
    partitions = job.settings.run.bucket_partitions
    for part, piece in enumerate(split_partitions(table, partitions)):
        write_parquet(
            piece, _lines_dir(layout, part) / f"task-{job.task:05d}.parquet", compression="lz4"
        )
    return int(table.num_rows)


def count_lines(job: LineCountTask) -> int:
    """Count documents per (group, hash) in one partition; keep the frequent ones."""
    layout = Layout(job.out)
    files = sorted(_lines_dir(layout, job.part).glob("task-*.parquet"))
    counts = count_partition(pq.read_table(f) for f in files)
    found = frequent(counts, job.settings.clean.template_min_docs)
    write_parquet(found, layout.work / "templates" / f"part-{job.part:03d}.parquet")
    return int(found.num_rows)


def load_templates(out: Path) -> dict[str, frozenset[int]]:
    """`{group: frequent line hashes}` learnt by the template pass (empty if it did not run)."""
    files = sorted((Layout(out).work / "templates").glob("part-*.parquet"))
    return template_sets(pq.read_table(f) for f in files)
