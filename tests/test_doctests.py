"""The docstring examples of every curate module run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import curate

MODULES = sorted(m.name for m in pkgutil.walk_packages(curate.__path__, "curate.") if not m.ispkg)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
