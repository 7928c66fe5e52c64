"""Per-document guards: time limits, failures and crashes cost one document, never a shard.

`process_files` reads and processes the documents of a shard in a forked child process
that streams each result back; the parent (the worker) keeps every result it received:

* a step over `limits.max_step_seconds` is stopped by a `SIGALRM` timer in the child
  (`timeout`); a document over `limits.max_doc_seconds` (stuck in C code, where no signal
  handler runs) is stopped by the parent, which kills the child (`timeout`);
* a Python exception in a step removes the document as `failed: <ExceptionType>`;
* a document that kills its child (a C-extension crash, memory) is retried once alone in a
  fresh child; if that child dies too, the document is removed as `crashed`. A fresh child
  then goes on with the next document.

Without `os.fork` (Windows), documents run in this process with the soft timer only.

>>> try:
...     with StepTimer(0.05)("demo"):
...         time.sleep(1)
... except StepTimeout:
...     print("timeout")
timeout
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe
from types import FrameType
from typing import Any

from curate.clean.templates import group_key
from curate.io.discover import InputFile
from curate.io.readers import error_row, read_file
from curate.pipeline.process import Row, process_row, removed_row
from curate.settings import Settings

log = logging.getLogger(__name__)

Templates = Mapping[str, frozenset[int]]
EMPTY_TEMPLATES: Templates = {}

TIMEOUT = "timeout"
CRASHED = "crashed"
# Test-only fault injection: with CURATE_TEST_FAULTS=1 in the environment, a document whose
# text holds `curate-test-fault:<kind>` crashes, hangs, spins or raises (see `_inject_fault`).
FAULT_ENV = "CURATE_TEST_FAULTS"
FAULT_MARK = "curate-test-fault:"


class StepTimeout(BaseException):
    """A step ran over its time limit (a BaseException, so `except Exception` in a step
    cannot swallow it)."""


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise StepTimeout


class StepTimer:
    """`with timer("clean"): …` raises `StepTimeout` in the block after `seconds`.

    A no-op when `seconds` is 0, without `SIGALRM`, or outside the main thread (signals
    only reach the main thread). The timer cannot interrupt C code that holds the GIL: the
    hard limit of `process_files` covers that.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.enabled = (
            seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )

    @contextlib.contextmanager
    def __call__(self, _name: str) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _inject_fault(content: str) -> None:
    """Test hook (only with CURATE_TEST_FAULTS=1): act on a `curate-test-fault:` marker."""
    at = content.find(FAULT_MARK)
    if at < 0:
        return
    kind = content[at + len(FAULT_MARK) : at + len(FAULT_MARK) + 5]
    if kind.startswith("crash"):
        os._exit(70)  # a worker dying in C code, without any Python cleanup
    if kind.startswith("hang"):  # stuck where no signal handler runs
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    if kind.startswith("spin"):  # slow Python code: the soft timer stops it
        while True:
            time.sleep(0.01)
    if kind.startswith("raise"):
        raise RuntimeError("injected test fault")


def guarded_row(
    raw: Row,
    settings: Settings,
    timer: StepTimer,
    faults: bool = False,
    templates: Templates = EMPTY_TEMPLATES,
) -> Row:
    """`process_row` under the step timer; a timeout or an exception removes the document."""
    try:
        if faults and raw.get("content"):
            with timer("clean"):
                _inject_fault(raw["content"])
        group = group_key(raw.get("url"), raw["source"]) if templates else ""
        return process_row(raw, settings, templates.get(group, frozenset()), step=timer)
    except StepTimeout:
        log.warning("%s: over the time limit of a step; removed as timeout", raw["source"])
        return removed_row(raw, TIMEOUT)
    except Exception as exc:  # a bug or resource error on one document costs that document
        log.warning("%s: %s while cleaning; removed", raw["source"], type(exc).__name__)
        log.debug("traceback of %s", raw["source"], exc_info=True)
        return removed_row(raw, f"failed: {type(exc).__name__}")


def _source_at(file: InputFile, records: int) -> str:
    """The source of the record after `records` read ones (for documents never read)."""
    if file.format in (None, "text", "html"):
        return file.rel
    return f"{file.rel}#{(file.span.first if file.span else 0) + records + 1}"


def _synthetic(file: InputFile, records: int, reason: str) -> Row:
    raw = error_row(_source_at(file, records), reason)
    return removed_row(raw, reason)


def _faults_enabled() -> bool:
    return os.environ.get(FAULT_ENV) == "1"


def _iterate(
    files: list[InputFile],
    settings: Settings,
    timer: StepTimer,
    start: tuple[int, int],
    templates: Templates = EMPTY_TEMPLATES,
) -> Iterator[tuple[str, Any]]:
    """Messages of one pass over `files` from `start` (file index, records to skip):
    `("start", (id, source))` before a document, `("row", row)` after it, `("eof", index)`
    after each file. A reader that fails or runs over time ends its file with one row."""
    faults = _faults_enabled()
    first, skip = start
    for index in range(first, len(files)):
        file = files[index]
        reader = read_file(file, settings.limits, settings.fields)
        seen = 0
        while True:
            try:
                with timer("read"):
                    raw = next(reader, None)
            except StepTimeout:
                yield "row", _synthetic(file, seen, TIMEOUT)
                break
            except Exception as exc:
                yield "row", _synthetic(file, seen, f"failed: {type(exc).__name__}")
                break
            if raw is None:
                break
            seen += 1
            if index == first and seen <= skip:
                continue
            yield "start", (raw["id"], raw["source"])
            yield "row", guarded_row(raw, settings, timer, faults, templates)
        yield "eof", index


def _process_in_place(
    files: list[InputFile], settings: Settings, templates: Templates
) -> list[Row]:
    timer = StepTimer(settings.limits.max_step_seconds)
    messages = _iterate(files, settings, timer, (0, 0), templates)
    return [msg for kind, msg in messages if kind == "row"]


def _child(
    conn: Connection,
    files: list[InputFile],
    settings: Settings,
    start: tuple[int, int],
    alone: bool,
    templates: Templates,
) -> None:
    """Body of a child: stream messages; with `alone`, stop before a second document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    timer = StepTimer(settings.limits.max_step_seconds)
    one_done = False
    for kind, message in _iterate(files, settings, timer, start, templates):
        if alone and one_done and kind == "start":
            conn.send(("stop", None))
            return
        conn.send((kind, message))
        one_done = one_done or kind == "row"
    conn.send(("done", None))


@dataclass
class _Progress:
    """What the parent knows: rows so far, where to resume, the document in flight."""

    rows: list[Row]
    file: int = 0
    skip: int = 0
    inflight: tuple[str, str] | None = None
    suspect: tuple[int, int] | None = None  # a position whose document killed a child


def _spawn(
    files: list[InputFile],
    settings: Settings,
    progress: _Progress,
    alone: bool,
    templates: Templates,
) -> tuple[int, Connection]:
    reader, writer = Pipe(duplex=False)
    start = (progress.file, progress.skip)
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            reader.close()
            _child(writer, files, settings, start, alone, templates)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    writer.close()
    return pid, reader


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _drain(conn: Connection, progress: _Progress, deadline: float) -> str:
    """Receive a child's messages: `"done"`, `"stop"`, `"died"` or `"timeout"`."""
    while True:
        if not conn.poll(deadline if deadline > 0 else None):
            return "timeout"
        try:
            kind, message = conn.recv()
        except (EOFError, OSError):
            return "died"
        if kind == "start":
            progress.inflight = message
        elif kind == "row":
            progress.rows.append(message)
            progress.skip += 1
            progress.inflight = None
        elif kind == "eof":
            progress.file, progress.skip, progress.inflight = message + 1, 0, None
        else:
            return str(kind)


def _lost(progress: _Progress, files: list[InputFile], reason: str) -> None:
    """Record the document in flight (or the unreadable rest of a file) as `reason`."""
    if progress.inflight is not None:
        doc_id, source = progress.inflight
        progress.rows.append(removed_row({"id": doc_id, "source": source}, reason))
        progress.skip += 1
    else:
        progress.rows.append(_synthetic(files[progress.file], progress.skip, reason))
        progress.file, progress.skip = progress.file + 1, 0
    progress.inflight = None
    progress.suspect = None


_WARM_TEXT = (
    "Le marché de Noël ouvre ses portes\nPublié le 8 novembre 2023 à 23h10\nPar Jean Dupont\n"
    "PARIS (AFP) - Le président a prononcé un discours lors de la cérémonie d'ouverture, "
    "il y a 2 heures. Ã© « citation ».\nThe market opens on Monday, November 8, 2023."
)
_warmed = False


def warm_up(settings: Settings) -> None:
    """Process two small documents here once, so that lazily loaded models and caches
    (language identifier, date parser, HTML extractor) are inherited by every child
    instead of being loaded again, against its time limit, by each one."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    html = f"<html lang='fr'><head><title>Titre</title></head><body><p>{_WARM_TEXT}</p></body>"
    for content, fmt in ((_WARM_TEXT, "text"), (html, "html")):
        raw = error_row("warm-up", "") | {"error": None, "content": content, "format": fmt}
        with contextlib.suppress(Exception):
            process_row(raw, settings)


def process_files(
    files: list[InputFile],
    settings: Settings,
    *,
    isolate: bool = False,
    templates: Templates = EMPTY_TEMPLATES,
) -> list[Row]:
    """Staging rows (`DOC_SCHEMA`) of every document of `files`, in order; each document
    is read and processed in a child process (with `isolate`, one child per document).
    `templates` maps a template group to its frequent line hashes (the template pass)."""
    if not hasattr(os, "fork"):
        return _process_in_place(files, settings, templates)
    warm_up(settings)
    progress = _Progress(rows=[])
    deadline = settings.limits.max_doc_seconds
    while progress.file < len(files):
        position = (progress.file, progress.skip)
        alone = isolate or progress.suspect == position
        pid, conn = _spawn(files, settings, progress, alone, templates)
        try:
            outcome = _drain(conn, progress, deadline)
        finally:
            conn.close()
            _stop(pid)
        if outcome == "done" or progress.file >= len(files):
            break
        if outcome == "stop":
            progress.suspect = None
        elif outcome == "timeout":
            log.warning("%s: over the time limit; removed as timeout", _where(progress, files))
            _lost(progress, files, TIMEOUT)
        elif progress.suspect == (progress.file, progress.skip):
            where = _where(progress, files)
            log.warning("%s: crashed its process twice; removed as crashed", where)
            _lost(progress, files, CRASHED)
        else:
            progress.suspect = (progress.file, progress.skip)
            progress.inflight = None
    return progress.rows


def _where(progress: _Progress, files: list[InputFile]) -> str:
    if progress.inflight is not None:
        return progress.inflight[1]
    return _source_at(files[progress.file], progress.skip)
