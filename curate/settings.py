"""All settings of a run, gathered from the config file and the command line.

Each step owns its dataclass; `Settings` only bundles them so that one picklable object
travels to every worker.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from curate.clean.config import CleanConfig
from curate.config import build_section, find_config, load_config
from curate.dedup.config import DedupConfig
from curate.errors import ConfigError
from curate.io.fields import FieldMap
from curate.io.limits import Limits
from curate.meta.config import MetaConfig


@dataclass
class RunConfig:
    """How a run is split and executed (`[run]`)."""

    workers: int = 0  # 0: one per CPU
    task_bytes: int = 16 * 1024 * 1024  # input bytes per shard (shards never depend on workers)
    task_files: int = 1000  # files per shard at most
    bucket_partitions: int = 4  # key partitions of each LSH band
    template_pass: bool = True  # learn per-site template lines across the corpus first
    keep_work: bool = False  # keep OUT/.work (signatures, bands) after the run
    write_reports: bool = True  # write validation reports into OUT after `curate run`


SECTIONS = ("run", "clean", "meta", "dedup", "limits", "fields", "validate")


@dataclass
class Settings:
    """Every step's configuration."""

    run: RunConfig = field(default_factory=RunConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    meta: MetaConfig = field(default_factory=MetaConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    limits: Limits = field(default_factory=Limits)
    fields: FieldMap = field(default_factory=FieldMap)
    config_path: str | None = None
    validate_section: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The effective configuration, as recorded in the manifest."""
        data = {name: asdict(getattr(self, name)) for name in SECTIONS if name != "validate"}
        data["validate"] = self.validate_section
        return data

    @property
    def workers(self) -> int:
        return self.run.workers or os.cpu_count() or 1


def load_settings(config: Path | None, **overrides: Any) -> Settings:
    """Read `config` (or the `curate.toml` found in the working folder) and apply the flags.

    `overrides` are `section__key=value` pairs from the command line; `None` means unset.
    """
    path = config if config is not None else find_config()
    data = load_config(path)
    for key in data:
        if key not in SECTIONS:
            raise ConfigError(f"config: unknown section [{key}]")
    per_section: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for key, value in overrides.items():
        section, _, name = key.partition("__")
        per_section[section][name] = value

    def build(name: str, cls: type[Any]) -> Any:
        return build_section(data.get(name, {}), name, cls, **per_section[name])

    validate = data.get("validate", {})
    if not isinstance(validate, dict):
        raise ConfigError("config [validate] must be a table")
    settings = Settings(
        run=build("run", RunConfig),
        clean=build("clean", CleanConfig),
        meta=build("meta", MetaConfig),
        dedup=build("dedup", DedupConfig),
        limits=build("limits", Limits),
        fields=build("fields", FieldMap),
        config_path=str(path) if path else None,
        validate_section=validate,
    )
    _check_reference_date(settings.meta.reference_date)
    return settings


def _check_reference_date(value: str | None) -> None:
    """A reference date must be ISO 8601 (`2024-05-01` or `2024-05-01T12:00`)."""
    if value is None:
        return
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"reference date {value!r} is not an ISO date (YYYY-MM-DD) "
            "(--reference-date or meta.reference_date)"
        ) from None
