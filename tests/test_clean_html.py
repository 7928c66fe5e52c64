"""HTML pages: main text through boilerpy3's verdict and the classifier, metadata from tags."""

from __future__ import annotations

from pathlib import Path

from curate.clean.config import CleanConfig
from curate.clean.html import clean_html, decode_html, extract_html
from curate.clean.render import parse_html, render_lines

PAGE = (Path(__file__).resolve().parent / "fixtures" / "clean" / "page.html").read_text("utf-8")


def _kept(config: CleanConfig) -> list[str]:
    _, decisions = clean_html(PAGE, config)
    return [d.text for d in decisions if d.keep]


def test_metadata_from_tags() -> None:
    page = extract_html(PAGE, CleanConfig())
    assert page.title == "Le conseil adopte le budget"
    assert page.date == "2024-03-12T10:05:00+01:00"
    assert page.language == "fr-FR"
    assert page.url == "https://www.gazette.example/ville/budget-2024"
    assert page.author == "Jeanne Martin"
    assert len(page.priors) == len(page.lines)


def test_article_kept_and_furniture_dropped() -> None:
    for config in (CleanConfig(), CleanConfig(use_boilerpy3=False)):
        kept = _kept(config)
        assert kept[0].startswith("Le conseil municipal a adopté mardi")
        assert "Des travaux dès le printemps" in kept
        assert kept[-1].startswith("Les premiers chantiers commenceront")
        text = "\n".join(kept)
        for gone in ("Accueil", "Partager", "Les plus lus", "boulanger", "Tous droits", "(AFP)"):
            assert gone not in text


def test_title_line_marked() -> None:
    _, decisions = clean_html(PAGE, CleanConfig())
    titles = [d.text for d in decisions if d.rule == "title"]
    assert titles == ["Le conseil adopte le budget"]


def test_render_lines_blocks_links_and_dom_signal() -> None:
    root = parse_html(PAGE)
    assert root is not None
    lines = render_lines(root)
    texts = [line.text for line in lines]
    assert "Accueil" in texts and "Ville" in texts  # a bare run of links: one line per link
    assert "Accueil > Ville" in texts  # links joined by text stay on one line
    assert not any("tracking" in t or "color" in t for t in texts)
    by_text = {line.text: line for line in lines}
    assert by_text["Un nouveau boulanger ouvre rue de la Gare"].dom == -1
    assert by_text["Des travaux dès le printemps"].dom == 1


def test_broken_and_empty_pages() -> None:
    assert extract_html("", CleanConfig()).lines == []
    page = extract_html("<div><p>Un paragraphe</div></span></p><p>suivant", CleanConfig())
    assert page.lines == ["Un paragraphe", "suivant"]


def test_decode_html() -> None:
    assert decode_html("<p>é</p>".encode()) == "<p>é</p>"
    assert decode_html("<p>é</p>".encode("cp1252")) == "<p>é</p>"
    declared = b'<meta charset="iso-8859-1"><p>\xe9</p>'
    assert decode_html(declared).endswith("<p>é</p>")
