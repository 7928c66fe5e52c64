"""Cut large JSONL and Parquet files into spans, so that one big file is read by several
shards: memory stays one shard's worth, and the workers share the file.

A JSONL file is cut at line starts about every `task_bytes`; the records before each span
are counted as the reader counts them (blank lines skipped), so sources (`file#N`), and
with them ids, do not depend on the cut. A Parquet file is cut between row groups.
Compressed and remote files are read whole.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text("".join(f'{{"text": "doc {i}"}}\\n' for i in range(10)))
>>> spans = split_file(InputFile("a.jsonl", folder / "a.jsonl"), 40, Limits())
>>> [(s.span.start, s.span.stop, s.span.first) for s in spans if s.span]
[(0, 54, 0), (54, 108, 3), (108, 162, 6), (162, 180, 9)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

import pyarrow.parquet as pq

from curate.io.decode import is_gzip_name
from curate.io.discover import InputFile, Span
from curate.io.limits import Limits

_LINE_PIECE = 1 << 20


def split_inputs(files: list[InputFile], task_bytes: int, limits: Limits) -> list[InputFile]:
    """`files`, with every large local JSONL or Parquet file replaced by its spans."""
    return [span for file in files for span in split_file(file, task_bytes, limits)]


def split_file(file: InputFile, task_bytes: int, limits: Limits) -> list[InputFile]:
    """The spans of `file` (itself alone when it is small, compressed, remote or odd)."""
    size = file.size
    if file.uri is not None or is_gzip_name(file.path) or not task_bytes < size:
        return [file]
    if size > limits.max_file_bytes or (file.path.is_symlink() and file.path.is_dir()):
        return [file]  # the reader reports it
    try:
        if file.format == "jsonl":
            spans = list(_jsonl_spans(file.path, task_bytes, limits.max_doc_bytes))
        elif file.format == "parquet":
            spans = _parquet_spans(file.path, task_bytes)
        else:
            return [file]
    except (OSError, ValueError):  # unreadable or not Parquet: the reader reports it
        return [file]
    return [replace(file, span=s) for s in spans] if len(spans) > 1 else [file]


def _rest_of_line(handle: IO[bytes]) -> bytes:
    """The bytes up to and including the next newline (or the end of the file)."""
    pieces = []
    while True:
        piece = handle.readline(_LINE_PIECE)
        pieces.append(piece)
        if not piece or piece.endswith(b"\n"):
            return b"".join(pieces)


def count_records(block: bytes, max_doc_bytes: int) -> int:
    """JSONL records in `block` (whole lines), counted as the reader counts them: blank
    lines are skipped, and a line over `max_doc_bytes` is one (removed) record.

    >>> count_records(b'{"a": 1}\\n\\n  \\n{"b": 2}', 100)
    2
    """
    lines = block.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    return sum(1 for line in lines if len(line) > max_doc_bytes or line.strip())


def _jsonl_spans(path: Path, task_bytes: int, max_doc_bytes: int) -> Iterator[Span]:
    with path.open("rb") as handle:
        start, first = 0, 0
        while True:
            block = handle.read(task_bytes)
            if not block:
                return
            if not block.endswith(b"\n"):
                block += _rest_of_line(handle)
            stop = start + len(block)
            yield Span(start, stop, first, len(block))
            first += count_records(block, max_doc_bytes)
            start = stop


def _parquet_spans(path: Path, task_bytes: int) -> list[Span]:
    meta = pq.ParquetFile(path).metadata
    spans: list[Span] = []
    start, first, rows, size = 0, 0, 0, 0
    for group in range(meta.num_row_groups):
        info = meta.row_group(group)
        group_size = sum(info.column(c).total_compressed_size for c in range(info.num_columns))
        if group > start and size + group_size > task_bytes:
            spans.append(Span(start, group, first, size))
            start, first, size = group, first + rows, 0
            rows = 0
        rows += info.num_rows
        size += group_size
    if meta.num_row_groups:
        spans.append(Span(start, meta.num_row_groups, first, size))
    return spans
