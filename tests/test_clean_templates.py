"""Cross-corpus template counting: hashes, shard pairs, partitions, frequent lines."""

from __future__ import annotations

import pyarrow as pa

from curate.clean.templates import (
    count_partition,
    doc_hashes,
    frequent,
    group_key,
    line_hash,
    shard_pairs,
    split_partitions,
    template_sets,
)

FOOTER = "Suivez-nous sur Twitter et Facebook"


WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def _docs(n: int, site: str) -> list[list[str]]:
    return [[f"Article {site} sur {WORDS[i]} et rien d'autre", FOOTER] for i in range(n)]


def test_line_hash_is_stable_and_normalised() -> None:
    assert line_hash("Page 2 sur  17") == line_hash("page 3 sur 18")
    assert line_hash("a") != line_hash("b")
    assert 0 <= line_hash(FOOTER) < 2**64
    assert line_hash(FOOTER) == line_hash(FOOTER)


def test_counting_across_shards_and_partitions() -> None:
    shards = []
    for site, n in (("a.example", 6), ("b.example", 2)):
        docs = _docs(n, site)
        shards.append(shard_pairs([site] * n, [doc_hashes(d) for d in docs]))
    n_part = 4
    parts = [split_partitions(table, n_part) for table in shards]
    assert sum(t.num_rows for p in parts for t in p) == sum(t.num_rows for t in shards)
    counted = [count_partition([p[k] for p in parts]) for k in range(n_part)]
    found = template_sets(frequent(c, 5) for c in counted)
    assert found == {"a.example": frozenset({line_hash(FOOTER)})}


def test_count_partition_is_sorted_and_typed() -> None:
    table = shard_pairs(["x", "x", "y"], [doc_hashes([FOOTER])] * 3)
    counts = count_partition([table])
    assert counts.schema.field("hash").type == pa.uint64()
    assert counts.column("group").to_pylist() == ["x", "y"]
    assert counts.column("docs").to_pylist() == [2, 1]
    assert count_partition([]).num_rows == 0


def test_group_key() -> None:
    assert group_key("https://www.example.org/a", "x.txt") == "example.org"
    assert group_key(None, "siteA/2023/x.txt") == "siteA"
    assert group_key(None, "x.txt") == ""
