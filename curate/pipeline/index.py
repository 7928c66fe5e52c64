"""The dedup index a run keeps in `OUT/index/`, so that a later run can deduplicate new
documents against this dataset (`--against OUT`) without recomputing it.

It holds, for the kept documents of each data part `data/part-T.parquet` (same rows, same
order): MinHash signatures, shingle-set sizes and exact keys (`index/<kind>/task-T.npy`), and
their LSH band keys in the same band-partitioned layout as a run's work folder
(`index/bands/<band>/part-P/task-T.parquet`). `index/params.json` records the settings the
keys depend on; a later run must use the same ones.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from curate.dedup.buckets import read_unit, write_band_files
from curate.dedup.config import DedupConfig
from curate.dedup.lsh import band_keys
from curate.dedup.store import make_gids, save_array
from curate.dedup.verify import candidate_bands
from curate.errors import InputError
from curate.io.writer import write_json
from curate.pipeline.shards import AGAINST_BASE

Array = np.ndarray[Any, Any]

KEY_SETTINGS = ("ngram", "char_ngram", "char_scripts", "char_script_share", "num_perm", "seed")


def index_params(cfg: DedupConfig, partitions: int) -> dict[str, Any]:
    """The settings that band keys and signatures depend on."""
    bands, rows = candidate_bands(cfg)
    params = {k: v for k, v in asdict(cfg).items() if k in KEY_SETTINGS}
    params.update(bands=bands, rows=rows, bucket_partitions=partitions)
    return params


def write_index_shard(
    index: Path,
    task: int,
    sigs: Array,
    sizes: Array,
    exact: Array,
    cfg: DedupConfig,
    partitions: int,
) -> None:
    """Index the kept documents of one data part."""
    save_array(index, "sigs", task, sigs)
    save_array(index, "sizes", task, sizes)
    save_array(index, "exact", task, exact)
    gids = make_gids(task, len(sigs))
    write_band_files(index, task, "exact", exact, gids, partitions)
    bands, rows = candidate_bands(cfg)
    keys = band_keys(sigs, bands, rows) if len(sigs) else np.empty((0, bands), np.uint64)
    for band in range(bands):
        write_band_files(index, task, f"band-{band:02d}", keys[:, band], gids, partitions)


def write_index_params(index: Path, cfg: DedupConfig, partitions: int) -> None:
    write_json(index_params(cfg, partitions), index / "params.json")


def check_against(existing: Path, cfg: DedupConfig, partitions: int) -> Path:
    """The index folder of an earlier dataset, checked to match this run's settings."""
    import json

    index = existing / "index"
    params_path = index / "params.json"
    if not params_path.is_file():
        raise InputError(
            f"{existing} has no dedup index (index/params.json): was it written by curate run?"
        )
    try:
        params = json.loads(params_path.read_text("utf-8"))
    except (OSError, ValueError):
        raise InputError(f"{params_path} is unreadable") from None
    wanted = json.loads(json.dumps(index_params(cfg, partitions)))
    if params != wanted:
        changed = sorted(k for k in wanted if params.get(k) != wanted[k])
        raise InputError(
            f"{existing} was indexed with other dedup settings ({', '.join(changed)}); "
            "use the same [dedup] and [run] bucket_partitions"
        )
    return index


def read_unit_with_against(
    work: Path, against: Path | None, band: str, part: int
) -> tuple[Array, Array]:
    """A unit's (key, gid) rows from this run and, remapped, from an earlier dataset."""
    keys, gids = read_unit(work, band, part)
    if against is None:
        return keys, gids
    old_keys, old_gids = read_unit(against, band, part)
    old_gids = old_gids + (np.uint64(AGAINST_BASE) << np.uint64(32))
    keys = np.concatenate([keys, old_keys])
    gids = np.concatenate([gids, old_gids])
    order = np.lexsort((gids, keys))
    return keys[order], gids[order]
