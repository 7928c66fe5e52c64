"""Resumable runs: kill a run part-way, rerun it, get byte-identical output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import digest

CMD = [sys.executable, "-c", "from curate.cli import main; main()"]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CMD, *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_killed_run_resumes_to_identical_output(tmp_path: Path, raw_corpus: Path) -> None:
    (tmp_path / "curate.toml").write_text("[run]\ntask_files = 1\nwrite_reports = false\n")
    reference = tmp_path / "reference"
    assert (
        _run("run", str(raw_corpus), "-o", str(reference), "-w", "1", "-q", cwd=tmp_path).returncode
        == 0
    )

    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*CMD, "run", str(raw_corpus), "-o", str(out), "-w", "1", "-q"],
        cwd=tmp_path,
        start_new_session=True,
    )
    done = out / ".work" / "done" / "prepare"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(done.glob("*.pickle"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = len(list(done.glob("*.pickle")))
    assert 3 <= finished < 12
    assert not (out / "manifest.json").exists()

    rerun = _run("run", str(raw_corpus), "-o", str(out), "-w", "1", cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "resuming an interrupted run:" in rerun.stderr
    skipped = int(rerun.stderr.split("resuming an interrupted run: ")[1].split(" ")[0])
    assert skipped >= finished
    assert digest(out) == digest(reference)
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["shards"]) == 12


def test_changed_config_or_force_start_from_scratch(tmp_path: Path, raw_corpus: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "curate.toml").write_text(
        "[run]\ntask_files = 1\nwrite_reports = false\nkeep_work = true\n"
    )
    assert (
        _run("run", str(raw_corpus), "-o", str(out), "-w", "1", "-q", cwd=tmp_path).returncode == 0
    )
    again = _run("run", str(raw_corpus), "-o", str(out), "-w", "1", cwd=tmp_path)
    assert "resuming an interrupted run: 12 of 12" in again.stderr
    forced = _run("run", str(raw_corpus), "-o", str(out), "-w", "1", "--force", cwd=tmp_path)
    assert "resuming" not in forced.stderr
    (tmp_path / "curate.toml").write_text(
        "[run]\ntask_files = 1\nwrite_reports = false\nkeep_work = true\n[clean]\nmin_chars = 10\n"
    )
    changed = _run("run", str(raw_corpus), "-o", str(out), "-w", "1", cwd=tmp_path)
    assert changed.returncode == 0
    assert "resuming" not in changed.stderr
