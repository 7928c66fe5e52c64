"""`[clean]` in curate.toml fills CleanConfig; user lexicons extend the packaged ones."""

from __future__ import annotations

import pytest

from curate.clean.config import CleanConfig
from curate.clean.lexicon import Lexicon
from curate.clean.stopwords import StopLists
from curate.config import build_section
from curate.errors import ConfigError


def test_build_section_types() -> None:
    config = build_section(
        {
            "min_chars": 50,
            "stop_high": 0.35,
            "extra_phrases": {"share": ["deel via de app"]},
            "extra_stopwords": {"sv": ["och"]},
            "disabled_rules": ["caption"],
        },
        "clean",
        CleanConfig,
    )
    assert config.min_chars == 50
    assert config.extra_phrases == {"share": ["deel via de app"]}
    with pytest.raises(ConfigError, match=r"clean\.min_chars"):
        build_section({"min_chars": "many"}, "clean", CleanConfig)


def test_extended_lexicon_and_stopwords() -> None:
    lexicon = Lexicon.default().extended({"follow": ["~volg ons via"], "newcat": ["blabla"]})
    assert lexicon.match("Volg ons via de app van de krant", frozenset()) == "follow"
    assert lexicon.match("blabla", frozenset()) == "newcat"
    stops = StopLists.default().extended({"xx": ["foo", "bar"]})
    assert "xx" in stops.languages()
    assert stops.guess(["foo", "bar", "foo", "bar", "foo", "bar"]) == "xx"
