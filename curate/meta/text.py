"""Unicode normalisation applied to every text and metadata value.

>>> normalize_text("caf\\u00c3\\u00a9\\u00a0 au  lait\\r\\nok ")
'café au lait\\nok'
>>> normalize_text("\\u201cHi\\u201d", unify_quotes=True)
'"Hi"'
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

# C0/C1 controls (not \n), zero-width space, word joiner, BOM, soft hyphen: dropped.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
# Two characters typical of UTF-8 read as cp1252/latin-1 ("Ã©", "â€™") or as cp1251 ("Ð°"):
# a cheap gate before ftfy's full (slow) badness check.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac"
    "\u2122]|[\u0420\u0421][\u0400-\u040f\u0450-\u045f\u00a0-\u00bf\u2018-\u2022"
    "\u2013\u2014\u2026\u2030\u2039\u203a\u20ac\u2116\u2122]"
)
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=False,
)


def normalize_text(text: str, *, unify_quotes: bool = False) -> str:
    """Repair mojibake, NFC, odd spaces and controls, collapse spaces, one blank line at most.

    Pure-ASCII text skips ftfy and NFC entirely (nothing to repair or compose); other text
    reaches ftfy only when a cheap scan finds a typical mojibake pair.
    """
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        if _MOJIBAKE_HINT.search(text) is not None and is_bad(text):
            text = ftfy.fix_text(text, _FTFY)
        text = unicodedata.normalize("NFC", text)
        if unify_quotes:
            text = text.translate(_QUOTES)
    text = _DROP.sub("", text)
    # str.split() splits on every Unicode space (NBSP, thin, ideographic, tabs...)
    text = "\n".join([" ".join(line.split()) for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()
