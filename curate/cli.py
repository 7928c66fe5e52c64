"""The `curate` command line.

Exit codes: 0 success; 1 validation failed; 2 usage, config or input error; 3 internal
error; 4 output not writable; 130 interrupted.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from curate import __version__
from curate.cli_params import DATASET
from curate.errors import EXIT_INTERNAL
from curate.executors.base import Executor
from curate.executors.factory import make_executor
from curate.executors.progress import set_quiet
from curate.settings import Settings, load_settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
log = logging.getLogger("curate")


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    set_quiet(quiet)


def processing_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by the commands that process documents (run, clean, dedup)."""
    options = [
        click.option(
            "-c",
            "--config",
            type=click.Path(path_type=Path, dir_okay=False),
            help="curate.toml to read (default: ./curate.toml, or [tool.curate] in "
            "./pyproject.toml). Flags override it.",
        ),
        click.option(
            "-w",
            "--workers",
            type=click.IntRange(min=1),
            help="Worker processes (default: one per CPU). Output is identical for any value.",
        ),
        click.option(
            "--executor",
            type=click.Choice(["local", "ray"]),
            default="local",
            show_default=True,
            help="Where shards run: local worker processes, or Ray (pip install 'curate[ray]').",
        ),
        click.option(
            "--ray-address",
            metavar="ADDRESS",
            help="Ray cluster to join (e.g. auto, ray://head:10001); default: a local Ray.",
        ),
        click.option(
            "--force",
            is_flag=True,
            help="Recompute everything, even shards that an interrupted run already finished.",
        ),
        click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: debug)."),
        click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors; no progress."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _start(common: dict[str, Any], **overrides: Any) -> tuple[Settings, Executor]:
    """Logging, settings (config file, then flags) and the executor for one command."""
    _setup_logging(common["verbose"], common["quiet"])
    config: Path | None = common["config"]
    if config is not None and not config.is_file():
        raise click.BadParameter(f"config file not found: {config}", param_hint="--config")
    settings = load_settings(config, run__workers=common["workers"], **overrides)
    return settings, make_executor(common["executor"], settings.workers, common["ray_address"])


def _finish(summary: Any, output: Path | str) -> None:
    from curate.pipeline.runner import summary_line

    log.info(summary_line(summary))
    click.echo(str(output))


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


AGAINST_NEEDS = ["data", "index", "manifest.json"]


def _path_or_uri(value: str) -> Path | str:
    from curate.io.remote import is_uri

    return value if is_uri(value) else Path(value)


def _process(
    inputs: tuple[str, ...],
    output: str,
    common: dict[str, Any],
    *,
    dedup: bool,
    command: str,
    against: Path | str | None = None,
    **overrides: Any,
) -> None:
    from curate.io.remote import is_uri
    from curate.pipeline.publish import publish, staging_for
    from curate.pipeline.reports import write_run_reports
    from curate.pipeline.runner import run_pipeline

    settings, executor = _start(common, **overrides)
    local = staging_for(output) if is_uri(output) else Path(output)
    try:
        with _against_folder(against) as against_local:
            summary = run_pipeline(
                [_path_or_uri(i) for i in inputs],
                local,
                settings,
                executor,
                dedup=dedup,
                command=command,
                against=against_local,
                force=common["force"],
                against_label=against if isinstance(against, str) else None,
            )
    finally:
        executor.close()
    if command == "run" and settings.run.write_reports:
        write_run_reports(local, settings)
    if is_uri(output):
        publish(local, output)
    _finish(summary, output)


OUTPUT_HELP = "Output dataset folder, or a URI such as s3://bucket/corpus/."
THRESHOLD_HELP = "Near-duplicate Jaccard threshold (default 0.8)."
REFERENCE_HELP = "Date that relative dates resolve against (YYYY-MM-DD)."
AGAINST_HELP = (
    "Also deduplicate against this earlier curate output (a folder or a URI), reusing its index/."
)


@contextlib.contextmanager
def _against_folder(against: Path | str | None) -> Iterator[Path | None]:
    """The `--against` dataset as a local folder (a remote one is fetched for the run)."""
    if against is None:
        yield None
        return
    from curate.pipeline.publish import dataset_folder

    with dataset_folder(against, AGAINST_NEEDS) as folder:
        yield folder


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-o",
    "--output",
    default="output",
    show_default=True,
    help=OUTPUT_HELP,
)
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), help=THRESHOLD_HELP)
@click.option("--reference-date", help=REFERENCE_HELP)
@click.option("--against", type=DATASET, help=AGAINST_HELP)
@processing_options
def run(
    inputs: tuple[str, ...],
    output: str,
    threshold: float | None,
    reference_date: str | None,
    against: Path | str | None,
    **common: Any,
) -> None:
    """Read, clean, normalise, deduplicate and write a Parquet dataset.

    INPUTs are files or folders (read recursively), local or remote (s3://, gs://, any
    pyarrow/fsspec URI): .txt, .html/.htm, .jsonl, .parquet, each optionally .gz. Default:
    raw/. Kept documents go to OUTPUT/data/, every other
    document to OUTPUT/removed/ with its reason; a manifest, a dataset card, a dedup index
    and validation reports sit beside them. Rerunning an interrupted run resumes it.

    \b
    Examples:
      curate run                                 # raw/ -> output/
      curate run pages/ feeds.jsonl -o corpus/
      curate run crawl/ -o corpus/ --workers 8 --threshold 0.7
      curate run crawl/ --reference-date 2024-05-01 -c curate.toml
      curate run new-crawl/ -o week2/ --against week1/   # incremental
      curate run crawl/ -o corpus/ --executor ray --ray-address auto
      curate run s3://bucket/crawl/ -o s3://bucket/corpus/    # credentials: AWS_* env
    """
    _process(
        inputs or ("raw",),
        output,
        common,
        dedup=True,
        command="run",
        against=against,
        dedup__threshold=threshold,
        meta__reference_date=reference_date,
    )


@cli.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    required=True,
    help=OUTPUT_HELP,
)
@click.option("--reference-date", help=REFERENCE_HELP)
@processing_options
def clean(inputs: tuple[str, ...], output: str, reference_date: str | None, **common: Any) -> None:
    """Clean and normalise documents, without deduplication (same data/ layout as run).

    \b
    Examples:
      curate clean pages/ -o cleaned/
      curate clean dump.jsonl.gz -o cleaned/ --workers 2
    """
    _process(
        inputs, output, common, dedup=False, command="clean", meta__reference_date=reference_date
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
    help="Show the duplicate cluster of document ID in DATASET, with similarities.",
)
@click.option("--against", type=DATASET, help=AGAINST_HELP)
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), help=THRESHOLD_HELP)
@processing_options
def dedup(
    dataset: Path,
    output: Path | None,
    explain_id: str | None,
    against: Path | str | None,
    threshold: float | None,
    **common: Any,
) -> None:
    """Remove exact and near-duplicates from a dataset that curate wrote.

    \b
    Examples:
      curate dedup cleaned/ -o deduped/
      curate dedup cleaned/ -o deduped/ --threshold 0.7 --workers 4
      curate dedup new-cleaned/ -o new-deduped/ --against corpus/
      curate dedup corpus/ --explain 480166b5e11d35c0
    """
    if explain_id is not None:
        from curate.pipeline.explain import cluster_of, render

        click.echo(render(cluster_of(dataset, explain_id)))
        return
    if output is None:
        raise click.UsageError("Missing option '-o' / '--output'.")
    from curate.pipeline.runner import dedup_dataset

    settings, executor = _start(common, dedup__threshold=threshold)
    try:
        with _against_folder(against) as against_local:
            summary = dedup_dataset(
                dataset,
                output,
                settings,
                executor,
                against_local,
                force=common["force"],
                against_label=against if isinstance(against, str) else None,
            )
    finally:
        executor.close()
    _finish(summary, output)


def _register_commands() -> None:
    from curate.clean.command import explain
    from curate.validate.command import validate

    cli.add_command(validate)
    cli.add_command(explain)


_register_commands()


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
