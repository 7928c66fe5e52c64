"""Bounded gzip: decompress (possibly concatenated) members without ever holding more than
a cap, and stop a gzip bomb by its compression ratio long before it fills memory.

>>> import gzip, io
>>> stream = BoundedGunzip(io.BytesIO(gzip.compress(b"abc") * 2), cap=100, max_ratio=200)
>>> stream.read()
b'abcabc'
>>> bomb = gzip.compress(bytes(10_000_000))
>>> try:
...     BoundedGunzip(io.BytesIO(bomb), cap=10**9, max_ratio=200, slack=0).read()
... except GzipLimitError as err:
...     print(err.reason)
too-large: compression ratio over limit
"""

from __future__ import annotations

import io
import zlib
from typing import IO, Any

_IN_CHUNK = 16 * 1024  # compressed bytes fed per step: the ratio is checked this often
_OUT_CHUNK = 1024 * 1024  # decompressed bytes produced per step at most


class GzipLimitError(Exception):
    """A gzip stream over a limit, truncated or corrupt; `reason` goes to `removed/`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BoundedGunzip(io.RawIOBase):
    """A readable stream of the decompressed bytes of `raw`.

    Raises `GzipLimitError` once the output passes `cap` bytes (`too-large: decompressed size
    over limit`) or `max_ratio` times the compressed bytes read so far plus `slack`
    (`too-large: compression ratio over limit`), and on truncated or corrupt data.
    Trailing NUL padding after the last member is ignored, as gzip(1) does.
    """

    def __init__(self, raw: IO[bytes], cap: int, max_ratio: float, slack: int = 65536) -> None:
        self._raw = raw
        self._cap = cap
        self._ratio = max_ratio
        self._slack = slack
        self._decomp: Any = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed bytes not yet given to zlib
        self._consumed = 0  # compressed bytes read from `raw`
        self._produced = 0
        self._buffer = b""  # decompressed bytes not yet returned
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self._buffer and not self._done:
            self._step()
        n = min(len(view), len(self._buffer))
        view[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()

    def _feed(self) -> bytes:
        if not self._pending:
            self._pending = self._raw.read(_IN_CHUNK)
            self._consumed += len(self._pending)
        data, self._pending = self._pending, b""
        return data

    def _step(self) -> None:
        decomp = self._decomp
        data = decomp.unconsumed_tail or self._feed()
        if not data:
            if decomp.eof or (self._produced == 0 and self._consumed == 0):
                self._done = True
                return
            raise GzipLimitError("unreadable: truncated gzip")
        try:
            out = decomp.decompress(data, _OUT_CHUNK)
        except zlib.error:
            raise GzipLimitError("unreadable: corrupt gzip") from None
        self._produced += len(out)
        if self._produced > self._cap:
            raise GzipLimitError("too-large: decompressed size over limit")
        if self._produced > self._consumed * self._ratio + self._slack:
            raise GzipLimitError("too-large: compression ratio over limit")
        self._buffer = out
        if decomp.eof:
            self._next_member(decomp.unused_data)

    def _next_member(self, rest: bytes) -> None:
        rest += self._pending
        while len(rest) < 2:
            more = self._raw.read(_IN_CHUNK)
            if not more:
                break
            self._consumed += len(more)
            rest += more
        if rest[:2] == b"\x1f\x8b":
            self._decomp = zlib.decompressobj(wbits=31)
            self._pending = rest
            return
        # NUL padding (tape blocks) or trailing garbage: the data ends here.
        self._pending = b""
        self._done = True


def open_gunzip(raw: IO[bytes], cap: int, max_ratio: float) -> IO[bytes]:
    """A buffered, bounded gunzip stream over `raw` (which it closes)."""
    return io.BufferedReader(BoundedGunzip(raw, cap, max_ratio))
