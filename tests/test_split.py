"""Large JSONL and Parquet files are cut into spans read by several shards, with the same
documents, sources and ids as when read whole."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from click.testing import CliRunner

from curate.cli import cli
from curate.io.discover import discover
from curate.io.fields import FieldMap
from curate.io.limits import Limits
from curate.io.readers import read_file
from curate.io.split import split_file
from tests.helpers import rows

LIMITS = Limits(max_doc_bytes=2000)


def _prose(i: int) -> str:
    return (
        f"Article {i}. Le conseil municipal de la ville a voté mardi un budget de {i} millions "
        "qui prévoit des travaux dans les écoles et sur les routes du centre. Les élus de "
        "l'opposition ont dénoncé une hausse des impôts locaux, que le maire a défendue "
        "devant la presse en rappelant que les dépenses de fonctionnement restent stables."
    )


def _jsonl(path: Path) -> Path:
    lines = []
    for i in range(40):
        lines.append(json.dumps({"text": _prose(i), "url": f"https://ex.fr/{i}"}))
        if i % 7 == 0:
            lines.append("   ")  # blank lines are not records
        if i == 20:
            lines.append(json.dumps({"text": "x" * 3000}))  # over max_doc_bytes
        if i == 30:
            lines.append("{not json")
    path.write_text("\n".join(lines))  # no newline at the end
    return path


def _read_all(path: Path, task_bytes: int) -> list[tuple[str, str, str | None]]:
    (file,) = discover([path])
    out = []
    for part in split_file(file, task_bytes, LIMITS):
        for row in read_file(part, LIMITS, FieldMap()):
            out.append((row["id"], row["source"], row["error"] or row["content"]))
    return out


def test_jsonl_spans_read_the_same_records(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "feed.jsonl")
    (file,) = discover([feed])
    spans = split_file(file, 2000, LIMITS)
    assert len(spans) > 5
    assert spans[0].span is not None and spans[0].span.start == 0
    assert spans[-1].span is not None and spans[-1].span.stop == feed.stat().st_size
    whole = _read_all(feed, 10**9)
    assert _read_all(feed, 2000) == whole
    assert len(whole) == 42
    assert whole[-1][1] == "feed.jsonl#42"
    reasons = {s: c for _, s, c in whole if not c.startswith("Article")}
    assert reasons == {
        "feed.jsonl#22": "too-large: record over size limit",
        "feed.jsonl#33": "unreadable: invalid JSON",
    }


def test_parquet_spans_follow_row_groups(tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    table = pa.table({"text": [_prose(i) for i in range(50)]})
    pq.write_table(table, path, row_group_size=10)
    (file,) = discover([path])
    spans = split_file(file, 2000, LIMITS)
    assert [(s.span.start, s.span.stop, s.span.first) for s in spans if s.span] == [
        (g, g + 1, 10 * g) for g in range(5)
    ]
    assert _read_all(path, 2000) == _read_all(path, 10**9)


def test_small_and_compressed_files_are_read_whole(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "feed.jsonl")
    (file,) = discover([feed])
    assert split_file(file, 10**9, LIMITS) == [file]
    gz = tmp_path / "feed.jsonl.gz"
    gz.write_bytes(gzip.compress(feed.read_bytes()))
    (gz_file,) = discover([gz])
    assert split_file(gz_file, 2000, LIMITS) == [gz_file]


def test_a_large_file_is_shared_by_shards_with_the_same_output(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    _jsonl(corpus / "feed.jsonl")
    outputs = {}
    for task_bytes in (10**9, 3000):
        config = tmp_path / f"c{task_bytes}.toml"
        config.write_text(f"[run]\ntask_bytes = {task_bytes}\n[limits]\nmax_doc_bytes = 2000\n")
        out = tmp_path / f"out{task_bytes}"
        args = ["clean", str(corpus), "-o", str(out), "-q", "-w", "2", "-c", str(config)]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs[task_bytes] = out
    whole, split = outputs[10**9], outputs[3000]
    assert len(list((split / "data").glob("part-*.parquet"))) > 3
    assert len(rows(whole / "data")) == 40
    for folder in ("data", "removed"):
        assert rows(split / folder) == rows(whole / folder)
