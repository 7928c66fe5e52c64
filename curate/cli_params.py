"""Click parameter types shared by the commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


class DatasetParam(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    """An existing local dataset folder (a Path), or a URI (a str) that is fetched to be read."""

    name = "dataset"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from curate.io.remote import is_uri

        if isinstance(value, Path) or not is_uri(value):
            if not Path(value).is_dir():
                self.fail(f"{str(value)!r} is not a folder.", param, ctx)
            return Path(value)
        return str(value)


DATASET = DatasetParam()
