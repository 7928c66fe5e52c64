"""`curate explain`: every line with KEEP/DROP and its rule."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from curate.clean.command import explain

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def test_explain_txt() -> None:
    result = CliRunner().invoke(explain, [str(SEEDS / "001_cfef82f6dadeaa59.txt")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "DROP breadcrumb     Page d'accueil > Informations récentes"
    assert lines[2] == "DROP date           2023-11-08 23:10"
    assert any(line.startswith("KEEP body") for line in lines)
    assert "DROP share          [ Imprimer ]" in lines


def test_explain_options(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>Accueil</p><p>" + "Le texte de l'article est ici. " * 8 + "</p>")
    result = CliRunner().invoke(explain, [str(page), "--dropped-only", "--width", "30"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line and not line.startswith("--")]
    assert rows and all(line.startswith("DROP") for line in rows)


def test_explain_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(explain, [str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_explain_config(tmp_path: Path) -> None:
    config = tmp_path / "curate.toml"
    config.write_text('[clean]\ndisabled_rules = ["share"]\n')
    result = CliRunner().invoke(
        explain, [str(SEEDS / "001_cfef82f6dadeaa59.txt"), "--config", str(config)]
    )
    assert result.exit_code == 0, result.output
    assert "DROP share" not in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[clean]\nno_such_key = 1\n")
    result = CliRunner().invoke(
        explain, [str(SEEDS / "001_cfef82f6dadeaa59.txt"), "--config", str(bad)]
    )
    assert result.exit_code != 0
    assert "clean.no_such_key" in result.output


def test_explain_html_agrees_with_clean(tmp_path: Path) -> None:
    # a long headline reads as prose; the page's declared title marks it, as in `curate clean`
    from curate.cli import cli

    title = (
        "Le conseil municipal de la ville a voté hier soir le budget des écoles, des crèches "
        "et des cantines pour l'année prochaine"
    )
    body = "".join(
        f"<p>Le conseil municipal a voté le budget {k} après un long débat sur les écoles de la "
        "ville et leurs cantines.</p>"
        for k in range(4)
    )
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(html + "</article></body></html>", encoding="utf-8")
    result = CliRunner().invoke(explain, [str(folder / "page.html")])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    assert rows[0] == f"DROP title          {title}"
    kept = [row[20:] for row in rows if row.startswith("KEEP")]
    out = tmp_path / "out"
    run = CliRunner().invoke(cli, ["clean", str(folder), "-o", str(out), "-q"])
    assert run.exit_code == 0, run.output
    import pyarrow.parquet as pq

    (text,) = pq.read_table(out / "data").column("text").to_pylist()
    assert text.split("\n") == kept
