"""Date candidates, precision, time zones, relative dates and date lines."""

from __future__ import annotations

import datetime as dt

import pytest

from curate.clean.types import LineDecision as L
from curate.meta.config import MetaConfig
from curate.meta.dates import PartialDate, find_dates, looks_like_date_line, parse_date_value
from curate.meta.extract import Hints, Metadata, extract_metadata


def isos(text: str, **kwargs: object) -> list[str | None]:
    return [m.value.iso() for m in find_dates(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11-08 23:10", ["2023-11-08T23:10"]),
        ("date 2022-11", ["2022-11"]),
        ("Mis à jour le 3 janv. 2024", ["2024-01-03"]),
        ("Publié le 12 mars 2024 à 10h05", ["2024-03-12T10:05"]),
        ("Veröffentlicht am 5. Oktober 2019, 10:30 Uhr", ["2019-10-05T10:30"]),
        ("Publicado el 5 de marzo de 2021", ["2021-03-05"]),
        ("Pubblicato il 3 settembre 2020 alle ore 12:00", ["2020-09-03T12:00"]),
        ("12.03.2021 | 14:35 Uhr", ["2021-03-12T14:35"]),
        ("März 2021", ["2021-03"]),
        ("Montag, 5. Oktober 2019", ["2019-10-05"]),
        ("10 septembre 2025", ["2025-09-10"]),
        # a date drawn in boxes, flattened with spaced separators
        ("26 | 01 | 2022", ["2022-01-26"]),
        ("29 / Dezember / 2022", ["2022-12-29"]),
        ("Seite 1 | 2 | 3", []),
        # the C library's form: the time between the day and the year
        ("Jan 04 09:34 2021", ["2021-01-04T09:34"]),
        ("Mon Jan  4 09:34:00 CET 2021", ["2021-01-04T09:34"]),
        ("Jan 04 25:10 2021", [None]),  # no such time: the yearless day alone
        # day, month word and year joined by one separator, or year first
        ("21.dez.2018 às 12h55", ["2018-12-21T12:55"]),
        ("21-Dec-2018", ["2018-12-21"]),
        ("[21/Dec/2018 10:30:00 +0000]", ["2018-12-21T10:30"]),
        ("2018-Dec-21", ["2018-12-21"]),
        ("v2.mai.2018", []),
        ("21-Foo-2018", []),
        # month names of more languages, and year-first forms
        ("نشر في 5 مايو 2021", ["2021-05-05"]),
        ("21 בדצמבר 2018", ["2018-12-21"]),
        ("21 დეკემბერი 2018", ["2018-12-21"]),
        ("Frissítve: 2018. december 21. 12:55", ["2018-12-21T12:55"]),
        ("In 2018. May 3 people came", []),
        ("입력 2018. 12. 21. 오후 3:10", ["2018-12-21T15:10"]),
        ("version 2018. 3. 4.5", []),
        ("Thứ sáu, ngày 21 tháng 12 năm 2018 10:30", ["2018-12-21T10:30"]),
        ("21 tháng 12, 2018", ["2018-12-21"]),
        ("अपडेटेड 21 दिसंबर 2018", ["2018-12-21"]),
        ("প্রকাশিত: ডিসেম্বর ২১, ২০১৮", ["2018-12-21"]),
        ("21 டிசம்பர் 2018", ["2018-12-21"]),
        ("21 دسمبر 2018", ["2018-12-21"]),
        # Thai, with a Buddhist-era year and a two-letter month abbreviation
        ("วันศุกร์ที่ 21 ธันวาคม 2561 เวลา 10:30 น.", ["2018-12-21T10:30"]),
        ("21 ธ.ค. 2561", ["2018-12-21"]),
        # a locale's month name that is a stop word elsewhere is not a month
        ("auprès des 2000 participants", []),
    ],
)
def test_absolute_dates(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


def utcs(text: str) -> list[str | None]:
    return [m.value.utc().iso() for m in find_dates(text)]


def test_time_zone_to_utc() -> None:
    assert utcs("Published: March 5, 2021, 10:04 a.m. ET") == ["2021-03-05T15:04"]
    assert isos("Published: March 5, 2021, 10:04 a.m. ET") == ["2021-03-05T10:04"]
    assert utcs("July 5, 2021 10:04 am ET") == ["2021-07-05T14:04"]
    assert utcs("2021-03-05T23:30:00+01:00") == ["2021-03-05T22:30"]
    assert utcs("5 mars 2021 à 00h30 CET") == ["2021-03-04T23:30"]
    assert utcs("5 mars 2021 à 00h30") == ["2021-03-05T00:30"]


def test_a_zone_in_the_c_library_form() -> None:
    (match,) = find_dates("Mon Jan  4 23:34:00 UTC 2021")
    assert match.value == PartialDate(2021, 1, 4, 23, 34, offset=0)
    (match,) = find_dates("Fri Mar 13 21:30:09 EST 2015")
    assert match.value.utc().iso() == "2015-03-14T02:30"
    (match,) = find_dates("Mon Oct 11 14:57:21 CEST 2021")
    assert match.value.utc().iso() == "2021-10-11T12:57"


def test_month_first_only_when_asked() -> None:
    assert isos("03/05/2021") == ["2021-05-03"]
    assert isos("03/05/2021", month_first=True) == ["2021-03-05"]
    assert isos("13/05/2021", month_first=True) == ["2021-05-13"]


def test_invalid_dates_are_dropped() -> None:
    assert isos("31.02.2021") == []
    assert isos("2021-13-01") == []


def test_yearless_dates_keep_no_year() -> None:
    found = find_dates("Dernière mise à jour à 13h40 le 25/05")
    assert [m.value for m in found] == [PartialDate(None, 5, 25, 13, 40)]
    assert found[0].value.iso() is None


def test_relative_dates_need_a_reference() -> None:
    assert [m.kind for m in find_dates("vor 3 Tagen")] == ["relative"]
    assert isos("vor 3 Tagen") == [None]
    ref = dt.datetime(2024, 1, 10, 12, 0)
    assert isos("vor 3 Tagen", reference=ref) == ["2024-01-07"]
    assert isos("il y a 2 heures", reference=ref) == ["2024-01-10"]
    assert isos("hace 2 meses", reference=ref) == ["2023-11"]
    assert isos("3 years ago", reference=ref) == ["2021"]
    assert isos("hier à 14h30", reference=ref) == ["2024-01-09T14:30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 дня назад", "2024-01-07"),
        ("час назад", "2024-01-10"),
        ("3 роки тому", "2021"),
        ("godzinę temu", "2024-01-10"),
        ("3 gün önce", "2024-01-07"),
        ("för 3 dagar sedan", "2024-01-07"),
        ("2 måneder siden", "2023-11"),
        ("3 päivää sitten", "2024-01-07"),
        ("před 3 dny", "2024-01-07"),
        ("3天前", "2024-01-07"),
        ("2時間前", "2024-01-10"),
        ("3시간 전", "2024-01-10"),
        ("wczoraj o 14:30", "2024-01-09T14:30"),
        ("3 ngày trước", "2024-01-07"),
        ("3 hari yang lalu", "2024-01-07"),
        ("منذ 3 أيام", "2024-01-07"),
        ("לפני שנה", "2023"),
        ("acum 2 ore", "2024-01-10"),
        ("πριν από 3 ημέρες", "2024-01-07"),
        ("3 napja", "2024-01-07"),
        ("3 दिन पहले", "2024-01-07"),
        ("২ ঘণ্টা আগে", "2024-01-10"),
    ],
)
def test_relative_dates_of_more_languages(text: str, expected: str) -> None:
    assert isos(text, reference=dt.datetime(2024, 1, 10, 12, 0)) == [expected]


def test_a_relative_cue_needs_a_unit_before_it() -> None:
    ref = dt.datetime(2024, 1, 10, 12, 0)
    assert isos("тому що 3 роки", reference=ref) == []
    assert isos("Il a dit cela 3 fois sedan", reference=ref) == []
    # a plural unit without a number names no amount
    assert isos("минут назад", reference=ref) == []
    assert isos("Bine ai venit acum ani", reference=ref) == []


def test_parse_date_value() -> None:
    assert parse_date_value("2021-03-05T10:04:00-05:00") == PartialDate(2021, 3, 5, 10, 4, -300)
    assert parse_date_value("2020-05-12T00:00:00+02:00") == PartialDate(2020, 5, 12)
    assert parse_date_value("2019") == PartialDate(2019)
    assert parse_date_value("1614938640") == PartialDate(2021, 3, 5, 10, 4, 0)
    assert parse_date_value("Fri, 05 Mar 2021 10:04:00 GMT") == PartialDate(2021, 3, 5, 10, 4, 0)
    assert parse_date_value("not a date") is None


def test_month_names_of_other_languages() -> None:
    assert isos("12 października 2020") == ["2020-10-12"]


@pytest.mark.parametrize(
    "line",
    [
        "2023-11-08 23:10",
        "Dernière mise à jour à 13h40 le 25/05",
        "Mis à jour le 3 janv. 2024",
        "Published: March 5, 2021, 10:04 a.m. ET",
        "vor 3 Tagen",
        "il y a 2 heures",
        "Publié le 12 mars 2024 à 10h05",
        "Veröffentlicht am 5. Oktober 2019, 10:30 Uhr",
        "Publicado el 5 de marzo de 2021",
        "Pubblicato il 3 settembre 2020 alle ore 12:00",
        "Stand: 12.03.2021",
        "By Evan Symon, August 14, 2020 2:30 pm",
        "Montag, 5. Oktober 2019",
        "Updated 10:30 AM EST, Fri March 5, 2021",
    ],
)
def test_date_lines(line: str) -> None:
    assert looks_like_date_line(line) is True


@pytest.mark.parametrize(
    "line",
    [
        "Le 8 novembre 2023, le président a prononcé un discours.",
        "Dans la matinée du 8 novembre 2023, le président Xi Jinping a prononcé un discours",
        "Il est né le 3 mars 1990 à Paris, où il a grandi.",
        "Am 5. März 2021 kam es zu einem Unfall.",
        "Contracting-Beratung (bis 31.12.2018)",
        "Lerndogmen und Bildungsmythen (4) 23. Januar 2020",
        "Hier klicken",
        "Page 2 of 10",
        "Tel. 01 23 45 67 89",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert looks_like_date_line(line) is False


def test_long_inputs_stay_fast() -> None:
    import time

    nasty = "1" * 5000 + " " + "a." * 3000 + " 12/" * 2000
    start = time.perf_counter()
    find_dates(nasty)
    looks_like_date_line(nasty[:150])
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-digit day glued to its year
        ("Sep 092015", ["2015-09-09"]),
        # a year glued to a trailing counter, to the next date, to the next day and month
        ("Vereinsnews3. März 20215", ["2021-03-03"]),
        ("04.06.201804.06.2018", ["2018-06-04"]),
        ("12 avril 201912 avril 2019", ["2019-04-12", "2019-04"]),
        # a weekday between the day and the month
        ("14 Freitag Feb 2020", ["2020-02-14"]),
        ("9 Tuesday, June 2015", ["2015-06-09"]),
    ],
)
def test_glued_and_weekday_forms(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


def test_glue_needs_a_plausible_year_and_a_weekday() -> None:
    assert isos("Juni 2018123456") == []
    # "the first Monday of March" is no day of March
    assert isos("le 1er lundi de mars 2020") == ["2020-03"]
    assert isos("5 Kapitel Okt 2019") == ["2019-10"]


def _meta(decisions: list[L]) -> Metadata:
    return extract_metadata(decisions, Hints(), MetaConfig())[0]


_BODY = (
    "Die Gemeinde hat am Abend beschlossen, den alten Bahnhof zu einem Kulturzentrum "
    "umzubauen, und die Arbeiten sollen im kommenden Frühjahr beginnen."
)


def test_opening_date_of_a_long_first_paragraph() -> None:
    decisions = [
        L("Der Bahnhof wird ein Kulturzentrum", False, "title"),
        L("(14. März 2023) " + _BODY * 4, True, "body"),
    ]
    meta = _meta(decisions)
    assert (meta.date, meta.date_source) == ("2023-03-14", "header")


def test_which_paragraph_dates_count() -> None:
    """A date inside the first two paragraphs is a body date; past them, a paragraph dates
    the page only by opening with its date or by a label."""
    title = L("Der Bahnhof wird ein Kulturzentrum", False, "title")
    inside = L("Die Arbeiten enden am 14. März 2023, sagt der Bürgermeister. " + _BODY, True, "p")
    plain = L(_BODY, True, "body")
    meta = _meta([title, inside, plain])
    assert (meta.date, meta.date_source) == ("2023-03-14", "body")
    assert _meta([title, plain, plain, inside]).date is None
    opening = L("14. März 2023 – " + _BODY, True, "body")
    meta = _meta([title, plain, plain, opening])
    assert (meta.date, meta.date_source) == ("2023-03-14", "header")
    labelled = L("Zuletzt geändert am 14. März 2023 von der Redaktion.", True, "body")
    meta = _meta([title, plain, plain, plain, plain, plain, plain, labelled])
    assert (meta.date, meta.date_source) == ("2023-03-14", "body")


def test_a_template_date_line_is_a_date_line() -> None:
    menu = [L(f"Rubrik {n}", False, "menu") for n in range(10)]
    decisions = [
        L("Der Bahnhof wird ein Kulturzentrum", False, "title"),
        L(_BODY, True, "body"),
        *menu,
        L("14.03.2023", False, "template"),
    ]
    assert _meta(decisions).date == "2023-03-14"
    # a bare month is an archive link, not the page's date
    decisions[-1] = L("März 2023", False, "template")
    assert _meta(decisions).date is None


def test_of_two_like_date_lines_the_nearer_to_the_title_wins() -> None:
    decisions = [
        L("Montag, 20. März 2023", False, "date"),
        L("14. März 2023", False, "date"),
        L("Der Bahnhof wird ein Kulturzentrum", False, "title"),
        L(_BODY, True, "body"),
    ]
    assert _meta(decisions).date == "2023-03-14"


def test_a_far_published_date_yields_to_an_updated_one_at_the_title() -> None:
    far = [L(f"Zeile {n} der Seitenleiste ohne Datum", False, "menu") for n in range(40)]
    decisions = [
        L("Der Bahnhof wird ein Kulturzentrum", False, "title"),
        L("Aktualisiert am 14.03.2023", False, "updated"),
        L(_BODY, True, "body"),
        *far,
        L("02.01.2021", False, "date"),
    ]
    meta = _meta(decisions)
    assert (meta.date, meta.date_updated) == ("2023-03-14", "2023-03-14")
