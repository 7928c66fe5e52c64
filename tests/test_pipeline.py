"""`curate run` end to end on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from curate import __version__
from curate.cli import cli
from tests.helpers import by_source, digest, rows


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def run_out(tmp_path: Path, raw_corpus: Path) -> Path:
    out = tmp_path / "out"
    _run("run", str(raw_corpus), "-o", str(out), "--workers", "1", "-q")
    return out


def test_every_document_accounted_for(run_out: Path) -> None:
    kept = rows(run_out / "data")
    removed = rows(run_out / "removed")
    sources = [r["source"] for r in kept + removed]
    assert len(sources) == len(set(sources))
    manifest = json.loads((run_out / "manifest.json").read_text())
    assert manifest["inputs"]["documents"] == len(sources)
    assert manifest["outputs"]["kept"] == len(kept)
    assert manifest["outputs"]["removed"] == len(removed)
    expected = {
        "000_6aa19dc196da93e0.txt",
        "001_cfef82f6dadeaa59.txt",
        "002_0f643d94c540def6.txt",
        "003_f026335b84036910.txt",
        "004_d8fdef5fea3701d4.txt",
        "syndicated/wuzhen-xi-discours.txt",
        "web/bibliotheque-numerique.html",
        "feeds/local-news.jsonl#1",
        "feeds/local-news.jsonl#2",
        "feeds/local-news.jsonl#3",
        "feeds/local-news.jsonl#4",
        "misc/empty.txt",
        "misc/marche-de-noel-cp1252.txt",
        "misc/scan-0001.txt",
        "misc/waermepumpen-altbau.txt",
    }
    assert set(sources) == expected


def test_removal_reasons(run_out: Path) -> None:
    removed = by_source(run_out / "removed")
    kept = by_source(run_out / "data")
    assert removed["misc/empty.txt"]["reason"] == "empty-input"
    assert removed["misc/scan-0001.txt"]["reason"] == "unreadable: binary content"
    assert removed["feeds/local-news.jsonl#4"]["reason"] == "unreadable: invalid JSON"
    # The syndicated copy of seed 001 under another template joins seed 001's cluster.
    pair = {"001_cfef82f6dadeaa59.txt", "syndicated/wuzhen-xi-discours.txt"}
    (dup,) = [s for s in pair if s in removed]
    (original,) = pair - {dup}
    assert removed[dup]["reason"] == "near-duplicate"
    assert removed[dup]["duplicate_of"] == kept[original]["id"]
    assert 0.5 < removed[dup]["similarity"] < 1.0
    assert kept[original]["cluster_size"] == 2
    # The wire copy of the river story is a near-duplicate of the feed's first record.
    river = {"feeds/local-news.jsonl#1", "feeds/local-news.jsonl#3"}
    assert len(river & set(removed)) == 1
    assert len(river & set(kept)) == 1


def test_metadata_of_non_seed_fixtures(run_out: Path) -> None:
    kept = by_source(run_out / "data")
    cp = kept["misc/marche-de-noel-cp1252.txt"]
    assert cp["encoding"] == "cp1252"
    assert "Hôtel-de-Ville" in cp["text"]
    assert cp["language"] == "fr"
    de = kept["misc/waermepumpen-altbau.txt"]
    assert de["language"] == "de"
    assert de["date"] == "2024-02-12"
    assert de["text"].startswith("In drei Mehrfamilienhäusern")
    assert "Newsletter" not in de["text"]
    html = kept["web/bibliotheque-numerique.html"]
    assert html["title"] == "Les bibliothèques municipales ouvrent leurs archives numériques"
    assert html["date"].startswith("2024-03-14")
    assert (
        html["url"]
        == "https://www.courrier-ouest.example/culture/bibliotheques-archives-numeriques"
    )
    assert "Tous droits réservés" not in html["text"]
    assert "Depuis lundi, les habitants" in html["text"]


def test_output_loads_with_pandas_and_duckdb(run_out: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(run_out / "data")
    assert {"id", "source", "text", "title", "date", "language"} <= set(frame.columns)
    assert frame["id"].is_unique
    duckdb = pytest.importorskip("duckdb")
    count = duckdb.sql(f"SELECT count(*) FROM '{run_out}/data/*.parquet'").fetchall()
    assert count == [(len(frame),)]


def test_card_points_at_data(run_out: Path) -> None:
    card = (run_out / "README.md").read_text()
    assert card.startswith("---\n")
    assert "path: data/*.parquet" in card
    assert f"Built by curate {__version__} with `curate run` from" in card
    assert "](http" not in card  # no link to a page that is not the project's
    assert pq.read_schema(next((run_out / "data").glob("part-*.parquet"))).field("id")


def test_byte_identical_for_any_worker_count(tmp_path: Path, raw_corpus: Path) -> None:
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        # Small shards so that two workers really split the work.
        (tmp_path / "curate.toml").write_text("[run]\ntask_files = 3\n")
        _run(
            "run",
            str(raw_corpus),
            "-o",
            str(out),
            "-w",
            workers,
            "-q",
            "-c",
            str(tmp_path / "curate.toml"),
        )
        outs.append(digest(out))
    assert outs[0] == outs[1]
    assert len(outs[0]) >= 4


def test_rerun_replaces_previous_output(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "out"
    _run("run", str(raw_corpus), "-o", str(out), "-w", "1", "-q")
    first = digest(out)
    _run("run", str(raw_corpus), "-o", str(out), "-w", "1", "-q")
    assert digest(out) == first
    assert not (out / ".work").exists()


def test_clean_does_not_dedup(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "clean"
    _run("clean", str(raw_corpus), "-o", str(out), "-w", "1", "-q")
    reasons = {r["reason"] for r in rows(out / "removed")}
    assert "near-duplicate" not in reasons and "exact-duplicate" not in reasons
    dedup = tmp_path / "dedup"
    _run("dedup", str(out), "-o", str(dedup), "-w", "1", "-q")
    removed = by_source(dedup / "removed")
    assert sorted(r["reason"] for r in removed.values()) == ["exact-duplicate", "near-duplicate"]
    assert len(removed) == 2


def test_dedup_reads_the_dataset_parts_in_place(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "clean"
    _run("clean", str(raw_corpus), "-o", str(out), "-w", "1", "-q")
    config = tmp_path / "curate.toml"
    config.write_text("[run]\nkeep_work = true\n")
    dedup = tmp_path / "dedup"
    _run("dedup", str(out), "-o", str(dedup), "-w", "1", "-q", "-c", str(config))
    staged = sorted(p.name for p in (dedup / ".work" / "docs").iterdir())
    assert staged == ["task-00000.ref"]  # a reference to the part, no copy of it
    part = out / "data" / "part-00000.parquet"
    assert (dedup / ".work" / "docs" / "task-00000.ref").read_text() == str(part.resolve())
    kept = rows(dedup / "data")
    assert len(kept) + 2 == len(rows(out / "data"))
    assert all(r["cluster_size"] >= 1 for r in kept)
