"""Hostile and broken input: bounded, never crashing, nothing lost (issue 8).

Every fixture is generated here at run time: a 1 GiB gzip bomb, a 50 MB line, HTML nested
100,000 deep, ReDoS candidates for each pattern family, NULs and lone surrogates, mixed
encodings, a zero-byte file, a folder named `x.txt`, a broken link, an unreadable file and a
document that crashes its process (through the test-only CURATE_TEST_FAULTS hook).
"""

from __future__ import annotations

import gzip
import importlib
import json
import multiprocessing
import os
import pkgutil
import random
import re
import resource
import struct
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import regex

import curate.clean
import curate.io
import curate.meta
from curate.config import build_section
from curate.errors import ConfigError
from curate.executors.local import LocalExecutor, WorkerCrashed
from curate.io.decode import Decoded, decode_bytes
from curate.io.discover import InputFile, discover
from curate.io.fields import FieldMap
from curate.io.gz import BoundedGunzip, GzipLimitError
from curate.io.htmlscan import TOO_DEEP, TOO_MANY, html_limit_reason
from curate.io.limits import Limits
from curate.io.readers import _row, read_file
from curate.pipeline.guard import FAULT_ENV, process_files
from curate.pipeline.process import process_row
from curate.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seeds" / "001_cfef82f6dadeaa59.txt"

# --- generators ------------------------------------------------------------------------------

# ReDoS candidates: for each family of patterns in curate.clean, curate.meta and curate.io,
# units whose repetition makes the long near-miss inputs that backtracking feeds on.
REDOS_FAMILIES: dict[str, list[str]] = {
    "separators": ["a > ", "a | ", "a » ", " / ", "a - ", "a :: ", "Accueil > ", "a · "],
    "brackets-credits": ["(", "[", "[a] ", "(AFP) ", "© ", "(c) ", "Photo: ", "a/", "(a"],
    "dates-times": ["1", "1-", "1.", "12:", "12/", "1 ", "1年", "il y a ", "vor 1 ", "12h"],
    "datelines-bylines": ["A", "PARIS ", "A-", "Aa.", "A ", "de ", "By A ", "PARIS, ", "A (a"],
    "words-scripts": ["a", "é", "Ã©", "日", "Ab ", "a.b ", "Ð°", "\u200b"],
    "whitespace-punctuation": [" ", "\t \n", "-", ".", ":", "»", "!", "'", '"'],
    "markup-urls": ["<", "<a ", "<!--", "http://a", "www.a", "<p>", "&amp;", "charset="],
}


def redos_text(unit: str, length: int, end: str = "\x00") -> str:
    """`unit` repeated to about `length` characters, then a character that spoils a match."""
    return unit * max(1, length // len(unit)) + end


def redos_document(family: str) -> str:
    """Near-miss lines of one family: short ones (line rules look at short lines) and a
    20,000-character one per unit."""
    units = REDOS_FAMILIES[family]
    lines = [redos_text(u, 180, "") for u in units] + [redos_text(u, 20_000, "!") for u in units]
    lines.append("Une phrase ordinaire, pour que le document ait aussi du texte à garder.")
    return "\n".join(lines)


def gzip_bomb(mebibytes: int = 1024) -> bytes:
    """A valid gzip file of `mebibytes` MiB of zeros, about 1 KiB per MiB (deflate's best
    ratio, so 1 GiB takes 1 MiB): one compressed MiB repeated, full flushes making the
    blocks independent, so that nothing has to compress a gigabyte."""
    block = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    end = comp.flush()
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (mebibytes << 20) & 0xFFFFFFFF)
    return header + piece * mebibytes + end + trailer


_SUBJECTS = [
    "Le conseil municipal",
    "La préfecture",
    "Une association de quartier",
    "Le syndicat des transports",
    "La directrice de l'hôpital",
    "Un collectif d'élèves",
    "Le président de la région",
    "Une équipe de chercheurs",
]
_VERBS = [
    "a présenté",
    "a défendu",
    "a critiqué",
    "a voté",
    "a annoncé",
    "a reporté",
    "a financé",
    "a contesté",
]
_OBJECTS = [
    "un plan de rénovation des écoles",
    "le nouveau tracé du tramway",
    "une aide aux commerces du centre",
    "la fermeture du marché couvert",
    "un budget pour la bibliothèque",
    "la réforme des horaires d'été",
    "un projet de piste cyclable",
    "la construction d'un gymnase",
]
_WHEN = [
    "mardi soir",
    "lors d'une réunion publique",
    "devant la presse",
    "au début du mois",
    "après des semaines de débat",
    "à la surprise générale",
    "sans attendre",
    "hier",
]
_PLACES = ["à Rennes", "à Nantes", "à Lyon", "à Lille", "à Brest", "à Dijon", "à Nancy", "à Metz"]


def prose(seed: int, sentences: int = 14) -> str:
    """A distinct article of French sentences (distinct enough that dedup keeps it)."""
    rng = random.Random(seed)
    lines = []
    for _ in range(sentences // 2):
        pair = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_PLACES)}, {rng.choice(_WHEN)}, selon {rng.randint(2, 900)} témoins."
            for _ in range(2)
        ]
        lines.append(" ".join(pair))
    return "\n".join(lines) + "\n"


def _utf8(value: str) -> bool:
    value.encode("utf-8")  # raises on lone surrogates
    return True


def _read_one(path: Path, limits: Limits | None = None) -> list[dict[str, Any]]:
    file = InputFile(path.name, path)
    return list(read_file(file, limits or Limits(), FieldMap()))


# --- limits: size, gzip, HTML -------------------------------------------------------------------


def test_gzip_bomb_is_refused_by_ratio_without_inflating(tmp_path: Path) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 1_100_000
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(bomb)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (row,) = _read_one(path)
    assert row["error"] == "too-large: compression ratio over limit"
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 64 * 1024


def test_gzip_bomb_in_jsonl_keeps_records_before_it(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    first = gzip.compress(json.dumps({"text": "Avant la bombe."}).encode() + b"\n")
    path.write_bytes(first + gzip_bomb(64))
    got = [(r["source"], r["content"], r["error"]) for r in _read_one(path)]
    assert got == [
        ("feed.jsonl.gz#1", "Avant la bombe.", None),
        ("feed.jsonl.gz#2", None, "too-large: compression ratio over limit"),
    ]


def test_decompressed_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    text = os.urandom(300_000).hex()  # incompressible-ish: under the ratio, over the size
    path.write_bytes(gzip.compress(text.encode()))
    (row,) = _read_one(path, Limits(max_doc_bytes=100_000))
    assert row["error"] == "too-large: decompressed size over limit"


def test_concatenated_gzip_and_nul_padding(tmp_path: Path) -> None:
    path = tmp_path / "two.txt.gz"
    path.write_bytes(gzip.compress(b"Premier membre. ") + gzip.compress(b"Second.") + bytes(512))
    (row,) = _read_one(path)
    assert row["content"] == "Premier membre. Second."


def test_bounded_gunzip_reports_corrupt_data() -> None:
    import io

    data = bytearray(gzip.compress(b"abc" * 1000))
    data[20:30] = b"\xff" * 10
    with pytest.raises(GzipLimitError) as err:
        BoundedGunzip(io.BytesIO(bytes(data)), cap=10**6, max_ratio=200).read()
    assert err.value.reason == "unreadable: corrupt gzip"


def test_document_size_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)  # sparse: 40 MB that cost nothing to write
    (row,) = _read_one(path)
    assert row["error"] == "too-large: file over size limit"


def test_jsonl_record_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    big = json.dumps({"text": "x" * 5000})
    path.write_text(f'{{"text": "court"}}\n{big}\n{{"text": "après"}}\n', "utf-8")
    got = [(r["source"], r["error"]) for r in _read_one(path, Limits(max_doc_bytes=1000))]
    assert got == [
        ("f.jsonl#1", None),
        ("f.jsonl#2", "too-large: record over size limit"),
        ("f.jsonl#3", None),
    ]


def test_html_depth_and_node_limits() -> None:
    assert html_limit_reason("<div>" * 100_000, 250, 200_000) == TOO_DEEP
    assert html_limit_reason("<p>x" * 300_000, 250, 200_000) == TOO_MANY
    # void, optional-end and self-closed tags, comments and scripts do not nest
    page = (
        "<html><body>"
        + "<p>a<br><img src=x>" * 300
        + "<svg>"
        + '<path d="M0"/>' * 300
        + "</svg><!--"
        + "<div>" * 300
        + "--><script>"
        + "<div>" * 300
        + "</script></body>"
    )
    assert html_limit_reason(page, 250, 200_000) is None


def test_deep_html_is_removed_with_its_reason() -> None:
    raw = _raw("deep.html", "<div>" * 100_000 + "texte" + "</div>" * 100_000, "html")
    start = time.perf_counter()
    assert process_row(raw, Settings())["reason"] == "too-deep: HTML nesting over limit"
    assert time.perf_counter() - start < 2


def _raw(source: str, content: str, fmt: str = "text") -> dict[str, Any]:
    return _row(source, content=content, format=fmt, encoding="utf-8", replaced_share=0.0)


# --- decoding --------------------------------------------------------------------------------


def test_mixed_encodings_decode_per_byte() -> None:
    data = "Élu à Montréal.\n".encode() + "Le député ".encode("cp1252") + "de Québec".encode()
    decoded = decode_bytes(data)
    assert decoded.text == "Élu à Montréal.\nLe député de Québec"
    assert (decoded.encoding, decoded.replaced_share) == ("utf-8+cp1252", 0.0)
    # no line of valid UTF-8: a single-byte text, even with a UTF-8-like pair ("ß«")
    german = "Der Fuß« ist groß.\nÜber die Straße gehen Bürger.\n" * 3
    assert decode_bytes(german.encode("cp1252")) == Decoded(german, "cp1252", 0.0)


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Un texte enregistré en UTF-16.".encode("utf-16"))
    (row,) = _read_one(path)
    assert (row["content"], row["encoding"], row["error"]) == (
        "Un texte enregistré en UTF-16.",
        "utf-16-le",
        None,
    )


def test_replaced_share_counts_replacement_characters() -> None:
    # cp1252 has five undefined bytes: with nothing else to try, they are replaced
    decoded = decode_bytes(b"abcdefghi\x81")
    assert decoded.text == "abcdefghi\ufffd"
    assert (decoded.encoding, decoded.replaced_share) == ("cp1252", 0.1)
    broken = "x".encode("utf-16-le") + b"\x00\xd8" + "yz".encode("utf-16-le")
    decoded = decode_bytes(b"\xff\xfe" + broken)
    assert (decoded.text, decoded.replaced_share) == ("x\ufffdyz", 0.25)


def test_declared_escape_codecs_are_never_used() -> None:
    decoded = decode_bytes(b"caf\xe9 \\ud800 +2AA-", declared="unicode_escape")
    assert decoded.text == "café \\ud800 +2AA-"
    assert decode_bytes(b"\xe9t\xe9 +2AA-", declared="utf-7").text == "été +2AA-"
    assert decode_bytes(b"\xe9t\xe9", declared="idna").text == "été"


def test_lone_surrogates_and_nuls_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(
        b'{"text": "ab\\ud800cd", "title": "t\\udfff", "url": "https://x.fr/\\u0000"}\n'
        b'{"text": "1' + b"0" * 5000 + b'"}\n{"text": 1' + b"0" * 5000 + b"}\n"
    )
    first, second, third = _read_one(path)
    assert (first["content"], first["title"]) == ("ab\ufffdcd", "t\ufffd")
    assert first["replaced_share"] == 0.2
    assert second["content"] == "1" + "0" * 5000
    assert third["error"] == "unreadable: invalid JSON"  # int over Python's 4300-digit limit
    row = process_row(first, Settings())
    assert all(_utf8(v) for v in row.values() if isinstance(v, str))


def test_nuls_are_dropped_from_text_and_html() -> None:
    text = "Le conseil municipal a voté\x00 le budget.\x00 " * 20
    row = process_row(_raw("n.txt", text), Settings())
    assert row["reason"] is None and "\x00" not in row["text"]
    page = f"<html><body><p>{text}</p></body></html>"
    row = process_row(_raw("n.html", page, "html"), Settings())
    assert row["reason"] is None and "\x00" not in row["text"]
    assert "Le conseil municipal a voté le budget." in row["text"]


# --- files that are not documents ------------------------------------------------------------


def test_odd_files_are_accounted_for(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "x.txt" / "inner.txt").write_text("Dans un dossier nommé x.txt.", "utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "folder-link").symlink_to(tmp_path / "x.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "empty.parquet").write_bytes(b"")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Nom de fichier en latin-1.", "utf-8")
    errors = {
        f.rel: [r["error"] for r in read_file(f, Limits(), FieldMap())]
        for f in discover([tmp_path])
    }
    assert errors == {
        "broken.txt": ["unreadable: broken link"],
        "caf\\xe9.txt": [None],
        "empty.jsonl": ["empty-input"],
        "empty.parquet": ["unreadable: ArrowInvalid"],
        "folder-link": ["unreadable: link to a folder (not followed)"],
        "pipe.txt": ["unreadable: not a regular file"],
        "x.txt/inner.txt": [None],
        "zero.txt": ["unreadable: not a regular file"],
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", "utf-8")
    path.chmod(0)
    try:
        assert _read_one(path)[0]["error"] == "unreadable: permission denied"
    finally:
        path.chmod(0o644)


# --- regular expressions -----------------------------------------------------------------------


def _patterns() -> list[tuple[str, Any]]:
    found = []
    for package in (curate.clean, curate.meta, curate.io):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern | regex.Pattern):
                    found.append((f"{module.__name__}.{name}", value))
    return found


def _audit(patterns: list[tuple[str, Any]], length: int, queue: Any) -> None:
    """Child body: time each pattern on each candidate; report the slowest."""
    results = []
    for name, pattern in patterns:
        for family, units in REDOS_FAMILIES.items():
            for unit in units:
                text: str | bytes = redos_text(unit, length)
                if isinstance(pattern.pattern, bytes):
                    text = text.encode("utf-8") if isinstance(text, str) else text
                queue.put(("at", name, unit))
                start = time.perf_counter()
                pattern.findall(text)
                results.append((time.perf_counter() - start, name, family, unit))
    queue.put(("done", sorted(results, reverse=True)[:5], None))


def _run_audit(patterns: list[tuple[str, Any]], length: int) -> list[tuple[float, str, str, str]]:
    """The slowest searches, run in a child so a catastrophic pattern cannot hang the test."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_audit, args=(patterns, length, queue))
    child.start()
    last: tuple[Any, ...] = ("nothing",)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            try:
                message = queue.get(timeout=max(0.1, deadline - time.monotonic()))
            except Exception:
                break
            if message[0] == "done":
                slowest: list[tuple[float, str, str, str]] = message[1]
                return slowest
            last = message
        pytest.fail(f"pattern audit hung on {last}")
    finally:
        child.kill()
        child.join()


def test_no_pattern_backtracks_catastrophically() -> None:
    patterns = _patterns()
    assert len(patterns) > 40
    slowest = _run_audit(patterns, 8000)
    # every pattern is bounded: linear in the text, milliseconds for 8,000 characters
    assert slowest[0][0] < 0.25, slowest


def test_pattern_audit_catches_a_quadratic_pattern() -> None:
    (worst, *_rest) = _run_audit([("bad", re.compile(r"\s+$"))], 16000)
    assert worst[0] > 0.25 and worst[3].isspace()  # " " or "\t \n" runs


@pytest.mark.parametrize("family", sorted(REDOS_FAMILIES))
def test_redos_documents_are_processed_quickly(family: str) -> None:
    for fmt in ("text", "html"):
        content = redos_document(family)
        if fmt == "html":
            content = "<html><body><p>" + content.replace("\n", "</p><p>") + "</p></body></html>"
        start = time.perf_counter()
        row = process_row(_raw(f"{family}.{fmt}", content, fmt), Settings())
        assert time.perf_counter() - start < 5, (family, fmt)
        assert row["reason"] in (None, "too-short", "empty-after-cleaning")


# --- per-document guard and worker crashes ----------------------------------------------------


def _doc(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, "utf-8")


def test_guard_timeouts_failures_and_crashes(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv(FAULT_ENV, "1")
    body = SEED.read_text("utf-8")
    _doc(tmp_path, "a-ok.txt", body)
    _doc(tmp_path, "b-crash.txt", "curate-test-fault:crash\n" + body)
    _doc(tmp_path, "c-spin.txt", "curate-test-fault:spin\n" + body)
    _doc(tmp_path, "d-hang.txt", "curate-test-fault:hang\n" + body)
    _doc(tmp_path, "e-raise.txt", "curate-test-fault:raise\n" + body)
    lines = [json.dumps({"text": t}) for t in ("curate-test-fault:crash", body, body + " ")]
    _doc(tmp_path, "f.jsonl", "\n".join(lines) + "\n")
    _doc(tmp_path, "g-ok.txt", body.replace("Xi", "Li"))
    settings = Settings(limits=Limits(max_step_seconds=0.3, max_doc_seconds=1.0))
    files = discover([tmp_path])
    start = time.perf_counter()
    got = [(r["source"], r["reason"]) for r in process_files(files, settings)]
    assert time.perf_counter() - start < 15
    assert got == [
        ("a-ok.txt", None),
        ("b-crash.txt", "crashed"),
        ("c-spin.txt", "timeout"),
        ("d-hang.txt", "timeout"),
        ("e-raise.txt", "failed: RuntimeError"),
        ("f.jsonl#1", "crashed"),
        ("f.jsonl#2", None),
        ("f.jsonl#3", None),
        ("g-ok.txt", None),
    ]
    # isolated: one process per document, same answers
    crash_and_ok = [f for f in files if f.rel in ("a-ok.txt", "b-crash.txt", "f.jsonl")]
    isolated = [
        (r["source"], r["reason"]) for r in process_files(crash_and_ok, settings, isolate=True)
    ]
    assert isolated == [
        ("a-ok.txt", None),
        ("b-crash.txt", "crashed"),
        ("f.jsonl#1", "crashed"),
        ("f.jsonl#2", None),
        ("f.jsonl#3", None),
    ]


@dataclass(frozen=True)
class _Job:
    number: int
    alone: bool = False

    def isolated(self) -> _Job:
        return replace(self, alone=True)


def _die_unless_alone(job: _Job) -> int:
    if job.number in (1, 3) and not job.alone:
        os._exit(3)
    if job.number == 3:
        os._exit(4)
    return job.number * 10


def test_executor_retries_a_task_whose_worker_died() -> None:
    executor = LocalExecutor(2)
    try:
        assert executor.map(_die_unless_alone, [_Job(0), _Job(1), _Job(2)]) == [0, 10, 20]
        with pytest.raises(WorkerCrashed, match="task 1 killed its worker process twice"):
            executor.map(_die_unless_alone, [_Job(2), _Job(3)])
        assert executor.map(_die_unless_alone, [_Job(4)]) == [40]  # the pool works again
    finally:
        executor.close()


# --- configuration -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[limits]\nmax_doc_byte = 10\n", "config: unknown key limits.max_doc_byte"),
        ('[limits]\nmax_html_depth = "deep"\n', "config: limits.max_html_depth has the wrong type"),
        ("[limits]\nmax_step_seconds = -1\n", "config: limits.max_step_seconds must not be neg"),
        ("[limits]\nmax_compression_ratio = 0.5\n", "limits.max_compression_ratio must be at"),
        ("limits = 3\n", "config [limits] must be a table"),
        ("[limits\n", "config "),
    ],
)
def test_malformed_limits_config_is_one_line(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "curate.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_limits_config_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "curate.toml"
    path.write_text("[limits]\nmax_doc_bytes = 1000\nmax_step_seconds = 2\n", "utf-8")
    limits = load_settings(path).limits
    assert (limits.max_doc_bytes, limits.max_step_seconds, limits.max_html_depth) == (1000, 2, 250)
    assert build_section({}, "limits", Limits) == Limits()


# --- one run over all of it --------------------------------------------------------------------


def _build_corpus(root: Path) -> dict[str, Any]:
    """Write the hostile corpus; return the expected reason (None: kept; a tuple: any of
    them) of every input."""
    expected: dict[str, Any] = {}

    def put(name: str, data: bytes | str, reason: Any) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = reason

    put("seed.txt", SEED.read_text("utf-8"), None)
    put("bomb.txt.gz", gzip_bomb(), "too-large: compression ratio over limit")
    put("bomb.jsonl.gz", gzip_bomb(256), "too-large: compression ratio over limit")
    with (root / "line.txt").open("wb") as handle:
        for _ in range(50):
            handle.write(b"mot " * 262_144)  # one 50 MiB line
    expected["line.txt"] = "too-large: file over size limit"
    deep = "<div>" * 100_000 + "x" + "</div>" * 100_000
    put("deep.html", deep, "too-deep: HTML nesting over limit")
    put("wide.html", "<p>x" * 250_000, "too-large: HTML elements over limit")
    processed = (None, "too-short", "empty-after-cleaning", "exact-duplicate", "near-duplicate")
    for family in REDOS_FAMILIES:
        put(f"redos/{family}.txt", redos_document(family), processed)
    put("nul.txt", prose(1).replace(". ", ".\x00 ", 3), None)
    put("nuls.txt", b"\x00" * 4096 + prose(2).encode(), "unreadable: binary content")
    record = json.dumps({"text": prose(3), "title": "Titre"}).replace("Titre", "T\\ud800")
    put("surrogates.jsonl", record.replace("Le ", "L\\udfffe ", 1) + "\n", None)
    text = prose(4)
    put("mixed.txt", text[:600].encode() + text[600:].encode("cp1252"), None)
    put("utf16.txt", prose(5).encode("utf-16"), None)
    put("empty.txt", b"", "empty-input")
    put("x.txt/inner.txt", prose(6), None)
    put("crash.txt", "curate-test-fault:crash\n" + prose(7), "crashed")
    put("hang.txt", "curate-test-fault:hang\n" + prose(8), "timeout")
    put("truncated.txt.gz", gzip.compress(prose(9).encode())[:200], "unreadable: truncated gzip")
    put("blob.txt", bytes(range(256)) * 64, "unreadable: binary content")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    expected["broken.txt"] = "unreadable: broken link"
    put("locked.txt", prose(10), None)
    (root / "locked.txt").chmod(0)
    if not os.access(root / "locked.txt", os.R_OK):  # root reads it anyway
        expected["locked.txt"] = "unreadable: permission denied"
    return expected


def _outputs(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every output row of each input file (`#N` record numbers folded), data then removed."""
    found: dict[str, list[dict[str, Any]]] = {}
    for folder in ("data", "removed"):
        for part in sorted((out / folder).glob("part-*.parquet")):
            for row in pq.read_table(part).to_pylist():
                row.setdefault("reason", None)
                found.setdefault(row["source"].split("#")[0], []).append(row)
    return found


def test_one_run_over_every_hostile_input(tmp_path: Path) -> None:
    corpus = tmp_path / "hostile"
    expected = _build_corpus(corpus)
    config = tmp_path / "curate.toml"
    config.write_text("[limits]\nmax_step_seconds = 5\nmax_doc_seconds = 4\n", "utf-8")
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-c",
        "from curate.cli import main; main()",
        "run",
        str(corpus),
        "-o",
        str(out),
        "--workers",
        "2",
        "-c",
        str(config),
        "-q",
    ]
    start = time.perf_counter()
    done = subprocess.run(
        command,
        env={**os.environ, FAULT_ENV: "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    elapsed = time.perf_counter() - start
    (corpus / "locked.txt").chmod(0o644)
    assert done.returncode == 0, done.stderr[-3000:]
    assert elapsed < 120
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1024 * 1024  # KiB: 1 GiB
    found = _outputs(out)
    assert sorted(found) == sorted(expected)
    for source, want in expected.items():
        (row,) = found[source]  # exactly once
        assert all(_utf8(v) for v in row.values() if isinstance(v, str))
        reason = row["reason"]
        assert reason in want if isinstance(want, tuple) else reason == want, (source, reason)
    assert found["mixed.txt"][0]["encoding"] == "utf-8+cp1252"
    assert found["mixed.txt"][0]["text"] == prose(4).strip()  # both parts decoded right
    assert found["utf16.txt"][0]["encoding"] == "utf-16-le"
    surrogates = found["surrogates.jsonl"][0]
    assert surrogates["title"] == "T\ufffd" and "L\ufffde " in surrogates["text"]
    assert surrogates["replaced_share"] > 0
    assert "\x00" not in found["nul.txt"][0]["text"]
