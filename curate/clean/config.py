"""Settings of the boilerplate cleaner, filled from `[clean]` in curate.toml.

Every field has a default, so `CleanConfig()` is a working cleaner. Users extend the
lexicons without editing the package, e.g.::

    [clean]
    min_chars = 300
    extra_phrases = { share = ["deel dit artikel"], follow = ["volg ons op"] }
    extra_stopwords = { sv = ["och", "att", "det"] }

>>> from curate.config import build_section
>>> build_section({"min_chars": 50}, "clean", CleanConfig).min_chars
50
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CleanConfig:
    """Thresholds and lexicon extensions of the line classifier.

    >>> CleanConfig().long_chars
    200
    """

    # A document whose kept text is shorter than this goes to removed/ as `too-short`.
    min_chars: int = 100

    # Length classes of a line, in characters (a CJK character counts as `cjk_char_weight`).
    short_chars: int = 70
    long_chars: int = 200
    cjk_char_weight: float = 3.0

    # Stop-word density: below `stop_low` a line looks like a list of names or links,
    # at or above `stop_high` it reads like prose.
    stop_low: float = 0.22
    stop_high: float = 0.30

    # Call-to-action lines longer than this (in words) are never lexicon-matched.
    cta_max_words: int = 14
    # Lines matched by prefix phrases ("Read more:", "Lire aussi") up to this many words.
    prefix_max_words: int = 30

    # Segmentation: "viterbi" (scores + switch penalty) or "justext" (classes + context).
    method: str = "viterbi"
    switch_penalty: float = 2.0
    edge_penalty: float = 1.0
    rule_score: float = 2.0

    # Main region: kept text outside the densest stretch of the page is dropped. Dropped
    # lines inside a stretch cost max(gap_penalty_min, gap_penalty_share * length); other
    # stretches stay when they reach `side_region_share` of the densest one.
    main_region: bool = True
    gap_penalty_min: float = 15.0
    gap_penalty_share: float = 0.5
    # A dropped line that looks like code or a table costs only this much.
    code_gap: float = 1.0
    side_region_share: float = 0.5
    # Smaller stretches (down to `side_cohesive_share` of the densest) stay when at least
    # `side_cohesive_overlap` of their content words (mean per line) are the densest one's.
    side_cohesive_overlap: float = 0.35
    side_cohesive_share: float = 0.05
    # The article's stretch ends at a gap of at least `topic_gap_lines` dropped lines after
    # which the text shares less than `topic_min_overlap` of the article's vocabulary.
    topic_gap_lines: int = 4
    topic_min_overlap: float = 0.2
    # ... when the text after the gap is at most `topic_tail_share` times the text before.
    topic_tail_share: float = 1.0
    # Lines dropped by an explicit rule cost this many times `gap_penalty_min` at least.
    rule_gap_factor: float = 1.0
    # A label of comments or of the author's bio ends the article when the kept text after it
    # is shorter than `label_min_chars` and (for the bio) than `label_share` of the text
    # before; a label of other articles opens a box that lasts until the article resumes.
    label_min_chars: float = 1000.0
    label_share: float = 0.35
    # A stretch that starts after a comment section's label counts for this share of its
    # length when the article's stretch is chosen.
    after_comments_weight: float = 0.25
    # The lead paragraph between the headline and the body is kept when it lies within this
    # many lines before the body (0: off).
    lead_window: int = 10
    # Inside a main stretch, runs of dropped lines that no explicit rule names are kept when
    # at most `fill_max_run` lines long or when their words overlap the body's enough, and
    # so are code blocks (at least `fill_code_share` of the lines carry code symbols) and
    # runs of list items.
    fill_region: bool = True
    fill_max_run: int = 2
    fill_min_overlap: float = 0.35
    fill_code_share: float = 0.4

    # Headline lists: runs of at least `headline_min_run` title-like lines whose content
    # words overlap the body by less than `headline_max_overlap` are dropped.
    headline_min_run: int = 3
    headline_max_overlap: float = 0.5
    headline_max_words: int = 25

    # Cross-corpus templates: a line hash seen in at least this many documents is boilerplate
    # (the pipeline counts them); lines shorter than `template_min_chars` are not hashed.
    template_min_docs: int = 10
    template_min_chars: int = 10

    # HTML: boilerpy3's verdict is used only when its article holds at least this share of
    # the rendered page's characters; otherwise the rendered page is classified alone.
    html_min_share: float = 0.25
    use_boilerpy3: bool = True
    # Score added to rendered lines inside boilerpy3's article, and taken from the others.
    boilerpy3_bonus: float = 1.5
    boilerpy3_malus: float = 1.5
    # Score added to lines in article-like containers (<article>, class "content"…) and
    # taken from lines in navigation, footers, sidebars, comment and share blocks.
    dom_bonus: float = 1.0
    dom_malus: float = 3.0
    # Score taken from lines inside a block of reader comments (class or id "comments"…).
    comments_malus: float = 6.0

    # Drop page title / date / byline lines found at the head of the document.
    drop_header_lines: bool = True

    # Lexicon extensions: category -> phrases. Categories: share, follow, newsletter, cookie,
    # copyright, footer, readmore, related, comments, author, support, notice, login, menu,
    # ads (or a new name, which becomes the rule). Markers as in the packaged files: "^"
    # prefix, "*" anywhere in a line, "~" anywhere in a line of up to 25 words, none: the
    # phrases make up the line.
    extra_phrases: dict[str, list[str]] = field(default_factory=dict)
    # Stop-word extensions: ISO 639-1 code -> words (a new code adds a language).
    extra_stopwords: dict[str, list[str]] = field(default_factory=dict)
    # Rules to switch off, by name (e.g. ["caption"]).
    disabled_rules: list[str] = field(default_factory=list)
