"""A small, valid curate dataset for tests, demos and the report screenshot.

>>> import tempfile
>>> out = write_sample_dataset(Path(tempfile.mkdtemp()) / "sample", n_docs=6)
>>> sorted(p.name for p in (out / "data").iterdir())
['part-00000.parquet', 'part-00001.parquet']
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import xxhash

from curate import __version__

DATA_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("date_source", pa.string()),
        ("language", pa.string()),
        ("language_score", pa.float64()),
        ("url", pa.string()),
        ("domain", pa.string()),
        ("author", pa.string()),
        ("words", pa.int64()),
        ("chars", pa.int64()),
        ("lines_removed_share", pa.float64()),
        ("cluster_size", pa.int64()),
    ]
)
REMOVED_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("reason", pa.string()),
        ("duplicate_of", pa.string()),
        ("similarity", pa.float64()),
    ]
)

_EN = {
    "who": [
        "The city council",
        "A regional hospital",
        "The university library",
        "Local farmers",
        "The national rail operator",
        "A group of engineers",
        "The museum director",
        "Several small businesses",
        "The water authority",
        "A team of volunteers",
    ],
    "did": [
        "announced a plan to rebuild",
        "opened a new wing of",
        "reported record demand for",
        "raised concerns about",
        "finished the renovation of",
        "published a study on",
        "agreed to expand",
        "celebrated the anniversary of",
        "started a review of",
        "secured funding for",
    ],
    "what": [
        "the old harbour bridge",
        "its children's reading room",
        "seasonal vegetables",
        "the rising cost of housing",
        "the historic theatre",
        "river pollution",
        "the night bus network",
        "a collection of medieval maps",
        "the drinking water plant",
        "the community garden",
    ],
    "why": [
        "because traffic has doubled since the last survey",
        "after years of complaints from residents",
        "as part of a ten-year strategy",
        "since the previous contract expired in spring",
        "following a heavy winter storm",
        "to prepare for a growing population",
        "while visitor numbers keep climbing",
        "after an inspection found serious damage",
        "so that schools can use it on weekdays",
        "because the budget finally allows it",
    ],
}
_FR = {
    "who": [
        "Le conseil municipal",
        "Un hôpital régional",
        "La bibliothèque universitaire",
        "Des agriculteurs locaux",
        "La compagnie ferroviaire",
        "Une équipe d'ingénieurs",
        "La directrice du musée",
        "Plusieurs commerçants",
        "La régie des eaux",
        "Un groupe de bénévoles",
    ],
    "did": [
        "a annoncé un projet pour reconstruire",
        "a inauguré une nouvelle aile pour",
        "a constaté une forte demande pour",
        "s'est inquiété de",
        "a terminé la rénovation de",
        "a publié une étude sur",
        "a accepté d'agrandir",
        "a fêté l'anniversaire de",
        "a lancé un examen de",
        "a obtenu un financement pour",
    ],
    "what": [
        "le vieux pont du port",
        "la salle de lecture des enfants",
        "les légumes de saison",
        "la hausse du prix des logements",
        "le théâtre historique",
        "la pollution du fleuve",
        "le réseau de bus de nuit",
        "une collection de cartes médiévales",
        "l'usine d'eau potable",
        "le jardin partagé",
    ],
    "why": [
        "parce que la circulation a doublé depuis la dernière enquête",
        "après des années de plaintes des habitants",
        "dans le cadre d'une stratégie sur dix ans",
        "puisque l'ancien contrat a expiré au printemps",
        "à la suite d'une forte tempête d'hiver",
        "pour préparer l'arrivée de nouveaux habitants",
        "alors que les visiteurs affluent",
        "après une inspection qui a révélé des dégâts",
        "afin que les écoles puissent en profiter",
        "car le budget le permet enfin",
    ],
}
_DATES = [
    "2021-03-14",
    "2022-11",
    "2023-06-02T09:30",
    "2020",
    "2024-01-20",
    None,
    "2019-08-08",
    "2022-02-17T18:05",
    "2023-10",
    "2021-12-31",
]


def sample_text(rng: random.Random, language: str, paragraphs: int = 3) -> str:
    """A few paragraphs of plausible news prose in `en` or `fr`, varied by `rng`."""
    words = _EN if language == "en" else _FR
    out = []
    for _ in range(paragraphs):
        parts = [rng.choice(words[k]) for k in ("who", "did", "what", "why")]
        number = rng.randint(3, 980)
        tail = (
            f"Officials expect about {number} people to benefit within {rng.randint(2, 9)} months."
            if language == "en"
            else f"Les responsables attendent environ {number} bénéficiaires d'ici "
            f"{rng.randint(2, 9)} mois."
        )
        out.append(f"{parts[0]} {parts[1]} {parts[2]} {parts[3]}. {tail}")
    return "\n".join(out)


def _doc_id(source: str) -> str:
    return xxhash.xxh3_64_hexdigest(source.encode("utf-8"))


def sample_documents(n_docs: int = 10, seed: int = 0) -> list[dict[str, Any]]:
    """Rows of `data/`: distinct texts, alternating en/fr, mostly dated."""
    rng = random.Random(seed)
    rows = []
    seen: set[str] = set()
    for i in range(n_docs):
        language = "en" if i % 2 == 0 else "fr"
        text = sample_text(rng, language, rng.randint(2, 5))
        while text in seen:
            text = sample_text(rng, language, rng.randint(2, 5))
        seen.add(text)
        date = _DATES[i % len(_DATES)]
        source = f"site-{i % 3}/article-{i:03d}.txt"
        rows.append(
            {
                "id": _doc_id(source),
                "source": source,
                "text": text,
                "title": f"Article {i}",
                "date": date,
                "date_precision": None
                if date is None
                else {4: "year", 7: "month", 10: "day"}.get(len(date), "minute"),
                "date_source": None if date is None else "text",
                "language": language,
                "language_score": 0.99,
                "url": f"https://site-{i % 3}.example/{i}",
                "domain": f"site-{i % 3}.example",
                "author": None,
                "words": len(text.split()),
                "chars": len(text),
                "lines_removed_share": 0.2,
                "cluster_size": 2 if i < 2 else 1,
            }
        )
    return rows


def _removed_rows(kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "id": _doc_id("empty.txt"),
            "source": "empty.txt",
            "reason": "empty-after-cleaning",
            "duplicate_of": None,
            "similarity": None,
        }
    ]
    for i, (reason, similarity) in enumerate(
        (("exact-duplicate", 1.0), ("near-duplicate", 0.91))[: len(kept)]
    ):
        source = f"mirror/copy-{i:03d}.txt"
        rows.append(
            {
                "id": _doc_id(source),
                "source": source,
                "reason": reason,
                "duplicate_of": kept[i]["id"],
                "similarity": similarity,
            }
        )
    return rows


def write_sample_dataset(out: Path, n_docs: int = 10, seed: int = 0, parts: int = 2) -> Path:
    """Write a consistent dataset (data/, removed/, manifest.json, README.md) to `out`."""
    kept = sample_documents(n_docs, seed)
    removed = _removed_rows(kept)
    (out / "data").mkdir(parents=True, exist_ok=True)
    (out / "removed").mkdir(parents=True, exist_ok=True)
    data_files = []
    size = max(1, -(-len(kept) // parts))
    for index in range(parts):
        chunk = kept[index * size : (index + 1) * size]
        rel = f"data/part-{index:05d}.parquet"
        pq.write_table(
            pa.Table.from_pylist(chunk, schema=DATA_SCHEMA), out / rel, compression="zstd"
        )
        data_files.append(rel)
    pq.write_table(
        pa.Table.from_pylist(removed, schema=REMOVED_SCHEMA),
        out / "removed/part-00000.parquet",
        compression="zstd",
    )
    reasons: dict[str, int] = {}
    for row in removed:
        reasons[row["reason"]] = reasons.get(row["reason"], 0) + 1
    duplicates = sum(1 for row in removed if row["duplicate_of"])
    manifest = {
        "curate_version": __version__,
        "command": "run",
        "config": {"clean": {}, "dedup": {"threshold": 0.8}},
        "reference_date": "2025-01-01",
        "inputs": {
            "paths": ["raw"],
            "files": len(kept) + len(removed),
            "documents": len(kept) + len(removed),
        },
        "outputs": {
            "kept": len(kept),
            "removed": len(removed),
            "removed_by_reason": reasons,
            "data_files": data_files,
            "removed_files": ["removed/part-00000.parquet"],
        },
        "dedup": {"clusters": duplicates, "cluster_sizes": {"2": duplicates}},
        "timings": {"read": 0.01, "clean": 0.02, "dedup": 0.01, "write": 0.01},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(
        "---\nconfigs:\n- config_name: default\n  data_files: data/*.parquet\n---\n"
        "# Sample dataset\n\nWritten by `curate.validate.sample`.\n",
        encoding="utf-8",
    )
    return out
