"""Coverage-guided fuzzing of the reader and the cleaner with atheris (not run in CI).

Each input picks a file format (`.txt`, `.html`, `.jsonl`, each plain or gzip, or
`.parquet`) and its bytes: raw, or built as JSON lines with any Unicode (lone surrogates
too), as tag soup, or as a valid Parquet file with bytes overwritten. The file is read with
`read_file`, every row goes through `process_row` (decode, HTML, normalise, classify,
metadata), and the same bytes, as Unicode lines, go straight through `classify_lines` and
`extract_metadata`. A finding is any exception, any string that does not encode to UTF-8,
or a kept row without text; libFuzzer's `-timeout` flags an input that runs too long.
Findings are counted by kind and place, saved under `--findings`, and the run goes on; a
summary is printed at the end.

    pip install -e '.[bench]'    # atheris, psutil
    python benchmarks/fuzz_reader_cleaner.py 20000
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports(include=["curate"]):
    from curate.clean.classifier import classify_lines
    from curate.clean.config import CleanConfig
    from curate.clean.types import LineDecision
    from curate.io.discover import InputFile
    from curate.io.fields import FieldMap
    from curate.io.limits import Limits
    from curate.io.readers import read_file
    from curate.meta.config import MetaConfig
    from curate.meta.extract import Hints, extract_metadata
    from curate.pipeline.process import process_row
    from curate.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["doc.txt", "doc.html", "doc.jsonl", "doc.txt.gz", "doc.html.gz", "doc.jsonl.gz"]
RULES = ["title", "date", "byline", "body", "breadcrumb", "caption", "menu", "short"]


class Fuzz:
    """The fuzz target and its bookkeeping."""

    def __init__(self, runs: int, findings: Path) -> None:
        self.runs = runs
        self.findings = findings
        self.folder = Path(tempfile.mkdtemp(prefix="curate-fuzz-"))
        self.settings = Settings()
        self.limits = Limits(max_doc_bytes=1 << 20)
        self.done = 0
        self.kinds: Counter[str] = Counter()
        self.started = time.perf_counter()

    def one(self, data: bytes) -> None:
        """Run one input; record a finding instead of stopping."""
        try:
            self._exercise(data)
        except Exception as exc:  # a finding: count it by type and innermost curate frame
            self._record(data, f"{type(exc).__name__} at {_where(exc)}: {str(exc)[:60]}")
        self.done += 1
        if self.done % 1000 == 0 or self.done == self.runs:
            self._summary(final=self.done == self.runs)

    def _exercise(self, data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        mode = provider.ConsumeIntInRange(0, 3)
        name = FORMATS[provider.ConsumeIntInRange(0, len(FORMATS) - 1)]
        packed = provider.ConsumeBool()
        if mode == 1:  # structured JSON lines: any Unicode (lone surrogates too), odd types
            name = name.replace(".txt", ".jsonl").replace(".html", ".jsonl")
            body = _json_lines(provider)
        elif mode == 2:  # tag soup
            name = name.replace(".txt", ".html").replace(".jsonl", ".html")
            body = _tag_soup(provider)
        elif mode == 3:  # a Parquet file with fuzzed bytes written over it
            name = "doc.parquet"
            body = _mutated_parquet(provider)
        else:
            body = provider.ConsumeBytes(provider.remaining_bytes())
        if name.endswith(".gz") and packed:
            body = gzip.compress(body)
        path = self.folder / name
        path.write_bytes(body)
        for raw in read_file(InputFile(name, path), self.limits, FieldMap()):
            _check(raw, "raw row")
            row = process_row(raw, self.settings)
            _check(row, "staging row")
            if row["reason"] is None and not (row["text"] or "").strip():
                raise AssertionError("kept row without text")
        lines = body.decode("utf-8", "replace").split("\n")[:60]
        decisions = classify_lines(lines, CleanConfig())
        if len(decisions) != len(lines):
            raise AssertionError("classify_lines lost lines")
        ruled = [
            LineDecision(d.text, d.keep, RULES[i % len(RULES)]) for i, d in enumerate(decisions)
        ]
        hint = lines[0] if lines else None
        hints = Hints(title=hint, date=hint, url=hint)
        meta, body_lines = extract_metadata(ruled, hints, MetaConfig())
        values = {k: getattr(meta, k) for k in ("title", "date", "author", "url")}
        _check({"body": "\n".join(body_lines), **values}, "metadata")

    def _record(self, data: bytes, kind: str) -> None:
        if self.kinds[kind] == 0:
            self.findings.mkdir(parents=True, exist_ok=True)
            slug = "".join(c if c.isalnum() else "-" for c in kind)[:80]
            (self.findings / f"{slug}.bin").write_bytes(data)
            print(f"finding: {kind}", file=sys.stderr)
        self.kinds[kind] += 1

    def _summary(self, *, final: bool) -> None:
        report = {
            "iterations": self.done,
            "seconds": round(time.perf_counter() - self.started, 1),
            "findings": sum(self.kinds.values()),
            "kinds": dict(self.kinds),
        }
        print(("summary " if final else "progress ") + json.dumps(report), file=sys.stderr)
        if final:
            sys.stderr.flush()


TAGS = [
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br/>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<meta charset=cp1251>",
    "<meta charset=unicode_escape>",
    "<title>",
    "</title>",
    "<a href=x>",
    "</a>",
    "<pre>",
    "<li>",
    "<h1>",
    "<svg><path/></svg>",
    "<html lang=fr>",
    '<meta property="article:published_time" content="',
    '">',
    "&amp;",
    "\x00",
]


def _json_lines(provider: Any) -> bytes:
    lines = []
    for _ in range(provider.ConsumeIntInRange(1, 4)):
        record: dict[str, Any] = {}
        for key in ("text", "title", "url", "date", "html", "author", "language"):
            choice = provider.ConsumeIntInRange(0, 4)
            if choice == 1:
                record[key] = provider.ConsumeUnicode(provider.ConsumeIntInRange(0, 200))
            elif choice == 2:
                record[key] = provider.ConsumeInt(8)
            elif choice == 3:
                record[key] = [provider.ConsumeUnicode(20), None]
        lines.append(json.dumps(record).encode())
    return b"\n".join(lines)


def _tag_soup(provider: Any) -> bytes:
    parts = []
    for _ in range(provider.ConsumeIntInRange(0, 80)):
        if provider.ConsumeBool():
            parts.append(TAGS[provider.ConsumeIntInRange(0, len(TAGS) - 1)])
        else:
            parts.append(provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 40)))
    return "".join(parts).encode("utf-8")


_PARQUET: list[bytes] = []


def _mutated_parquet(provider: Any) -> bytes:
    if not _PARQUET:
        import io

        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table(
            {
                "text": ["Un texte. " * 30, "Deux"],
                "url": ["https://a.fr/x", None],
                "title": ["Titre", "T"],
                "date": ["2023-11-08", "hier"],
            }
        )
        sink = io.BytesIO()
        pq.write_table(table, sink)
        _PARQUET.append(sink.getvalue())
    data = bytearray(_PARQUET[0])
    for _ in range(provider.ConsumeIntInRange(0, 8)):
        data[provider.ConsumeIntInRange(0, len(data) - 1)] = provider.ConsumeInt(1) & 0xFF
    return bytes(data)


def _check(row: dict[str, Any], what: str) -> None:
    for key, value in row.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise AssertionError(f"{what}: {key} is not valid UTF-8") from None


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/curate/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def seed_corpus(folder: Path) -> None:
    """Starting inputs: the sample corpus, each under its own format byte."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, path in enumerate(sorted((ROOT / "raw").rglob("*.*"))):
        suffix = "".join(path.suffixes[-1:])
        index = {".txt": 0, ".html": 1, ".jsonl": 2}.get(suffix, 0)
        (folder / f"seed-{number}").write_bytes(bytes([index, 0]) + path.read_bytes()[:4096])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("iterations", type=int, nargs="?", default=20000)
    parser.add_argument("--findings", type=Path, default=Path("bench-out/fuzz-findings"))
    parser.add_argument("--max-len", type=int, default=4096)
    parser.add_argument("--timeout", type=int, default=20, help="seconds per input")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = Path(tempfile.mkdtemp(prefix="curate-fuzz-corpus-"))
    seed_corpus(corpus)
    fuzz = Fuzz(args.iterations, args.findings)
    argv = [
        sys.argv[0],
        f"-runs={args.iterations}",
        f"-max_len={args.max_len}",
        f"-timeout={args.timeout}",
        f"-seed={args.seed}",
        "-rss_limit_mb=4096",
        str(corpus),
    ]
    atheris.Setup(argv, fuzz.one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
