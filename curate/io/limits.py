"""Safety limits for reading untrusted input, each configurable under `[limits]`.

A document over a limit goes to `removed/` with its reason and the run goes on:

- `max_doc_bytes` (checked before decoding): `too-large: file over size limit` or
  `too-large: record over size limit`;
- `max_file_bytes` (a JSONL or Parquet file): `too-large: file over size limit`;
- `max_decompressed_bytes`, `max_compression_ratio` (gzip bombs):
  `too-large: decompressed size over limit`, `too-large: compression ratio over limit`;
- `max_html_depth`, `max_html_nodes`: `too-deep: HTML nesting over limit`,
  `too-large: HTML elements over limit`;
- `max_step_seconds`, `max_doc_seconds`: `timeout`.

>>> Limits().max_doc_bytes
33554432
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from curate.errors import ConfigError


@dataclass
class Limits:
    """Bounds that keep one hostile document from stopping or swamping a run.

    `max_step_seconds` is checked by a timer inside the worker (each step of one document:
    read, HTML, normalise, clean, metadata); `max_doc_seconds` is the hard wall-clock bound
    of one document, enforced by killing the process that runs it (a step stuck in C code).
    """

    max_doc_bytes: int = 32 * 1024 * 1024  # one document, checked before decoding
    max_file_bytes: int = 4 * 1024 * 1024 * 1024  # one input file (JSONL/Parquet hold many docs)
    max_decompressed_bytes: int = 1024 * 1024 * 1024  # gzip output of one file
    max_compression_ratio: float = 200.0  # gzip bombs: decompressed / compressed
    # lxml (libxml2) silently drops whole pages nested 255+ deep: refuse them explicitly.
    max_html_depth: int = 250
    max_html_nodes: int = 200_000  # elements of one page (about 15 s of HTML work at the limit)
    max_step_seconds: float = 15.0  # one step of one document (0: no limit)
    max_doc_seconds: float = 60.0  # one document in all, hard (0: no limit)

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, int | float) and value < 0:
                raise ConfigError(f"config: limits.{item.name} must not be negative ({value})")
        if self.max_compression_ratio < 1:
            raise ConfigError("config: limits.max_compression_ratio must be at least 1")
