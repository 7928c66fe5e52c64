"""A stream of teasers before the article, and runs inside the article that hold a few
lines looking like a breadcrumb: small synthetic pages."""

from __future__ import annotations

import pytest

from curate.clean import classifier
from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from tests.test_clean_structure import EN

TEASERS = [
    (
        "Storm closes mountain pass",
        "Heavy snow closed the mountain pass overnight and drivers were told to wait for "
        "the ploughs before they set off again on the icy road. The police said that the "
        "pass would stay closed until the morning, when the weather is expected to improve.",
    ),
    (
        "Derby won in last minute",
        "The home side won the derby with a late goal from the captain, who scored from "
        "a free kick in the very last minute of the game. The coach said that his players "
        "had never given up, even when the visitors led by two goals at half time.",
    ),
    (
        "Carmaker warns on profits",
        "Shares in the carmaker fell sharply after it warned that its profits would "
        "shrink this year because of the rising cost of steel and chips. The company also "
        "said that it would build fewer cars in its two largest plants until the summer.",
    ),
    (
        "Singer plans farewell tour",
        "The singer announced a farewell tour across twelve countries, with the first "
        "concert planned for a stadium in the capital in June. Tickets go on sale next "
        "week, and the band said that every show would end with the songs of its first album.",
    ),
]


def stream() -> list[str]:
    lines: list[str] = []
    for k, (headline, summary) in enumerate(TEASERS):
        more = (
            " More details were not given, and a spokesman said that the next update "
            "would come later in the day."
        )
        lines += ["Politics", "Wire", f"{k + 3}1 Photos", "Video", headline, summary + more]
    return lines


def kept(lines: list[str]) -> list[bool]:
    return [d.keep for d in classify_lines(lines, CleanConfig())]


def test_stream_of_teasers_before_the_article_is_cut() -> None:
    teasers = stream()
    # a video player's menu (longer than the window in which a lead is taken back)
    gap = ["Video", "Settings", "Full Screen", "Captions", "Quality", "Auto", "High"]
    gap += ["Medium", "Low", "Back", "Language"]
    decisions = kept([*teasers, *gap, *EN])
    assert not any(decisions[: len(teasers)])
    assert decisions[-len(EN) :] == [True] * len(EN)


def test_without_the_teaser_cut_the_stream_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # the page above needs the cut: with it off, the teasers are kept with the article
    monkeypatch.setattr(classifier, "_TEASER_RUN", 100)
    teasers = stream()
    gap = ["Video", "Settings", "Full Screen", "Captions", "Quality"]
    decisions = kept([*teasers, *gap, *EN])
    assert any(decisions[: len(teasers)])


def test_sections_of_one_post_before_its_core_stay() -> None:
    # long pieces about other things are sections of the post, not teasers
    section = [
        "The printing dialog now shows a message while the document is being prepared, "
        "and the cancel button works again on every platform.",
        "A new option lets people print only some pages of a long document, such as the "
        "first three and the last two, without a second dialog.",
        "The preview is updated only when a setting changes the output, so large files "
        "open much faster than they did in the previous version.",
        "Margins can now be set to custom values, and the form remembers them for the "
        "next document that is printed from the same window.",
    ]
    lines = [*section, "Menu", "Home", "About", "Contact", *EN]
    assert kept(lines) == [True] * len(section) + [False] * 4 + [True] * len(EN)


def test_a_long_run_in_the_body_words_keeps_its_breadcrumb_like_lines() -> None:
    body = [
        "The client sends the request to the storage server, which answers with the "
        "document and its version in the response headers of the server.",
        "The server answers the request with the document when the version of the "
        "document matches the version that the client sent in its request.",
    ]
    code = [
        "GET /storage/document HTTP/1.1",
        "Host: storage server example",
        "If-Match: document version one",
        "<!DOCTYPE html>",
        "Content-Type: document storage version",
        "Origin: the client request server",
        "Referer: the document storage server",
        "Version: the document version two",
        "Request: the client document server",
        "Server: storage version document one",
        "Document: request version client two",
    ]
    lines = [*body, *code, *EN]
    decisions = kept(lines)
    assert decisions[len(body) : len(body) + len(code)] == [True] * len(code)


def test_a_chart_between_paragraphs_is_not_filled_back() -> None:
    # a chart's labels echo the text's words, but they are single words and numbers
    chart = ["Interest payments on the debt", "$915", "600", "$263", "’22", "’26", "’27"]
    chart += ["By The Times | Source: Budget Office", "Interest", "%", "13.0%", "’28"]
    lines = [*EN[:2], *chart, *EN[2:]]
    decisions = kept(lines)
    assert not any(decisions[3 : 2 + len(chart)])  # its title may read as a subheading
