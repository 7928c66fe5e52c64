"""Object storage and other remote filesystems (`s3://`, `gs://`, `hdfs://`, any fsspec URI).

Paths are opened through `pyarrow.fs` (or fsspec, when installed, for schemes pyarrow lacks).
Credentials come only from the usual environment and config chain of those libraries
(`AWS_*` variables, `~/.aws`, instance roles, `GOOGLE_APPLICATION_CREDENTIALS`, …), never
from command-line arguments.

>>> is_uri("s3://bucket/raw"), is_uri("raw/"), is_uri("C:/data")
(True, False, False)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.fs as pafs

from curate.errors import InputError, OutputError

CHUNK = 1 << 20


def is_uri(value: str | Path) -> bool:
    """True for `scheme://…` with a scheme of two letters or more (not a Windows drive)."""
    text = str(value)
    scheme, sep, _ = text.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


def filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and the path inside it for `uri`."""
    try:
        return pafs.FileSystem.from_uri(uri)
    except (pafs.ArrowInvalid, ValueError, OSError) as first:  # type: ignore[attr-defined]
        try:
            import fsspec
        except ImportError:
            raise InputError(f"cannot open {uri}: {first}") from None
        try:
            fs, path = fsspec.core.url_to_fs(uri)
        except (ValueError, ImportError, OSError) as exc:
            raise InputError(f"cannot open {uri}: {exc}") from None
        return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), path


def list_files(uri: str) -> list[tuple[str, str]]:
    """(relative name, full URI) of every file under `uri` (or `uri` itself), sorted."""
    fs, root = filesystem(uri)
    try:
        info = fs.get_file_info(root)
        if info.type == pafs.FileType.NotFound:
            raise InputError(f"input not found: {uri}")
        if info.type == pafs.FileType.File:
            return [(Path(root).name, uri)]
        infos = fs.get_file_info(pafs.FileSelector(root, recursive=True))
    except OSError as exc:
        raise InputError(f"cannot list {uri}: {exc}") from None
    prefix = uri.rstrip("/")
    out = []
    for item in infos:
        if item.type != pafs.FileType.File:
            continue
        rel = item.path[len(root.rstrip("/")) + 1 :]
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        out.append((rel, f"{prefix}/{rel}"))
    return sorted(out)


def download(uri: str, target: Path) -> None:
    """Stream `uri` to the local file `target`, a chunk at a time."""
    fs, path = filesystem(uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    with fs.open_input_stream(path) as source, target.open("wb") as sink:
        shutil.copyfileobj(source, sink, CHUNK)


def _local_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(p.startswith(".") for p in rel.parts):
            yield path


def upload_tree(folder: Path, uri: str, names: list[str]) -> None:
    """Copy `names` (files or folders under `folder`) to `uri`, keeping their layout.

    `manifest.json` goes last, so a dataset with a manifest is complete."""
    fs, root = filesystem(uri)
    root = root.rstrip("/")
    try:
        fs.create_dir(root, recursive=True)
    except OSError:
        pass  # object stores have no real folders
    files: list[Path] = []
    for name in names:
        path = folder / name
        if path.is_dir():
            files.extend(_local_files(path))
        elif path.is_file():
            files.append(path)
    files.sort(key=lambda p: p.name == "manifest.json")
    try:
        for path in files:
            rel = path.relative_to(folder).as_posix()
            with path.open("rb") as source, fs.open_output_stream(f"{root}/{rel}") as sink:
                shutil.copyfileobj(source, sink, CHUNK)  # type: ignore[misc]
    except OSError as exc:
        raise OutputError(f"cannot write to {uri}: {exc}") from None


def stat_key(uri: str) -> Any:
    """Size and modification time of a remote file (for run fingerprints)."""
    fs, path = filesystem(uri)
    info = fs.get_file_info(path)
    return [info.size, info.mtime_ns]
