"""Find input files under the paths a user gives, in a stable order.

>>> from pathlib import Path
>>> discover([Path("raw")])[0].rel  # doctest: +SKIP
'000_6aa19dc196da93e0.txt'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from curate.errors import InputError

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}


@dataclass(frozen=True, order=True)
class Span:
    """A slice of a large record file, read by one shard: bytes `[start, stop)` of a JSONL
    file (cut at line starts) or row groups `[start, stop)` of a Parquet file. `first` is
    the number of records before it, `size` its size in input bytes."""

    start: int
    stop: int
    first: int
    size: int


@dataclass(frozen=True, order=True)
class InputFile:
    """One input file (or a span of one): its path on disk and its name relative to the
    input root."""

    rel: str
    path: Path
    uri: str | None = None  # a remote file (s3://…), fetched to `path` before reading
    remote_stamp: tuple[int, int] = (0, 0)  # (size, mtime_ns) of a remote file
    span: Span | None = None  # the part of the file this shard reads (None: all of it)

    @property
    def format(self) -> str | None:
        """The reader format (`text`, `html`, `jsonl`, `parquet`), or None if unsupported."""
        return file_format(self.rel)

    @property
    def size(self) -> int:
        return self.span.size if self.span is not None else self.stamp()[0]

    def stamp(self) -> tuple[int, int]:
        """(size, modification time in ns), for shard planning and run fingerprints."""
        if self.uri is not None:
            return self.remote_stamp
        try:
            stat = self.path.stat()
        except OSError:
            return (0, 0)
        return (stat.st_size, stat.st_mtime_ns)


def file_format(name: str) -> str | None:
    """Format of a file name, looking through a trailing `.gz`.

    >>> file_format("a/b.jsonl.gz"), file_format("x.HTML"), file_format("y.pdf")
    ('jsonl', 'html', None)
    """
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return FORMATS.get(PurePosixPath(lower).suffix)


def _walk(root: Path) -> list[Path]:
    """Files under `root`; links to folders are listed (to be reported), never followed."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder) / f for f in files if not f.startswith("."))
        found.extend(Path(folder) / d for d in dirs if (Path(folder) / d).is_symlink())
    return found


def display_name(name: str) -> str:
    """A file name that encodes to UTF-8: undecodable bytes (kept by Python as surrogates)
    are written as `\\xNN`.

    >>> display_name(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    if name.isascii():
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _remote(uri: str) -> tuple[str, bool, list[InputFile]]:
    """(root name, is a folder, files) of a remote input."""
    from curate.io.remote import list_files

    found = list_files(uri)
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    folder = not (len(found) == 1 and found[0].uri == uri)
    return name, folder, found


def discover(inputs: list[Path | str]) -> list[InputFile]:
    """List the files under `inputs` (files or folders, read recursively; local paths or
    remote URIs such as `s3://bucket/crawl/`), sorted by name.

    Hidden files are skipped. A missing path is a user error.
    """
    from curate.io.remote import is_uri

    files: dict[str, InputFile] = {}
    prefix_roots = len(inputs) > 1
    for given in inputs:
        if is_uri(given):
            root, folder, found = _remote(str(given))
        else:
            local = Path(given)
            if not local.exists() and not local.is_symlink():
                raise InputError(f"input not found: {local}")
            root, folder = local.name, local.is_dir()
            if folder:
                found = [InputFile(p.relative_to(local).as_posix(), p) for p in _walk(local)]
            else:
                found = [InputFile(local.name, local)]
        for file in found:
            name = f"{root}/{file.rel}" if prefix_roots and folder else file.rel
            name = display_name(name)
            unique, n = name, 1
            while unique in files:  # same name under two roots: keep both
                n += 1
                unique = f"{name}~{n}"
            files[unique] = replace(file, rel=unique)
    return sorted(files.values())
