"""Shape rules: breadcrumbs, separator menus, bracketed links, captions and credits, bylines.

Each function looks at one line and returns whether it has that shape. The patterns are
bounded (no nested quantifiers), so none can backtrack catastrophically.

>>> is_breadcrumb("Page d'accueil > Informations récentes")
True
>>> is_separator_menu("Home | News | Sport | Weather")
True
>>> is_caption("Le site, le 6 septembre 2025. (PRNewsfoto/Xinhua Silk Road)", CREDITS)
True
>>> is_byline("Par Jean Dupont", BYLINE_WORDS)
True
"""

from __future__ import annotations

import re
from collections.abc import Collection

from curate.clean.lexicon import read_word_list
from curate.clean.tokens import words

_CRUMB_SEP = re.compile(r"\s(?:>|»|›|→|/|>>|::)\s|\s?[>»›]\s?$")
_MENU_SEP = re.compile(r"\s(?:\||·|•|–|-|/|\\|\*|◦|∙|⋅)\s")
_BRACKET_ITEM = re.compile(r"\[[^\[\]]{1,60}\]")
# sentence ends of other scripts too: danda (Devanagari, Bengali), Arabic question mark,
# Urdu full stop, Armenian, Ethiopic, Myanmar, Khmer and Tibetan full stops
_TERMINAL_CHARS = ".!?…;:。！？।॥؟۔։።။។།"
_CLOSING_CHARS = "'\"”’»)]"
_TERMINAL = re.compile(
    "[" + re.escape(_TERMINAL_CHARS) + r"]\s?[" + re.escape(_CLOSING_CHARS) + "]{0,3}$"
)
# "(AFP)", "(Photo: X/Reuters)", "(PRNewsfoto/Xinhua)" at the end of a line
_TRAIL_PAREN = re.compile(r"[(\[]([^()\[\]]{1,80})[)\]]\s*\.?$")
# "Photo : X", "Foto: dpa", "Crédit photo - X" at the start
# "Photo by Jane Doe", "Foto von Hans Müller", "Photographie de Jean Dupont"
_BY_LABEL = re.compile(
    r"^(?:photos?|photograph|photography|photographie|fotos?|fotografie|bild|image|picture|"
    r"illustration|video)\s(?:by|von|par|de|di|door|por)\s\S",
    re.I,
)
_LEAD_LABEL = re.compile(r"^([^\W\d_][^\W\d_ '’-]{0,19}(?:\s[^\W\d_]{1,12})?)\s{0,2}[:|/–-]\s?\S")
# "… | Foto: dpa", "… . Bild: X/Shutterstock.com", "… © Getty Images" at the end of a line
# ("… takeover Credit: AFP": a capitalised label may follow the caption without a stop)
_TRAIL_CREDIT = re.compile(
    r"(?:[.|,]\s|\s[|/–-]\s|^|\s(?=(?-i:[A-ZÀ-Ö])))\s?(?:©|\((?:c|C)\)|(?:photos?|photograph|"
    r"fotos?|bild|bilder|image|images|crédits?|credits?|quelle|source|fuente|fonte)\s?:)\s?"
    r"(?:[^.!?]|\.(?=\S)){1,60}\.?$",
    re.I,
)
# Photo agencies whose name closes a caption without a stop: "… should be Getty Images"
_PHOTO_AGENCIES = (
    "Getty Images", "Shutterstock", "iStock", "iStockphoto", "imago images", "picture alliance",
    "Alamy", "Alamy Stock Photo",
)  # fmt: skip
# "… - Heinrich Aikawa/Instituto Lula", "… – Evaristo Sa/AFP": a dash, then the
# photographer's name (two to four capitalised words), a slash and the organisation.
_DASH_CREDIT = re.compile(
    r"\s[-–—]\s(?:[A-ZÀ-ÖØ-Þ][^\W\d_]{0,20}\s){1,3}[A-ZÀ-ÖØ-Þ][^\W\d_]{0,20}"
    r"/[A-ZÀ-ÖØ-Þ][^\W\d_]{0,20}(?:\s[A-ZÀ-ÖØ-Þ][^\W\d_]{0,20}){0,2}$"
)
# ... after a caption of some length: a short "Liga - Real Madrid/Barcelona" is a title.
_DASH_CREDIT_WORDS = 10
# "© Name", "(c) 2021 Name", "Copyright 2021"
_COPY_MARK = re.compile(r"(?:^|\s)(?:©|\(c\)|copyright\b)", re.I)
_CAPITALISED = re.compile(r"^[^\W\d_]")
_ALL_CAPS_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+$")

CREDITS: frozenset[str] = frozenset(
    " ".join(words(w)) for w in read_word_list("credit") if not w.startswith("^")
)
CAPTION_LABELS: frozenset[str] = frozenset(
    " ".join(words(w[1:])) for w in read_word_list("credit") if w.startswith("^")
)
BYLINE_WORDS: frozenset[str] = frozenset(" ".join(words(w)) for w in read_word_list("byline"))
NEWSROOM_WORDS: frozenset[str] = frozenset(" ".join(words(w)) for w in read_word_list("newsroom"))
BYLINE_FIRST: frozenset[str] = frozenset(w.split(" ", 1)[0] for w in BYLINE_WORDS)
# Networks whose names, two in one short line, make it a follow-us or share line.
SOCIAL: frozenset[str] = frozenset(
    {
        "facebook", "twitter", "instagram", "linkedin", "pinterest", "tiktok", "whatsapp",
        "telegram", "xing", "reddit", "snapchat", "tumblr", "vk", "vkontakte", "weibo",
        "wechat", "mastodon", "bluesky",
    }
)  # fmt: skip


def ends_sentence(line: str) -> bool:
    """Whether `line` ends like a sentence (`.`, `!`, `?`, `…`, `»`, `).`, `。`…), also
    before the author's or agency's initials that close an article ("… voraus. (bsc)").

    >>> ends_sentence("Il a parlé. »"), ends_sentence("Un titre"), ends_sentence("(vu).")
    (True, False, True)
    >>> ends_sentence("Es setzt OS X 10.10 voraus. (bsc)"), ends_sentence("Titel (dpa)")
    (True, False)
    >>> ends_sentence("তিনি বলেন, আমরা প্রস্তুত।"), ends_sentence("هل أنت مستعد؟")
    (True, True)
    """
    text = line.rstrip()
    last = text[-1:]
    # the common cases without a regex: a stop last, or neither a stop nor a closing mark
    if last in _TERMINAL_CHARS:
        return bool(last)
    if last not in _CLOSING_CHARS:
        return False
    # end-anchored patterns are matched on the tail only: a search would try every offset
    if _TERMINAL.search(text[-8:]):
        return True
    if text.endswith(")"):
        tail = text[-16:]
        m = _SIGNATURE.search(tail)
        if m is not None:
            head = text[: len(text) - len(tail) + m.start()]
            return _TERMINAL.search(head[-8:]) is not None
    return text.endswith(("»", "”")) and len(text) > 40


# Initials of the author or the agency in parentheses at the end of a text: "(dpa)".
_SIGNATURE = re.compile(r"\s\([^\W\d_]{2,5}(?:/[^\W\d_]{2,5})?\)$")

_PAREN_TAIL = 90
_CREDIT_TAIL = 100


def _trail_credit(text: str) -> bool:
    """`_TRAIL_CREDIT` on the line's tail; the sentinel "x" keeps its `^` from matching
    where the tail was cut."""
    if len(text) <= _CREDIT_TAIL:
        return _TRAIL_CREDIT.search(text) is not None
    return _TRAIL_CREDIT.search("x" + text[-_CREDIT_TAIL:]) is not None


def _trail_agency(text: str) -> bool:
    """A photo agency closing the line after a word ("… be Getty Images", "… Getty
    Images/AFP"), not after a stop or a colon."""
    if not text.endswith(_PHOTO_AGENCIES):
        slash = text.rfind("/", -31)
        if slash < 0:
            return False
        text = text[:slash].rstrip()
        if not text.endswith(_PHOTO_AGENCIES):
            return False
    name = next(n for n in _PHOTO_AGENCIES if text.endswith(n))
    before = text[: -len(name)]
    return len(before) >= 2 and before[-1] == " " and before[-2].isalpha()


def is_breadcrumb(line: str, max_words: int = 20) -> bool:
    """A trail of short items joined by `>`, `»`, `›`, `/` (at least two items).

    >>> is_breadcrumb("Accueil » Monde » Asie"), is_breadcrumb("Il a dit : 3 > 2, bien sûr.")
    (True, False)
    """
    if len(line) > 200 or (ends_sentence(line) and not line.rstrip().endswith(("»", "›"))):
        return False
    parts = [p for p in _CRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 2 and not (len(parts) == 1 and _CRUMB_SEP.search(line)):
        return False
    if len(words(line)) > max_words:
        return False
    return all(len(words(p)) <= 8 for p in parts)


def is_separator_menu(line: str) -> bool:
    """Three or more short items joined by `|`, `·`, `•`…, or two with a `|`.

    >>> is_separator_menu("Impressum | Datenschutz"), is_separator_menu("Paris - Londres")
    (True, False)
    """
    if len(line) > 300:
        return False
    parts = [p for p in _MENU_SEP.split(line) if p.strip()]
    if len(parts) < 2 or any(len(words(p)) > 6 for p in parts):
        return False
    return len(parts) >= 3 or " | " in line


def is_bracket_links(line: str) -> bool:
    """A line made of `[ … ]` items (`[ Imprimer ]`, `[Edit] [Reply]`).

    >>> is_bracket_links("[ Imprimer ]"), is_bracket_links("Il a dit [sic] non.")
    (True, False)
    """
    rest = _BRACKET_ITEM.sub(" ", line)
    return rest != line and not words(rest)


def is_caption(
    line: str,
    credits: Collection[str],
    labels: Collection[str] = (),
    *,
    tokens: list[str] | None = None,
) -> bool:
    """A photo caption or credit: a trailing `(AFP)`-like credit, `Photo : …`, or `© …`.

    >>> [is_caption(line, CREDITS) for line in [
    ...     "Le président (AFP)", "Photo : Jean Dupont", "Photograph by Ed Marshall",
    ...     "Le ministre, photo: Archives", "Whale expert Hori Parata. Photograph: Jane Doe",
    ...     "Hotels are not always cleaned as often as they should be Getty Images",
    ...     "Lula recebe de Tite réplica da taça - Heinrich Aikawa/Instituto Lula"]]
    [True, True, True, True, True, True, True]
    >>> [is_caption(line, CREDITS) for line in [
    ...     "Il a été élu (en 2012) puis réélu.", "The photo library was bought by Getty Images.",
    ...     "Ligue des champions - Real Madrid/Barcelone", "Le match - Real Madrid/Barça, 2-1"]]
    [False, False, False, False]
    """
    text = line.strip()
    if not text or len(text) > 600:
        return False
    toks = words(text) if tokens is None else tokens
    if text[-1] in ")]." and (")" in text or "]" in text):
        match = _TRAIL_PAREN.search(text[-_PAREN_TAIL:])
        if match and _is_credit(match.group(1), credits):
            return True
    marked = "©" in text or "(c)" in text or "(C)" in text or "opyright" in text
    if (marked or ":" in text) and len(toks) <= 60 and _trail_credit(text):
        return True
    if len(toks) <= 60 and _trail_agency(text):
        return True
    if toks and (
        toks[0] in (labels or CAPTION_LABELS) or " ".join(toks[:2]) in (labels or CAPTION_LABELS)
    ):
        label = _LEAD_LABEL.match(text)
        if label and " ".join(words(label.group(1))) in (labels or CAPTION_LABELS):
            return len(toks) <= 40
    if marked and _COPY_MARK.search(text) and len(toks) <= 12:
        return True
    if len(toks) <= 16 and _BY_LABEL.match(text):
        return True
    if "/" not in text or len(text) >= 200:
        return False
    if len(toks) >= _DASH_CREDIT_WORDS and _DASH_CREDIT.search(text[-_CREDIT_TAIL:]):
        return True
    tail = text.rsplit("/", 1)
    return _is_credit(tail[1], credits, strict=True)


def _is_credit(inner: str, credits: Collection[str], *, strict: bool = False) -> bool:
    """Whether a parenthesis or `/`-tail names a photo credit or a wire agency."""
    toks = words(inner)
    if not toks or len(toks) > 10:
        return False
    if "©" in inner:
        return True
    head = toks[0]
    if strict:  # "…/AFP", "…/Getty Images"
        return len(toks) <= 3 and (head in credits or " ".join(toks) in credits)
    if head in credits or " ".join(toks[:2]) in credits:
        return True
    # "(PRNewsfoto/Xinhua Silk Road)", "(Photo by X/Getty)"
    return any(t in credits for t in toks) and "/" in inner


_DATE_WORDS = 6


def is_byline(line: str, openers: Collection[str], max_words: int = 10) -> bool:
    """`By Jane Doe`, `Par Jean Dupont`, `Von Hans Müller, Berlin`, `Autor: …`.

    >>> is_byline("By Jane Doe and John Roe", BYLINE_WORDS)
    True
    >>> is_byline("By then, the damage was done.", BYLINE_WORDS)
    False
    >>> is_byline("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", BYLINE_WORDS)
    True
    >>> is_byline("Par la rédaction", BYLINE_WORDS), is_byline("Von der Redaktion", BYLINE_WORDS)
    (True, True)
    """
    text = line.strip()
    toks = words(text)
    dated = any(c.isdigit() for c in text)  # "By Jane Doe @jdoe March 1, 2016: 12:41 PM"
    most = max_words + _DATE_WORDS if dated else max_words
    if not 2 <= len(toks) <= most or (ends_sentence(text) and not text.endswith(".")):
        return False
    for k in (2, 1):
        if " ".join(toks[:k]) in openers:
            if " ".join(toks[k:]) in NEWSROOM_WORDS:
                return True
            rest = text.split(None, k)[-1].lstrip(":-– ")
            names = rest.split()
            if dated:  # the names end where the date starts
                first = next((i for i, w in enumerate(names) if any(c.isdigit() for c in w)), 0)
                names = names[: max(1, first - 1)] if first > 1 else names[:first]
            if not names:
                return False
            capitalised = sum(1 for w in names if _CAPITALISED.match(w) and w[0].isupper())
            return capitalised >= max(1, (len(names) + 1) // 2) and not text.endswith(".")
    return False


def is_all_caps_label(line: str) -> bool:
    """A short line in capitals (`PARIS`, `MORE FROM THE SITE`).

    >>> is_all_caps_label("LES PLUS LUS"), is_all_caps_label("Paris")
    (True, False)
    """
    toks = line.split()
    return 0 < len(toks) <= 6 and all(_ALL_CAPS_WORD.match(t) for t in toks if t.isalpha())


# "© 2024", "Copyright © 2024", "(c) 2019", "Copyright 2021"
_COPY_YEAR = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s?(?:©|\(c\))?\s?\d{4}\b", re.I)
_COPY_MAX_WORDS = 25


def is_copyright_notice(text: str, n_words: int) -> bool:
    """A short line with a copyright sign or word before a year.

    >>> is_copyright_notice("Copyright © 2023 Example Media", 4)
    True
    >>> is_copyright_notice("They sued for copyright infringement in 2013.", 7)
    False
    """
    if n_words > _COPY_MAX_WORDS or not ("©" in text or "(" in text or "pyright" in text.lower()):
        return False
    return _COPY_YEAR.search(text) is not None


def social_count(tokens: list[str]) -> int:
    """How many social-network names a line mentions.

    >>> social_count(words("Follow us on Twitter and Instagram"))
    2
    """
    if SOCIAL.isdisjoint(tokens):
        return 0
    return len(SOCIAL.intersection(tokens))


# "X is a senior writer for Y", "Sie ist Redakteurin bei Z", "schreibt seit 2008 für die taz".
_BIO = re.compile(
    r"\b(?:is|was|ist|war|est|était|es|fue|è|é|is een|jest)\s(?:\w+\s){0,4}?"
    r"(?:writer|editor|reporter|journalist|correspondent|columnist|contributor|"
    r"redakteur|redakteurin|journalistin|korrespondent|korrespondentin|autorin|"
    r"rédacteur|rédactrice|journaliste|chroniqueur|chroniqueuse|"
    r"periodista|redactor|redactora|corresponsal|columnista|"
    r"giornalista|redattore|redattrice|jornalista|redator|redatora|"
    r"redacteur|verslaggever|dziennikarz|dziennikarka)\b"
    r"|\b(?:writes|wrote|writing|schreibt|écrit|escribe|scrive|escreve|schrijft)\s(?:\w+\s){0,3}?"
    r"(?:for|about|für|über|pour|sur|para|sobre|per|su|voor)\b",
    re.I,
)


def is_author_bio(text: str) -> bool:
    """A sentence that presents the author: their trade or what they write for.

    >>> is_author_bio("Perry Bacon Jr. is a senior writer for FiveThirtyEight.")
    True
    >>> is_author_bio("Schreibt seit 2008 für die taz.")
    True
    >>> is_author_bio("The council is a partner of the library.")
    False
    """
    return _BIO.search(text) is not None
