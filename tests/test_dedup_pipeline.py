"""Deduplication across runs (`--against`), cluster explanations and the keep rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
from click.testing import CliRunner

from curate.cli import cli
from curate.dedup.keep import best_index, kept_positions
from tests.helpers import by_source


def _ok(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_against_points_duplicates_at_the_earlier_dataset(
    tmp_path: Path, seeds_dir: Path, raw_corpus: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _ok("run", str(seeds_dir), "-o", str(first), "-w", "1", "-q")
    _ok("run", str(raw_corpus), "-o", str(second), "-w", "1", "-q", "--against", str(first))
    old = {Path(s).name: r["id"] for s, r in by_source(first / "data").items()}
    removed = by_source(second / "removed")
    kept = by_source(second / "data")
    for name, old_id in old.items():
        assert removed[name]["reason"] == "exact-duplicate"
        assert removed[name]["duplicate_of"] == old_id
    synd = removed["syndicated/wuzhen-xi-discours.txt"]
    assert synd["reason"] == "near-duplicate"
    assert synd["duplicate_of"] == old["001_cfef82f6dadeaa59.txt"]
    assert not set(old) & set(kept)
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["dedup"]["matched_existing"] == 6
    assert manifest["dedup"]["against"] == str(first.resolve())
    assert CliRunner().invoke(cli, ["validate", str(second), "-q"]).exit_code == 0


def test_against_with_other_settings_is_refused(tmp_path: Path, seeds_dir: Path) -> None:
    first = tmp_path / "first"
    _ok("run", str(seeds_dir), "-o", str(first), "-w", "1", "-q")
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(seeds_dir),
            "-o",
            str(tmp_path / "x"),
            "-q",
            "-w",
            "1",
            "--against",
            str(first),
            "--threshold",
            "0.3",
        ],
    )
    assert result.exit_code == 2
    assert "other dedup settings (bands, rows)" in result.output


def test_dedup_explain_shows_the_cluster(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "out"
    _ok("run", str(raw_corpus), "-o", str(out), "-w", "1", "-q")
    kept = by_source(out / "data")
    removed = by_source(out / "removed")
    pair = ["001_cfef82f6dadeaa59.txt", "syndicated/wuzhen-xi-discours.txt"]
    (dup_source,) = [s for s in pair if s in removed]
    (kept_source,) = [s for s in pair if s in kept]
    dup = removed[dup_source]
    text = _ok("dedup", str(out), "--explain", dup["id"])
    lines = text.splitlines()
    assert lines[0] == "cluster of 2 document(s)"
    assert lines[2].split() == ["[0]", kept[kept_source]["id"], "kept", kept_source]
    assert lines[3].split() == ["[1]", dup["id"], "near-duplicate", dup_source]
    matrix = lines[-1].split()
    assert matrix[0] == "[1]" and matrix[2] == "1.000"
    assert abs(float(matrix[1]) - dup["similarity"]) < 1e-3


def test_keep_rule_prefers_metadata_then_length_then_date() -> None:
    base = {"title": None, "date": None, "url": None, "author": None, "language": "fr"}
    rows = [
        {**base, "id": "c", "chars": 500},
        {**base, "id": "b", "chars": 900},
        {**base, "id": "a", "chars": 900, "date": "2020-01-01"},
        {**base, "id": "d", "chars": 900, "date": "2019-05"},
    ]
    rule = ["metadata", "length", "earliest", "id"]
    assert rows[best_index(rows, rule)]["id"] == "d"
    assert rows[best_index(rows[:2], rule)]["id"] == "b"
    assert rows[best_index(rows, ["length", "latest"])]["id"] == "a"
    assert rows[best_index(rows, ["id"])]["id"] == "a"


def test_earliest_compares_instants_where_the_pages_give_them() -> None:
    base = {"title": "T", "url": None, "author": None, "language": "fr", "chars": 900}
    rows = [
        # 09:00 in New York is 14:00 UTC; 14:00 in Paris is 13:00 UTC: Paris was first
        {**base, "id": "a", "date": "2021-03-05T09:00", "date_utc": dt.datetime(2021, 3, 5, 14)},
        {**base, "id": "b", "date": "2021-03-05T14:00", "date_utc": dt.datetime(2021, 3, 5, 13)},
    ]
    assert rows[best_index(rows, ["earliest"])]["id"] == "b"
    assert rows[best_index(rows, ["latest"])]["id"] == "a"
    # a date without an instant compares as written
    rows.append({**base, "id": "c", "date": "2021-03-04", "date_utc": None})
    assert rows[best_index(rows, ["earliest"])]["id"] == "c"


def test_kept_positions_rank_every_cluster_at_once() -> None:
    table = pa.table(
        {
            "id": ["a", "b", "c", "d", "e"],
            "chars": [10, 30, 20, 5, 5],
            **{c: [None] * 5 for c in ("title", "date", "url", "author", "language")},
        }
    )
    groups = np.array([0, 0, 0, 7, 7])
    first = np.array([False, False, True, False, False])  # "c" is already published
    kept = kept_positions(table, groups, ["length", "id"], first)
    assert kept.tolist() == [2, 2, 2, 3, 3]
    kept = kept_positions(table, groups, ["length", "id"], np.zeros(5, bool))
    assert kept.tolist() == [1, 1, 1, 3, 3]


def test_unknown_keep_criterion_is_a_config_error(tmp_path: Path, seeds_dir: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text('[dedup]\nkeep = ["newest"]\n')
    result = CliRunner().invoke(
        cli, ["run", str(seeds_dir), "-o", str(tmp_path / "o"), "-c", str(config)]
    )
    assert result.exit_code == 2
    assert "dedup.keep" in result.output and "newest" in result.output


def test_exact_verify_keeps_the_same_clusters(tmp_path: Path, raw_corpus: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text("[dedup]\nexact_verify = true\n")
    out = tmp_path / "out"
    _ok("run", str(raw_corpus), "-o", str(out), "-w", "1", "-q", "-c", str(config))
    removed = by_source(out / "removed")
    dups = {s: r for s, r in removed.items() if r["duplicate_of"]}
    assert len(dups) == 2
    near = [r for r in dups.values() if r["reason"] == "near-duplicate"]
    assert len(near) == 1 and 0.5 < near[0]["similarity"] < 1.0
