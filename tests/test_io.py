"""Readers and decoding: every document is read or gets a removal reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from curate.io.decode import decode_bytes
from curate.io.discover import discover
from curate.io.fields import FieldMap
from curate.io.limits import Limits
from curate.io.readers import read_file


def _read(path: Path, root: Path) -> list[dict[str, object]]:
    (file,) = [f for f in discover([root]) if f.path == path]
    return list(read_file(file, Limits(), FieldMap()))


def test_cp1252_is_detected() -> None:
    text = "Le marché de Noël ouvrira à l'Hôtel-de-Ville — entrée gratuite."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes("\ufeffété".encode()).text == "été"


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Premier", "url": "https://a.fr/1", "date": "2024-01-02"}) + "\n"
        "\n"
        "{not json}\n"
        + json.dumps({"title": "sans texte"})
        + "\n"
        + json.dumps({"html": "<p>Bonjour</p>"})
        + "\n",
        encoding="utf-8",
    )
    got = [(r["source"], r["format"], r["content"], r["error"]) for r in _read(feed, tmp_path)]
    assert got == [
        ("feed.jsonl#1", "text", "Premier", None),
        ("feed.jsonl#2", "text", None, "unreadable: invalid JSON"),
        ("feed.jsonl#3", "text", None, "empty-input"),
        ("feed.jsonl#4", "html", "<p>Bonjour</p>", None),
    ]


def test_truncated_gzip_is_reported(tmp_path: Path) -> None:
    data = gzip.compress(("Un texte assez long. " * 200).encode())
    path = tmp_path / "page.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    (row,) = _read(path, tmp_path)
    assert row["error"] == "unreadable: truncated gzip"


def test_gzip_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "a"}\n{"text": "b"}\n'))
    assert [r["content"] for r in _read(path, tmp_path)] == ["a", "b"]


def test_binary_empty_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    errors = {
        f.rel: next(iter(read_file(f, Limits(), FieldMap())))["error"] for f in discover([tmp_path])
    }
    assert errors == {
        "blob.txt": "unreadable: binary content",
        "empty.txt": "empty-input",
        "doc.pdf": "unsupported-format",
    }


def test_discover_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b/z.txt", "a.txt", ".git/x.txt", "b/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [f.rel for f in discover([tmp_path])] == ["a.txt", "b/z.txt"]


def test_discover_two_roots_keeps_both(tmp_path: Path) -> None:
    for root in ("one", "two"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "a.txt").write_text("x")
    assert [f.rel for f in discover([tmp_path / "one", tmp_path / "two"])] == [
        "one/a.txt",
        "two/a.txt",
    ]
