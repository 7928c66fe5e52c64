"""The `curate` command line.

Exit codes: 0 success; 1 validation failed; 2 usage, config or input error; 3 internal
error; 4 output not writable; 130 interrupted.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from curate import __version__
from curate.errors import EXIT_INTERNAL
from curate.executors.local import make_executor
from curate.executors.progress import set_quiet
from curate.settings import Settings, load_settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
log = logging.getLogger("curate")


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    set_quiet(quiet)


def common_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`--config`, `--workers`, `-v` and `-q`, shared by the processing commands."""
    options = [
        click.option(
            "-c",
            "--config",
            type=click.Path(path_type=Path, dir_okay=False),
            help="curate.toml to read (default: ./curate.toml or [tool.curate] in "
            "./pyproject.toml). Flags override it.",
        ),
        click.option(
            "-w",
            "--workers",
            type=click.IntRange(min=1),
            help="Worker processes (default: one per CPU). Output is identical for any value.",
        ),
        click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv for debug)."),
        click.option(
            "-q", "--quiet", is_flag=True, help="Only warnings and errors; no progress bars."
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _settings(config: Path | None, workers: int | None, **overrides: Any) -> Settings:
    if config is not None and not config.is_file():
        raise click.BadParameter(f"config file not found: {config}", param_hint="--config")
    return load_settings(config, run__workers=workers, **overrides)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="curate")
def cli() -> None:
    """Turn folders of scraped documents into a clean, deduplicated Parquet dataset.

    \b
    Examples:
      curate run                          # raw/ -> output/
      curate run pages/ feeds.jsonl -o corpus/ --workers 4
      curate clean pages/ -o cleaned/     # clean + normalise, no dedup
      curate dedup cleaned/ -o deduped/
      curate validate corpus/ --junit report.xml
      curate explain pages/article.txt    # why each line was kept or dropped
    """


def _run_common(
    inputs: tuple[Path, ...],
    output: Path,
    config: Path | None,
    workers: int | None,
    verbose: int,
    quiet: bool,
    *,
    dedup: bool,
    command: str,
    against: Path | None = None,
    force: bool = False,
    **overrides: Any,
) -> None:
    from curate.pipeline.reports import write_run_reports
    from curate.pipeline.runner import run_pipeline, summary_line

    _setup_logging(verbose, quiet)
    settings = _settings(config, workers, **overrides)
    executor = make_executor(settings.workers)
    try:
        summary = run_pipeline(
            list(inputs), output, settings, executor, dedup=dedup, command=command,
            against=against, force=force,
        )
    finally:
        executor.close()
    if command == "run" and settings.run.write_reports:
        write_run_reports(output, settings)
    log.info(summary_line(summary))
    click.echo(str(output))


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Output dataset folder.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Near-duplicate Jaccard threshold (default 0.8).",
)
@click.option("--reference-date", help="Date that relative dates resolve against (YYYY-MM-DD).")
@click.option(
    "--against",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Also deduplicate against this earlier curate output, reusing its index/.",
)
@common_options
@click.option(
    "--force",
    is_flag=True,
    help="Recompute everything, even shards an interrupted run of the same command finished.",
)
def run(
    inputs: tuple[Path, ...],
    output: Path,
    threshold: float | None,
    reference_date: str | None,
    against: Path | None,
    config: Path | None,
    workers: int | None,
    verbose: int,
    quiet: bool,
    force: bool,
) -> None:
    """Read, clean, normalise, deduplicate and write a Parquet dataset.

    INPUTS are files or folders (read recursively): .txt, .html/.htm, .jsonl, .parquet,
    each optionally .gz. Default: raw/. Kept documents go to OUTPUT/data/, every other
    document to OUTPUT/removed/ with its reason; a manifest, a dataset card and validation
    reports sit beside them.

    \b
    Examples:
      curate run                                 # raw/ -> output/
      curate run pages/ feeds.jsonl -o corpus/
      curate run crawl/ -o corpus/ --workers 8 --threshold 0.7
      curate run crawl/ --reference-date 2024-05-01 -c curate.toml
      curate run new-crawl/ -o week2/ --against week1/   # incremental
    """
    _run_common(
        inputs or (Path("raw"),),
        output,
        config,
        workers,
        verbose,
        quiet,
        dedup=True,
        command="run",
        against=against,
        force=force,
        dedup__threshold=threshold,
        meta__reference_date=reference_date,
    )


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Output dataset folder.",
)
@click.option("--reference-date", help="Date that relative dates resolve against (YYYY-MM-DD).")
@common_options
@click.option(
    "--force",
    is_flag=True,
    help="Recompute everything, even shards an interrupted run of the same command finished.",
)
def clean(
    inputs: tuple[Path, ...],
    output: Path,
    reference_date: str | None,
    config: Path | None,
    workers: int | None,
    verbose: int,
    quiet: bool,
    force: bool,
) -> None:
    """Clean and normalise documents, without deduplication (same data/ layout as run).

    \b
    Examples:
      curate clean pages/ -o cleaned/
      curate clean dump.jsonl.gz -o cleaned/ --workers 2
    """
    _run_common(
        inputs,
        output,
        config,
        workers,
        verbose,
        quiet,
        dedup=False,
        command="clean",
        force=force,
        meta__reference_date=reference_date,
    )


@cli.command(context_settings=CONTEXT)
@click.argument("dataset", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Output dataset folder (must differ from DATASET).",
)
@click.option(
    "--explain",
    "explain_id",
    metavar="ID",
    help="Show the duplicate cluster of document ID in DATASET, with pairwise similarities.",
)
@click.option(
    "--against",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Also deduplicate against this earlier curate output, reusing its index/.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Near-duplicate Jaccard threshold (default 0.8).",
)
@common_options
@click.option(
    "--force",
    is_flag=True,
    help="Recompute everything, even shards an interrupted run of the same command finished.",
)
def dedup(
    dataset: Path,
    output: Path | None,
    explain_id: str | None,
    against: Path | None,
    threshold: float | None,
    config: Path | None,
    workers: int | None,
    verbose: int,
    quiet: bool,
    force: bool,
) -> None:
    """Remove exact and near-duplicates from a dataset that curate wrote.

    \b
    Examples:
      curate dedup cleaned/ -o deduped/
      curate dedup cleaned/ -o deduped/ --threshold 0.7 --workers 4
      curate dedup new-cleaned/ -o new-deduped/ --against corpus/
      curate dedup corpus/ --explain 480166b5e11d35c0
    """
    from curate.pipeline.runner import dedup_dataset, summary_line

    if explain_id is not None:
        from curate.pipeline.explain import cluster_of, render

        click.echo(render(cluster_of(dataset, explain_id)))
        return
    if output is None:
        raise click.UsageError("Missing option '-o' / '--output'.")
    _setup_logging(verbose, quiet)
    settings = _settings(config, workers, dedup__threshold=threshold)
    executor = make_executor(settings.workers)
    try:
        summary = dedup_dataset(dataset, output, settings, executor, against, force=force)
    finally:
        executor.close()
    log.info(summary_line(summary))
    click.echo(str(output))


def _register_optional() -> None:
    from curate.clean.command import explain
    from curate.validate.command import validate

    cli.add_command(validate)
    cli.add_command(explain)


_register_optional()


def main() -> None:
    """Console entry point: user errors as one line, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: one line, exit 3
        click.echo(f"curate: internal error: {type(exc).__name__}: {exc}", err=True)
        if "-vv" in sys.argv:
            raise
        sys.exit(EXIT_INTERNAL)
