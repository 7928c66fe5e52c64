"""Bytes to text: bounded reads, bounded gzip, encoding detection, and decoding that never
raises.

>>> decode_bytes("déjà".encode("cp1252")).text
'déjà'
>>> decoded = decode_bytes(b"caf\\xc3\\xa9\\nd\\xe9j\\xe0")
>>> decoded.text, decoded.encoding, decoded.replaced_share
('café\\ndéjà', 'utf-8+cp1252', 0.0)
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from curate.io.gz import GzipLimitError, open_gunzip
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


# Codecs that reinterpret text (escapes, IDNA) rather than decode a charset: never used.
_REFUSED = frozenset(
    {"utf_7", "unicode_escape", "raw_unicode_escape", "idna", "punycode", "undefined"}
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def open_input(path: Path) -> io.BufferedReader:
    """Open a regular file for reading, or raise `ReadError` with the reason it cannot be."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("unreadable: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("unreadable: not a regular file")
        return path.open("rb")
    except FileNotFoundError:
        raise ReadError(
            "unreadable: broken link" if path.is_symlink() else "unreadable: missing file"
        ) from None
    except PermissionError:
        raise ReadError("unreadable: permission denied") from None
    except OSError as exc:
        raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None


def is_gzip_name(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_bytes(path: Path, limits: Limits, *, max_bytes: int | None = None) -> bytes:
    """Read one document (gunzipping `.gz`), refusing anything over the size limits.

    Nothing over `max_bytes` (default `limits.max_doc_bytes`) is ever held in memory: the
    size is checked before reading, and reads stop at the cap even when the file grows or
    its size lies (`/proc`, devices behind links are refused as not regular files).
    """
    cap = max_bytes if max_bytes is not None else limits.max_doc_bytes
    with open_input(path) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if not is_gzip_name(path):
                if size > cap:
                    raise ReadError("too-large: file over size limit")
                data = handle.read(cap + 1)
                if len(data) > cap:
                    raise ReadError("too-large: file over size limit")
                return data
            if handle.peek(2)[:2] != b"\x1f\x8b":
                raise ReadError("unreadable: not gzip")
            cap = min(cap, limits.max_decompressed_bytes)
            stream = open_gunzip(handle, cap, limits.max_compression_ratio)
            return stream.read()
        except GzipLimitError as err:
            raise ReadError(err.reason) from None
        except OSError as exc:
            raise ReadError(f"unreadable: {exc.strerror or type(exc).__name__}") from None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NULs or many control bytes in its first 8 KiB.

    >>> looks_binary(bytes(range(256))), looks_binary("é\\tà\\n".encode()), looks_binary(b"")
    (True, False, False)
    """
    head = data[:8192]
    if not head or bom_encoding(head) is not None:
        return False
    if head.count(0) > len(head) // 100 + 1:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if any.

    >>> bom_encoding("x".encode("utf-16")), bom_encoding(b"abc")
    ('utf-16-le', None)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def usable_codec(name: str | None) -> str | None:
    """The Python codec for a declared or detected charset name, or None when there is no
    such text codec or it is one that must not decode documents (UTF-7, escapes, IDNA).

    >>> usable_codec("ISO-8859-1"), usable_codec("x-unknown"), usable_codec("utf-7")
    ('cp1252', None, None)
    """
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    codec = info.name.replace("-", "_")
    if not getattr(info, "_is_text_encoding", True) or codec in _REFUSED:
        return None
    # As browsers do (WHATWG), pages labelled latin-1 or ASCII are read as cp1252.
    return "cp1252" if codec in ("iso8859_1", "latin_1", "ascii") else codec


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, int]:
    """`text` with lone surrogates (from JSON `\\ud800` escapes) replaced by U+FFFD, and how
    many were replaced: the result always encodes to UTF-8.

    >>> clean_text("a\\ud800b")
    ('a\ufffdb', 1)
    """
    if text.isascii():
        return text, 0
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text), len(_SURROGATE.findall(text))
    return text, 0


def _replacing(data: bytes, codec: str) -> Decoded:
    """Decode with replacement, counting the replaced characters."""
    text = data.decode(codec, "replace")
    replaced = len(text) - len(data.decode(codec, "ignore"))
    text, lone = clean_text(text)
    return Decoded(text, _display(codec), round((replaced + lone) / max(1, len(text)), 6))


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode bytes; never raises.

    Order: a byte-order mark; strict UTF-8; UTF-8 with stray bytes read as cp1252 when
    some line is UTF-8 (a UTF-8 text with cp1252 parts: `utf-8+cp1252`); else the declared,
    then the detected encoding (strict); else cp1252 with replacement.
    `replaced_share` is the share of characters replaced by U+FFFD.
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return _replacing(data[len(bom) :], bom_codec)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0.0)
    except UnicodeDecodeError:
        pass
    codec = usable_codec(declared)
    if codec in (None, "utf_8"):
        mixed = _decode_mixed(data)
        if mixed is not None:
            return mixed
    return _single_byte(data, codec)


def _single_byte(data: bytes, codec: str | None) -> Decoded:
    """The declared, the detected, then the Western encoding, strict; else cp1252 with
    replacement (it has only five undefined bytes)."""
    candidates: list[str | None] = [codec]
    # Detection is unreliable on short samples: there the Western default comes first.
    if len(data) >= 2048:
        candidates.append(usable_codec(_detect(data)))
    candidates.append("cp1252")
    for encoding in candidates:
        if encoding is None or encoding == "utf_8":
            continue
        try:
            text, lone = clean_text(data.decode(encoding))
        except (UnicodeError, LookupError, ValueError):
            continue
        return Decoded(text, _display(encoding), round(lone / max(1, len(text)), 6))
    return _replacing(data, "cp1252")


def _stray_byte(err: UnicodeError) -> tuple[str, int]:
    """Error handler: read a byte that UTF-8 rejects as cp1252 (latin-1 for its 5 holes)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    byte = err.object[err.start : err.start + 1]
    char = byte.decode("latin-1") if byte in _CP1252_HOLES else byte.decode("cp1252")
    return char, err.start + 1


_CP1252_HOLES = frozenset({b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"})
codecs.register_error("curate-stray-cp1252", _stray_byte)


def _has_utf8_line(data: bytes) -> bool:
    """Whether a line holds non-ASCII text and is valid UTF-8: single-byte text (cp1252,
    latin-1) almost never forms a whole line of valid UTF-8 sequences by chance."""
    for line in data.split(b"\n"):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _decode_mixed(data: bytes) -> Decoded | None:
    """A UTF-8 text with cp1252 parts (pasted, concatenated): UTF-8 sequences as UTF-8, the
    stray bytes as cp1252; None when no line is UTF-8 (then the text is single-byte)."""
    if not _has_utf8_line(data):
        return None
    return Decoded(data.decode("utf-8", "curate-stray-cp1252"), "utf-8+cp1252", 0.0)


def _detect(data: bytes) -> str | None:
    try:
        best = from_bytes(data[:262144]).best()
    except Exception:  # a detector bug must not stop decoding
        return None
    return best.encoding if best is not None else None


def _display(codec: str) -> str:
    """The name shown in the `encoding` column: `cp1252`, `utf-16-le`, `iso8859-2`."""
    return codec.replace("_", "-")
