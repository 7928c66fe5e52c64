"""Readers: one input file to raw document rows (see `curate.schema.RAW_SCHEMA`).

A reader never raises for bad content: a document it cannot read becomes a row with
`error` set to the removal reason, so nothing is lost.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq
import regex

from curate.ids import doc_id
from curate.io.decode import ReadError, decode_bytes, looks_binary, read_bytes
from curate.io.discover import InputFile
from curate.io.fields import FieldMap, pick
from curate.io.limits import Limits

Row = dict[str, Any]

_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", regex.I
)


def _row(source: str, **values: Any) -> Row:
    row: Row = {
        "id": doc_id(source),
        "source": source,
        "format": "text",
        "content": None,
        "url": None,
        "title": None,
        "date": None,
        "language": None,
        "author": None,
        "fetch_date": None,
        "encoding": None,
        "replaced_share": None,
        "error": None,
    }
    row.update(values)
    return row


def _read_document(file: InputFile, limits: Limits, fmt: str) -> Row:
    try:
        data = read_bytes(file.path, limits)
    except ReadError as err:
        return _row(file.rel, error=err.reason)
    if not data.strip():
        return _row(file.rel, error="empty-input")
    if looks_binary(data):
        return _row(file.rel, error="unreadable: binary content")
    declared = None
    if fmt == "html":
        found = _CHARSET.search(data[:4096], timeout=1.0)
        declared = found.group(1).decode("ascii", "replace").lower() if found else None
    decoded = decode_bytes(data, declared)
    return _row(
        file.rel,
        format=fmt,
        content=decoded.text,
        encoding=decoded.encoding,
        replaced_share=decoded.replaced_share,
    )


def _record_row(source: str, record: dict[str, Any], fields: FieldMap) -> Row:
    text = pick(record, fields.text)
    html = pick(record, fields.html) if text is None else None
    if text is None and html is None:
        return _row(source, error="empty-input")
    return _row(
        source,
        format="html" if text is None else "text",
        content=text if text is not None else html,
        url=pick(record, fields.url),
        title=pick(record, fields.title),
        date=pick(record, fields.date),
        language=pick(record, fields.language),
        author=pick(record, fields.author),
        fetch_date=pick(record, fields.fetch_date),
        encoding="utf-8",
        replaced_share=0.0,
    )


class _BoundedGzip(io.RawIOBase):
    """A gzip stream that stops with ReadError once it has produced more than `cap` bytes."""

    def __init__(self, raw: IO[bytes], cap: int) -> None:
        self._inner = gzip.GzipFile(fileobj=raw)
        self._cap = cap
        self._seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            n = self._inner.readinto(buffer)
        except (OSError, EOFError, gzip.BadGzipFile):
            raise ReadError("unreadable: truncated or corrupt gzip") from None
        self._seen += n
        if self._seen > self._cap:
            raise ReadError("too-large: decompressed size over limit")
        return n


def _open_stream(path: Path, limits: Limits) -> IO[bytes]:
    raw = path.open("rb")
    if not path.name.lower().endswith(".gz"):
        return raw
    size = max(1, path.stat().st_size)
    cap = min(limits.max_decompressed_bytes, int(size * limits.max_compression_ratio) + 65536)
    return io.BufferedReader(_BoundedGzip(raw, cap))


def _read_jsonl(file: InputFile, limits: Limits, fields: FieldMap) -> Iterator[Row]:
    number = 0
    try:
        with _open_stream(file.path, limits) as stream:
            while True:
                line = stream.readline(limits.max_doc_bytes + 1)
                if not line:
                    break
                number += 1
                source = f"{file.rel}#{number}"
                if len(line) > limits.max_doc_bytes and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):  # skip the rest of the line
                        line = stream.readline(1 << 20)
                    yield _row(source, error="too-large: record over size limit")
                    continue
                if not line.strip():
                    number -= 1
                    continue
                yield _parse_json_line(source, line, fields)
    except ReadError as err:
        yield _row(f"{file.rel}#{number + 1}", error=err.reason)
    except OSError as exc:
        yield _row(f"{file.rel}#{number + 1}", error=f"unreadable: {exc.strerror or exc}")


def _parse_json_line(source: str, line: bytes, fields: FieldMap) -> Row:
    text = decode_bytes(line).text
    try:
        record = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return _row(source, error="unreadable: invalid JSON")
    if not isinstance(record, dict):
        return _row(source, error="unreadable: JSON line is not an object")
    row = _record_row(source, record, fields)
    if row["content"] is not None:
        # Lone surrogates from \ud800-style escapes cannot be encoded: replace them.
        row["content"] = row["content"].encode("utf-8", "replace").decode("utf-8")
    return row


def _read_parquet(file: InputFile, fields: FieldMap) -> Iterator[Row]:
    number = 0
    try:
        parquet = pq.ParquetFile(file.path)
        for batch in parquet.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                number += 1
                yield _record_row(f"{file.rel}#{number}", record, fields)
    except Exception as exc:  # pyarrow raises many types for corrupt files
        yield _row(f"{file.rel}#{number + 1}", error=f"unreadable: {type(exc).__name__}")


def read_file(file: InputFile, limits: Limits, fields: FieldMap) -> Iterator[Row]:
    """Yield raw rows for every document in `file`.

    >>> from pathlib import Path
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "Bonjour", "url": "https://x.fr/a"}\\n')
    >>> [(r["source"], r["content"], r["url"]) for r in read_file(
    ...     InputFile("a.jsonl", folder / "a.jsonl"), Limits(), FieldMap())]
    [('a.jsonl#1', 'Bonjour', 'https://x.fr/a')]
    """
    fmt = file.format
    if file.path.is_symlink() and not file.path.exists():
        yield _row(file.rel, error="unreadable: broken link")
    elif fmt is None:
        yield _row(file.rel, error="unsupported-format")
    elif fmt in ("text", "html"):
        yield _read_document(file, limits, fmt)
    elif fmt == "jsonl":
        if file.path.is_dir():
            yield _row(file.rel, error="unreadable: is a directory")
        else:
            yield from _read_jsonl(file, limits, fields)
    else:
        yield from _read_parquet(file, fields)
