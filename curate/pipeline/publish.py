"""Outputs on remote filesystems: a run writes to a local staging folder (so that it can
resume), then copies the finished dataset to the URI, manifest last."""

from __future__ import annotations

import os
from pathlib import Path

import xxhash

from curate.io.remote import upload_tree

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
