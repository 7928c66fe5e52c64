"""Object storage and other remote filesystems (`s3://`, `gs://`, `hdfs://`, any fsspec URI).

Paths are opened through `pyarrow.fs` (or fsspec, when installed, for schemes pyarrow lacks).
Credentials come only from the usual environment and config chain of those libraries
(`AWS_*` variables, `~/.aws`, instance roles, `GOOGLE_APPLICATION_CREDENTIALS`, …), never
from command-line arguments.

>>> is_uri("s3://bucket/raw"), is_uri("raw/"), is_uri("C:/data")
(True, False, False)
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow.fs as pafs

from curate.errors import InputError, OutputError
from curate.io.discover import InputFile

CHUNK = 1 << 20


def is_uri(value: str | Path) -> bool:
    """True for `scheme://…` with a scheme of two letters or more (not a Windows drive)."""
    text = str(value)
    scheme, sep, _ = text.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


def filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and the path inside it for `uri`."""
    try:
        found: tuple[pafs.FileSystem, str] = pafs.FileSystem.from_uri(uri)
        return found
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


def _stamp(info: pafs.FileInfo) -> tuple[int, int]:
    return (info.size or 0, info.mtime_ns or 0)


def list_files(uri: str) -> list[InputFile]:
    """Every file under `uri` (or `uri` itself) as remote input files, sorted by name."""
    fs, root = filesystem(uri)
    try:
        info = fs.get_file_info(root)
        if info.type == pafs.FileType.NotFound:
            raise InputError(f"input not found: {uri}")
        if info.type == pafs.FileType.File:
            name = Path(root).name
            return [InputFile(name, Path(name), uri, _stamp(info))]
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
        out.append(InputFile(rel, Path(rel), f"{prefix}/{rel}", _stamp(item)))
    return sorted(out)


@contextlib.contextmanager
def fetched(files: list[InputFile], folder: Path) -> Iterator[list[InputFile]]:
    """The files with every remote one streamed to a local copy under `folder` (removed on
    exit). A remote file that cannot be fetched points at no file, so its reader reports it
    unreadable and the run goes on."""
    local: list[InputFile] = []
    try:
        for i, file in enumerate(files):
            if file.uri is None:
                local.append(file)
                continue
            target = folder / f"{i:05d}" / Path(file.rel).name
            try:
                download(file.uri, target)
            except OSError:
                target.unlink(missing_ok=True)
            local.append(InputFile(file.rel, target))
        yield local
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def download(uri: str, target: Path) -> None:
    """Stream `uri` to the local file `target`, a chunk at a time."""
    fs, path = filesystem(uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    with fs.open_input_stream(path) as source, target.open("wb") as sink:
        shutil.copyfileobj(source, sink, CHUNK)


def download_tree(uri: str, folder: Path, names: list[str]) -> None:
    """Copy `names` (files or folders under `uri`; missing ones skipped) to `folder`."""
    fs, root = filesystem(uri)
    root = root.rstrip("/")
    try:
        for name in names:
            info = fs.get_file_info(f"{root}/{name}")
            if info.type == pafs.FileType.File:
                found = [info]
            elif info.type == pafs.FileType.Directory:
                found = fs.get_file_info(pafs.FileSelector(info.path, recursive=True))
            else:
                continue
            for item in found:
                if item.type == pafs.FileType.File:
                    rel = item.path[len(root) + 1 :]
                    download(f"{uri.rstrip('/')}/{rel}", folder / rel)
    except OSError as exc:
        raise InputError(f"cannot read {uri}: {exc}") from None


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
    with contextlib.suppress(OSError):  # object stores have no real folders
        fs.create_dir(root, recursive=True)
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
