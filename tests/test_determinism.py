"""Output never depends on the order in which a process met documents (caches are pure)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys
from curate.settings import load_settings
from curate.io.discover import discover
from curate.io.readers import read_file
from curate.pipeline.process import process_row
from pathlib import Path
settings = load_settings(None)
rows = {}
for given in sys.argv[1:]:  # in the order given: discover() would sort them
    (f,) = discover([Path(given)])
    for raw in read_file(f, settings.limits, settings.fields):
        row = process_row(raw, settings)
        rows[row["source"]] = [row["text"], row["title"], row["date"], row["language"]]
print(json.dumps(rows, sort_keys=True))
"""


def _rows(paths: list[Path]) -> dict[str, list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def test_same_shaped_date_lines_are_judged_each_on_its_own() -> None:
    from curate.clean.datelines import looks_like_date_line

    assert looks_like_date_line("Mis à jour le 99/99/9999") is False
    assert looks_like_date_line("Mis à jour le 25/05/2023") is True
    assert looks_like_date_line("Mis à jour le 99/99/9999") is False


def test_documents_processed_in_either_order_give_the_same_rows(raw_corpus: Path) -> None:
    files = sorted(p for p in raw_corpus.rglob("*") if p.is_file())
    forward = _rows(files)
    backward = _rows(list(reversed(files)))
    assert forward == backward
    assert len(forward) == 15
