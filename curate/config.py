"""Configuration: `curate.toml` or `[tool.curate]` in pyproject.toml, overridden by flags.

Each step owns a dataclass of its settings with defaults; this module only finds the file,
parses it (TOML is data: nothing in it is executed) and fills those dataclasses, rejecting
unknown keys and wrong types with a one-line error that names the key.

>>> from dataclasses import dataclass
>>> @dataclass
... class Demo:
...     threshold: float = 0.8
>>> build_section({"threshold": 0.7}, "dedup", Demo)
Demo(threshold=0.7)
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from curate.errors import ConfigError

T = TypeVar("T")

CONFIG_NAMES = ("curate.toml",)


def find_config(start: Path | None = None) -> Path | None:
    """Return `curate.toml` or a `pyproject.toml` with `[tool.curate]` in the working folder."""
    folder = start or Path.cwd()
    candidate = folder / "curate.toml"
    if candidate.is_file():
        return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        if "curate" in data.get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None) -> dict[str, Any]:
    """Parse a config file into a dict of sections (`{}` when there is none)."""
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"config {path} is not valid UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config {path}: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("curate", {})
    if not isinstance(data, dict):
        raise ConfigError(f"config {path}: expected a table")
    return data


def _type_ok(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if hint is Any:
        return True
    if origin in (types.UnionType, typing.Union):
        return any(_type_ok(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin in (list, tuple):
        args = typing.get_args(hint)
        inner = args[0] if args else Any
        return isinstance(value, list) and all(_type_ok(v, inner) for v in value)
    if origin is dict:
        key_t, val_t = typing.get_args(hint) or (Any, Any)
        return isinstance(value, dict) and all(
            _type_ok(k, key_t) and _type_ok(v, val_t) for k, v in value.items()
        )
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def build_section(data: dict[str, Any], section: str, cls: type[T], **overrides: Any) -> T:
    """Fill dataclass `cls` from `data` (one config section), then apply non-None `overrides`.

    Unknown keys and values of the wrong type raise `ConfigError` naming `section.key`.
    """
    if not isinstance(data, dict):
        raise ConfigError(f"config [{section}] must be a table")
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls) if f.init}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in fields:
            raise ConfigError(f"config: unknown key {section}.{key}")
        if not _type_ok(value, hints[name]):
            raise ConfigError(
                f"config: {section}.{key} has the wrong type ({type(value).__name__})"
            )
        values[name] = tuple(value) if typing.get_origin(hints[name]) is tuple else value
    for name, value in overrides.items():
        if value is not None:
            values[name] = value
    return cls(**values)
