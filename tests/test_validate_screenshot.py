"""The HTML report renders in headless Chromium with its charts (skipped without chromium)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "render_report_screenshot.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH"),
]


def test_report_screenshot_shows_the_charts(tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(png)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert png.stat().st_size > 10_000
    for chart in ("length", "languages", "dates", "removals", "clusters"):
        assert f"{chart} " in done.stdout
