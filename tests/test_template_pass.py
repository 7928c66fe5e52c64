"""The cross-corpus template pass drops a site's recurring lines that look like prose."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from curate.cli import cli
from tests.helpers import rows

PROMO = (
    "Our local journalism is supported by readers like you, and every single contribution "
    "helps us to keep reporting on the stories that matter in the region."
)
TOWNS = [
    "Arden",
    "Bexley",
    "Carrow",
    "Dunmore",
    "Elswick",
    "Fenton",
    "Garston",
    "Hatley",
    "Ilford",
    "Jarrow",
    "Kelso",
    "Ludlow",
]
THINGS = [
    "library",
    "bridge",
    "school",
    "clinic",
    "market",
    "museum",
    "pool",
    "park",
    "station",
    "theatre",
    "harbour",
    "stadium",
]


def _article(i: int) -> str:
    town, thing = TOWNS[i], THINGS[i]
    return (
        f"The council of {town} said on Monday that the new {thing} would open in the spring, "
        f"after {i + 3} months of work by local volunteers and the support of many residents.\n"
        f"Officials in {town} expect the {thing} to welcome its first visitors before the "
        f"summer holidays, and they have promised that the costs will stay within the budget.\n"
        f"{PROMO}\n"
    )


def _corpus(root: Path) -> Path:
    site = root / "in" / "example-news"
    site.mkdir(parents=True)
    for i in range(12):
        (site / f"article-{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    return root / "in"


def _clean(inputs: Path, out: Path, *extra: str) -> list[str]:
    result = CliRunner().invoke(
        cli,
        ["clean", str(inputs), "-o", str(out), "-w", "1", "-q", *extra],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return [r["text"] for r in rows(out / "data")]


def test_recurring_site_line_is_dropped(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path)
    texts = _clean(inputs, tmp_path / "out")
    assert len(texts) == 12
    assert all(PROMO not in t for t in texts)
    assert texts[0].split("\n") == _article(0).split("\n")[:2]


def test_template_pass_can_be_turned_off(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path)
    config = tmp_path / "curate.toml"
    config.write_text("[run]\ntemplate_pass = false\n")
    texts = _clean(inputs, tmp_path / "out", "-c", str(config))
    assert all(PROMO in t for t in texts)
