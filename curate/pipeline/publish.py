"""Datasets on remote filesystems. A run writes to a local staging folder (so that it can
resume), then copies the finished dataset to the URI, manifest last; a remote dataset that
a command reads (`validate`, `--against`) is fetched to a staging folder first."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import xxhash

from curate.errors import InputError
from curate.io.remote import download_tree, is_uri, upload_tree

PUBLISHED = [
    "data",
    "removed",
    "index",
    "README.md",
    "validation.json",
    "validation.md",
    "validation.html",
    "manifest.json",
]


def staging_for(uri: str) -> Path:
    """The local staging folder of a remote output: `$CURATE_STAGING` or the user cache,
    one folder per URI, kept between runs so that an interrupted run resumes."""
    base = os.environ.get("CURATE_STAGING") or Path.home() / ".cache" / "curate" / "staging"
    return Path(base) / xxhash.xxh3_64_hexdigest(uri.encode())


def publish(staging: Path, uri: str) -> None:
    """Copy the dataset in `staging` to `uri`."""
    upload_tree(staging, uri, PUBLISHED)


@contextlib.contextmanager
def dataset_folder(value: str | Path, names: list[str]) -> Iterator[Path]:
    """A local folder with the dataset `value`: the folder itself, or for a URI its `names`
    fetched to a staging folder (removed on exit)."""
    if not is_uri(value):
        yield Path(value)
        return
    uri = str(value)
    folder = staging_for(uri).with_name(staging_for(uri).name + "-read")
    shutil.rmtree(folder, ignore_errors=True)
    try:
        download_tree(uri, folder, names)
        if not folder.is_dir():
            raise InputError(f"dataset not found: {uri}")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
