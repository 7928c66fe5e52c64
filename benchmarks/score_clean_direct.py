"""Run the cleaner alone on a folder of .txt or .html files and write a Parquet file to score.

Until `curate clean` exists end to end, this gives `score_extraction.py` something to grade:

    python benchmarks/score_clean_direct.py ../shared/bench/extraction/dev/txt -o /tmp/pred
    python ../shared/bench/score_extraction.py --pred /tmp/pred \\
        --gold ../shared/bench/extraction/dev/gold.jsonl

Each file is decoded (UTF-8, else cp1252), NFC- and NBSP-normalised, split into lines and
classified; the kept lines, joined by newlines, make the `text` column. HTML files go
through `extract_html`, which also fills `title`, `date` and `language` when found.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.html import clean_html, decode_html
from curate.config import build_section


def normalise(text: str) -> str:
    """NFC, NBSP and other odd spaces to plain spaces."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")


def read_text(path: Path) -> str:
    """UTF-8 (BOM allowed), else cp1252."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def clean_file(path: Path, config: CleanConfig) -> dict[str, str | None]:
    """One output row for `path`."""
    if path.suffix.lower() in (".html", ".htm"):
        page, decisions = clean_html(decode_html(path.read_bytes()), config)
        text = "\n".join(d.text.strip() for d in decisions if d.keep)
        return {
            "source": str(path),
            "text": text,
            "title": page.title,
            "date": page.date,
            "language": page.language,
        }
    lines = normalise(read_text(path)).splitlines()
    decisions = classify_lines(lines, config)
    title = next((d.text.strip() for d in decisions if d.rule == "title"), None)
    text = "\n".join(d.text.strip() for d in decisions if d.keep)
    return {"source": str(path), "text": text, "title": title, "date": None, "language": None}


def main(argv: list[str] | None = None) -> int:
    """Clean every .txt/.html under a folder into OUT/data/part-00000.parquet."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a [clean] setting (TOML value), e.g. --set stop_high=0.32",
    )
    args = parser.parse_args(argv)
    files = sorted(
        p for p in args.input.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm")
    )
    if args.limit:
        files = files[: args.limit]
    config = build_section(
        {k: tomllib.loads(f"v = {v}")["v"] for k, v in (x.split("=", 1) for x in args.set)},
        "clean",
        CleanConfig,
    )
    start = time.perf_counter()
    rows = [clean_file(p, config) for p in files]
    elapsed = time.perf_counter() - start
    table = pa.Table.from_pylist(
        rows,
        schema=pa.schema(
            [
                ("source", pa.string()),
                ("text", pa.string()),
                ("title", pa.string()),
                ("date", pa.string()),
                ("language", pa.string()),
            ]
        ),
    )
    (args.out / "data").mkdir(parents=True, exist_ok=True)
    pq.write_table(table, args.out / "data" / "part-00000.parquet")
    print(f"{len(rows)} files in {elapsed:.1f}s -> {args.out}/data", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
