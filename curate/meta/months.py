"""Month and weekday names (en, fr, de, es, it, pt, nl), lower-case, with abbreviations
(weekdays in Chinese, Japanese and Korean too).

>>> MONTHS["janv"], MONTHS["märz"], MONTHS["settembre"]
(1, 3, 9)
"""

from __future__ import annotations

import importlib
import unicodedata
from functools import lru_cache

from curate.clean.stopwords import StopLists

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    # en, fr, de, es, it, pt, nl + abbreviations
    (
        "january",
        "jan",
        "janvier",
        "janv",
        "januar",
        "jänner",
        "jän",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
    ),
    (
        "february",
        "feb",
        "febr",
        "février",
        "févr",
        "fév",
        "februar",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
    ),
    ("march", "mar", "mars", "märz", "mär", "marzo", "março", "maart", "mrt"),
    ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    ("may", "mai", "mayo", "maggio", "mag", "maio", "mei"),
    ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho"),
    ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"),
    ("august", "aug", "août", "aout", "agosto", "ago", "augustus"),
    (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "set",
        "settembre",
        "setembro",
    ),
    ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    (
        "december",
        "dec",
        "décembre",
        "déc",
        "dezember",
        "dez",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ),
)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower-case without accents: `"Févr"` → `"fevr"`."""
    lower = word.lower()
    if lower.isascii():
        return lower
    decomposed = unicodedata.normalize("NFD", lower)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


MONTHS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names:
        MONTHS[_name] = _number
        MONTHS.setdefault(_fold(_name), _number)


# More languages, from dateparser's locale data (names claimed by two months are dropped).
LOCALE_LANGUAGES = (
    "pl",
    "cs",
    "sk",
    "ru",
    "uk",
    "be",
    "bg",
    "sr",
    "hr",
    "sl",
    "bs",
    "mk",
    "nl",
    "sv",
    "da",
    "nb",
    "nn",
    "fi",
    "et",
    "lv",
    "lt",
    "hu",
    "ro",
    "tr",
    "el",
    "ca",
    "gl",
    "eu",
    "af",
    "sq",
    "is",
    "ga",
    "cy",
    "id",
    "ms",
    "vi",
    "fil",
    "ar",
    "he",
    "sw",
    "az",
    "ka",
    "hy",
    "kk",
    "ur",
    "hi",
    "mr",
    "ne",
    "bn",
    "pa",
    "gu",
    "ta",
    "te",
    "kn",
    "ml",
    "si",
    "th",
)
_ENGLISH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


@lru_cache(maxsize=1)
def locale_months() -> dict[str, int]:
    """Month names of `LOCALE_LANGUAGES` (lower-case and accent-folded), loaded on first use;
    a name that is a stop word of some language is left out ("des", Indonesian December
    and a French article; "uno", "tra", "pro").

    >>> locale_months()["października"], locale_months()["января"], locale_months()["ديسمبر"]
    (10, 1, 12)
    >>> "des" in locale_months(), "uno" in locale_months()
    (False, False)
    """
    stop = StopLists.default()
    common = frozenset().union(*(stop.words(lang) for lang in stop.languages()))
    claims: dict[str, set[int]] = {}
    for language in LOCALE_LANGUAGES:
        try:
            module = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
        except ImportError:
            continue
        info = getattr(module, "info", {})
        for number, key in enumerate(_ENGLISH_KEYS, start=1):
            for name in info.get(key, []):
                if not isinstance(name, str) or " " in name:
                    continue
                thai = "\u0e00" <= name[:1] <= "\u0e7f"  # its abbreviations have 2 letters
                if len(name) >= 3 or thai:
                    for form in {name.lower(), _fold(name)}:
                        claims.setdefault(form.rstrip("."), set()).add(number)
    return {
        name: next(iter(numbers))
        for name, numbers in claims.items()
        if len(numbers) == 1
        and MONTHS.get(name, next(iter(numbers))) == next(iter(numbers))
        and name not in common
    }


@lru_cache(maxsize=1)
def month_keys() -> frozenset[str]:
    """Every lower-case name and abbreviation `month_number` knows, before folding."""
    return frozenset(MONTHS) | frozenset(locale_months())


def has_month_name(words: list[str]) -> bool:
    """True when one of the lower-case, dotless `words` is a month name or abbreviation
    (`month_number` of each, in a few set look-ups).

    >>> has_month_name(["le", "janv"]), has_month_name(["aout"]), has_month_name(["hier"])
    (True, True, False)
    """
    keys = month_keys()
    if not keys.isdisjoint(words):
        return True
    return any(_fold(word) in keys for word in words if not word.isascii())


@lru_cache(maxsize=65536)
def month_number(word: str) -> int | None:
    """Month of a name or abbreviation (a trailing dot is ignored), else None.

    >>> month_number("Sept."), month_number("AOÛT"), month_number("Tuesday")
    (9, 8, None)
    >>> month_number("stycznia")
    1
    """
    key = word.rstrip(".").lower()
    found = MONTHS.get(key)
    if found is not None or (len(key) < 3 and key.isascii()):
        return found
    extra = locale_months()
    found = extra.get(key)
    if found is None and not key.isascii():
        folded = _fold(key)
        found = MONTHS.get(folded) or extra.get(folded)
    return found


# Weekday names and abbreviations, Monday first (en, fr, de, es, it, pt, nl).
_WEEKDAY_NAMES: tuple[str, ...] = (
    "monday mon lundi lun montag mo lunes lunedì lunedi segunda maandag",
    "tuesday tue tues mardi dienstag di martes martedì martedi terça terca dinsdag",
    "wednesday wed mercredi mer mittwoch mi miércoles miercoles mercoledì mercoledi quarta "
    "woensdag",
    "thursday thu thur thurs jeudi jeu donnerstag do jueves giovedì giovedi quinta donderdag",
    "friday fri vendredi ven freitag fr viernes venerdì venerdi sexta vrijdag",
    "saturday sat samedi sam samstag sonnabend sa sábado sabado sabato zaterdag",
    "sunday sun dimanche dim sonntag so domingo domenica zondag",
)
_WEEKDAY_INDEX = {word: n for n, names in enumerate(_WEEKDAY_NAMES) for word in names.split()}
WEEKDAYS: frozenset[str] = frozenset(_WEEKDAY_INDEX)
# Japanese (月曜日), Korean (월요일) and Chinese (星期一, 周日) weekdays.
_CJK_WEEKDAYS = {
    **{c: n for n, c in enumerate("月火水木金土日")},
    **{c: n for n, c in enumerate("월화수목금토일")},
}
_ZH_WEEKDAYS = {**{c: n for n, c in enumerate("一二三四五六")}, "日": 6, "天": 6}
_ZH_WEEKDAY_PREFIXES = ("星期", "礼拜", "禮拜", "周", "週")


def weekday_number(word: str) -> int | None:
    """The weekday (Monday 0) a name or abbreviation stands for, in the languages of
    `MONTHS` and in Chinese, Japanese and Korean.

    >>> [weekday_number(w) for w in ("Jeudi", "Do.", "木", "星期四", "목요일", "周日", "mars")]
    [3, 3, 3, 3, 3, 6, None]
    """
    key = word.rstrip(".").lower()
    found = _WEEKDAY_INDEX.get(key)
    if found is not None or key.isascii():
        return found
    for prefix in _ZH_WEEKDAY_PREFIXES:
        if key.startswith(prefix):
            return _ZH_WEEKDAYS.get(key[len(prefix) :])
    key = key.removesuffix("曜日").removesuffix("曜").removesuffix("요일")
    return _CJK_WEEKDAYS.get(key) if len(key) == 1 else None
