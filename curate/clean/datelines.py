"""Is a line a date or update line? Uses `curate.meta.dates` when present, else a fallback.

The fallback accepts a short line made of date parts (numbers, month and weekday names),
times, and the words that frame them (`Publié le`, `Mis à jour`, `Updated`, `Stand:`…).

>>> looks_like_date_line("2023-11-08 23:10")
True
>>> looks_like_date_line("Dernière mise à jour à 13h40 le 25/05")
True
>>> looks_like_date_line("Le 7 novembre, le sommet a ouvert ses portes à Wuzhen.")
False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from curate.clean.tokens import words

_MONTHS = (
    "jan january janvier januar enero gennaio janeiro januari январь января "
    "feb february février fevrier februar febrero febbraio fevereiro februari февраль февраля "
    "mar march mars märz marz marzo março maart март марта "
    "apr april avril abril aprile апрель апреля "
    "may mai mayo maggio maio mei май мая "
    "jun june juin juni junio giugno junho июнь июня "
    "jul july juillet juli julio luglio julho июль июля "
    "aug august août aout agosto augustus август августа "
    "sep sept september septembre septiembre settembre setembro сентябрь сентября "
    "oct october octobre oktober octubre ottobre outubro октябрь октября "
    "nov november novembre noviembre novembro ноябрь ноября "
    "dec december décembre decembre dezember diciembre dicembre dezembro декабрь декабря"
)
_DAYS = (
    "mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo lunedì "
    "martedì mercoledì giovedì venerdì sabato domenica"
)
_FRAME = (
    "published publié publiée posted updated update last modified mis mise à jour jour "
    "dernière le la les à a at on am um uhr de del do of in h min et and stand veröffentlicht "
    "aktualisiert zuletzt geändert actualizado publicado pubblicato aggiornato atualizado "
    "gepubliceerd bijgewoornd bijgewerkt опубликовано обновлено в г года date datum fecha data "
    "time heure hora ora am pm gmt utc cet cest est edt pst mez mesz heures min mins ago il y "
    "depuis vor seit hace fa há geleden назад hours hour heures stunden horas ore minutes "
    "minuten minutos minuti days day jours tage días giorni dias dagen"
)
MONTH_WORDS = frozenset(_MONTHS.split())
_DATE_WORDS = MONTH_WORDS | frozenset(_DAYS.split())
_FRAME_WORDS = frozenset(_FRAME.split())
_NUMERIC = re.compile(r"\d{1,4}(?:[-/.:h]\d{1,4}){1,3}|\d{1,2}h\d{0,2}|\d{4}")
_ORDINAL = re.compile(r"^\d{1,4}(?:st|nd|rd|th|er|e|º|°)?$")
_CJK_DATE = re.compile(r"\d{2,4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?")


def fallback_looks_like_date_line(line: str) -> bool:
    """The private rule: a short line of date parts and framing words only."""
    text = line.strip()
    if not text or len(text) > 80:
        return False
    if _CJK_DATE.search(text):
        return len(text) <= 40
    toks = words(text)
    if not toks or len(toks) > 12:
        return False
    has_numeric = _NUMERIC.search(text) is not None
    dated = 0
    other = 0
    for tok in toks:
        if tok in _DATE_WORDS:
            dated += 1
        elif _ORDINAL.match(tok) or tok.isdigit():
            dated += 1 if len(tok) <= 4 else 0
        elif tok not in _FRAME_WORDS and not re.fullmatch(r"\d{1,2}h\d{0,2}", tok):
            other += 1
    month_named = any(t in _DATE_WORDS for t in toks)
    return other == 0 and dated >= 1 and (has_numeric or month_named)


def maybe_date_line(tokens: list[str], max_other: int = 3) -> bool:
    """Cheap pre-filter: at most `max_other` tokens that are neither numbers nor date or
    framing words (the full test is costly, most lines fail this one).

    >>> maybe_date_line(["dernière", "mise", "à", "jour", "à", "13h40", "le", "25", "05"])
    True
    """
    if not tokens or len(tokens) > 14:
        return False
    other = 0
    for tok in tokens:
        if tok in _DATE_WORDS or tok in _FRAME_WORDS or tok[:1].isdigit():
            continue
        other += 1
        if other > max_other:
            return False
    return True


def _resolve() -> Callable[[str], bool]:
    try:
        from curate.meta.dates import looks_like_date_line as shared
    except ImportError:
        return fallback_looks_like_date_line
    return shared


def looks_like_date_line(line: str) -> bool:
    """Whether `line` is only a date, time or update notice.

    Answers are cached by line (a pure memo: the answer depends on the digits too, so a
    cache keyed by the line's shape would make output depend on document order).
    """
    key = line
    found = _CACHE.get(key)
    if found is None:
        found = _looks(line)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = found
    return found


_CACHE: dict[str, bool] = {}
_CACHE_SIZE = 8192


_looks: Callable[[str], bool] = _resolve()
