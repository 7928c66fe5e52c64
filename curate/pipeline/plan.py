"""Split the input into shards. Shards depend only on the input, never on the worker count,
which is what makes the output byte-identical for any `--workers`.
"""

from __future__ import annotations

from curate.io.discover import InputFile


def plan_tasks(files: list[InputFile], task_bytes: int, task_files: int) -> list[list[InputFile]]:
    """Group consecutive files into shards of at most `task_bytes` input or `task_files` files.

    >>> from pathlib import Path
    >>> fs = [InputFile(f"{i}.txt", Path("/nonexistent")) for i in range(5)]
    >>> [len(t) for t in plan_tasks(fs, 10**9, 2)]
    [2, 2, 1]
    """
    tasks: list[list[InputFile]] = []
    current: list[InputFile] = []
    size = 0
    for file in files:
        file_size = file.size
        if current and (size + file_size > task_bytes or len(current) >= task_files):
            tasks.append(current)
            current, size = [], 0
        current.append(file)
        size += file_size
    if current:
        tasks.append(current)
    return tasks
