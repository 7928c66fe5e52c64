"""Remote inputs and outputs, against a local S3-compatible server (moto) on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from curate.cli import cli
from tests.helpers import by_source, digest

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "CURATE_STAGING": str(tmp_path / "staging"),
    }.items():
        monkeypatch.setenv(key, value)
    client = boto3.client("s3")
    client.create_bucket(Bucket="corpus-bucket")
    yield client
    server.stop()


def test_s3_input_and_output_match_a_local_run(
    s3: object, tmp_path: Path, raw_corpus: Path
) -> None:
    client = s3
    for path in sorted(raw_corpus.rglob("*")):
        if path.is_file():
            key = "crawl/" + path.relative_to(raw_corpus).as_posix()
            client.upload_file(str(path), "corpus-bucket", key)  # type: ignore[attr-defined]
    runner = CliRunner()
    local = tmp_path / "local"
    assert (
        runner.invoke(cli, ["run", str(raw_corpus), "-o", str(local), "-w", "1", "-q"]).exit_code
        == 0
    )
    result = runner.invoke(
        cli,
        ["run", "s3://corpus-bucket/crawl", "-o", "s3://corpus-bucket/out", "-w", "1", "-q"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    listing = client.list_objects_v2(Bucket="corpus-bucket", Prefix="out/")  # type: ignore[attr-defined]
    keys = {item["Key"] for item in listing["Contents"] if not item["Key"].endswith("/")}
    assert {"out/manifest.json", "out/README.md", "out/data/part-00000.parquet"} <= keys
    fetched = tmp_path / "fetched"
    for key in keys:
        target = fetched / key.removeprefix("out/")
        target.parent.mkdir(parents=True, exist_ok=True)
        client.download_file("corpus-bucket", key, str(target))  # type: ignore[attr-defined]
    assert digest(fetched) == digest(local)


def test_missing_remote_input_is_a_one_line_error(s3: object, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["run", "s3://corpus-bucket/nothing-here", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "input not found: s3://corpus-bucket/nothing-here" in result.output


def test_validate_and_against_read_a_remote_dataset(
    s3: object, tmp_path: Path, seeds_dir: Path, raw_corpus: Path
) -> None:
    runner = CliRunner()
    first = "s3://corpus-bucket/first"
    result = runner.invoke(cli, ["run", str(seeds_dir), "-o", first, "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    report = tmp_path / "report.json"
    result = runner.invoke(cli, ["validate", first, "-q", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text())["dataset"] == first

    second = tmp_path / "second"
    args = ["run", str(raw_corpus), "-o", str(second), "-w", "1", "-q", "--against", first]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["dedup"]["against"] == first
    assert manifest["dedup"]["matched_existing"] == 6
    removed = by_source(second / "removed")
    assert removed["001_cfef82f6dadeaa59.txt"]["reason"] == "exact-duplicate"
    assert not (tmp_path / "staging").exists() or not list((tmp_path / "staging").glob("*-read"))


def test_missing_remote_dataset_is_a_one_line_error(s3: object) -> None:
    result = CliRunner().invoke(cli, ["validate", "s3://corpus-bucket/none", "-q"])
    assert result.exit_code == 2
    assert "dataset not found: s3://corpus-bucket/none" in result.output
