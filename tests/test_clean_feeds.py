"""Edges of the article on small synthetic pages: a time-stamped feed after it, a
promotion after its share bar, tables with two number columns, captions whose credit
follows without a stop, and CJK lines without a final stop between kept lines."""

from __future__ import annotations

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.patterns import CAPTION_LABELS, CREDITS, is_caption
from curate.clean.tables import table_rows
from tests.test_clean_structure import EN


def kept(lines: list[str]) -> list[bool]:
    return [d.keep for d in classify_lines(lines, CleanConfig())]


def test_time_stamped_feed_after_the_article_is_cut() -> None:
    # a feed longer than the article: only its time stamps tell it from the article's rest
    gap = ["Newsletter", "Sign up", "Live", "Latest"]
    feed = []
    for k, (label, text) in enumerate(
        [
            (
                "Weather.",
                "Heavy snow closed the mountain pass overnight and drivers were "
                "told to wait for the ploughs before setting off again.",
            ),
            (
                "Football.",
                "The home side won the derby with a late goal from the captain, "
                "who scored from a free kick in the last minute of the game.",
            ),
            (
                "Markets.",
                "Shares in the carmaker fell sharply after it warned that profits "
                "would shrink this year because of the cost of steel and chips.",
            ),
            (
                "Music.",
                "The singer announced a farewell tour across twelve countries, with "
                "the first concert planned for a stadium in the capital in June.",
            ),
            (
                "Trains.",
                "A strike by signal workers will stop most regional trains on "
                "Friday, and the union said further walkouts could follow next month.",
            ),
            (
                "Health.",
                "The hospital opened a new wing for children with forty beds, a "
                "play room and a garden where families can rest between visits.",
            ),
            (
                "Science.",
                "Astronomers found a small planet orbiting a nearby star at a "
                "distance where water could stay liquid on its rocky surface.",
            ),
        ]
    ):
        feed += [f"1{k}:3{k}", label, text] if k % 2 else [f"1{k}:3{k}", text]
    decisions = kept([*EN, *gap, *feed])
    assert decisions[: len(EN)] == [True] * len(EN)
    assert not any(decisions[len(EN) :])


def test_promotion_after_the_share_bar_is_cut() -> None:
    promo = [
        "Do you still have questions? Ask our friendly community of experts for answers.",
        "Visit the forum",
        "Join us at the summit",
        "Meet the people who build the tools you use every day at our yearly conference.",
    ]
    decisions = kept([*EN, "Share this article:", *promo])
    assert decisions[: len(EN)] == [True] * len(EN)
    assert not any(decisions[len(EN) :])


def test_rows_with_two_number_cells_are_found() -> None:
    lines = ["Developers", "Ann Lee", "63", "16.6%", "Bob Ray", "56", "14.7%", "Cy Poe",
             "46", "12.1%", "Dee Fox", "33", "8.7%", "Eve Kim", "27", "7.1%"]  # fmt: skip
    assert table_rows(lines, [True] * len(lines)) == [(2, 5), (5, 8), (8, 11), (11, 14), (14, 16)]


def test_credit_after_a_caption_without_a_stop() -> None:
    assert is_caption(
        "A man walks past an armoured car on a street in the capital Credit: STR/AFP",
        CREDITS,
        CAPTION_LABELS,
    )
    assert is_caption(
        "Security forces secure the area around the museum. Jane Roe/AFP/Getty Images",
        CREDITS,
        CAPTION_LABELS,
    )
    assert not is_caption("He would not name the source: a senior official.", CREDITS)
