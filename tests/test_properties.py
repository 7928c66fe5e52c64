"""Properties of the reader, the cleaner and the metadata steps over arbitrary input
(issue 8): each terminates, returns text that encodes to UTF-8 (or a removal reason), and
never raises.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.types import LineDecision
from curate.io.discover import InputFile
from curate.io.fields import FieldMap
from curate.io.limits import Limits
from curate.io.readers import read_file
from curate.meta.config import MetaConfig
from curate.meta.extract import Hints, extract_metadata
from curate.meta.text import normalize_text
from curate.pipeline.process import process_row
from curate.settings import Settings

PROPERTY = settings(
    max_examples=150,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SETTINGS = Settings()
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")

# Fragments that steer the steps into their rules: dates, bylines, menus, credits, markup.
FRAGMENTS = [
    "Publié le 8 novembre 2023 à 23h10",
    "Mis à jour le 31/02/2023",
    "2023-11-08T23:10:00+08:00",
    "il y a 3 heures",
    "vor 2 Tagen",
    "Par Jean Dupont",
    "By Jane Doe and John Roe",
    "Accueil > Monde > Asie",
    "Home | News | Sport",
    "[ Imprimer ]",
    "(AFP)",
    "© Getty Images",
    "PARIS (AFP) - ",
    "BERLIN, 12. Februar 2024 /PRNewswire/ -- ",
    "date 2022-11 ",
    "Photo : Jean Dupont",
    "Suivez-nous sur Twitter",
    "LES PLUS LUS",
    "00/00/0000",
    "99:99",
    "9999999999999",
    "2023年11月8日",
    "Ã©tÃ©",
    "Ð°Ð±",
    "<p>",
    "&amp;",
    "http://x.fr/2023/11/08/a",
    "Le président a prononcé un discours lors de la cérémonie d'ouverture.",
]
fragment_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=6
).map(" ".join)
line_text = st.one_of(st.text(max_size=200), fragment_text)
lines = st.lists(line_text, max_size=30)


def _utf8(value: object) -> bool:
    if isinstance(value, str):
        value.encode("utf-8")  # raises on lone surrogates
    return True


def _check_staging(row: dict[str, Any]) -> None:
    assert all(_utf8(v) for v in row.values())
    if row["reason"] is None:
        assert row["text"].strip()
    else:
        assert isinstance(row["reason"], str) and row["reason"]


# --- reader (then the whole per-document step) -------------------------------------------------

# Any character, lone surrogates (which JSON escapes as \\udxxx) often.
any_char = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
tricky_json = st.sampled_from(
    [
        b'{"text": 1' + b"0" * 5000 + b"}",  # an int over Python's 4300-digit limit
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # nesting over the recursion limit
        b'{"text": NaN, "title": Infinity}',
        b'{"text": "\\ud800\\udc00\\udc00"}',
        b"[1, 2]",
        b'{"text": {"a": "b"}, "url": ["\\udfff", null]}',
        b'{"text": "\\u0000\\u001b"}',
        b"\xff\xfe",
    ]
)
json_line = st.fixed_dictionaries(
    {"text": st.text(any_char, max_size=300)},
    optional={
        "title": st.text(any_char, max_size=40),
        "url": st.text(max_size=40),
        "date": fragment_text,
        "html": st.text(max_size=100),
        "author": st.lists(st.text(max_size=10), max_size=3),
    },
).map(lambda record: json.dumps(record).encode())
jsonl_bytes = st.lists(st.one_of(json_line, tricky_json, st.binary(max_size=80)), max_size=6).map(
    b"\n".join
)
html_bytes = st.lists(
    st.one_of(
        st.sampled_from(
            [
                b"<div>",
                b"</div>",
                b"<p>",
                b"<br/>",
                b"<!--",
                b"-->",
                b"<script>",
                b"<meta charset=cp1251>",
                b"<title>",
                b"\x00",
                b"<a href=x>",
            ]
        ),
        st.text(max_size=40).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.binary(max_size=20),
    ),
    max_size=40,
).map(b"".join)


@st.composite
def input_files(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["txt", "html", "jsonl"]))
    data = draw(
        {
            "txt": st.one_of(st.binary(max_size=3000), fragment_text.map(str.encode)),
            "html": html_bytes,
            "jsonl": jsonl_bytes,
        }[kind]
    )
    packing = draw(st.sampled_from(["plain", "gzip", "bad-gzip"]))
    if packing == "gzip":
        data = gzip.compress(data)
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] if draw(st.booleans()) else data
    return (f"doc.{kind}.gz" if packing != "plain" else f"doc.{kind}"), data


@PROPERTY
@given(input_files())
def test_reader_and_processing_never_raise(named: tuple[str, bytes]) -> None:
    name, data = named
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        rows = list(read_file(InputFile(name, path), Limits(), FieldMap()))
    assert rows
    for row in rows:
        assert all(_utf8(v) for v in row.values())
        assert (row["error"] is None) == (row["content"] is not None)
        _check_staging(process_row(row, SETTINGS))


# --- cleaner -------------------------------------------------------------------------------


@PROPERTY
@given(lines)
def test_classifier_decides_every_line(given_lines: list[str]) -> None:
    decisions = classify_lines(given_lines, CleanConfig())
    assert len(decisions) == len(given_lines)
    for decision in decisions:
        assert isinstance(decision.keep, bool) and isinstance(decision.rule, str)
        assert _utf8(decision.text)


# --- metadata ------------------------------------------------------------------------------


@PROPERTY
@given(st.text(max_size=500), st.booleans())
def test_normalize_text_returns_clean_text(text: str, unify: bool) -> None:
    out = normalize_text(text, unify_quotes=unify)
    assert _utf8(out)
    assert "\x00" not in out and "\r" not in out and out == out.strip()


RULES = ["title", "date", "byline", "body", "breadcrumb", "caption", "menu", "short", "related"]
decisions = st.lists(
    st.builds(LineDecision, line_text, st.booleans(), st.sampled_from(RULES)), max_size=20
)
hint = st.one_of(st.none(), fragment_text, st.text(max_size=30))
hints = st.builds(
    Hints,
    url=hint,
    title=hint,
    date=hint,
    date_updated=hint,
    meta_date=hint,
    meta_updated=hint,
    language=hint,
    author=hint,
    fetch_date=hint,
)


@PROPERTY
@given(decisions, hints)
def test_extract_metadata_returns_valid_values(
    given_decisions: list[LineDecision], given_hints: Hints
) -> None:
    meta, body = extract_metadata(given_decisions, given_hints, MetaConfig())
    assert all(_utf8(line) for line in body)
    for name in ("title", "date", "date_updated", "url", "domain", "author", "language"):
        assert _utf8(getattr(meta, name))
    for value in (meta.date, meta.date_updated):
        assert value is None or ISO_DATE.match(value), value
