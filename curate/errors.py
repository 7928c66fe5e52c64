"""Errors that reach the user as one line, and the exit codes they map to."""

from __future__ import annotations

import click

EXIT_OK = 0
EXIT_CHECKS_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_IO = 4


class CurateError(click.ClickException):
    """A user-facing error: printed as one line, never as a traceback."""

    exit_code = EXIT_USAGE


class ConfigError(CurateError):
    """A malformed or invalid configuration file or key."""


class InputError(CurateError):
    """A missing or unusable input path."""


class OutputError(CurateError):
    """An output location that cannot be written."""

    exit_code = EXIT_IO
