"""`curate explain FILE`: show every line with KEEP or DROP and the rule that decided it."""

from __future__ import annotations

from pathlib import Path

import click

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.html import clean_html, decode_html
from curate.clean.types import LineDecision
from curate.meta.text import normalize_text

_HTML_SUFFIXES = (".html", ".htm")


def explain_file(path: Path, config: CleanConfig) -> list[LineDecision]:
    """The classifier's decisions for a .txt (UTF-8, else cp1252) or .html file, reached as
    `curate clean` reaches them (the same text normalisation, and for HTML the page's
    priors and title), but without the corpus's template lines."""
    data = path.read_bytes()
    if path.suffix.lower() in _HTML_SUFFIXES:
        return clean_html(decode_html(data), config)[1]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return classify_lines(normalize_text(text).split("\n"), config)


def format_decision(decision: LineDecision, width: int = 0) -> str:
    """One output row: `KEEP body        text…`.

    >>> format_decision(LineDecision("[ Imprimer ]", False, "share"))
    'DROP share          [ Imprimer ]'
    """
    text = decision.text.strip()
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return f"{'KEEP' if decision.keep else 'DROP'} {decision.rule:<14} {text}"


def _load_config(config_path: Path | None) -> CleanConfig:
    from curate.config import build_section, find_config, load_config

    data = load_config(config_path or find_config())
    return build_section(data.get("clean", {}), "clean", CleanConfig)


@click.command("explain", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="curate.toml to read [clean] from (default: the working folder's).",
)
@click.option(
    "--width",
    type=int,
    default=0,
    show_default=True,
    help="Cut lines to this many characters (0: whole lines).",
)
@click.option("--dropped-only", is_flag=True, help="Print only the dropped lines.")
@click.option("--blank/--no-blank", default=False, help="Also print blank lines.")
def explain(
    file: Path, config_path: Path | None, width: int, dropped_only: bool, blank: bool
) -> None:
    """Print every line of FILE with KEEP or DROP and the rule that decided it.

    FILE is a scraped .txt page or an .html page. The decisions are those `curate clean`
    makes, except for a site's template lines, which only a whole corpus reveals. In an
    .html page, lines made almost wholly of link text show as `link`. Use it to see why a
    line went, then tune `[clean]` in curate.toml (thresholds, extra_phrases,
    disabled_rules).

    \b
    Examples:
      curate explain raw/001_cfef82f6dadeaa59.txt
      curate explain page.html --width 100 --dropped-only
      curate explain raw/a.txt --config my.toml
    """
    if not file.is_file():
        raise click.ClickException(f"no such file: {file}")
    config = _load_config(config_path)
    try:
        decisions = explain_file(file, config)
    except OSError as exc:
        raise click.ClickException(f"cannot read {file}: {exc.strerror or exc}") from None
    kept = 0
    for decision in decisions:
        kept += decision.keep
        if not blank and decision.rule == "blank":
            continue
        if dropped_only and decision.keep:
            continue
        click.echo(format_decision(decision, width))
    click.echo(f"-- {kept} of {len(decisions)} lines kept", err=True)
