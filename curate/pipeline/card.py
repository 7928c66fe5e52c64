"""`OUT/README.md`: a dataset card with Hugging Face-style YAML front matter."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from curate import __version__
from curate.io.writer import write_text
from curate.pipeline.layout import Layout
from curate.schema import DATA_SCHEMA
from curate.settings import Settings

if TYPE_CHECKING:
    from curate.pipeline.runner import RunSummary

COLUMN_DOCS = {
    "id": "stable id (hash of `source`)",
    "source": "input path relative to its root, `#N` for the N-th record of a multi-record file",
    "text": "cleaned body, one paragraph per line",
    "title": "title, or null",
    "date": "publication date in the page's own clock, ISO 8601 holding only the known parts",
    "date_precision": "`year`, `month`, `day` or `minute`",
    "date_source": "`header`, `meta`, `dateline`, `field`, `body` or `inferred`",
    "date_updated": "last-update date where the page gives one apart from the publication date",
    "date_utc": "the publication instant in UTC, where the page gives a time and a time zone",
    "date_updated_utc": "the last-update instant in UTC, where the page gives a time and a zone",
    "language": "ISO 639-1 code, or null when uncertain",
    "language_score": "confidence of the language detection",
    "url": "page URL where known",
    "domain": "site domain where known",
    "author": "author or byline",
    "dateline_place": "place of a wire dateline (e.g. `PÉKIN`)",
    "dateline_agency": "wire agency of the dateline (e.g. `AFP`)",
    "words": "word count of `text`",
    "chars": "character count of `text`",
    "lines_total": "non-blank lines in the input document",
    "lines_removed_share": "share of those lines removed as boilerplate or metadata",
    "encoding": "input encoding detected",
    "replaced_share": "share of characters replaced while decoding",
    "cluster_size": "size of the document's duplicate cluster (1: no duplicate)",
}


def _languages(layout: Layout) -> list[str]:
    counts: Counter[str] = Counter()
    for part in sorted(layout.data.glob("part-*.parquet")):
        for lang in pq.read_table(part, columns=["language"]).column("language").to_pylist():
            if lang:
                counts[lang] += 1
    return [lang for lang, _ in counts.most_common()]


def card_text(layout: Layout, summary: RunSummary, settings: Settings) -> str:
    languages = _languages(layout)
    lang_yaml = "".join(f"- {lang}\n" for lang in languages[:50]) or "- und\n"
    reasons = "".join(f"| {k} | {v} |\n" for k, v in sorted(summary.reasons.items()))
    columns = "".join(
        f"| `{f.name}` | {f.type} | {COLUMN_DOCS.get(f.name, '')} |\n" for f in DATA_SCHEMA
    )
    dedup = ""
    if summary.dedup is not None:
        d = summary.dedup
        dedup = (
            f"\nNear-duplicates: MinHash ({settings.dedup.num_perm} permutations, word "
            f"{settings.dedup.ngram}-grams, Jaccard threshold {settings.dedup.threshold}), "
            f"every candidate pair verified; {d.duplicate_clusters} duplicate clusters.\n"
        )
    return f"""---
language:
{lang_yaml}pretty_name: curate dataset
configs:
- config_name: default
  data_files:
  - split: train
    path: data/*.parquet
---

# Dataset card

Built by curate {__version__} with `curate {summary.command}` from
{", ".join(f"`{p}`" for p in summary.inputs)}.

- documents read: {summary.documents}
- kept: {summary.kept} (in `data/`)
- removed: {summary.removed} (in `removed/`, each with its reason)
{dedup}
## Removed documents

| reason | documents |
|---|---|
{reasons}
## Columns of `data/*.parquet`

| column | type | meaning |
|---|---|---|
{columns}
## Loading

```python
import pandas as pd
df = pd.read_parquet("data/")
```

`manifest.json` records the configuration, library versions, counts and timings of the run.
"""


def write_card(layout: Layout, summary: RunSummary, settings: Settings) -> None:
    write_text(card_text(layout, summary, settings), layout.card)
