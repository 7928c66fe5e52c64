"""Bytes to text: bounded gzip, encoding detection, and decoding that never raises.

>>> decode_bytes("déjà".encode("cp1252")).text
'déjà'
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from curate.io.limits import Limits


class ReadError(Exception):
    """A document that cannot be read; `reason` goes to `removed/`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and the share of characters that had to be replaced."""

    text: str
    encoding: str
    replaced_share: float


def _gunzip(data: bytes, limits: Limits) -> bytes:
    """Decompress (possibly concatenated) gzip members within the size and ratio limits."""
    cap = min(limits.max_decompressed_bytes, int(len(data) * limits.max_compression_ratio) + 65536)
    out = bytearray()
    pos = 0
    while pos < len(data):
        decomp = zlib.decompressobj(wbits=31)
        try:
            while True:
                chunk = decomp.decompress(data[pos : pos + 65536], cap + 1 - len(out))
                out += chunk
                if len(out) > cap:
                    raise ReadError("too-large: decompressed size over limit")
                if decomp.eof:
                    pos = len(data) - len(decomp.unused_data)
                    break
                if decomp.unconsumed_tail:
                    continue
                pos += 65536
                if pos >= len(data):
                    raise ReadError("unreadable: truncated gzip")
        except zlib.error:
            raise ReadError("unreadable: corrupt gzip") from None
        if data[pos:].strip(b"\0") == b"":
            break
    return bytes(out)


def read_bytes(path: Path, limits: Limits, *, max_bytes: int | None = None) -> bytes:
    """Read a file (gunzipping `.gz`), refusing anything over the size limits."""
    cap = max_bytes if max_bytes is not None else limits.max_doc_bytes
    try:
        if path.is_dir():
            raise ReadError("unreadable: is a directory")
        size = path.stat().st_size
        compressed = path.name.lower().endswith(".gz")
        if size > (cap if not compressed else limits.max_decompressed_bytes):
            raise ReadError("too-large: file over size limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("unreadable: broken link or missing file") from None
    except PermissionError:
        raise ReadError("unreadable: permission denied") from None
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None
    if compressed:
        if data[:2] != b"\x1f\x8b":
            raise ReadError("unreadable: not gzip")
        data = _gunzip(data, limits)
        if len(data) > cap:
            raise ReadError("too-large: decompressed document over size limit")
    return data


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NULs or many control bytes in its first 8 KiB."""
    head = data[:8192]
    if not head:
        return False
    if head.count(0) > len(head) // 100 + 1:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode bytes: UTF-8 first, then the declared or detected encoding, then cp1252 with
    replacement. Never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0.0)
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    # Detection is unreliable on short samples: there the Western default comes first.
    best = from_bytes(data[:262144]).best() if len(data) >= 2048 else None
    if best is not None:
        candidates.append(best.encoding)
    candidates.append("cp1252")
    for encoding in candidates:
        try:
            return Decoded(data.decode(encoding), encoding, 0.0)
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") / max(1, len(text))
    if replaced > 0.01:
        # Mostly not UTF-8: cp1252 maps almost every byte, latin-1 the rest.
        text = data.decode("cp1252", errors="replace")
        replaced = text.count("\ufffd") / max(1, len(text))
        return Decoded(text, "cp1252", replaced)
    return Decoded(text, "utf-8", replaced)
