"""The `curate validate` click command (registered in the CLI group by `curate.cli`)."""

from __future__ import annotations

from pathlib import Path

import click

from curate.cli_params import DATASET
from curate.errors import EXIT_INTERNAL
from curate.pipeline.publish import dataset_folder
from curate.validate.config import load_validate_config
from curate.validate.report import Report, Status
from curate.validate.runner import append_step_summary, run_validation, write_reports

EPILOG = """\b
Examples:
  curate validate output/
  curate validate output/ --json report.json --junit junit.xml --html report.html
  curate validate output/ --strict -c curate.toml
  curate validate output/ --baseline previous/validation.json
  curate validate output/ --baseline previous-output/ --markdown summary.md

\b
Exit codes:
  0  every check passed (warnings allowed unless --strict)
  1  at least one check failed (or warned, with --strict)
  2  usage error: bad option, missing path, invalid config
  3  internal error (a bug: please report it)
  4  a report file could not be written

When $GITHUB_STEP_SUMMARY is set, the Markdown report is appended to it.
"""

_STYLE = {
    Status.PASS: "green",
    Status.WARN: "yellow",
    Status.FAIL: "red",
    Status.SKIP: "bright_black",
    Status.ERROR: "magenta",
}


def summary_lines(report: Report, *, verbose: bool = False) -> list[str]:
    """The human summary printed on stderr: one line per check, then the verdict."""
    lines = []
    width = max((len(c.name) for c in report.checks), default=10)
    for check in report.checks:
        tag = click.style(f"{check.status.upper():<5}", fg=_STYLE[check.status], bold=True)
        lines.append(f"  {tag} {check.name:<{width}}  {check.message}")
        examples = check.details.get("examples") if verbose else None
        if examples and check.status is not Status.PASS:
            lines += [f"        {example}" for example in examples[:5]]
    counts = report.counts()
    verdict = {0: "PASS", 1: "FAIL", 3: "ERROR"}.get(report.exit_code, "FAIL")
    colour = "green" if report.exit_code == 0 else "red"
    lines.append(
        f"{click.style(verdict, fg=colour, bold=True)}: {report.dataset}: "
        f"{counts['pass']} passed, {counts['warn']} warned, {counts['fail']} failed, "
        f"{counts['skip']} skipped"
        + (f", {counts['error']} crashed" if counts["error"] else "")
        + (" (strict)" if report.strict else "")
        + f" in {report.duration_s:.1f} s"
    )
    return lines


VALIDATE_NEEDS = ["data", "removed", "manifest.json", "README.md"]
_FILE = click.Path(dir_okay=False, writable=True, path_type=Path)


@click.command("validate", epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("dataset", type=DATASET)
@click.option(
    "--baseline",
    type=click.Path(exists=True, path_type=Path),
    metavar="OLD",
    help="Earlier dataset folder or validation JSON report to report drift against.",
)
@click.option(
    "--json",
    "json_path",
    type=_FILE,
    metavar="FILE",
    help="Write the machine-readable report (stable schema) to FILE.",
)
@click.option(
    "--junit",
    "junit_path",
    type=_FILE,
    metavar="FILE",
    help="Write JUnit XML (one test case per check) to FILE.",
)
@click.option(
    "--markdown",
    "markdown_path",
    type=_FILE,
    metavar="FILE",
    help="Write a Markdown summary (for GitHub step summaries) to FILE.",
)
@click.option(
    "--html",
    "html_path",
    type=_FILE,
    metavar="FILE",
    help="Write a self-contained HTML page with charts to FILE.",
)
@click.option("--strict", is_flag=True, default=None, help="Make warnings fail (exit 1).")
@click.option(
    "-c",
    "--config",
    "config_path",
    metavar="TOML",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="curate.toml or pyproject.toml to read [validate] thresholds from "
    "(default: the one in the working folder).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show examples under failed checks.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the final verdict line.")
@click.pass_context
def validate(
    ctx: click.Context,
    *,
    dataset: Path | str,
    baseline: Path | None,
    json_path: Path | None,
    junit_path: Path | None,
    markdown_path: Path | None,
    html_path: Path | None,
    strict: bool | None,
    config_path: Path | None,
    verbose: bool,
    quiet: bool,
) -> None:
    """Check a dataset written by curate (DATASET: a folder such as output/, or a URI such
    as s3://bucket/corpus/, fetched first) and report for CI.

    Every check runs, even after a failure: schema, unique ids, empty texts, exact and
    near-duplicates, boilerplate residue, languages, dates, text length, accounting,
    manifest and Parquet readability. Thresholds come from [validate] in curate.toml.
    Exit codes: 0 pass, 1 a check failed (or warned, with --strict), 2 usage or input error,
    3 internal error.

    \b
    Examples:
      curate validate output/
      curate validate output/ --junit report.xml --json report.json --strict
      curate validate week2/ --baseline week1/     # drift against an earlier run
      curate validate s3://bucket/corpus/ -q
    """
    config = load_validate_config(config_path)
    if strict is not None:
        config.strict = strict
    try:
        with dataset_folder(dataset, VALIDATE_NEEDS) as local:
            report = run_validation(local, config, baseline)
        report.dataset = str(dataset)
        write_reports(
            report, json=json_path, markdown=markdown_path, junit=junit_path, html=html_path
        )
        append_step_summary(report)
        lines = summary_lines(report, verbose=verbose)
    except click.ClickException:
        raise
    except Exception as exc:
        message = " ".join(str(exc).split())[:300]
        click.echo(f"Error: internal error: {type(exc).__name__}: {message}", err=True)
        ctx.exit(EXIT_INTERNAL)
    for line in lines[-1:] if quiet else lines:
        click.echo(line, err=True)
    ctx.exit(report.exit_code)
