"""The call-to-action lexicon: share, follow, newsletter, cookie, copyright, menu… phrases.

Phrases live in `lexicon/<category>.txt`, one a line, in many languages; users add their own
through `CleanConfig.extra_phrases`. A phrase line may carry a marker:

* `phrase`: a *whole-line* phrase. A short line made only of such phrases, social-network
  names, stop words and numbers belongs to the category (`Partager sur Facebook`).
* `^phrase`: a *prefix*. A line of up to `prefix_max_words` words that starts with it belongs
  to the category (`Lire aussi : …`).
* `*phrase`: *anywhere*. A line that contains it belongs to the category (`All rights
  reserved`, `We use cookies`).
* `~phrase`: *keyword*. A line of up to `keyword_max_words` words that contains it belongs
  to the category (`Sign up for the PC Gamer Newsletter`).

Matching works on word tokens (see `tokens.words`), by looking up word n-grams in dicts, so
its cost does not grow with the lexicon. Chinese and Japanese phrases match as substrings.

>>> lex = Lexicon.default()
>>> lex.match("[ Imprimer ]", frozenset())
'share'
>>> lex.match("Nous suivre sur WeChat", frozenset({"sur"}))
'follow'
>>> lex.match("Lire aussi : le C919 quitte la ligne d'assemblage", frozenset())
'related'
>>> lex.match("They share a common goal.", frozenset({"they", "a"})) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from curate.clean.tokens import has_cjk, words

# File stem -> rule name of the lines it matches.
CATEGORIES = {
    "share": "share",
    "follow": "follow",
    "newsletter": "newsletter",
    "cookie": "cookie",
    "copyright": "copyright",
    "footer": "footer",
    "readmore": "read-more",
    "related": "related",
    "comments": "comments",
    "login": "login",
    "menu": "menu",
    "ads": "ad",
    "author": "author",
    "support": "support",
    "notice": "notice",
}
# When a line mixes categories, the first of these with the most covered words wins.
_PRIORITY = (
    "cookie",
    "copyright",
    "newsletter",
    "follow",
    "share",
    "related",
    "read-more",
    "comments",
    "author",
    "support",
    "notice",
    "login",
    "ad",
    "footer",
    "menu",
)
_MAX_LINE_WORDS_ANYWHERE = 120


@dataclass(frozen=True)
class Lexicon:
    """Phrase tables by match mode. Build with `Lexicon.default()` or `Lexicon.build()`."""

    whole: Mapping[str, str]
    prefix: Mapping[str, str]
    anywhere: Mapping[str, tuple[tuple[tuple[str, ...], int, str], ...]]  # anchor -> phrases
    keyword: Mapping[str, tuple[tuple[tuple[str, ...], int, str], ...]]
    cover_first: frozenset[str]  # first words of whole-line phrases and social names
    cover_words: frozenset[str]  # every word of whole-line phrases and social names
    prefix_first: frozenset[str]
    social: frozenset[str]
    cjk: tuple[tuple[str, str, str], ...]  # (phrase, category, mode)
    max_len: int

    @classmethod
    def default(cls) -> Lexicon:
        """The packaged lexicon (cached)."""
        return _packaged()

    @classmethod
    def build(cls, tables: Mapping[str, Iterable[str]], social: Iterable[str]) -> Lexicon:
        """Build from `{rule: [phrase lines with markers]}` and social-network names.

        >>> lex = Lexicon.build({"share": ["deel dit", "^lees ook", "*met dank"]}, ["x"])
        >>> lex.match("Deel dit op X", frozenset({"op"})), lex.match("Lees ook: iets", frozenset())
        ('share', 'share')
        """
        whole: dict[str, str] = {}
        prefix: dict[str, str] = {}
        anywhere: dict[str, str] = {}
        keyword: dict[str, str] = {}
        cjk: list[tuple[str, str, str]] = []
        max_len = 1
        for rule, lines in tables.items():
            for raw in lines:
                mode, text = _split_marker(raw)
                if not text:
                    continue
                if has_cjk(text):
                    cjk.append((text.lower(), rule, mode))
                    continue
                key = " ".join(words(text))
                if not key:
                    continue
                max_len = max(max_len, key.count(" ") + 1)
                table = {
                    "whole": whole,
                    "prefix": prefix,
                    "anywhere": anywhere,
                    "keyword": keyword,
                }[mode]
                table.setdefault(key, rule)
        social_set = frozenset(" ".join(words(s)) for s in social if s.strip())
        return cls(
            whole=whole,
            prefix=prefix,
            anywhere=_anchored(anywhere),
            keyword=_anchored(keyword),
            cover_first=frozenset(k.split(" ", 1)[0] for k in (*whole, *social_set)),
            cover_words=frozenset(w for k in (*whole, *social_set) for w in k.split(" ")),
            prefix_first=frozenset(k.split(" ", 1)[0] for k in prefix),
            social=social_set,
            cjk=tuple(cjk),
            max_len=max_len,
        )

    def extended(self, extra: Mapping[str, list[str]]) -> Lexicon:
        """A copy with the user's phrases added; categories are file stems or rule names."""
        if not extra:
            return self
        tables = _packaged_tables()
        merged = {rule: list(lines) for rule, lines in tables.items()}
        for category, phrases in extra.items():
            rule = CATEGORIES.get(category, category)
            merged.setdefault(rule, []).extend(phrases)
        return Lexicon.build(merged, _read("social"))

    def match(
        self,
        line: str,
        stop: frozenset[str],
        *,
        tokens: list[str] | None = None,
        max_words: int = 14,
        prefix_max_words: int = 30,
        keyword_max_words: int = 25,
    ) -> str | None:
        """The rule of the category `line` belongs to, or None.

        `stop` holds the document's stop words, which may fill a whole-line match.
        """
        toks = words(line) if tokens is None else tokens
        n = len(toks)
        if self.cjk and has_cjk(line):
            hit = self._match_cjk(line, max_words)
            if hit is not None:
                return hit
        if n == 0:
            return None
        if n <= _MAX_LINE_WORDS_ANYWHERE and not self.anywhere.keys().isdisjoint(toks):
            hit = _find(toks, self.anywhere)
            if hit is not None:
                return hit
        if n <= keyword_max_words and not self.keyword.keys().isdisjoint(toks):
            hit = _find(toks, self.keyword)
            if hit is not None:
                return hit
        if n <= prefix_max_words and toks[0] in self.prefix_first:
            for k in range(min(self.max_len, n), 0, -1):
                key = " ".join(toks[:k])
                rule = self.prefix.get(key)
                if rule is not None:
                    # the phrase alone ("Read more") is the whole-line sense when there is one
                    return self.whole.get(key, rule) if k == n else rule
        if n <= max_words and not self.cover_first.isdisjoint(toks):
            # words no phrase can explain: too many of them and no cover can succeed
            unknown = sum(
                1
                for t in toks
                if t not in self.cover_words and t not in stop and len(t) > 1 and not t.isdigit()
            )
            if unknown > (n - unknown - 1) // 2:
                return None
            return self._cover(toks, stop)
        return None

    def words_after_phrase(self, toks: list[str]) -> int:
        """How many of `toks` follow the longest phrase that opens them (all, when none).

        >>> lex = Lexicon.default()
        >>> lex.words_after_phrase(["related", "articles"]), lex.words_after_phrase(["a", "b"])
        (0, 2)
        """
        n = len(toks)
        for k in range(min(self.max_len, n), 0, -1):
            key = " ".join(toks[:k])
            if key in self.prefix or key in self.whole:
                return n - k
        return n

    def _cover(self, toks: list[str], stop: frozenset[str]) -> str | None:
        """Greedy longest-phrase cover of the line; returns the dominant category."""
        n = len(toks)
        covered: dict[str, int] = {}
        social = 0
        loose = 0  # content words no phrase explains
        i = 0
        while i < n:
            for k in range(min(self.max_len, n - i), 0, -1):
                key = " ".join(toks[i : i + k]) if k > 1 else toks[i]
                rule = self.whole.get(key)
                if rule is not None:
                    covered[rule] = covered.get(rule, 0) + k
                    i += k
                    break
                if key in self.social:
                    social += k
                    i += k
                    break
            else:
                tok = toks[i]
                if not (tok in stop or tok.isdigit() or len(tok) == 1):
                    loose += 1
                i += 1
        total = sum(covered.values())
        if total == 0:
            return "share" if social >= 2 and loose == 0 else None
        if loose > (total + social - 1) // 2:
            return None
        best = max(covered.values())
        return next(r for r in _PRIORITY + tuple(sorted(covered)) if covered.get(r) == best)

    def _match_cjk(self, line: str, max_words: int) -> str | None:
        text = line.strip().lower()
        size = len(text)
        for phrase, rule, mode in self.cjk:
            if mode in ("anywhere", "keyword") and phrase in text:
                return rule
            if mode == "prefix" and text.startswith(phrase) and size <= max_words * 4:
                return rule
            if mode == "whole" and phrase in text and len(phrase) * 2 >= size:
                return rule
        return None


_Entry = tuple[tuple[str, ...], int, str]  # phrase words, anchor position, rule
_Anchored = dict[str, tuple[_Entry, ...]]


def _anchored(table: Mapping[str, str]) -> _Anchored:
    """Index phrases by their longest word (the rarest, so most lines skip the search)."""
    index: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
    for phrase, rule in table.items():
        toks = tuple(phrase.split(" "))
        anchor = max(range(len(toks)), key=lambda k: len(toks[k]))
        index.setdefault(toks[anchor], []).append((toks, anchor, rule))
    return {word: tuple(entries) for word, entries in index.items()}


def _find(toks: list[str], index: Mapping[str, tuple[_Entry, ...]]) -> str | None:
    """The rule of the first indexed phrase found in `toks`."""
    n = len(toks)
    for i, tok in enumerate(toks):
        entries = index.get(tok)
        if entries is None:
            continue
        for phrase, anchor, rule in entries:
            start = i - anchor
            if (
                start >= 0
                and start + len(phrase) <= n
                and tuple(toks[start : start + len(phrase)]) == phrase
            ):
                return rule
    return None


def _split_marker(raw: str) -> tuple[str, str]:
    text = raw.strip()
    if text.startswith("^"):
        return "prefix", text[1:].strip()
    if text.startswith("*"):
        return "anywhere", text[1:].strip()
    if text.startswith("~"):
        return "keyword", text[1:].strip()
    return "whole", text


def _read(stem: str) -> list[str]:
    path = resources.files("curate.clean").joinpath("lexicon", f"{stem}.txt")
    lines = path.read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _packaged_tables() -> dict[str, list[str]]:
    return {rule: _read(stem) for stem, rule in CATEGORIES.items()}


@lru_cache(maxsize=1)
def _packaged() -> Lexicon:
    return Lexicon.build(_packaged_tables(), _read("social"))


def read_word_list(stem: str) -> list[str]:
    """Lines of a packaged lexicon file (`credit`, `byline`, `social`…), comments dropped.

    >>> "afp" in read_word_list("credit")
    True
    """
    return _read(stem)
