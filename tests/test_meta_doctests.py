"""The docstring examples of curate.meta run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import curate.meta

MODULES = sorted(m.name for m in pkgutil.iter_modules(curate.meta.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"curate.meta.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0
