"""Date candidates found by pattern, parsed with their true precision.

Whole raw lines defeat general date parsers, so candidates are cut out first with bounded
regexes. Common forms (ISO, numeric, month names in en/fr/de/es/it/pt/nl) are parsed here;
other month words go to dateparser on the short candidate only. Relative forms ("vor 3 Tagen")
resolve against a reference date, never the machine clock.

>>> looks_like_date_line("Dernière mise à jour à 13h40 le 25/05")
True
>>> looks_like_date_line("Le 8 novembre 2023, le président a prononcé un discours.")
False
>>> [m.value.utc().iso() for m in find_dates("Published: March 5, 2021, 10:04 a.m. ET")]
['2021-03-05T15:04']
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from curate.clean.tokens import cjk_count
from curate.meta.months import WEEKDAYS, _fold, has_month_name, month_number, weekday_number
from curate.meta.timezones import utc_offset

PRECISIONS = ("year", "month", "day", "minute")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date with only the parts the source gives; `year` is None until inferred.

    >>> PartialDate(2022, 11).iso(), PartialDate(2023, 11, 8, 23, 10).precision
    ('2022-11', 'minute')
    >>> PartialDate(2021, 3, 5, 23, 30, offset=60).utc().iso()
    '2021-03-05T22:30'

    `offset` (minutes east of UTC) is set when the source gives a time zone; the parts are
    then local time, and `utc()` converts them. `weekday` (Monday 0) is the weekday a
    yearless date names ("jeudi 9 mars", "3/9(木)"): evidence for its year.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None
    weekday: int | None = None

    @classmethod
    def of(cls, when: dt.datetime) -> PartialDate:
        """A datetime at minute precision (its offset kept where it has one).

        >>> PartialDate.of(dt.datetime(2022, 5, 4, 0, 25, tzinfo=dt.UTC)).iso()
        '2022-05-04T00:25'
        """
        delta = when.utcoffset()
        offset = None if delta is None else round(delta.total_seconds()) // 60
        return cls(when.year, when.month, when.day, when.hour, when.minute, offset)

    def instant(self) -> dt.datetime | None:
        """The UTC instant of a date with a time and a known offset, else None.

        >>> PartialDate(2022, 5, 3, 22, 46, offset=-180).instant()
        datetime.datetime(2022, 5, 4, 1, 46, tzinfo=datetime.timezone.utc)
        >>> PartialDate(2022, 5, 3, 22, 46).instant() is None
        True
        """
        utc = self.utc()
        if utc is self or utc.month is None or utc.day is None or utc.year is None:
            return None
        return dt.datetime(
            utc.year, utc.month, utc.day, utc.hour or 0, utc.minute or 0, tzinfo=dt.UTC
        )

    def utc(self) -> PartialDate:
        """The same instant in UTC (unchanged without a time or a known offset)."""
        if self.offset is None or self.hour is None or self.year is None:
            return self
        if self.month is None or self.day is None:
            return self
        local = dt.datetime(self.year, self.month, self.day, self.hour, self.minute or 0)
        when = local - dt.timedelta(minutes=self.offset)
        return PartialDate(when.year, when.month, when.day, when.hour, when.minute, 0)

    @property
    def precision(self) -> str:
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day" if self.hour is None else "minute"

    def iso(self) -> str | None:
        """ISO 8601 truncated to the precision; None while the year is unknown."""
        if self.year is None:
            return None
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
                if self.hour is not None:
                    out += f"T{self.hour:02d}:{self.minute or 0:02d}"
        return out

    def key(self) -> tuple[int, int, int, int, int]:
        """Sort key; missing parts count as the earliest."""
        return (self.year or 0, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in a text: span, value, and whether it is relative or yearless."""

    start: int
    end: int
    value: PartialDate
    kind: str  # "absolute" | "partial" (no year) | "relative"


def valid(year: int | None, month: int | None, day: int | None) -> bool:
    """Calendar check of the known parts.

    >>> valid(2023, 2, 29), valid(None, 2, 29), valid(2024, 13, None)
    (False, True, False)
    """
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if month is None or not 1 <= day <= 31:
            return False
        # every month has 28 days: the calendar only for the days past them
        if day > 28 and day > calendar.monthrange(year if year is not None else 2000, month)[1]:
            return False
    return year is None or 1000 <= year <= 2999


# --- patterns (every quantifier bounded) -----------------------------------------------------

_WORD = r"[^\W\d_]{3,14}"
# Numeric patterns open with the digit class, the look-behind just after it, so that `re`
# skips ahead to a digit instead of trying every position: `(\d(?<![\d.]\d)\d?)` is
# `(?<![\d.])(\d{1,2})`, three times faster.
# Scrapers join adjacent elements: a year (19xx/20xx) may be glued to the next element's
# day ("202221. Januar", "202119.11.2021", "202020 janvier"), time ("202221:25") or to a
# trailing count ("Januar 20220", a comment counter).
_GLUED_NEXT = r"(?<=(?:19|20)\d\d)(?=\d{1,2}(?:[.:/]|\.?\s{0,2}[^\W\d_]{3})|\d{1,3}(?!\S))"
_YEAR_END = r"(?:(?!\d)|" + _GLUED_NEXT + ")"
# A time may be glued to the year before it ("3 de mayo de 202221:25").
_TIME = (
    r"(?:(?<![\d:.])|(?<=(?:19|20)\d\d))([01]?\d|2[0-3])\s?(?:[:h]\s?([0-5]\d)(?![\d])(?::[0-5]\d(?:[.,]\d{1,6})?)?"
    r"|(?=\s?(?:[ap]\.?\s?m\b\.?|uhr\b|h\b)))"
    r"(?:\s?([ap])\.?\s?m\b\.?)?(?:\s?uhr\b)?(?:\s{0,2}(z\b|[+-]\d{2}:?\d{2}\b|(?:utc|gmt)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\b|[a-z]{2,5}\b))?"
)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
# What every `_TIME_RE` match holds: a digit, at most two spaces, then ":", "h", the "a" or
# "p" of am/pm or the "u" of "uhr". Searching it first is several times cheaper, and most
# dated lines hold no time.
_TIME_HINT = re.compile(r"\d\s{0,2}[:hapu]", re.IGNORECASE)
_ISO_RE = re.compile(
    r"(\d(?<![\d.,/-]\d)\d{3})([-/.])(\d{1,2})(?:\2(\d{1,2}))?"
    r"(?:(?:T|\s{1,2}|,\s?)(\d{2}):(\d{2})(?::\d{2}(?:[.,]\d{1,9})?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?"
    r"(?![\d]|[.,/-]\d)"
)
_DMY_NUM_RE = re.compile(
    r"(\d(?<![\d.,:/-]\d)\d?)([./-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})"
    r"(?:(?![\d]|[.,:/-]\d)|" + _GLUED_NEXT + ")"
)
# Day, month (number or word) and year set apart by one spaced `/` or `|`, as a scraper
# flattens a date drawn in separate boxes ("26 | 01 | 2022", "29 / Dezember / 2022").
_SPACED_DMY_RE = re.compile(
    r"(\d(?<![\d.,:/|-]\d)\d?)\.?\s{1,2}([/|])\s{1,2}(\d{1,2}|"
    + _WORD
    + r")\.?\s{1,2}\2\s{1,2}(\d{4})"
    r"(?![\d]|[.,/-]\d)"
)
_DM_NUM_RE = re.compile(r"(\d(?<![\d.,:/-]\d)\d?)([./])(\d{1,2})\.?(?![\d]|[.,:/]\d)")
_DMY_TXT_RE = re.compile(
    r"(\d(?<![\d.]\d)\d?)(?:\.|er|st|nd|rd|th|º|°)?\s{1,2}"
    # a weekday may sit between the day and the month ("31 Donnerstag Okt 2019")
    r"(?:(" + _WORD + r"),?\s{1,2}|de\s{1,2})?(" + _WORD + r")\.?,?"
    r"\s{1,2}(?:de\s{1,2}|del\s{1,2})?(\d{4})" + _YEAR_END
)
# Day, month word and year joined by one `-`, `.` or `/` ("21-Dec-2018", "21.dez.2018",
# "21/Dec/2018"), or year first ("2018-Dec-21").
_DMY_JOINED_RE = re.compile(r"(\d(?<![\w.-]\d)\d?)([-./])(" + _WORD + r")\2(\d{4})" + _YEAR_END)
_YMD_JOINED_RE = re.compile(r"(\d(?<![\w.-]\d)\d{3})([-./])(" + _WORD + r")\2(\d{1,2})(?![\w])")
# Hungarian year first, with a dot: "2018. december 21.", "2018. dec. 21." (the month in
# lower case: "… in 2018. May 3 …" is two sentences)
_Y_DOT_MD_RE = re.compile(
    r"(\d(?<![\w.-]\d)\d{3})\.\s{1,2}(" + _WORD + r")\.?\s{1,2}(\d{1,2})(?:\.(?!\d)|(?![\w.]))"
)
# Korean numeric dates, each part closed by a dot and a space: "2018. 12. 21."
_Y_DOT_SPACED_RE = re.compile(
    r"(\d(?<![\w.-]\d)\d{3})\.\s(\d{1,2})\.\s(\d{1,2})(?:\.(?!\d)|(?![\w.]))"
)
_MDY_TXT_RE = re.compile(
    r"(?<![\w.])(" + _WORD + r")\.?\s{1,2}(\d{1,2})(?:st|nd|rd|th)?,?"
    # a two-digit day may be glued to its year ("Apr 042013")
    r"(?:\s{1,2}(\d{4})|(?<=\s\d\d)((?:19|20)\d\d))" + _YEAR_END
)
# The C library's and `date`'s form: the time (and a zone) between the day and the year
# ("Jan 04 09:34 2021", "Mon Jan  4 09:34:00 UTC 2021").
_MD_TIME_Y_RE = re.compile(
    r"(?<![\w.])(" + _WORD + r")\s{1,2}(\d{1,2})\s{1,2}(\d{1,2}):(\d\d)(?::\d\d)?"
    r"(?:\s([A-Z]{2,5}))?\s{1,2}(\d{4})" + _YEAR_END
)
_MY_TXT_RE = re.compile(r"(?<![\w.])(" + _WORD + r")\.?,?\s{1,2}(?:de\s{1,2})?(\d{4})" + _YEAR_END)
_DM_TXT_RE = re.compile(
    r"(\d(?<![\d.]\d)\d?)(?:\.|er|st|nd|rd|th)?\s{1,2}(?:de\s{1,2})?(" + _WORD + r")\b\.?"
)
_MD_TXT_RE = re.compile(r"(?<![\w.])(" + _WORD + r")\.?\s{1,2}(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
# Chinese, Japanese and Korean dates: 2023年3月5日, 令和6年1月23日 (a Japanese era year),
# 2024년 2월 22일, a weekday in brackets, then maybe a time (15時42分, 오후 3시 10분,
# 下午3:30); also the yearless 3月5日.
_CJK_TIME = (
    r"(?:\s{0,2}[(（][^)）\d]{1,3}[)）])?(?:\s{0,2}(上午|下午|午前|午後|오전|오후)?\s{0,2}"
    r"(\d{1,2})\s?(?:[時时시]\s?(?:(\d{1,2})\s?[分분])?|:(\d{2})(?!\d)))?"
)
_CJK_YMD_RE = re.compile(
    r"(?:(\d(?<![\d.]\d)\d{3})|(令和|平成|昭和)\s?(元|\d{1,2}))\s?[年년]\s?(\d{1,2})\s?[月월]"
    r"(?:\s?(\d{1,2})\s?[日일号號]" + _CJK_TIME + ")?"
)
# Japanese eras: the Gregorian year before each era's first year (元年, "year one").
_JA_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_CJK_MD_RE = re.compile(r"(\d(?<![\d.年년]\d)\d?)\s?[月월]\s?(\d{1,2})\s?[日일号號]" + _CJK_TIME)
_AFTERNOON = frozenset({"下午", "午後", "오후"})

_NUM_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "due": 2,
    "tre": 3,
    "um": 1,
    "uma": 1,
    "duas": 2,
    "een": 1,
    "twee": 2,
}
_NUM = (
    r"(\d{1,3}|an?|one|two|three|une?|deux|trois|eine[rm]?|ein|zwei|drei|una?|dos|tres|due|tre"
    r"|uma?|duas|een|twee)"
)
_UNIT_WORDS = (
    r"(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|heures?|jours?|semaines?|mois|ans?"
    r"|minuten|stunden?|std\.?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|minutos?|horas?"
    r"|d[ií]as?|semanas?|mes(?:es)?|años?|anos?|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]"
    r"|ann[oi]|uur|uren|dagen|dag|weken|maanden|jaar|jaren)"
)
_RELATIVE_RE = re.compile(
    r"\b(?:(?:vor|il\s{1,2}y\s{1,2}a|hace|há|ha)\s{1,2}"
    + _NUM
    + r"\s{1,2}"
    + _UNIT_WORDS
    + r"|"
    + _NUM
    + r"\s{1,2}"
    + _UNIT_WORDS
    + r"\s{1,2}(?:ago|fa|geleden)"
    + r")(?!\w)",
    re.IGNORECASE,
)
# More languages: a unit word (its common inflections) between an optional number and a cue
# after it ("3 дня назад", "godzinę temu", "3 gün önce", "för 3 dagar sedan", "3 ngày
# trước", "3 hari yang lalu"), or after one before it ("před 3 dny", "منذ 3 أيام", "לפני 3
# ימים", "acum 3 zile", "πριν από 3 ώρες"); Hungarian says it in one word ("3 napja").
_UNIT_FORMS = {
    "minute": "минуту минуты минут хвилину хвилини хвилин minutę minuty minut minutou minutami "
    "dakika minuter minutter minuutti minuuttia phút menit minit دقيقة دقائق דקה דקות minute "
    "λεπτό λεπτά دقیقه perce मिनट মিনিট",
    "hour": "час часа часов годину години годин godzinę godziny godzin hodinou hodinami saat "
    "timme timmar time timer tunti tuntia giờ jam ساعة ساعات שעה שעות oră ore ora ώρα ώρες "
    "ساعت órája घंटे घंटा ঘণ্টা ঘন্টা",
    "day": "день дня дней дні днів dzień dni dnem dny gün dag dagar dage dager päivä päivää "
    "ngày hari يوم أيام יום ימים zi zile μέρα μέρες ημέρα ημέρες روز napja दिन দিন",
    "week": "неделю недели недель тиждень тижні тижнів tydzień tygodnie tygodni týdnem týdny "
    "hafta vecka veckor uge uger uke uker viikko viikkoa tuần minggu أسبوع أسابيع שבוע שבועות "
    "săptămână săptămâni εβδομάδα εβδομάδες هفته hete हफ्ते हफ़्ते सप्ताह সপ্তাহ",
    "month": "месяц месяца месяцев місяць місяці місяців miesiąc miesiące miesięcy měsícem "
    "měsíci ay månad månader måned måneder kuukausi kuukautta tháng bulan شهر أشهر شهور חודש "
    "חודשים lună luni μήνα μήνες ماه hónapja महीने महीना মাস",
    "year": "год года лет рік роки років rok lata lat rokem roky lety yıl år vuosi vuotta năm "
    "tahun سنة سنوات عام أعوام שנה שנים an ani χρόνο χρόνια سال éve साल वर्ष বছর",
}
_UNIT_OF_FORM = {form: unit for unit, forms in _UNIT_FORMS.items() for form in forms.split()}
# The forms that say "one" without a number ("час назад", "před rokem", "לפני שנה").
_SINGULAR_TEXT = (
    "минуту час день неделю месяц год хвилину годину тиждень місяць рік minutę godzinę dzień "
    "tydzień miesiąc rok minutou hodinou dnem týdnem měsícem rokem دقيقة ساعة يوم أسبوع شهر "
    "سنة عام דקה שעה יום שבוע חודש שנה"
)
_SINGULAR_FORMS = frozenset(_SINGULAR_TEXT.split())
# The cue words of each pattern below (a pattern runs only where one of its cues is).
_AFTER_CUES = ("назад", "тому", "temu", "önce", "sitten", "sedan", "siden", "trước", "lalu", "پیش")
_BEFORE_CUES = ("před", "منذ", "לפני", "acum", "πριν")
_ONE_WORD_CUES = ("perce", "órája", "napja", "hete", "hónapja", "éve")
_INDIC_CUES = ("पहले", "আগে")
_RELATIVE_AFTER_RE = re.compile(
    r"(?<!\w)(?:(?:för|for)\s{1,2})?(?:(\d{1,3})\s{1,2})?([^\W\d_]{2,12})\s{1,2}"
    rf"(?:yang\s{{1,2}})?(?:{'|'.join(_AFTER_CUES)})(?!\w)",
    re.IGNORECASE,
)
_RELATIVE_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{'|'.join(_BEFORE_CUES)})(?:\s{{1,2}}από)?\s{{1,2}}(?:(\d{{1,3}})\s{{1,2}})?"
    r"([^\W\d_]{2,12})(?!\w)",
    re.IGNORECASE,
)
# Hindi and Bengali: "3 दिन पहले", "৩ দিন আগে" (vowel signs are no word characters to `re`).
_RELATIVE_INDIC_RE = re.compile(
    rf"(\d{{1,3}})\s{{1,2}}(\S{{2,12}})\s{{1,2}}(?:{'|'.join(_INDIC_CUES)})(?!\S)"
)
_RELATIVE_ONE_WORD_RE = re.compile(
    rf"(?<!\w)(\d{{1,3}})\s{{1,2}}({'|'.join(_ONE_WORD_CUES)})(?!\w)"
)
# Chinese, Japanese and Korean: "3天前", "3時間前", "3시간 전".
_CJK_UNITS = {
    "分钟": "minute", "分鐘": "minute", "分": "minute", "분": "minute",
    "小时": "hour", "小時": "hour", "時間": "hour", "시간": "hour",
    "天": "day", "日": "day", "일": "day",
    "周": "week", "週": "week", "週間": "week", "주": "week",
    "个月": "month", "個月": "month", "か月": "month", "ヶ月": "month", "ケ月": "month",
    "개월": "month", "달": "month",
    "年": "year", "년": "year",
}  # fmt: skip
_RELATIVE_CJK_RE = re.compile(
    r"(\d{1,3})\s?("
    + "|".join(sorted(map(re.escape, _CJK_UNITS), key=len, reverse=True))
    + r")\s?[前전](?!\w)"
)
_DAY_WORD_RE = re.compile(
    r"\b(yesterday|today|hier|aujourd'hui|aujourd’hui|gestern|heute|ayer|hoy|ieri|oggi|ontem"
    r"|hoje|gisteren|vandaag|вчера|сегодня|вчора|сьогодні|wczoraj|dzisiaj|dziś|včera|dnes"
    r"|dün|bugün|igår|idag|eilen|tänään)\b",
    re.IGNORECASE,
)
_DAY_WORD_OFFSET = {
    "yesterday": 1,
    "hier": 1,
    "gestern": 1,
    "ayer": 1,
    "ieri": 1,
    "ontem": 1,
    "gisteren": 1,
    "вчера": 1,
    "вчора": 1,
    "wczoraj": 1,
    "vcera": 1,
    "dun": 1,
    "igar": 1,
    "eilen": 1,
}


def _unit_of(word: str) -> str:
    """Canonical unit of a relative-date unit word."""
    w = _fold(word).rstrip(".")
    for prefix, unit in (
        ("min", "minute"),
        ("h", "hour"),
        ("std", "hour"),
        ("stund", "hour"),
        ("or", "hour"),
        ("uur", "hour"),
        ("uren", "hour"),
        ("d", "day"),
        ("j", "day"),
        ("tag", "day"),
        ("giorn", "day"),
        ("w", "week"),
        ("semain", "week"),
        ("seman", "week"),
        ("settiman", "week"),
        ("mo", "month"),
        ("mes", "month"),
        ("maand", "month"),
        ("y", "year"),
        ("an", "year"),
        ("jahr", "year"),
        ("ano", "year"),
        ("ann", "year"),
        ("jaar", "year"),
    ):
        if w.startswith(prefix):
            return unit
    return "day"


def _relative_value(amount: int, unit: str, reference: dt.datetime) -> PartialDate | None:
    """Date `amount` units before `reference`, at the precision the unit allows."""
    if unit == "minute":
        when = reference - dt.timedelta(minutes=amount)
    elif unit == "hour":
        when = reference - dt.timedelta(hours=amount)
    elif unit == "day":
        when = reference - dt.timedelta(days=amount)
    elif unit == "week":
        when = reference - dt.timedelta(weeks=amount)
    elif unit == "month":
        index = reference.year * 12 + reference.month - 1 - amount
        return PartialDate(index // 12, index % 12 + 1)
    else:
        return PartialDate(reference.year - amount)
    return PartialDate(when.year, when.month, when.day)


def _year4(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


# --- time handling ---------------------------------------------------------------------------


def _parse_time(match: re.Match[str]) -> tuple[int, int, str | None] | None:
    """(hour, minute, zone notation or None) of a `_TIME_RE` match."""
    hour = int(match.group(1))
    minute = int(match.group(2)) if match.group(2) else 0
    ampm = (match.group(3) or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif match.group(2) is None and not re.search(r"uhr|h\b", match.group(0), re.IGNORECASE):
        return None
    zone = match.group(4)
    if zone and utc_offset(zone) is None:
        zone = None
    return hour, minute, zone


def _apply_time(value: PartialDate, hour: int, minute: int, zone: str | None) -> PartialDate:
    """Attach a local time, and its UTC offset when the zone is known."""
    offset = None
    if zone is not None and value.year is not None and value.month and value.day:
        offset = utc_offset(zone, dt.datetime(value.year, value.month, value.day, hour, minute))
    # the constructor, not `dataclasses.replace`: this runs for every dated time found
    return PartialDate(value.year, value.month, value.day, hour, minute, offset, value.weekday)


# --- candidate search ------------------------------------------------------------------------


_DIGIT_RE = re.compile(r"\d")
# What every numeric form holds: a digit, then a separator and a digit (`_ISO_RE`,
# `_DMY_NUM_RE`, `_DM_NUM_RE`) or a spaced `/` or `|` (`_SPACED_DMY_RE`).
_NUMERIC_SHAPE = re.compile(r"\d(?:[./-]\s?\d|\.?\s{1,2}[/|])")
_MONTH_WORD_RE = re.compile(r"[^\W\d_]{3,14}")


def has_month_word(text: str) -> bool:
    """True when a word of `text` is a month name or abbreviation.

    >>> has_month_word("3 Kommentare"), has_month_word("le 3 janv.")
    (False, True)
    """
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: word by word
        return any(month_number(word) is not None for word in _MONTH_WORD_RE.findall(text))
    return has_month_name(_MONTH_WORD_RE.findall(lower))


# The relative patterns beyond `_RELATIVE_RE`, each with the cue words it needs.
_CUED_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_RELATIVE_AFTER_RE, _AFTER_CUES),
    (_RELATIVE_BEFORE_RE, _BEFORE_CUES),
    (_RELATIVE_ONE_WORD_RE, _ONE_WORD_CUES),
    (_RELATIVE_INDIC_RE, _INDIC_CUES),
)
_BASE_CUES = ("vor", "il", "hace", "há", "ha", "ago", "fa", "geleden")  # `_RELATIVE_RE`'s
_RELATIVE_CUES = frozenset(
    [*_BASE_CUES, *(cue for _pattern, cues in _CUED_PATTERNS for cue in cues)]
)


def has_relative_cue(text: str) -> bool:
    """True when `text` has a word that opens or closes a relative date (`vor`, `ago`...),
    or the 前/전 ("before") of a Chinese, Japanese or Korean one.

    >>> has_relative_cue("il y a 2 heures"), has_relative_cue("3 дня назад")
    (True, True)
    >>> has_relative_cue("3天前"), has_relative_cue("le 3 mars")
    (True, False)
    """
    return bool(_cue_words(text)) or _cjk_relative(text)


def _cue_words(text: str) -> frozenset[str]:
    """The words of `text` that open or close a relative date."""
    return _RELATIVE_CUES.intersection(text.lower().replace(".", " ").replace(",", " ").split())


def _cjk_relative(text: str) -> bool:
    return ("前" in text or "전" in text) and _RELATIVE_CJK_RE.search(text) is not None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _iso_matches(text: str) -> Iterator[DateMatch]:
    for m in _ISO_RE.finditer(text):
        year, sep, month = int(m.group(1)), m.group(2), int(m.group(3))
        day = int(m.group(4)) if m.group(4) else None
        if day is None and sep == ".":
            continue  # "2021.5" is a number
        if not valid(year, month, day):
            continue
        value = PartialDate(year, month, day)
        if day is not None and m.group(5):
            hour, minute = int(m.group(5)), int(m.group(6))
            if hour < 24:
                zone = m.group(7)
                midnight = hour == 0 and minute == 0
                # a bare midnight is how many systems write "date only": keep day precision
                if not midnight:
                    value = _apply_time(value, hour, minute, zone)
        yield DateMatch(m.start(), m.end(), value, "absolute")


def _numeric_matches(text: str, month_first: bool) -> Iterator[DateMatch]:
    for m in _DMY_NUM_RE.finditer(text):
        a, sep, b, year_text = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if sep == "-" and len(year_text) == 2:
            continue  # "12-05-21": too ambiguous
        year = _year4(year_text)
        day, month = (b, a) if (month_first and sep == "/" and b <= 31 and a <= 12) else (a, b)
        if month > 12 and day <= 12:
            day, month = month, day
        if valid(year, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(year, month, day), "absolute")


def _spaced_matches(text: str, month_first: bool) -> Iterator[DateMatch]:
    """`_SPACED_DMY_RE` and `_Y_DOT_SPACED_RE` dates.

    >>> [m.value.iso() for m in _spaced_matches("26 | 01 | 2022 · 29 / Dezember / 2022", False)]
    ['2022-01-26', '2022-12-29']
    >>> [m.value.iso() for m in _spaced_matches("입력 2018. 12. 21. 오후 3:10", False)]
    ['2018-12-21']
    """
    for m in _Y_DOT_SPACED_RE.finditer(text):
        ymd = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if valid(*ymd):
            yield DateMatch(m.start(), m.end(), PartialDate(*ymd), "absolute")
    for m in _SPACED_DMY_RE.finditer(text):
        day, middle, year = int(m.group(1)), m.group(3), int(m.group(4))
        month = int(middle) if middle.isdigit() else month_number(middle)
        if middle.isdigit() and month_first and m.group(2) == "/" and day <= 12:
            day, month = int(middle), day
        if month is not None and valid(year, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(year, month, day), "absolute")


def _text_matches(text: str, partial: bool) -> Iterator[DateMatch]:
    for m in _DMY_TXT_RE.finditer(text):
        weekday, month = m.group(2), month_number(m.group(3))
        day, year = int(m.group(1)), int(m.group(4))
        if weekday is not None and _fold(weekday) not in WEEKDAYS:
            continue
        if month is not None and valid(year, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(year, month, day), "absolute")
    yield from _month_word_matches(text, _DMY_JOINED_RE, (1, 3, 4))
    yield from _month_word_matches(text, _YMD_JOINED_RE, (4, 3, 1))
    yield from _month_word_matches(text, _Y_DOT_MD_RE, (3, 2, 1), lower_month=True)
    for m in _MDY_TXT_RE.finditer(text):
        month = month_number(m.group(1))
        day, year = int(m.group(2)), int(m.group(3) or m.group(4))
        if month is not None and valid(year, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(year, month, day), "absolute")
    for m in _MD_TIME_Y_RE.finditer(text):
        month, zone = month_number(m.group(1)), m.group(5)
        day, hour, minute, year = (int(m.group(i)) for i in (2, 3, 4, 6))
        if month is not None and valid(year, month, day) and hour <= 23 and minute <= 59:
            value = _apply_time(PartialDate(year, month, day), hour, minute, zone)
            yield DateMatch(m.start(), m.end(), value, "absolute")
    for m in _MY_TXT_RE.finditer(text):
        month = month_number(m.group(1))
        if month is not None and m.group(1).lower() not in _WEAK_MONTHS:
            year = int(m.group(2))
            if valid(year, month, None):
                yield DateMatch(m.start(), m.end(), PartialDate(year, month), "absolute")
    if not partial:
        return
    for m in _DM_TXT_RE.finditer(text):
        month = month_number(m.group(2))
        day = int(m.group(1))
        if month is not None and valid(None, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(None, month, day), "partial")
    for m in _MD_TXT_RE.finditer(text):
        month = month_number(m.group(1))
        day = int(m.group(2))
        if month is not None and m.group(1).lower() not in _WEAK_MONTHS and valid(None, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(None, month, day), "partial")


def _cjk_time(value: PartialDate, match: re.Match[str], first: int) -> PartialDate:
    """`value` with the time of `_CJK_TIME`'s groups, from group `first` on (when valid)."""
    half, hour_text, minute_a, minute_b = match.group(first, first + 1, first + 2, first + 3)
    if hour_text is None:
        return value
    hour, minute = int(hour_text), int(minute_a or minute_b or 0)
    if half in _AFTERNOON and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return value
    return replace(value, hour=hour, minute=minute)


def _cjk_matches(text: str, partial: bool) -> Iterator[DateMatch]:
    """Dates written with 年/月/日 (Chinese, Japanese, with a Japanese era year too) or
    년/월/일 (Korean).

    >>> [m.value.iso() for m in _cjk_matches("发布时间：2023年3月5日 下午3:30 来源", False)]
    ['2023-03-05T15:30']
    >>> [m.value.iso() for m in _cjk_matches("입력 2024년 2월 22일 (목) 오후 3시 10분", False)]
    ['2024-02-22T15:10']
    >>> [m.value.iso() for m in _cjk_matches("令和6年1月23日、令和元年5月", False)]
    ['2024-01-23', '2019-05']
    >>> [(m.value.month, m.value.day) for m in _cjk_matches("3月5日电", True)]
    [(3, 5)]
    """
    for m in _CJK_YMD_RE.finditer(text):
        year_text, era, era_year, month_text, day_text = m.group(1, 2, 3, 4, 5)
        if era is not None:
            year = _JA_ERAS[era] + (1 if era_year == "元" else int(era_year))
        else:
            year = int(year_text)
        month, day = int(month_text), int(day_text) if day_text else None
        if valid(year, month, day):
            value = PartialDate(year, month, day)
            if day is not None:
                value = _cjk_time(value, m, 6)
            yield DateMatch(m.start(), m.end(), value, "absolute")
    if not partial:
        return
    for m in _CJK_MD_RE.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if valid(None, month, day):
            value = _cjk_time(PartialDate(None, month, day), m, 3)
            yield DateMatch(m.start(), m.end(), value, "partial")


# Indic scripts (Devanagari to Sinhala) and Thai: their vowel signs are not word characters
# to `re`, so their month names need a class of their own ("21 दिसंबर 2018", "ডিসেম্বর ২১,
# ২০১৮", "21 ธ.ค. 2561"; a year from 2400 on counts in the Buddhist era, 543 years ahead).
_INDIC = "\u0900-\u0e7f"
_INDIC_CHAR = re.compile(f"[{_INDIC}]")
_INDIC_DMY_RE = re.compile(
    r"(\d(?<![\d.]\d)\d?)\s{1,2}(["
    + _INDIC
    + r"]["
    + _INDIC
    + r".]{1,20})\.?,?\s{1,2}(\d{4})(?!\d)"
)
_INDIC_MDY_RE = re.compile(
    r"([" + _INDIC + r"][" + _INDIC + r".]{1,20})\.?\s{1,2}(\d{1,2}),?\s{1,2}(\d{4})(?!\d)"
)
_BUDDHIST_ERA = 543


def _indic_matches(text: str) -> Iterator[DateMatch]:
    """Dates with a month name in an Indic script.

    >>> [m.value.iso() for m in _indic_matches("अपडेटेड 21 दिसंबर 2018, 10:30 AM")]
    ['2018-12-21']
    >>> [m.value.iso() for m in _indic_matches("প্রকাশিত: ডিসেম্বর ২১, ২০১৮")]
    ['2018-12-21']
    >>> [m.value.iso() for m in _indic_matches("21 ธ.ค. 2561, 21 ธันวาคม 2018")]
    ['2018-12-21', '2018-12-21']
    """
    yield from _month_word_matches(text, _INDIC_DMY_RE, (1, 2, 3), buddhist=True)
    yield from _month_word_matches(text, _INDIC_MDY_RE, (2, 1, 3), buddhist=True)


def _month_word_matches(
    text: str,
    pattern: re.Pattern[str],
    groups: tuple[int, int, int],
    *,
    lower_month: bool = False,
    buddhist: bool = False,
) -> Iterator[DateMatch]:
    """The dates `pattern` finds, its `groups` holding the day, the month word (dots inside
    it ignored) and the year; with `lower_month`, only a month word in lower case counts;
    with `buddhist`, a year from 2400 on is a Buddhist-era one."""
    day_group, month_group, year_group = groups
    for m in pattern.finditer(text):
        word = m.group(month_group)
        month = month_number(word.replace(".", ""))
        if month is None or (lower_month and not word.islower()):
            continue
        day, year = int(m.group(day_group)), int(m.group(year_group))
        if buddhist and year >= 2400:
            year -= _BUDDHIST_ERA
        if valid(year, month, day):
            yield DateMatch(m.start(), m.end(), PartialDate(year, month, day), "absolute")


# Vietnamese: "ngày 21 tháng 12 năm 2018", "21 tháng 12, 2018" (day, "month" and its number,
# then the year).
_VI_DMY_RE = re.compile(
    r"(\d(?<![\d.]\d)\d?)\s{1,2}[tT]háng\s{1,2}(\d{1,2})(?:\s{0,2},\s{0,2}|\s{1,2}(?:năm\s{1,2})?)"
    r"(\d{4})(?!\d)"
)


def _vietnamese_matches(text: str) -> Iterator[DateMatch]:
    """`_VI_DMY_RE` dates.

    >>> [m.value.iso() for m in _vietnamese_matches("Thứ sáu, ngày 21 tháng 12 năm 2018")]
    ['2018-12-21']
    """
    for m in _VI_DMY_RE.finditer(text):
        ymd = int(m.group(3)), int(m.group(2)), int(m.group(1))
        if valid(*ymd):
            yield DateMatch(m.start(), m.end(), PartialDate(*ymd), "absolute")


def _partial_numeric_matches(text: str, month_first: bool) -> Iterator[DateMatch]:
    """Yearless `25/05` and `25.05.` (`3/9` is March 9th with `month_first`).

    >>> [(m.value.month, m.value.day) for m in _partial_numeric_matches("3/9", True)]
    [(3, 9)]
    """
    for m in _DM_NUM_RE.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        if month_first and m.group(2) == "/" and day <= 12:
            day, month = month, day
        if valid(None, month, day) and (m.group(2) == "/" or m.group(0).endswith(".")):
            yield DateMatch(m.start(), m.end(), PartialDate(None, month, day), "partial")


# Month abbreviations that are common words when not next to a day number.
_WEAK_MONTHS = frozenset({"mar", "may", "mai", "mag", "set", "out", "gen", "mes", "jun", "jul"})


def _relative_matches(
    text: str, reference: dt.datetime | None, cues: frozenset[str]
) -> Iterator[DateMatch]:
    """Relative dates of `text`, whose cue words are `cues` (each pattern runs only where
    one of its cue words is)."""
    if not cues.isdisjoint(_BASE_CUES):
        for m in _RELATIVE_RE.finditer(text):
            number = m.group(1) or m.group(3)
            unit_word = m.group(2) or m.group(4)
            amount = int(number) if number.isdigit() else _NUM_WORDS.get(number.lower(), 1)
            yield _relative_match(m, amount, _unit_of(unit_word), reference)
    for pattern, pattern_cues in _CUED_PATTERNS:
        if cues.isdisjoint(pattern_cues):
            continue
        for m in pattern.finditer(text):
            number, form = m.group(1), m.group(2).lower()
            unit = _UNIT_OF_FORM.get(form)
            if unit is not None and (number is not None or form in _SINGULAR_FORMS):
                yield _relative_match(m, int(number or 1), unit, reference)
    if "前" in text or "전" in text:
        for m in _RELATIVE_CJK_RE.finditer(text):
            yield _relative_match(m, int(m.group(1)), _CJK_UNITS[m.group(2)], reference)


def _relative_match(
    match: re.Match[str], amount: int, unit: str, reference: dt.datetime | None
) -> DateMatch:
    value = _relative_value(amount, unit, reference) if reference is not None else None
    return DateMatch(match.start(), match.end(), value or PartialDate(None), "relative")


def find_dates(
    text: str,
    *,
    partial: bool = True,
    month_first: bool = False,
    reference: dt.datetime | None = None,
    with_time: bool = True,
) -> list[DateMatch]:
    """Dates in `text`, in order, non-overlapping, times attached (with the zone's offset).

    `partial` also finds yearless forms (`25/05`, `5 mars`) and relative ones; meant for
    short header lines, not running text. `month_first` reads `03/05/2021` the US way.

    >>> [m.value.iso() for m in find_dates("Mis à jour le 3 janv. 2024 à 10h05")]
    ['2024-01-03T10:05']
    >>> find_dates("le 25/05")[0].value
    PartialDate(year=None, month=5, day=25, hour=None, minute=None, offset=None, weekday=None)
    """
    digit = _DIGIT_RE.search(text) is not None
    if not digit and not partial:
        return []
    if len(text) > _CACHED_CHARS:
        return _find_dates(text, partial, month_first, reference, with_time, digit)
    # the cache key leaves out what cannot change the answer, so that the steps' calls on
    # one line share it: the month order reads "/" dates only, the reference relative ones
    month_first = month_first and "/" in text
    reference = reference if partial else None
    return list(_cached_dates(text, partial, month_first, reference, with_time, digit))


# Lines up to this long have their dates cached: the cleaner, the title and the date steps
# look at the same header lines, and sites repeat their date and "today" lines.
_CACHED_CHARS = 200


@lru_cache(maxsize=8192)
def _cached_dates(
    text: str,
    partial: bool,
    month_first: bool,
    reference: dt.datetime | None,
    with_time: bool,
    digit: bool,
) -> tuple[DateMatch, ...]:
    return tuple(_find_dates(text, partial, month_first, reference, with_time, digit))


def _find_dates(
    text: str,
    partial: bool,
    month_first: bool,
    reference: dt.datetime | None,
    with_time: bool,
    digit: bool,
) -> list[DateMatch]:
    """`find_dates` without the cache."""
    found: list[DateMatch] = []
    spans: list[tuple[int, int]] = []
    # cheap gates first: most lines hold no numeric date shape and no month name
    sources: list[Iterator[DateMatch]] = []
    if digit:
        numeric = _NUMERIC_SHAPE.search(text) is not None
        if numeric:
            sources += [_iso_matches(text), _numeric_matches(text, month_first)]
            sources.append(_spaced_matches(text, month_first))
        if has_month_word(text):
            sources.append(_text_matches(text, partial))
        if "月" in text or "월" in text:  # every CJK date form has a month mark
            sources.append(_cjk_matches(text, partial))
        if "háng" in text:  # Vietnamese: tháng, "month"
            sources.append(_vietnamese_matches(text))
        if _INDIC_CHAR.search(text) is not None:
            sources.append(_indic_matches(text))
        if numeric and partial:
            sources.append(_partial_numeric_matches(text, month_first))
    if partial:
        cues = _cue_words(text)
        if cues or "前" in text or "전" in text:  # (`_relative_matches` reads CJK ones)
            sources.append(_relative_matches(text, reference, cues))
    for source in sources:
        for match in source:
            if not _overlaps(spans, match.start, match.end):
                found.append(match)
                spans.append((match.start, match.end))
    if partial and reference is not None:
        for m in _DAY_WORD_RE.finditer(text):
            if not _overlaps(spans, m.start(), m.end()):
                back = _DAY_WORD_OFFSET.get(_fold(m.group(1)), 0)
                when = reference - dt.timedelta(days=back)
                found.append(
                    DateMatch(
                        m.start(),
                        m.end(),
                        PartialDate(when.year, when.month, when.day),
                        "relative-word",
                    )
                )
                spans.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    if partial:
        found = [_with_weekday(text, m) if m.kind == "partial" else m for m in found]
    if with_time and found:
        found = _attach_times(text, found, spans)
    return found


# A weekday name just before a date ("jeudi 9 mars", "Do., 09.03."), or in brackets just
# after it ("3/9(木)", "3月9日（星期四）").
_WEEKDAY_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,12})\.?,?\s{0,2}$")
_BRACKETED_WEEKDAY = re.compile(r"[(（]([^\W\d_]{1,3})\.?[)）]")
_WEEKDAY_AFTER = re.compile(r"\s{0,2}" + _BRACKETED_WEEKDAY.pattern)


def _with_weekday(text: str, match: DateMatch) -> DateMatch:
    """A yearless day `match` with the weekday named beside it, if any.

    >>> [find_dates(text)[0].value.weekday for text in ("jeudi 9 mars", "Do., 09.03.", "3/9(木)")]
    [3, 3, 3]
    >>> find_dates("so 9 March")[0].value.weekday is None
    True
    """
    value = match.value
    if value.day is None:
        return match
    after = _WEEKDAY_AFTER.match(text, match.end)
    inner = _BRACKETED_WEEKDAY.search(text, match.start, match.end)
    before = _WEEKDAY_BEFORE.search(text, max(0, match.start - 14), match.start)
    for word in (
        after.group(1) if after else None,
        inner.group(1) if inner else None,
        before.group(1) if before else None,
    ):
        # "do", "so", "mi" are weekdays only as capitalised abbreviations ("Do., 9. März")
        if not word or (len(word) <= 2 and word.isascii() and word.islower()):
            continue
        weekday = weekday_number(word)
        if weekday is not None:
            return replace(match, value=replace(value, weekday=weekday))
    return match


def _attach_times(
    text: str, found: list[DateMatch], spans: list[tuple[int, int]]
) -> list[DateMatch]:
    """Give each day-precision date the nearest time within 25 characters of it."""
    if _TIME_HINT.search(text) is None:
        return found
    times = [
        (m.start(), m.end(), parsed)
        for m in _TIME_RE.finditer(text)
        if not _overlaps(spans, m.start(), m.end()) and (parsed := _parse_time(m)) is not None
    ]
    if not times:
        return found
    out: list[DateMatch] = []
    used: set[int] = set()
    for match in found:
        value = match.value
        if value.day is None or value.hour is not None or match.kind == "relative":
            out.append(match)
            continue
        best: int | None = None
        best_gap = 26
        for index, (start, end, _parsed) in enumerate(times):
            gap = start - match.end if start >= match.end else match.start - end
            if 0 <= gap < best_gap and index not in used:
                between = text[min(end, match.end) : max(start, match.start)]
                if not _has_other_text(between):
                    best, best_gap = index, gap
        if best is None:
            out.append(match)
            continue
        used.add(best)
        start, end, (hour, minute, zone) = times[best]
        if hour < 12 and start >= match.end and text[match.end : start].strip() in _AFTERNOON:
            hour += 12  # "2018. 12. 21. 오후 3:10"
        if hour or minute:  # a bare midnight ("00:00 hs") is how systems write "no time"
            value = _apply_time(value, hour, minute, zone)
        out.append(DateMatch(min(start, match.start), max(end, match.end), value, match.kind))
    return out


_GLUE_TEXT = (
    "à a at um alle às om le on de the ore h uhr et and y e o в у v ve kl klo kello saat "
    "오전 오후 上午 下午 午前 午後 เวลา"
)
_GLUE_WORDS = frozenset(_GLUE_TEXT.split())


def _has_other_text(between: str) -> bool:
    """True when the text between a date and a time holds more than glue words (or a
    weekday in brackets: `3/9(木) 18:45`)."""
    words = re.findall(r"[^\W\d_]+", _BRACKETED_WEEKDAY.sub(" ", between.lower()))
    return any(w not in _GLUE_WORDS and w not in WEEKDAYS for w in words) or len(words) > 3


# --- dateparser fallback ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _date_data_parser() -> Any:
    # imported on first use: most documents never need it
    date_module = importlib.import_module("dateparser.date")
    settings = {
        "REQUIRE_PARTS": ["year"],
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DATES_FROM": "past",
        # relative forms are resolved here, never through dateparser: a fixed base keeps
        # it away from the machine clock
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        "PARSERS": ["absolute-time"],
    }
    return date_module.DateDataParser(settings=settings)


@lru_cache(maxsize=4096)
def _dateparser_parse(candidate: str) -> PartialDate | None:
    """Parse a short candidate (month word in a language not tabled here) with dateparser."""
    if len(candidate) > 60:
        return None
    try:
        data = _date_data_parser().get_date_data(candidate)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    when = data.date_obj
    if when is None:
        return None
    period = data.period or "day"
    if period == "year":
        return PartialDate(when.year)
    if period == "month":
        return PartialDate(when.year, when.month)
    if period == "time":
        return PartialDate.of(when)
    return PartialDate(when.year, when.month, when.day)


# --- single values (HTML meta, JSONL fields) -------------------------------------------------

_EPOCH_RE = re.compile(r"\d{9,13}(?:\.\d{1,6})?")
_ISO_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT_RE = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:T?(\d\d)(\d\d)(?:\d\d)?)?")


def parse_date_value(value: str, *, month_first: bool = False) -> PartialDate | None:
    """Parse one metadata value (ISO, epoch seconds/ms, or free text) at its precision.

    >>> parse_date_value("2021-03-05T10:04:00-05:00").utc().iso()
    '2021-03-05T15:04'
    >>> parse_date_value("2020-05-12T00:00:00+02:00").iso()
    '2020-05-12'
    >>> parse_date_value("1614938640").iso()
    '2021-03-05T10:04'
    >>> parse_date_value("20210305").iso(), parse_date_value("20210305T1004").iso()
    ('2021-03-05', '2021-03-05T10:04')
    """
    value = value.strip()
    if not value or len(value) > 200:
        return None
    m = _COMPACT_RE.fullmatch(value)
    if m is not None:  # "20210305", "202103051004" (else perhaps an epoch)
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if valid(year, month, day):
            if m.group(4) is None:
                return PartialDate(year, month, day)
            hour, minute = int(m.group(4)), int(m.group(5))
            if hour < 24 and minute < 60:
                return PartialDate(year, month, day, hour, minute)
    if _EPOCH_RE.fullmatch(value):
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 11 else 1)
        return PartialDate.of(dt.datetime.fromtimestamp(seconds, tz=dt.UTC))
    m = _ISO_DAY_RE.fullmatch(value)
    if m is not None:  # the common "2021-03-05"
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return PartialDate(year, month, day) if valid(year, month, day) else None
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return PartialDate(year) if valid(year, None, None) else None
    found = find_dates(value, partial=False, month_first=month_first)
    if found:
        return found[0].value
    return _dateparser_parse(value) if len(value) <= 60 else None


# --- date lines ------------------------------------------------------------------------------

# Words that announce a date line (and may come with a name: "Par Matthieu Hy le 7 mai").
_CUE_WORDS_TEXT = """
    published publish posted post updated update modified created edited revised released
    written uploaded originally first last by date time publié publiée publie mis mise jour
    dernière modifié modifiée créé actualisé par veröffentlicht aktualisiert zuletzt geändert
    erstellt stand von vom datum erschienen aktualisierung publicado publicada actualizado
    actualizada actualización por fecha pubblicato pubblicata aggiornato aggiornata
    aggiornamento di data gepubliceerd bijgewerkt door atualizado atualizada
    发布 发布时间 发布日期 发布于 发表 发表于 发表时间 更新 更新时间 更新于 时间 日期 编辑
    公開 公開日 投稿 投稿日 更新日 最終更新日 配信 掲載 日付
    입력 수정 등록 기사입력 최종수정 작성 작성일 발행 업데이트 게재
"""
# Words that only frame a date: articles, prepositions, time and zone words.
_FRAME_WORDS_TEXT = """
    on at am pm a m p utc gmt z et est edt cet cest bst pst pdt cst cdt ct pt mt ist jst mez
    mesz wez wesz of the le la les l du de des à a au aux heure heures h mn min um uhr und
    zeit el del en las los y hora hace horas il alle ore fa op om geleden em às ago yesterday
    today hier aujourd hui gestern heute ayer hoy ieri oggi y
    上午 下午 午前 午後 时 時 分 오전 오후 시 분
"""
# Words that make a dated line something else: a deadline, a range, a period.
_VETO_WORDS_TEXT = """bis until till jusqu hasta fino tot seit since depuis desde ab termin
    termine release registriert registered joined beigetreten mitglied member event
    veranstaltung beginn start ende deadline frist anmeldeschluss einsendeschluss
    erscheinungsdatum geoffnet opening support findet aufgenommen geboren born"""
_CUE_WORDS = frozenset(_fold(w) for w in _CUE_WORDS_TEXT.split())
_LABEL_WORDS = _CUE_WORDS | frozenset(_fold(w) for w in _FRAME_WORDS_TEXT.split())
_VETO_WORDS = frozenset(_fold(w) for w in _VETO_WORDS_TEXT.split())
_NUMBER_RE = re.compile(r"\d+")
# Leftover (non-date, non-label) words a date line may carry, with and without a cue word.
_MAX_LEFT_CUED = 4
_MAX_LEFT_BARE = 1
_UPDATE_RE = re.compile(
    r"mis[e]?\s{1,2}à\s{1,2}jour|mise\s{1,2}a\s{1,2}jour|updated?\b|aktualisiert|aktualisierung"
    r"|geändert|modifi|actualiza|aggiornat|bijgewerkt|atualizad|zuletzt|\bstand\b|last\s{1,2}edited"
    r"|revised|更新|修改|수정|업데이트",
    re.IGNORECASE,
)
# A date line has few words: a date, a label, perhaps a name.
_MAX_LINE_SPACES = 20
_TOKEN_RE = re.compile(r"[^\W\d_]+")


def _word_count(tokens: list[str]) -> int:
    """Words among `tokens`, a run of Han or kana (written without spaces) counting one word
    per two characters.

    >>> _word_count(["par", "国务院发布了新规"])
    5
    """
    count = 0
    for token in tokens:
        han = cjk_count(token) if not token.isascii() else 0
        count += max(1, han // 2) if han else 1
    return count


def has_veto_word(text: str) -> bool:
    """True when `text` dates something other than the page: a deadline, event, sign-up.

    >>> has_veto_word("Registriert: 18.09.2008"), has_veto_word("Publié le 3 mars 2024")
    (True, False)
    """
    return any(_fold(w) in _VETO_WORDS for w in _TOKEN_RE.findall(text))


def is_update_label(text: str) -> bool:
    """True when `text` (a label before a date) says "updated" rather than "published".

    >>> is_update_label("Dernière mise à jour à"), is_update_label("Publié le")
    (True, False)
    """
    return _UPDATE_RE.search(text) is not None


def looks_like_date_line(line: str) -> bool:
    """True for a whole line that is a date/time or a published/updated line.

    >>> looks_like_date_line("2023-11-08 23:10"), looks_like_date_line("vor 3 Tagen")
    (True, True)
    >>> looks_like_date_line("Il est né le 3 mars 1990 à Paris, où il a grandi.")
    False
    """
    line = line.strip()
    if not line or len(line) > 160 or line.count(" ") > _MAX_LINE_SPACES:
        return False
    if _DIGIT_RE.search(line) is None and not has_relative_cue(line):
        return False
    return _date_line(line)


@lru_cache(maxsize=8192)
def _date_line(line: str) -> bool:
    """`looks_like_date_line` of a stripped, short line with a digit or a relative cue."""
    found = find_dates(line, partial=True)
    found = [m for m in found if m.kind != "relative-word"]
    if not found:
        return False
    pieces: list[str] = []
    last = 0
    for match in found:
        pieces.append(line[last : match.start])
        last = match.end
    pieces.append(line[last:])
    rest = " ".join(pieces)
    if _TIME_HINT.search(rest) is not None:
        rest = _TIME_RE.sub(" ", rest)
    tokens = [_fold(w) for w in _TOKEN_RE.findall(rest)]
    if any(t in _VETO_WORDS for t in tokens):
        return False
    cued = any(t in _CUE_WORDS for t in tokens)
    words = [t for t in tokens if t not in _LABEL_WORDS]
    words = [w for w in words if w not in WEEKDAYS and month_number(w) is None]
    count = _word_count(words)
    if count > (_MAX_LEFT_CUED if cued else _MAX_LEFT_BARE):
        return False
    if len(_NUMBER_RE.findall(rest)) >= 2:
        return False  # a table row or a list of figures
    if words and rest.rstrip().endswith((".", "!", "?", ";", "。", "！", "？")) and count >= 2:
        return False
    # a yearless or relative date needs a cue word ("Mis à jour") or nothing else around it
    return any(m.kind == "absolute" for m in found) or cued or not words
