"""Progress bars on stderr, hidden when stderr is not a terminal or when quiet."""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm

_QUIET = False


def set_quiet(quiet: bool) -> None:
    """Hide progress bars for the rest of the process (`-q`)."""
    global _QUIET
    _QUIET = quiet


def progress(total: int, label: str) -> Any:
    """A tqdm bar for `total` units of work, labelled `label`."""
    disable = _QUIET or not sys.stderr.isatty() or total <= 1
    return tqdm(total=total, desc=label, unit="task", file=sys.stderr, disable=disable, leave=False)
