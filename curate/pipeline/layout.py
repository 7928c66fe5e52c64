"""Where each stage reads and writes, under the output folder."""

from __future__ import annotations

from pathlib import Path


class Layout:
    """Paths of one output folder: final files and the `.work/` staging area."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.work = out / ".work"
        self.data = out / "data"
        self.removed = out / "removed"
        self.manifest = out / "manifest.json"
        self.card = out / "README.md"
        self.index = out / "index"

    def docs(self, task: int) -> Path:
        return self.work / "docs" / f"task-{task:05d}.parquet"

    def edges(self, band: str, part: int) -> Path:
        return self.work / "edges" / f"{band}-{part:03d}.parquet"

    def decisions(self, task: int) -> Path:
        return self.work / "decisions" / f"task-{task:05d}.parquet"

    def data_part(self, task: int) -> Path:
        return self.data / f"part-{task:05d}.parquet"

    def removed_part(self, task: int) -> Path:
        return self.removed / f"part-{task:05d}.parquet"
