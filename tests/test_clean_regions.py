"""Where the article starts and ends, on exact lines of small synthetic pages: a different
text after a long gap, a lead parted from the body, reader comments whose headers take
several lines, quotes that are not comments, image galleries, tables rendered one cell a
line, inserted ads, truncated teasers, copyright notices and boxes of other articles."""

from __future__ import annotations

from curate.clean.classifier import _side_stretches, classify_lines
from curate.clean.config import CleanConfig
from curate.clean.features import line_features
from curate.clean.stopwords import StopLists
from tests.test_clean_structure import EN

BODY = True, "body"


def decide(lines: list[str], priors: list[float] | None = None) -> list[tuple[bool, str]]:
    return [(d.keep, d.rule) for d in classify_lines(lines, CleanConfig(), priors=priors)]


def test_other_text_after_a_long_gap_is_cut() -> None:
    menu = ["Sport", "Culture", "Weather", "Video", "Podcasts"]
    other = [
        "Keepers at the zoo welcomed two young pandas last week; both animals are settling "
        "into their bamboo enclosure beside the lake quickly.",
        "Visitors may watch the pandas from December, when a glass viewing hall opens with a "
        "cafe and guided tours every afternoon.",
    ]
    assert decide([*EN, *menu, *other]) == [
        *[BODY] * 4,
        *[(False, "menu")] * 5,
        (False, "off-body"),
        (False, "off-body"),
    ]


def test_lead_parted_by_a_table_of_contents_stays() -> None:
    lead = (
        "The new city budget pays for the schools, the roads and the library, and the council "
        "approved it after a long debate on taxes and costs."
    )
    toc = ["Contents", "Budget", "Schools", "Roads", "Library", "Taxes", "Parks", "Costs"]
    toc += ["Computers", "Repairs", "Reports", "Debate", "Spring"]
    body = [
        *EN,
        "A second vote on the parks budget followed, and the council agreed to spend more on "
        "the library and the schools next year.",
    ]
    assert decide([lead, *toc, *body]) == [BODY] * 19


def test_comments_with_headers_over_several_lines() -> None:
    comments = [
        ("Anonymous", "April 5, 2018", "6:32 PM", "Couldn't I just block it in my own filter?"),
        ("Lars", "April 6, 2018", "2:20 AM", "privacy badger is also a good plugin to mention"),
        (
            "Maria",
            "April 6, 2018",
            "12:13 PM",
            "The council should have asked the residents before it decided on the budget, "
            "because the taxes will rise again next year and nobody wants that to happen.",
        ),
    ]
    lines = list(EN)
    for name, day, time, text in comments:
        lines += ["Reply", day, time, name, text]
    expected = [(False, "comments"), (False, "date"), *[(False, "comments")] * 3]
    assert decide(lines) == [*[BODY] * 4, *expected * 3]


def test_quotes_of_what_people_wrote_are_not_comments() -> None:
    quotes = [
        "Makali wrote:",
        "Whenever a programmer thinks of skins, the speakers should play a warning sound.",
        "Various people wrote:",
        "So I should solve the problem of a poor menu by having none at all? I should not.",
        "Someone else wrote:",
        "Yes, every single time I try something like this, I consider it again.",
    ]
    assert decide([*EN, *quotes]) == [BODY] * 10


def _slides() -> list[str]:
    lines = []
    for k, (title, caption) in enumerate(
        [
            ("Bridge opens", "The new bridge over the river opened on Monday, a year early."),
            ("Market returns", "The farmers' market came back to the square after the winter."),
            ("Library grows", "The library added a reading room for children and a cafe."),
            ("Park cleaned", "Volunteers cleaned the park on Saturday and planted new trees."),
        ],
        1,
    ):
        lines += [f"{k}/4 {title}", caption, "Photo: City Press"]
    return lines


def test_gallery_after_the_article_is_dropped() -> None:
    slide = [(False, "gallery"), (False, "gallery"), (False, "caption")]
    assert decide([*EN, "The week in pictures", *_slides()]) == [
        *[BODY] * 4,
        (False, "fragment"),
        *slide * 4,
    ]


def test_page_that_is_a_gallery_keeps_its_slides() -> None:
    decisions = decide(["The week in pictures", *_slides()])
    assert all(rule != "gallery" for _, rule in decisions)
    assert decisions[2] == BODY


def test_table_rows_are_judged_as_units() -> None:
    lines = [
        "This is a list of films in which the characters live through the same period of "
        "time again and again.",
        "Film",
        "Year",
        "Description",
    ]
    films = [
        ("Repeat Run", "1947", "A woman relives the same year and tries to change what she did."),
        ("The Loop", "1964", "Two scientists are caught in a day that repeats until the end."),
        ("Morning Again", "1969", "A couple wakes up to the same morning and must find out why."),
        ("Second Chance", "1983", "A student jumps back in time and learns to live with it."),
        ("Last Summer", "1993", "A boy wishes that the summer holidays would never end."),
    ]
    for row in films:
        lines += row
    assert decide([*lines, "See also"]) == [
        BODY,
        *[(False, "menu")] * 4,
        *[BODY] * 14,
        (False, "related"),
    ]


def test_ads_between_paragraphs_do_not_part_the_text() -> None:
    paragraphs = [
        "On an unknown planet, a race of birds learned to build ships and left their world.",
        "Certain members of the race could see events before they happened, and warned others.",
        "Peace lasted for a long time, and the race built cities on many of the planets.",
        "The prophets saw a danger in the far future, so the race sent probes to the stars.",
    ]
    lines, priors = ["Menu", "Home"], [-4.5, -4.5]
    for text in paragraphs:
        lines += [text, "Advertisement"]
        priors += [-0.5, -1.5]  # what the HTML path adds: no container says "article"
    assert decide(lines, priors) == [
        (False, "menu"),
        (False, "menu"),
        *[BODY, (False, "ad")] * 4,
    ]


def test_truncated_teaser_with_read_more_is_dropped() -> None:
    teaser = "The mayor also spoke about the new bridge, which will link the two halves… Read more"
    assert decide([*EN, teaser]) == [*[BODY] * 4, (False, "read-more")]


def test_copyright_notice_but_not_a_sentence_about_copyright() -> None:
    about = (
        "The company was sued for copyright infringement in 2013, but the court ruled that "
        "the library could keep the books."
    )
    assert decide([*EN, about, "Copyright © 2024 City Gazette"]) == [
        *[BODY] * 5,
        (False, "copyright"),
    ]


def test_box_of_other_articles_ends_at_a_long_paragraph() -> None:
    paragraph = (
        "In the second step, the council will sell the old depot to a developer, and the money "
        "will pay for the repairs to the roads near the schools; the rest of the money will go "
        "to the library, which has asked for a new roof and more books for years, and to the "
        "parks, where the playgrounds need new equipment before the summer, the finance "
        "director said on Tuesday evening after the long meeting in the town hall."
    )
    box = ["Related Coverage", "Mayor opens the new bridge JULY 26, 2016"]
    box += ["Storm closes schools JULY 25, 2016", "Advertisement"]
    lines = [EN[0], EN[1], *box, paragraph, "Advertisement", EN[2], EN[3]]
    assert decide(lines) == [
        BODY,
        BODY,
        (False, "related"),
        (False, "short"),
        (False, "menu"),
        (False, "ad"),
        BODY,
        (False, "ad"),
        BODY,
        BODY,
    ]


def test_a_sidebar_of_headlines_never_outweighs_a_short_article() -> None:
    # A generated page (tests/fixtures/regions): a four-paragraph article, then comments and
    # a sidebar of 60 headlines, half of them the site's template lines.
    import json
    from pathlib import Path

    from curate.clean.templates import line_hash
    from curate.meta.text import normalize_text

    folder = Path(__file__).parent / "fixtures" / "regions"
    lines = normalize_text((folder / "sidebar-page.txt").read_text("utf-8")).split("\n")
    marked = json.loads((folder / "sidebar-page.template-lines.json").read_text())
    template = frozenset(line_hash(lines[i]) for i in marked)
    decisions = classify_lines(lines, CleanConfig(), template_hashes=template)
    kept = [d.text for d in decisions if d.keep]
    assert [line[:30] for line in kept] == [
        "C'est une étonnante découverte",
        "Mais comment le vélo en libre-",
        "Chaque année, près de 20 000 V",
        "Ce n'est pas la première fois ",
    ]


def test_a_small_stretch_may_share_the_vocabulary_of_any_main_stretch() -> None:
    """`_side_stretches`: a small stretch (a list after a gallery) stays when it shares the
    words of the article's main stretches, not only those of the densest one."""
    lines = [
        "The hotel owners said the towels and the sheets are not always washed between stays.",
        "Guests should check the towels, the blankets and the minibar when they arrive.",
        "Menu",
        "The city council approved a new budget for the schools and the roads last night.",
        "The mayor said the library would also get longer opening hours from next spring.",
        "Menu",
        "Hotel owners admit the minibar towels and blankets are rarely washed between guests.",
    ]
    stops = StopLists.default()
    feats = line_features(lines, stops)
    keep = [line != "Menu" for line in lines]
    segments = [(120.0, 0, 1), (150.0, 3, 4), (40.0, 6, 6)]
    idx, label, config = range(len(lines)), len(lines), CleanConfig()
    spans = _side_stretches(feats, keep, idx, segments, 3, (3, 4), label, stops.words("en"), config)
    assert spans == [(0, 6)]
