"""The Ray executor runs the same stages and writes byte-identical output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from curate.cli import cli
from tests.helpers import digest

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[Any]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_ray_output_is_byte_identical_to_local(
    ray_cluster: Any, tmp_path: Path, raw_corpus: Path
) -> None:
    config = tmp_path / "curate.toml"
    config.write_text("[run]\ntask_files = 3\nwrite_reports = false\n")
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    _run("run", str(raw_corpus), "-o", str(local), "-w", "2", "-q", "-c", str(config))
    _run("run", str(raw_corpus), "-o", str(on_ray), "--executor", "ray", "-q", "-c", str(config))
    assert digest(on_ray) == digest(local)
    assert len(digest(local)) >= 6
    assert ray_cluster.is_initialized()  # the executor left the shared cluster running
