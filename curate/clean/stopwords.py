"""Stop-word lists per language, and the choice of a document's list.

Prose is dense in function words; menus, link lists and headlines are not (jusText's idea).
The lists under `stopwords/` are short, hand-made lists of the most frequent function words;
Chinese and Japanese, written without spaces, use a character measure instead (see
`features.py`).

>>> stops = StopLists.default()
>>> stops.guess(["le", "chat", "est", "sur", "la", "table"])
'fr'
>>> "the" in stops.words("en")
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import islice

# Frequent function characters of Chinese prose.
ZH_FUNCTION_CHARS = frozenset(
    "的了是在和有也就都而及与这那我他她们个不为以于上中对将被把从到说要会可能等其之所但并或如因此由"
    "這們個為於對將從說會與並後還麼"  # traditional forms
)


# The language is guessed from the first tokens of a document.
_GUESS_TOKENS = 800


class StopLists:
    """Stop-word sets by ISO 639-1 code, with a fast guess of a document's language."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        self._sets: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in lists.items()}
        # word -> languages whose list holds it, for one pass over a document's tokens
        index: dict[str, list[str]] = {}
        for lang, words in sorted(self._sets.items()):
            for word in words:
                index.setdefault(word, []).append(lang)
        self._index = {w: tuple(langs) for w, langs in index.items()}

    @classmethod
    def default(cls) -> StopLists:
        """The packaged lists (cached)."""
        return _packaged()

    def extended(self, extra: Mapping[str, list[str]]) -> StopLists:
        """A copy with `extra` words added (a new code adds a language).

        >>> StopLists({"xx": ["a"]}).extended({"xx": ["b"]}).words("xx") == {"a", "b"}
        True
        """
        if not extra:
            return self
        merged = {k: set(v) for k, v in self._sets.items()}
        for lang, words in extra.items():
            merged.setdefault(lang, set()).update(w.lower() for w in words)
        return StopLists(merged)

    def languages(self) -> list[str]:
        """Codes with a list."""
        return sorted(self._sets)

    def words(self, lang: str) -> frozenset[str]:
        """The stop set of `lang` (empty when unknown)."""
        return self._sets.get(lang, frozenset())

    def guess(self, tokens: Iterable[str]) -> str | None:
        """The language whose list covers most tokens (None with too few hits).

        Each list is scored by its hits, weighted towards words unique to few lists.
        """
        ranked = self.rank(tokens)
        return ranked[0] if ranked else None

    def weigh(self, tokens: list[str]) -> Weighed:
        """`tokens` weighed: the listed ones' counts; each language's score: its listed
        tokens, a word that k lists hold weighing 1/k (languages in the order their words first
        appear); and each language's listed tokens, for `Weighed.share` (counted here, while
        the words are at hand in memory).

        >>> weighed = StopLists({"en": ["the", "a"], "fr": ["a"]}).weigh("a the a".split())
        >>> dict(weighed.counts), weighed.scores, weighed.hits, weighed.listed
        ({'a': 2, 'the': 1}, {'en': 2.0, 'fr': 1.0}, {'en': 3, 'fr': 2}, 3)
        """
        counts = Counter(filter(self._index.__contains__, tokens))
        scores: dict[str, float] = {}
        hits: dict[str, int] = {}
        for word, n in counts.items():
            langs = self._index[word]
            weight = n / len(langs)
            for lang in langs:
                scores[lang] = scores.get(lang, 0.0) + weight
                hits[lang] = hits.get(lang, 0) + n
        return Weighed(tokens, counts, scores, hits, sum(counts.values()))

    def sample(self, tokens: Iterable[str], limit: int | None = _GUESS_TOKENS) -> Weighed:
        """The first `limit` tokens (all with None), weighed (see `weigh`).

        >>> dict(StopLists.default().sample("le chat et le chien".split()).counts)
        {'le': 2, 'et': 1}
        """
        return self.weigh(list(islice(tokens, limit)))

    def rank(self, tokens: Iterable[str], share: float = 0.3) -> list[str]:
        """Languages by score, best first, down to `share` of the best one's score.

        >>> StopLists.default().rank("the cat is on the mat und der hund ist da".split())
        ['en', 'de']
        """
        return self.sample(tokens).ranked(share)


@dataclass(frozen=True, slots=True)
class Weighed:
    """A sample of tokens weighed by `StopLists.weigh`: the tokens, the listed ones' counts,
    each language's score, each language's listed tokens, and all the listed tokens."""

    tokens: list[str]
    counts: Counter[str]
    scores: dict[str, float]
    hits: dict[str, int]
    listed: int

    def ranked(self, share: float = 0.3) -> list[str]:
        """Languages by score, best first, down to `share` of the best one's score; none
        when the best one has too few hits for the sample's size."""
        scores = self.scores
        if not scores:
            return []
        order = sorted(scores, key=lambda lang: (-scores[lang], lang))
        needed = min(5.0, max(2.0, 0.2 * len(self.tokens)))
        if scores[order[0]] < needed:
            return []
        return [lang for lang in order if scores[lang] >= share * scores[order[0]]]

    def share(self, lang: str) -> float:
        """The share of the listed tokens that `lang`'s list holds.

        >>> round(StopLists.default().sample("the cat und der hund".split()).share("en"), 2)
        0.33
        """
        return self.hits.get(lang, 0) / self.listed if self.listed else 0.0


def _read_list(name: str) -> list[str]:
    text = resources.files("curate.clean").joinpath("stopwords", name).read_text("utf-8")
    return [w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def _packaged() -> StopLists:
    folder = resources.files("curate.clean").joinpath("stopwords")
    lists = {
        entry.name.removesuffix(".txt"): _read_list(entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    }
    return StopLists(lists)
