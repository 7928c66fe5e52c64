"""extract_metadata: dates by source and precision, updated vs published, fields, counts."""

from __future__ import annotations

import datetime as dt

from curate.clean.types import LineDecision as L
from curate.config import build_section
from curate.meta.config import MetaConfig
from curate.meta.extract import Hints, extract_metadata

BODY = (
    "La Chine est solidement attachée à la coopération internationale dans le cyberespace, "
    "a assuré mardi l'ambassadeur de Chine au Royaume-Uni lors de la conférence Cyber 2016."
)


def run(decisions: list[L], hints: Hints | None = None, **config: object) -> tuple[object, ...]:
    meta, _body = extract_metadata(decisions, hints or Hints(), MetaConfig(**config))  # type: ignore[arg-type]
    return meta.date, meta.date_precision, meta.date_source, meta.date_updated


def test_header_date_with_minute_precision() -> None:
    decisions = [
        L("Titre de l'article sur la coopération", False, "title"),
        L("2023-11-08 23:10", False, "date"),
        L(BODY, True, "body"),
    ]
    assert run(decisions) == ("2023-11-08T23:10", "minute", "header", None)


def test_published_kept_apart_from_updated() -> None:
    decisions = [
        L("Publié le 3 mars 2024 à 10h05, mis à jour le 4 mars 2024 à 12h00", False, "date"),
        L(BODY, True, "body"),
    ]
    assert run(decisions) == ("2024-03-03T10:05", "minute", "header", "2024-03-04T12:00")


def test_only_updated_gives_the_date() -> None:
    decisions = [L("Mis à jour le 4 mars 2024", False, "date"), L(BODY, True, "body")]
    assert run(decisions) == ("2024-03-04", "day", "header", "2024-03-04")


def test_a_quoted_record_field_is_not_the_date_line() -> None:
    decisions = [
        L("Titre de l'article sur la coopération", False, "title"),
        L("Mis à jour le 4 mars 2024", False, "date"),
        *[L(BODY, True, "body")] * 8,
        L("{", False, "menu"),
        L('"Timestamp": "2030-08-14 17:43:12",', False, "date"),
        L("}", False, "menu"),
        *[L(BODY, True, "body")] * 4,
    ]
    assert run(decisions) == ("2024-03-04", "day", "header", "2024-03-04")


def test_missing_year_is_inferred_from_the_body() -> None:
    decisions = [L("Dernière mise à jour à 13h40 le 25/05", False, "date"), L(BODY, True, "body")]
    assert run(decisions) == ("2016-05-25T13:40", "minute", "inferred", "2016-05-25T13:40")
    assert run(decisions, infer_year=False) == (None, None, None, None)


def test_inferred_year_never_after_the_reference() -> None:
    decisions = [
        L("Mis à jour le 25/05 à 13h40", False, "date"),
        L(BODY + " L'objectif est fixé pour 2030.", True, "body"),
    ]
    ref = Hints(fetch_date="2020-01-01")
    assert run(decisions, ref)[:3] == ("2016-05-25T13:40", "minute", "inferred")


def test_named_weekday_picks_the_inferred_year() -> None:
    # 9 March was a Thursday in 2023, a Saturday in 2024: the body's latest year loses
    body = BODY + " Le projet, lancé en 2023, doit aboutir en 2024."
    thursday = [L("Mis à jour le jeudi 9 mars à 13h40", False, "date"), L(body, True, "body")]
    assert run(thursday)[:3] == ("2023-03-09T13:40", "minute", "inferred")
    saturday = [L("Mis à jour le samedi 9 mars à 13h40", False, "date"), L(body, True, "body")]
    assert run(saturday)[:3] == ("2024-03-09T13:40", "minute", "inferred")
    # a weekday that no body year agrees with: no year rather than a wrong one
    sunday = [L("Mis à jour le dimanche 9 mars à 13h40", False, "date"), L(body, True, "body")]
    assert run(sunday) == (None, None, None, None)


def test_relative_date_needs_a_reference() -> None:
    decisions = [L("il y a 3 jours", False, "date"), L(BODY, True, "body")]
    assert run(decisions) == (None, None, None, None)
    assert run(decisions, Hints(fetch_date="2024-01-10T08:00:00Z"))[:3] == (
        "2024-01-07",
        "day",
        "header",
    )
    assert run(decisions, reference_date="2024-01-10")[:3] == ("2024-01-07", "day", "header")


def test_fields_and_meta_come_first() -> None:
    decisions = [L("12 mars 2021", False, "date"), L(BODY, True, "body")]
    assert run(decisions, Hints(date="2021-03-11"))[:3] == ("2021-03-11", "day", "field")
    assert run(decisions, Hints(meta_date="2021-03-12T09:30:00+01:00"))[:3] == (
        "2021-03-12T09:30",
        "minute",
        "meta",
    )
    assert run(decisions, Hints(meta_date="2021-03-12T09:30:00+01:00"), to_utc=True)[:3] == (
        "2021-03-12T08:30",
        "minute",
        "meta",
    )


def test_date_utc_is_the_instant_where_the_page_gives_a_time_zone() -> None:
    decisions = [L("12 mars 2021", False, "date"), L(BODY, True, "body")]
    late = Hints(meta_date="2022-05-03T22:46:00-03:00")
    meta, _ = extract_metadata(decisions, late, MetaConfig())
    # the page's own day in `date`, the next UTC day in `date_utc`
    assert (meta.date, meta.date_utc) == (
        "2022-05-03T22:46",
        dt.datetime(2022, 5, 4, 1, 46, tzinfo=dt.UTC),
    )
    meta, _ = extract_metadata(decisions, late, MetaConfig(to_utc=True))
    assert (meta.date, meta.date_utc) == ("2022-05-04T01:46", meta.date_utc)
    # no time zone, or no time: no instant
    for value in ("2022-05-03T22:46:00", "2022-05-03"):
        meta, _ = extract_metadata(decisions, Hints(meta_date=value), MetaConfig())
        assert (meta.date, meta.date_utc) == (value[:16], None)


def test_a_utc_markup_date_is_shown_in_the_clock_of_the_date_under_the_title() -> None:
    hints = Hints(meta_date="2022-05-04T00:25:00Z", meta_updated="2022-05-04T01:10:00Z")
    instant = dt.datetime(2022, 5, 4, 0, 25, tzinfo=dt.UTC)

    def under_title(date_line: str, **config: bool) -> tuple[object, ...]:
        decisions = [
            L("La coopération internationale dans le cyberespace", False, "title"),
            L(date_line, False, "date"),
            L(BODY, True, "body"),
        ]
        meta, _ = extract_metadata(decisions, hints, MetaConfig(**config))
        # the updated instant stays whatever clock `date_updated` is shown in
        assert meta.date_updated_utc == dt.datetime(2022, 5, 4, 1, 10, tzinfo=dt.UTC)
        return meta.date, meta.date_precision, meta.date_updated, meta.date_utc

    # the visible date and time are the same instant at -03:00; the updated one follows
    assert under_title("3 de mayo de 202221:25") == (
        "2022-05-03T21:25",
        "minute",
        "2022-05-03T22:10",
        instant,
    )
    # a visible day that some offset gives, without a matching time: the day alone
    assert under_title("3 de mayo de 2022") == ("2022-05-03", "day", "2022-05-04T01:10", instant)
    assert under_title("3 de mayo de 2022", to_utc=True)[:2] == ("2022-05-04T00:25", "minute")
    # a day no offset reaches is another date: the markup's stands
    assert under_title("1 de mayo de 2022")[:2] == ("2022-05-04T00:25", "minute")


def test_a_bare_midnight_is_no_time() -> None:
    decisions = [L("miércoles, 4 de mayo de 202200:00 hs", False, "date"), L(BODY, True, "body")]
    assert run(decisions)[:2] == ("2022-05-04", "day")


def test_header_refines_a_coarser_agreeing_meta_date() -> None:
    decisions = [L("12 mars 2021 à 09h30", False, "date"), L(BODY, True, "body")]
    assert run(decisions, Hints(meta_date="2021-03"))[:3] == ("2021-03-12T09:30", "minute", "meta")


def test_dates_before_min_year_or_after_reference_are_dropped() -> None:
    decisions = [L("12 mars 1850", False, "date"), L(BODY, True, "body")]
    assert run(decisions)[0] is None
    decisions = [L("12 mars 2030", False, "date"), L(BODY, True, "body")]
    assert run(decisions, Hints(fetch_date="2024-01-01"))[0] is None


def test_site_today_bar_loses_to_the_date_under_the_title() -> None:
    decisions = [
        L("Mercredi 8 juillet 2020", False, "date"),
        *[L(f"Rubrique {i}", False, "menu") for i in range(12)],
        L("La coopération internationale dans le cyberespace", False, "title"),
        L("Publié le 27 avril 2020", False, "date"),
        L(BODY, True, "body"),
    ]
    assert run(decisions)[:3] == ("2020-04-27", "day", "header")


def test_date_from_url() -> None:
    decisions = [L(BODY, True, "body")]
    hints = Hints(url="https://www.example.com/2021/03/05/une-histoire.html")
    meta, _ = extract_metadata(decisions, hints, MetaConfig())
    assert (meta.date, meta.date_source, meta.domain) == ("2021-03-05", "url", "example.com")


def test_other_fields() -> None:
    decisions = [
        L("La coopération dans le cyberespace", False, "title"),
        L("Par Jean Dupont", False, "byline"),
        L("12 mars 2021", False, "date"),
        L(BODY, True, "body"),
        L("[ Imprimer ]", False, "share"),
    ]
    meta, body = extract_metadata(decisions, Hints(url="http://www.site.fr/a"), MetaConfig())
    assert meta.title == "La coopération dans le cyberespace"
    assert meta.author == "Jean Dupont"
    assert (meta.url, meta.domain) == ("http://www.site.fr/a", "site.fr")
    assert (meta.language, meta.words, meta.chars) == ("fr", len(BODY.split()), len(BODY))
    assert meta.language_score is not None and meta.language_score > 0.9
    assert body == [BODY]


def test_declared_language_when_detection_abstains() -> None:
    decisions = [L("Ja.", True, "body")]
    meta, _ = extract_metadata(decisions, Hints(language="de-AT"), MetaConfig())
    assert (meta.language, meta.language_score) == ("de", None)


def test_prefix_and_dateline_are_cut() -> None:
    decisions = [L("date 2025-09-10 PÉKIN, 10 septembre 2025 /CNW/ - " + BODY, True, "body")]
    meta, body = extract_metadata(decisions, Hints(), MetaConfig())
    assert body == [BODY]
    assert (meta.dateline_place, meta.dateline_agency) == ("PÉKIN", "CNW")
    assert (meta.date, meta.date_source) == ("2025-09-10", "header")


def test_empty_document() -> None:
    meta, body = extract_metadata([], Hints(), MetaConfig())
    assert body == []
    assert (meta.title, meta.date, meta.language, meta.words) == (None, None, None, 0)


def test_config_from_toml_section() -> None:
    config = build_section(
        {"reference_date": "2024-01-01", "to_utc": False, "date_field": ["published"]},
        "meta",
        MetaConfig,
    )
    assert (config.reference_date, config.to_utc, config.date_field) == (
        "2024-01-01",
        False,
        ["published"],
    )


def test_plain_markup_date_loses_to_the_date_under_the_title() -> None:
    decisions = [
        L("La coopération internationale dans le cyberespace", False, "title"),
        L("27.01.2022", False, "date"),
        L(BODY, True, "body"),
    ]
    plain = Hints(meta_date="2021-12-20T11:02:44+01:00", meta_date_strength="plain")
    assert run(decisions, plain)[:3] == ("2022-01-27", "day", "header")
    strong = Hints(meta_date="2021-12-20T11:02:44+01:00", meta_date_strength="strong")
    assert run(decisions, strong)[:3] == ("2021-12-20T11:02", "minute", "meta")


def test_markup_updated_date_is_kept_apart() -> None:
    hints = Hints(meta_date="2021-03-05T10:00:00Z", meta_updated="2021-03-07T08:00:00Z")
    assert run([L(BODY, True, "body")], hints) == (
        "2021-03-05T10:00",
        "minute",
        "meta",
        "2021-03-07T08:00",
    )


def test_date_opening_the_first_paragraph() -> None:
    decisions = [
        L("Arbeitslosenquote im Januar", False, "title"),
        L(
            "01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet“, sagte die "
            "Vorsitzende der Bundesagentur am Dienstag in Nürnberg.",
            True,
            "body",
        ),
    ]
    assert run(decisions)[:3] == ("2022-02-01", "day", "header")


def test_date_glued_to_a_repeat_of_the_title() -> None:
    title = "Zentrum am Berg offiziell eröffnet"
    decisions = [
        L(title, False, "short"),
        L(BODY, True, "body"),
        *[L(f"Weitere Meldung {i}", False, "menu") for i in range(20)],
        L(title + "20.10.2021 - 10:24", False, "short"),
    ]
    assert run(decisions)[:3] == ("2021-10-20T10:24", "minute", "header")


def test_labelled_date_anywhere_when_the_header_has_none() -> None:
    decisions = [
        L("HE:Kassel/Stammtisch", False, "title"),
        L(BODY, True, "body"),
        *[L(f"Navigation {i}", False, "menu") for i in range(30)],
        L("Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.", False, "footer"),
    ]
    assert run(decisions) == ("2020-01-29T13:22", "minute", "header", "2020-01-29T13:22")


def test_a_list_of_dates_loses_to_the_one_under_the_title() -> None:
    teasers = []
    for day in (16, 15, 14, 10):
        teasers += [
            L(f"Veröffentlicht {day}.02.2022", False, "date"),
            L(f"Meldung {day}", True, "body"),
        ]
    decisions = [
        L("Pressemitteilung Aktuell 02. November 2021", False, "menu"),
        L("Autonome Waffensysteme dürfen nicht über Leben und Tod entscheiden", False, "title"),
        *[L(BODY, True, "body")] * 10,
        L("Weitere Artikel", False, "related"),
        *teasers,
    ]
    assert run(decisions)[:3] == ("2021-11-02", "day", "header")


def test_full_date_in_the_url_beats_a_far_header_line() -> None:
    decisions = [
        L("Mittwoch, 8. Juli 2020", False, "date"),
        *[L(f"Rubrique {i}", False, "menu") for i in range(12)],
        L(BODY, True, "body"),
    ]
    hints = Hints(url="https://example.org/2019/10/22/une-histoire/")
    assert run(decisions, hints)[:3] == ("2019-10-22", "day", "url")


def test_yearless_dateline_takes_the_year_of_an_agreeing_header_date() -> None:
    from curate.clean.types import LineDecision
    from curate.meta.config import MetaConfig
    from curate.meta.extract import Hints, extract_metadata

    decisions = [
        LineDecision("Le gouvernement veut relancer la consigne", False, "title"),
        LineDecision("2014-07-12 17:51", False, "date"),
        LineDecision(
            "TOULOUSE, 12 juillet (Belga) — L'objectif 2029 fixé par l'Union européenne est "
            "de 90 %, et 68 % des emballages ont été recyclés en 2017.",
            True,
            "body",
        ),
    ]
    meta, body = extract_metadata(decisions, Hints(), MetaConfig())
    assert meta.date == "2014-07-12T17:51"
    assert (meta.dateline_place, meta.dateline_agency) == ("TOULOUSE", "Belga")
    assert body[0].startswith("L'objectif 2029")


def test_a_label_line_above_labels_the_date_below() -> None:
    """Scrapers split "Label:" and its date onto two lines: the label still counts."""
    title = L("Nahrungsergänzungsmittel: das dubiose Geschäft", False, "title")
    decisions = [
        title,
        L("Video vom 16.10.2019 18:15 Uhr", False, "date"),
        L(BODY, True, "body"),
        L("Video verfügbar bis:", False, "short"),
        L("14.10.2020 ∙ 14:00 Uhr", False, "date"),
    ]
    assert run(decisions) == ("2019-10-16T18:15", "minute", "header", None)
    decisions = [
        title,
        L("Veröffentlicht am:", False, "short"),
        L("03.02.2021", False, "date"),
        L("Zuletzt aktualisiert:", False, "short"),
        L("12.03.2021", False, "date"),
        L(BODY, True, "body"),
    ]
    assert run(decisions) == ("2021-02-03", "day", "header", "2021-03-12")
