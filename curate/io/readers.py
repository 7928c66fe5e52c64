"""Readers: one input file to raw document rows (see `curate.schema.RAW_SCHEMA`).

A reader never raises for bad content: a document it cannot read becomes a row with
`error` set to the removal reason, so nothing is lost. Every file yields at least one row
(an empty JSONL or Parquet file yields one `empty-input` row for the file), and every
string a reader yields encodes to UTF-8.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import IO, Any

import pyarrow.parquet as pq
import regex

from curate.ids import doc_id
from curate.io.decode import (
    ReadError,
    clean_text,
    decode_bytes,
    is_gzip_name,
    looks_binary,
    open_input,
    read_bytes,
)
from curate.io.discover import InputFile
from curate.io.fields import FieldMap, pick
from curate.io.gz import GzipLimitError, open_gunzip
from curate.io.limits import Limits

Row = dict[str, Any]

_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", regex.I
)
_TEXT_FIELDS = ("content", "url", "title", "date", "language", "author", "fetch_date")
_PARQUET_BATCH = 256


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


def error_row(source: str, reason: str) -> Row:
    """The raw row of a document that could not be read."""
    return _row(source, error=reason)


def _declared_charset(data: bytes) -> str | None:
    try:
        found = _CHARSET.search(data[:4096], timeout=1.0)
    except TimeoutError:
        return None
    return found.group(1).decode("ascii", "replace").lower() if found else None


def _read_document(file: InputFile, limits: Limits, fmt: str) -> Row:
    try:
        data = read_bytes(file.path, limits)
    except ReadError as err:
        return _row(file.rel, error=err.reason)
    if not data.strip():
        return _row(file.rel, error="empty-input")
    if looks_binary(data):
        return _row(file.rel, error="unreadable: binary content")
    declared = _declared_charset(data) if fmt == "html" else None
    decoded = decode_bytes(data, declared)
    if not decoded.text.strip():
        return _row(file.rel, error="empty-input")
    return _row(
        file.rel,
        format=fmt,
        content=decoded.text,
        encoding=decoded.encoding,
        replaced_share=decoded.replaced_share,
    )


def _record_row(
    source: str, record: dict[str, Any], fields: FieldMap, encoding: str, replaced: int = 0
) -> Row:
    """A row from one JSONL/Parquet record; lone surrogates in any field become U+FFFD."""
    text = pick(record, fields.text)
    html = pick(record, fields.html) if text is None else None
    if text is None and html is None:
        return _row(source, error="empty-input")
    row = _row(
        source,
        format="html" if text is None else "text",
        content=text if text is not None else html,
        url=pick(record, fields.url),
        title=pick(record, fields.title),
        date=pick(record, fields.date),
        language=pick(record, fields.language),
        author=pick(record, fields.author),
        fetch_date=pick(record, fields.fetch_date),
        encoding=encoding,
    )
    for name in _TEXT_FIELDS:
        if row[name] is not None:
            row[name], lone = clean_text(row[name])
            if name == "content":
                replaced += lone
    row["replaced_share"] = round(replaced / max(1, len(row["content"])), 6)
    return row


def _open_records(file: InputFile, limits: Limits) -> IO[bytes]:
    """Open a JSONL file (gunzipping `.gz` within the limits), or raise `ReadError`."""
    handle = open_input(file.path)
    try:
        size = os.fstat(handle.fileno()).st_size
    except OSError:
        size = 0
    if is_gzip_name(file.path):
        cap = min(limits.max_decompressed_bytes, limits.max_file_bytes)
        return open_gunzip(handle, cap, limits.max_compression_ratio)
    if size > limits.max_file_bytes:
        handle.close()
        raise ReadError("too-large: file over size limit")
    return handle


def _read_jsonl(file: InputFile, limits: Limits, fields: FieldMap) -> Iterator[Row]:
    span = file.span
    number = span.first if span else 0
    try:
        with _open_records(file, limits) as stream:
            if span:
                stream.seek(span.start)
            while True:
                if span and stream.tell() >= span.stop:
                    break
                line = stream.readline(limits.max_doc_bytes + 1)
                if not line:
                    break
                if len(line) > limits.max_doc_bytes and not line.endswith(b"\n"):
                    number += 1
                    while line and not line.endswith(b"\n"):  # skip the rest of the line
                        line = stream.readline(1 << 20)
                    yield _row(f"{file.rel}#{number}", error="too-large: record over size limit")
                    continue
                if not line.strip():
                    continue
                number += 1
                yield _parse_json_line(f"{file.rel}#{number}", line, fields)
    except (ReadError, GzipLimitError) as err:
        yield _row(f"{file.rel}#{number + 1}" if number else file.rel, error=err.reason)
        return
    except OSError as exc:
        reason = f"unreadable: {exc.strerror or type(exc).__name__}"
        yield _row(f"{file.rel}#{number + 1}" if number else file.rel, error=reason)
        return
    if number == 0 and span is None:
        yield _row(file.rel, error="empty-input")


def _parse_json_line(source: str, line: bytes, fields: FieldMap) -> Row:
    decoded = decode_bytes(line)
    try:
        record = json.loads(decoded.text)
    except (ValueError, RecursionError):  # ValueError: also int strings over 4300 digits
        return _row(source, error="unreadable: invalid JSON")
    if not isinstance(record, dict):
        return _row(source, error="unreadable: JSON line is not an object")
    replaced = round(decoded.replaced_share * len(decoded.text))
    return _record_row(source, record, fields, decoded.encoding, replaced)


def _parquet_columns(parquet: pq.ParquetFile, fields: FieldMap) -> list[str]:
    wanted = {name for names in vars(fields).values() for name in names}
    return [name for name in parquet.schema_arrow.names if name in wanted]


def _read_parquet(file: InputFile, limits: Limits, fields: FieldMap) -> Iterator[Row]:
    span = file.span
    number = span.first if span else 0
    try:
        with open_input(file.path) as handle:
            if os.fstat(handle.fileno()).st_size > limits.max_file_bytes:
                raise ReadError("too-large: file over size limit")
            parquet = pq.ParquetFile(handle)
            groups = range(span.start, span.stop) if span else range(parquet.num_row_groups)
            meta = parquet.metadata
            for group in groups:
                if meta.row_group(group).total_byte_size > limits.max_decompressed_bytes:
                    raise ReadError("too-large: decompressed size over limit")
            batches = parquet.iter_batches(
                batch_size=_PARQUET_BATCH,
                row_groups=list(groups),
                columns=_parquet_columns(parquet, fields),
            )
            for batch in batches:
                for record in batch.to_pylist():
                    number += 1
                    yield _parquet_record(f"{file.rel}#{number}", record, limits, fields)
    except ReadError as err:
        yield _row(f"{file.rel}#{number + 1}" if number else file.rel, error=err.reason)
        return
    except Exception as exc:  # pyarrow raises many types for corrupt files
        reason = f"unreadable: {type(exc).__name__}"
        yield _row(f"{file.rel}#{number + 1}" if number else file.rel, error=reason)
        return
    if number == 0 and span is None:
        yield _row(file.rel, error="empty-input")


def _parquet_record(source: str, record: dict[str, Any], limits: Limits, fields: FieldMap) -> Row:
    for name in fields.text + fields.html:
        value = record.get(name)
        if isinstance(value, str | bytes) and len(value) > limits.max_doc_bytes:
            return _row(source, error="too-large: record over size limit")
    return _record_row(source, record, fields, "utf-8")


def read_file(file: InputFile, limits: Limits, fields: FieldMap) -> Iterator[Row]:
    """Yield raw rows for every document in `file`; never raises for what the file holds.

    >>> from pathlib import Path
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "Bonjour", "url": "https://x.fr/a"}\\n')
    >>> [(r["source"], r["content"], r["url"]) for r in read_file(
    ...     InputFile("a.jsonl", folder / "a.jsonl"), Limits(), FieldMap())]
    [('a.jsonl#1', 'Bonjour', 'https://x.fr/a')]
    """
    fmt = file.format
    if file.path.is_symlink() and file.path.is_dir():
        yield _row(file.rel, error="unreadable: link to a folder (not followed)")
    elif fmt is None:
        yield _row(file.rel, error="unsupported-format")
    elif fmt in ("text", "html"):
        yield _read_document(file, limits, fmt)
    elif fmt == "jsonl":
        yield from _read_jsonl(file, limits, fields)
    else:
        yield from _read_parquet(file, limits, fields)
