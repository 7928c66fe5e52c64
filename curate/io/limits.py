"""Safety limits for reading untrusted input, each configurable under `[limits]`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Limits:
    """Bounds that keep one hostile document from stopping or swamping a run.

    >>> Limits().max_doc_bytes
    33554432
    """

    max_doc_bytes: int = 32 * 1024 * 1024  # one document, checked before decoding
    max_file_bytes: int = 4 * 1024 * 1024 * 1024  # one input file (JSONL/Parquet hold many docs)
    max_decompressed_bytes: int = 1024 * 1024 * 1024  # gzip output of one file
    max_compression_ratio: float = 200.0  # gzip bombs: decompressed / compressed
    max_html_depth: int = 2000
    max_html_nodes: int = 500_000
