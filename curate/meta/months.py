"""Month and weekday names (en, fr, de, es, it, pt, nl), lower-case, with abbreviations.

>>> MONTHS["janv"], MONTHS["märz"], MONTHS["settembre"]
(1, 3, 9)
"""

from __future__ import annotations

import unicodedata

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    # en, fr, de, es, it, pt, nl + abbreviations
    ("january", "jan", "janvier", "janv", "januar", "jänner", "jän", "enero", "ene", "gennaio",
     "gen", "janeiro", "januari"),
    ("february", "feb", "febr", "février", "févr", "fév", "februar", "febrero", "febbraio",
     "fevereiro", "fev", "februari"),
    ("march", "mar", "mars", "märz", "mär", "marzo", "março", "maart", "mrt"),
    ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    ("may", "mai", "mayo", "maggio", "mag", "maio", "mei"),
    ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho"),
    ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"),
    ("august", "aug", "août", "aout", "agosto", "ago", "augustus"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "settembre",
     "setembro"),
    ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro",
     "out"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "décembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre",
     "dezembro"),
)


def _fold(word: str) -> str:
    """Lower-case without accents: `"Févr"` → `"fevr"`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


MONTHS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names:
        MONTHS[_name] = _number
        MONTHS.setdefault(_fold(_name), _number)


def month_number(word: str) -> int | None:
    """Month of a name or abbreviation (a trailing dot is ignored), else None.

    >>> month_number("Sept."), month_number("AOÛT"), month_number("Tuesday")
    (9, 8, None)
    """
    key = word.rstrip(".").lower()
    return MONTHS.get(key) or MONTHS.get(_fold(key))


WEEKDAYS: frozenset[str] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo lunedì lunedi martedì
    martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica
    segunda terça terca quarta quinta sexta maandag dinsdag woensdag donderdag vrijdag zaterdag
    zondag""".split()
)
