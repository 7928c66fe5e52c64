"""`OUT/manifest.json`: what a run read, wrote and decided, with its config and versions."""

from __future__ import annotations

import platform
from importlib import metadata
from typing import TYPE_CHECKING, Any

from curate import __version__
from curate.io.writer import write_json
from curate.pipeline.layout import Layout
from curate.settings import Settings

if TYPE_CHECKING:
    from curate.pipeline.runner import RunSummary

LIBRARIES = ("pyarrow", "datasketch", "boilerpy3", "dateparser", "py3langid", "ftfy", "numpy")


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def manifest_dict(summary: RunSummary, settings: Settings) -> dict[str, Any]:
    """The manifest as a dict (schema documented in README, section "Output")."""
    data: dict[str, Any] = {
        "curate_version": __version__,
        "command": summary.command,
        "config": settings.to_dict(),
        "config_file": settings.config_path,
        "reference_date": settings.meta.reference_date,
        "versions": _versions(),
        "inputs": {"paths": summary.inputs, "files": summary.files, "documents": summary.documents},
        "outputs": {
            "kept": summary.kept,
            "removed": summary.removed,
            "removed_by_reason": dict(sorted(summary.reasons.items())),
            "data_files": summary.data_files,
            "removed_files": summary.removed_files,
        },
        "timings": {k: round(v, 3) for k, v in summary.timings.items()},
        "fingerprint": summary.fingerprint,
        "template_lines": summary.templates,
        "shards": summary.shards,
    }
    if summary.dedup is not None:
        data["dedup"] = {
            "against": summary.against,
            "matched_existing": summary.dedup.matched_existing,
            "edges": summary.dedup.edges,
            "clusters": summary.dedup.clusters,
            "duplicate_clusters": summary.dedup.duplicate_clusters,
            "cluster_sizes": summary.dedup.sizes,
        }
    return data


def write_manifest(layout: Layout, summary: RunSummary, settings: Settings) -> None:
    write_json(manifest_dict(summary, settings), layout.manifest)
