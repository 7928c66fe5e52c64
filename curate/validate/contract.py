"""The output contract's columns and manifest keys, as `curate validate` checks them.

Kept deliberately separate from the writer's schema (`curate.schema`): validation is an
independent reading of the documented contract, so a writer bug shows up as a failed check.

>>> import pyarrow as pa
>>> type_matches(pa.large_string(), "string"), type_matches(pa.int32(), "int64")
(True, False)
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

# column -> kind; required columns fail the schema check, optional ones warn.
DATA_REQUIRED = {
    "id": "string",
    "source": "string",
    "text": "string",
    "title": "string",
    "date": "string",
    "language": "string",
}
DATA_OPTIONAL = {
    "date_precision": "string",
    "date_source": "string",
    "url": "string",
    "domain": "string",
    "author": "string",
    "language_score": "float",
    "words": "int64",
    "chars": "int64",
    "lines_removed_share": "float",
    "cluster_size": "int64",
}
REMOVED_REQUIRED = {
    "id": "string",
    "source": "string",
    "reason": "string",
    "duplicate_of": "string",
    "similarity": "float",
}
COMMANDS = ("run", "clean", "dedup")


def type_matches(dtype: pa.DataType, kind: str) -> bool:
    """Whether an Arrow type satisfies a contract kind (`string`, `int64`, `float`)."""
    if isinstance(dtype, pa.DictionaryType):
        dtype = dtype.value_type
    if kind == "string":
        return bool(
            pa.types.is_string(dtype)
            or pa.types.is_large_string(dtype)
            or getattr(pa.types, "is_string_view", lambda _: False)(dtype)
        )
    if kind == "int64":
        return bool(pa.types.is_int64(dtype))
    if kind == "float":
        return bool(pa.types.is_floating(dtype))
    raise ValueError(f"unknown kind {kind!r}")


def schema_problems(schema: pa.Schema, columns: dict[str, str]) -> list[str]:
    """Missing or wrongly typed columns among `columns`, one message each."""
    problems = []
    for name, kind in columns.items():
        index = schema.get_field_index(name)
        if index < 0:
            problems.append(f"missing column {name!r}")
        elif not type_matches(schema.field(index).type, kind):
            problems.append(f"column {name!r} is {schema.field(index).type}, expected {kind}")
    return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int_map(value: Any) -> bool:
    return isinstance(value, dict) and all(_is_int(v) for v in value.values())


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# dotted key -> (predicate, expected type in words)
MANIFEST_KEYS: dict[str, tuple[Any, str]] = {
    "curate_version": (lambda v: isinstance(v, str), "a string"),
    "command": (lambda v: v in COMMANDS, "one of " + ", ".join(COMMANDS)),
    "config": (lambda v: isinstance(v, dict), "an object"),
    "reference_date": (lambda v: v is None or isinstance(v, str), "a string or null"),
    "inputs.paths": (_str_list, "a list of strings"),
    "inputs.files": (_is_int, "an integer"),
    "inputs.documents": (_is_int, "an integer"),
    "outputs.kept": (_is_int, "an integer"),
    "outputs.removed": (_is_int, "an integer"),
    "outputs.removed_by_reason": (_int_map, "an object of integers"),
    "outputs.data_files": (_str_list, "a list of strings"),
    "outputs.removed_files": (_str_list, "a list of strings"),
    "timings": (lambda v: isinstance(v, dict), "an object"),
}
DEDUP_KEYS: dict[str, tuple[Any, str]] = {
    "dedup.clusters": (_is_int, "an integer"),
    "dedup.cluster_sizes": (_int_map, "an object of integers"),
}
_MISSING = object()


def lookup(data: Any, dotted: str) -> Any:
    """`lookup(m, "outputs.kept")` -> the value, or a sentinel when absent."""
    node = data
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            return _MISSING
        node = node[key]
    return node


def manifest_problems(manifest: dict[str, Any]) -> list[str]:
    """Missing or wrongly typed manifest keys, one message each."""
    keys = dict(MANIFEST_KEYS)
    if manifest.get("command") != "clean":
        keys.update(DEDUP_KEYS)
    problems = []
    for dotted, (ok, expected) in keys.items():
        value = lookup(manifest, dotted)
        if value is _MISSING:
            problems.append(f"missing key {dotted}")
        elif not ok(value):
            problems.append(f"{dotted} should be {expected}")
    return problems
