"""Run a command and report its wall time and peak memory (whole process tree and largest
single process), sampled with psutil."""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass

import psutil


@dataclass
class Measured:
    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    returncode: int


def run_measured(cmd: list[str], interval: float = 0.1) -> Measured:
    """Run `cmd`, polling the RSS of it and all its children every `interval` seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    parent = psutil.Process(proc.pid)
    peak_tree = peak_one = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak_tree, peak_one
        while not done.is_set():
            try:
                procs = [parent, *parent.children(recursive=True)]
                sizes = []
                for p in procs:
                    try:
                        sizes.append(p.memory_info().rss)
                    except psutil.Error:
                        continue
                peak_tree = max(peak_tree, sum(sizes))
                peak_one = max(peak_one, max(sizes, default=0))
            except psutil.Error:
                pass
            done.wait(interval)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    code = proc.wait()
    done.set()
    thread.join()
    return Measured(time.perf_counter() - start, peak_tree / 2**20, peak_one / 2**20, code)
