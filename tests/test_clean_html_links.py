"""Link lines of HTML pages: dropped with the rule `link`, yet still gaps on the page."""

from __future__ import annotations

import pytest

from curate.clean.classifier import LINK_PRIOR, classify_lines
from curate.clean.config import CleanConfig
from curate.clean.html import clean_html, extract_html

ARTICLE = [
    "The city council approved the new budget on Tuesday evening after a long debate about "
    "the cost of public transport and the repair of the old bridge over the river.",
    "The mayor said that the plan would keep taxes stable for the next two years, while the "
    "opposition argued that the estimates for energy prices were far too optimistic.",
    "Work on the bridge is expected to begin in the spring and should last about eighteen "
    "months, during which buses will take a detour through the northern district.",
    "The council will meet again in March to discuss the schedule of the works and the "
    "compensation for the shops that stand near the building site.",
]
FEED = [
    (
        "10:42",
        "Strong winds will hit the coast tonight, and the weather service has asked residents "
        "to stay indoors until Sunday morning.",
    ),
    (
        "10:15",
        "The final of the tennis tournament has been postponed until tomorrow because of the "
        "rain that has fallen since early morning.",
    ),
    (
        "09:58",
        "Fuel prices rose again this week and reached a new record in several regions, "
        "according to figures published by the ministry.",
    ),
]
CONFIGS = [CleanConfig(), CleanConfig(use_boilerpy3=False)]


def _links(*names: str) -> str:
    return "<ul>" + "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in names) + "</ul>"


def _page(body: str) -> str:
    return (
        "<html lang='en'><head><title>Budget approved</title></head>"
        f"<body>{_links('Home', 'Politics', 'Sport', 'Weather')}{body}</body></html>"
    )


def _decide(html: str, config: CleanConfig) -> list[tuple[str, bool, str]]:
    _, decisions = clean_html(html, config)
    return [(d.text, d.keep, d.rule) for d in decisions]


@pytest.mark.parametrize("config", CONFIGS)
def test_link_lines_stay_on_the_page_dropped(config: CleanConfig) -> None:
    # the section headings link to themselves (a permalink): they do not part the text
    paragraphs = [f"<p>{p}</p>" for p in ARTICLE]
    body = (
        "<article><h1>Budget approved</h1>"
        + "".join(paragraphs[:2])
        + "<h2><a href='#works'>The works</a></h2>"
        + "".join(paragraphs[2:])
        + "</article>"
    )
    page = extract_html(_page(body), config)
    assert "Home" in page.lines and "The works" in page.lines
    assert page.priors[page.lines.index("Home")] == LINK_PRIOR
    decided = _decide(_page(body), config)
    assert [text for text, keep, _ in decided if keep] == ARTICLE
    rules = {text: rule for text, _, rule in decided}
    assert rules["Home"] == rules["Sport"] == rules["The works"] == "link"


@pytest.mark.parametrize("config", CONFIGS)
def test_a_run_of_links_parts_a_feed_from_the_article(config: CleanConfig) -> None:
    share = _links("Facebook", "Twitter", "Copy link")
    feed = "".join(
        f"<div class='entry'><a href='/e{i}'>{stamp}</a><p>{text}</p>{share}</div>"
        for i, (stamp, text) in enumerate(FEED)
    )
    body = (
        "<article><h1>Budget approved</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + "</article>"
        + _links("Live", "Economy", "Culture", "Science")
        + f"<div class='live'>{feed}</div>"
    )
    decided = _decide(_page(body), config)
    assert [text for text, keep, _ in decided if keep] == ARTICLE
    assert ("10:42", False, "link") in decided


@pytest.mark.parametrize("config", CONFIGS)
def test_a_few_links_inside_the_text_part_nothing(config: CleanConfig) -> None:
    # a box of other articles: its label and links make a gap, but too few links for one
    box = "<p>Read more</p>" + _links("Tram line opens", "Museum closes", "Pool reopens")
    last = (
        "Residents may send written questions to the town hall by letter or by email until "
        "the end of January, and answers will be published online."
    )
    body = (
        "<article><h1>Budget approved</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + box
        + f"<p>{last}</p></article>"
    )
    kept = [text for text, keep, _ in _decide(_page(body), config) if keep]
    assert kept == [*ARTICLE, last]


def test_classify_lines_with_link_priors() -> None:
    lines = ["Home", "", *ARTICLE, "Contact"]
    priors = [LINK_PRIOR, 0.0, *([0.0] * len(ARTICLE)), LINK_PRIOR]
    decisions = classify_lines(lines, CleanConfig(), priors=priors)
    assert [d.text for d in decisions] == lines
    assert [(d.keep, d.rule) for d in decisions][:2] == [(False, "link"), (False, "blank")]
    assert decisions[-1].rule == "link"
    assert [d.text for d in decisions if d.keep] == ARTICLE
    # without the link lines, the other lines are decided as on their own
    alone = classify_lines(ARTICLE, CleanConfig(), priors=[0.0] * len(ARTICLE))
    assert [(d.keep, d.rule) for d in decisions[2:-1]] == [(d.keep, d.rule) for d in alone]
