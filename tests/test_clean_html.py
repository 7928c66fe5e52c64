"""HTML pages: main text through boilerpy3's verdict and the classifier, metadata from tags."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _rendered(html: str) -> list[tuple[str, int]]:
    root = parse_html(html)
    assert root is not None
    return [(line.text, line.dom) for line in render_lines(root)]


def test_reader_comments_box_overrides_inner_containers() -> None:
    html = (
        "<body><article class='post'><p>Article text.</p></article>"
        "<div id='comments' class='comments-area'><article class='comment-body'>"
        "<div class='comment-content'><p>A reader's comment.</p></div></article></div>"
        "<div class='entry comments-open'><p>Still the article.</p></div>"
        "<div class='category-kommentar'><p>A category, not comments.</p></div></body>"
    )
    assert _rendered(html) == [
        ("Article text.", 1),
        ("A reader's comment.", -2),
        ("Still the article.", 0),  # a state of the page, not a box of comments
        ("A category, not comments.", 0),
    ]
    page = extract_html(html, CleanConfig(use_boilerpy3=False))
    assert page.priors[1] == -CleanConfig().comments_malus


def test_data_table_row_is_one_line() -> None:
    html = (
        "<body><table><tr><th>Film</th><th>Year</th><th>Description</th></tr>"
        "<tr><td>Groundhog Day</td><td>1993</td><td>A weatherman relives <b>one day</b>.</td></tr>"
        "<tr><td></td><td>1994</td><td><img src=x></td></tr></table>"
        "<table><tr><td><p>Layout cell one</p></td><td><div>Layout cell two</div></td></tr>"
        "</table></body>"
    )
    assert [text for text, _ in _rendered(html)] == [
        "Film ; Year ; Description",
        "Groundhog Day ; 1993 ; A weatherman relives one day.",
        "1994",
        "Layout cell one",
        "Layout cell two",
    ]


def test_math_is_text_and_its_annotations_are_not() -> None:
    html = (
        "<body><p>When <math><semantics><mi>a</mi><mo>≠</mo><mn>0</mn>"
        "<annotation encoding='application/x-tex'>a \\neq 0</annotation></semantics></math>"
        ", there are two solutions.</p></body>"
    )
    assert [text for text, _ in _rendered(html)] == ["When a≠0, there are two solutions."]


def test_boilerpy3_warnings_are_silenced(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    logging.getLogger("boilerpy3").setLevel(logging.DEBUG)  # an application's own setting
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("boilerpy3").warning("SAX input contains nested A elements")
        logging.getLogger("boilerpy3").error("a real failure")
    messages = [r.getMessage() for r in caplog.records if r.name == "boilerpy3"]
    assert messages == ["a real failure"]
