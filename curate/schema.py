"""Arrow schemas of the tables that flow between stages and of the output contract.

>>> DATA_SCHEMA.field("id").type
DataType(string)
"""

from __future__ import annotations

import pyarrow as pa

# What a reader yields: one row per input document, before any cleaning.
RAW_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("format", pa.string()),  # "text" | "html"
        ("content", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("date", pa.string()),
        ("language", pa.string()),
        ("author", pa.string()),
        ("fetch_date", pa.string()),
        ("encoding", pa.string()),
        ("replaced_share", pa.float64()),
        ("error", pa.string()),  # a removal reason when the document could not be read
    ]
)

# Metadata columns produced by the normalise step, in output order.
META_FIELDS: list[pa.Field] = [
    pa.field("title", pa.string()),
    pa.field("date", pa.string()),
    pa.field("date_precision", pa.string()),
    pa.field("date_source", pa.string()),
    pa.field("date_updated", pa.string()),
    # milliseconds: Parquet has no unit of seconds, so the files hold it so
    pa.field("date_utc", pa.timestamp("ms", tz="UTC")),
    pa.field("date_updated_utc", pa.timestamp("ms", tz="UTC")),
    pa.field("language", pa.string()),
    pa.field("language_score", pa.float64()),
    pa.field("url", pa.string()),
    pa.field("domain", pa.string()),
    pa.field("author", pa.string()),
    pa.field("dateline_place", pa.string()),
    pa.field("dateline_agency", pa.string()),
    pa.field("words", pa.int64()),
    pa.field("chars", pa.int64()),
]

QUALITY_FIELDS: list[pa.Field] = [
    pa.field("lines_total", pa.int64()),
    pa.field("lines_removed_share", pa.float64()),
    pa.field("encoding", pa.string()),
    pa.field("replaced_share", pa.float64()),
]

# Staging table after clean + normalise: every document, with `reason` set when it is removed.
DOC_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),
        pa.field("source", pa.string()),
        pa.field("text", pa.string()),
        *META_FIELDS,
        *QUALITY_FIELDS,
        pa.field("reason", pa.string()),
    ]
)

# OUT/data/part-*.parquet
DATA_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        *META_FIELDS,
        *QUALITY_FIELDS,
        pa.field("cluster_size", pa.int64()),
    ]
)

# OUT/removed/part-*.parquet
REMOVED_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("duplicate_of", pa.string()),
        pa.field("similarity", pa.float64()),
        pa.field("title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("chars", pa.int64()),
    ]
)
