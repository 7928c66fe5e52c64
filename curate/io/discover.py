"""Find input files under the paths a user gives, in a stable order.

>>> from pathlib import Path
>>> discover([Path("raw")])[0].rel  # doctest: +SKIP
'000_6aa19dc196da93e0.txt'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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
class InputFile:
    """One input file: its path on disk and its name relative to the input root."""

    rel: str
    path: Path

    @property
    def format(self) -> str | None:
        """The reader format (`text`, `html`, `jsonl`, `parquet`), or None if unsupported."""
        return file_format(self.rel)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


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


def discover(inputs: list[Path]) -> list[InputFile]:
    """List the files under `inputs` (files or folders, read recursively), sorted by name.

    Hidden files are skipped. A missing path is a user error.
    """
    files: dict[str, InputFile] = {}
    prefix_roots = len(inputs) > 1
    for given in inputs:
        if not given.exists() and not given.is_symlink():
            raise InputError(f"input not found: {given}")
        if given.is_dir():
            found = [(path.relative_to(given).as_posix(), path) for path in _walk(given)]
        else:
            found = [(given.name, given)]
        for rel, path in found:
            name = f"{given.name}/{rel}" if prefix_roots and given.is_dir() else rel
            name = display_name(name)
            unique, n = name, 1
            while unique in files:  # same name under two roots: keep both
                n += 1
                unique = f"{name}~{n}"
            files[unique] = InputFile(unique, path)
    return sorted(files.values())
