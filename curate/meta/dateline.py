"""Wire datelines (`PÉKIN, 10 septembre 2025 /CNW/ -`) and glued metadata prefixes.

>>> d = find_dateline("PÉKIN, 10 septembre 2025 /CNW/ - La conférence s'est tenue.")
>>> d.place, d.agency, d.date.iso(), d.rest
('PÉKIN', 'CNW', '2025-09-10', "La conférence s'est tenue.")
>>> strip_meta_prefix("date 2022-11 Du 9 au 11 novembre")
('date', '2022-11', 'Du 9 au 11 novembre')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curate.meta.dates import PartialDate, find_dates

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
# An upper-case place: "PÉKIN", "NEW YORK", "SAN FRANCISCO, Calif.", "RIO DE JANEIRO".
_PLACE_UPPER = (
    rf"[{_UP}][{_UP}'’.\-]{{1,30}}"
    rf"(?: [{_UP}][{_UP}'’.\-]{{0,30}}| de| del| da| am| an| la){{0,4}}"
    rf"(?:, [{_UP}][\w.]{{1,15}}\.?)?"
)
# A title-case place, only before an agency in brackets: "Berlin (dpa)".
_PLACE_TITLE = rf"[{_UP}][\w'’.\-]{{1,30}}(?: [{_UP}][\w'’.\-]{{1,30}}){{0,3}}"
_DASH = r"\s{0,3}[-–—]{1,2}\s{0,2}"
_SPACED_DASH = r"\s{1,3}[-–—]{1,2}\s{1,2}"
_AGENCY = r"[A-Za-z][\w&.\- ]{0,30}?"

# PLACE, DATE /AGENCY/ -
_SLASH_RE = re.compile(
    rf"^({_PLACE_UPPER}|{_PLACE_TITLE}),\s{{0,2}}([^/\n]{{4,40}}?)"
    rf"\s{{0,2}}/\s{{0,2}}({_AGENCY})\s{{0,2}}/{_DASH}"
)
# PLACE[, DATE] (AGENCY) -
_BRACKET_RE = re.compile(
    rf"^({_PLACE_UPPER}|{_PLACE_TITLE})(?:,\s{{0,2}}([^()\n]{{3,40}}?))?"
    rf"\s{{0,2}}\(({_AGENCY})\)(?:{_DASH}|\s{{0,2}}:\s{{1,2}})"
)
# PLACE[, DATE] -   (upper-case place only, no agency)
_PLAIN_RE = re.compile(rf"^({_PLACE_UPPER})(?:,\s{{0,2}}([^\n]{{3,40}}?))?{_SPACED_DASH}(?=\S)")
_UPPER_RE = re.compile(rf"{_PLACE_UPPER}")
# Chinese: [AGENCY][PLACE]M月D日电[（记者 …）] ("新华社北京3月5日电", "中新网3月5日电"); an
# agency's name ends in 社 or 网.
_HAN = r"[\u4e00-\u9fff]"
_ZH_RE = re.compile(
    rf"^({_HAN}{{1,6}}?[社网])?({_HAN}{{2,6}}?)?(\d{{1,2}}月\d{{1,2}}日)(?:\d{{1,2}}时)?[电讯]"
    r"(?:\s{0,2}[（(][^）)\n]{1,30}[）)])?\s{0,2}"
)
# One-word agencies need no list; longer names must be known ones.
_AGENCIES = frozenset(
    a.lower()
    for a in (
        "Agence France-Presse",
        "Associated Press",
        "Business Wire",
        "GLOBE NEWSWIRE",
        "PR Newswire",
        "Canada NewsWire",
        "Marketwired",
        "Europa Press",
        "Notimex",
        "Agenzia Nova",
        "Kyodo News",
        "Yonhap News",
        "Press Association",
    )
)

_PREFIX_RE = re.compile(
    r"^\s{0,3}(date|published|updated|pubdate|datetime|modified)\s{1,3}:?\s{0,2}"
    r"(\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?)"
    r"(?:\s{1,3}|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a paragraph, and the paragraph without it."""

    place: str | None
    agency: str | None
    date: PartialDate | None
    rest: str


def _date_of(text: str | None) -> PartialDate | bool | None:
    """Parsed date of the dateline's date part; False when that part is not a date."""
    if not text:
        return None
    found = find_dates(text, partial=True, with_time=False)
    if not found:
        return False
    return found[0].value


def find_dateline(paragraph: str) -> Dateline | None:
    """The wire dateline opening `paragraph`, or None.

    >>> find_dateline("PARIS (Reuters) - Stocks rose.").agency
    'Reuters'
    >>> find_dateline("WASHINGTON — The president said.").place
    'WASHINGTON'
    >>> find_dateline("Paris - Ville lumière") is None
    True
    >>> d = find_dateline("新华社北京3月5日电（记者 张三）国务院近日印发意见。")
    >>> d.agency, d.place, (d.date.month, d.date.day), d.rest
    ('新华社', '北京', (3, 5), '国务院近日印发意见。')
    """
    if "日" in paragraph[:40]:
        found = _zh_dateline(paragraph)
        if found is not None:
            return found
    for pattern in (_SLASH_RE, _BRACKET_RE, _PLAIN_RE):
        m = pattern.match(paragraph)
        if m is None:
            continue
        date = _date_of(m.group(2))
        if date is False:
            continue
        agency = m.group(3).strip() if pattern is not _PLAIN_RE else None
        upper = _UPPER_RE.fullmatch(m.group(1)) is not None
        long_name = agency is not None and (" " in agency or len(agency) > 12)
        if agency and not upper and long_name and agency.lower() not in _AGENCIES:
            continue
        rest = paragraph[m.end() :].lstrip()
        if not rest:
            return None
        place = m.group(1).strip().rstrip(",")
        value = date if isinstance(date, PartialDate) else None
        return Dateline(place, agency or None, value, rest)
    return None


def _zh_dateline(paragraph: str) -> Dateline | None:
    """A Chinese wire dateline (`_ZH_RE`) opening `paragraph`."""
    m = _ZH_RE.match(paragraph)
    if m is None or not (m.group(1) or m.group(2)):
        return None
    rest = paragraph[m.end() :]
    date = _date_of(m.group(3))
    if not rest or not isinstance(date, PartialDate):
        return None
    return Dateline(m.group(2), m.group(1), date, rest)


def strip_meta_prefix(line: str) -> tuple[str, str, str] | None:
    """`(key, ISO value, rest)` when `line` opens with a scraper's ` date 2022-11 ` prefix."""
    m = _PREFIX_RE.match(line)
    if m is None:
        return None
    return m.group(1).lower(), m.group(2), line[m.end() :]
