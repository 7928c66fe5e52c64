"""Site templates learnt across the corpus: lines that recur in many documents of a group.

After CCNet's paragraph hashing: every document contributes the set of hashes of its
lines; a hash seen in at least `min_docs` documents of the same group (a site, a source
folder, or the whole corpus) is template boilerplate. The counting runs on files partitioned
by hash, so no process holds every line:

1. per shard: `shard_pairs(groups, [doc_hashes(lines) ...])` -> table (group, hash), one row
   per document and distinct line; `split_partitions(table, n)` -> one table per partition;
2. per partition: `count_partition(tables)` -> (group, hash, docs); `frequent(counts, k)`;
3. per shard again: `template_sets(frequent_tables)` -> `{group: set of hashes}`, and each
   document's set goes to `classify_lines(..., template_hashes=...)`.

>>> line_hash("Suivez-nous  sur Twitter") == line_hash("suivez-nous sur twitter")
True
>>> line_hash("© 2023 Site") == line_hash("© 2024 Site")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import xxhash

if TYPE_CHECKING:  # numpy and pyarrow load only when the counting helpers run
    import numpy as np
    import numpy.typing as npt
    import pyarrow as pa

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def pair_schema() -> pa.Schema:
    """(group string, hash uint64): one row per document and distinct line."""
    import pyarrow as pa

    return pa.schema([("group", pa.string()), ("hash", pa.uint64())])


def count_schema() -> pa.Schema:
    """(group, hash, docs int64): documents per group and line."""
    import pyarrow as pa

    return pa.schema([("group", pa.string()), ("hash", pa.uint64()), ("docs", pa.int64())])


def normalize_line(line: str) -> str:
    """Case-folded, whitespace-collapsed, every number replaced by `0`.

    >>> normalize_line("  Page 2 of  17 ")
    'page 0 of 0'
    """
    return _DIGITS.sub("0", _SPACES.sub(" ", line.strip().casefold()))


def line_hash(line: str) -> int:
    """Stable unsigned 64-bit hash (xxh3) of the normalised line."""
    return int(xxhash.xxh3_64_intdigest(normalize_line(line).encode("utf-8")))


def doc_hashes(lines: Sequence[str], min_chars: int = 10) -> npt.NDArray[np.uint64]:
    """Sorted distinct hashes of a document's lines of at least `min_chars` characters.

    >>> doc_hashes(["Menu", "Share this article", "Share this article"]).size
    1
    """
    import numpy as np

    found = {line_hash(line) for line in lines if len(line.strip()) >= min_chars}
    return np.array(sorted(found), dtype=np.uint64)


def group_key(url: str | None, source: str) -> str:
    """The template group of a document: the URL's host, else the source's top folder.

    >>> group_key("https://www.example.org/a/b", "x.txt"), group_key(None, "siteA/2023/x.txt")
    ('example.org', 'siteA')
    """
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        if host:
            return host.removeprefix("www.")
    parts = source.replace("\\", "/").split("/")
    return parts[0] if len(parts) > 1 else ""


def shard_pairs(groups: Sequence[str], hashes: Sequence[npt.NDArray[np.uint64]]) -> pa.Table:
    """One row (group, hash) per document and distinct line hash."""
    import numpy as np
    import pyarrow as pa

    sizes = [h.size for h in hashes]
    total = int(sum(sizes))
    if total == 0:
        return pair_schema().empty_table()
    group_col = pa.array(np.repeat(np.array(groups, dtype=object), sizes), type=pa.string())
    hash_col = pa.array(np.concatenate(hashes).astype(np.uint64), type=pa.uint64())
    return pa.Table.from_arrays([group_col, hash_col], schema=pair_schema())


def partition_ids(hashes: pa.Array | pa.ChunkedArray, n_partitions: int) -> pa.Array:
    """The partition of each hash: `hash % n_partitions` (uses the hash's top bits too).

    >>> import pyarrow as pa
    >>> partition_ids(pa.array([0, 5, 7], pa.uint64()), 4).to_pylist()
    [0, 1, 3]
    """
    import numpy as np
    import pyarrow as pa

    values = np.asarray(pa.chunked_array([hashes]).combine_chunks(), dtype=np.uint64)
    return pa.array((values % np.uint64(n_partitions)).astype(np.int32))


def split_partitions(table: pa.Table, n_partitions: int) -> list[pa.Table]:
    """`table` (group, hash) split into `n_partitions` tables by hash."""
    import pyarrow.compute as pc

    if table.num_rows == 0:
        return [table.slice(0, 0) for _ in range(n_partitions)]
    ids = partition_ids(table.column("hash"), n_partitions)
    return [table.filter(pc.equal(ids, p)) for p in range(n_partitions)]


def count_partition(tables: Iterable[pa.Table]) -> pa.Table:
    """Documents per (group, hash) over one partition's tables, sorted by group and hash."""
    import pyarrow as pa

    parts = [t.select(["group", "hash"]) for t in tables if t.num_rows]
    if not parts:
        return count_schema().empty_table()
    merged = pa.concat_tables(parts)
    counted = merged.group_by(["group", "hash"]).aggregate([("hash", "count")])
    counted = counted.rename_columns(["group", "hash", "docs"])
    counted = counted.sort_by([("group", "ascending"), ("hash", "ascending")])
    return counted.select(["group", "hash", "docs"]).cast(count_schema())


def frequent(counts: pa.Table, min_docs: int) -> pa.Table:
    """Rows of `counts` seen in at least `min_docs` documents.

    >>> t = count_partition([shard_pairs(["a", "a", "b"], [doc_hashes(["x" * 12])] * 3)])
    >>> frequent(t, 2).column("group").to_pylist()
    ['a']
    """
    import pyarrow.compute as pc

    return counts.filter(pc.greater_equal(counts.column("docs"), min_docs))


def template_sets(tables: Iterable[pa.Table]) -> dict[str, frozenset[int]]:
    """`{group: frozenset of frequent hashes}` from the `frequent` tables of all partitions."""
    found: dict[str, set[int]] = {}
    for table in tables:
        for group, value in zip(
            table.column("group").to_pylist(), table.column("hash").to_pylist(), strict=True
        ):
            found.setdefault(group, set()).add(int(value))
    return {group: frozenset(values) for group, values in sorted(found.items())}
