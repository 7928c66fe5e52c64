"""Dates from a page's markup: each source, its rank, published kept apart from updated."""

from __future__ import annotations

import datetime as dt

import pytest

from curate.clean.config import CleanConfig
from curate.clean.html import extract_html
from curate.clean.render import parse_html
from curate.meta.htmldates import PageDates, page_dates
from curate.pipeline.process import process_row
from curate.settings import Settings


def dates(head: str, body: str = "<p>Text</p>") -> PageDates:
    root = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert root is not None
    return page_dates(root)


def ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


@pytest.mark.parametrize(
    ("head", "published"),
    [
        (
            '<meta property="article:published_time" content="2021-03-05T10:04:00+01:00">',
            "2021-03-05T10:04:00+01:00",
        ),
        ('<meta property="og:published_time" content="2021-03-05">', "2021-03-05"),
        ('<meta itemprop="datePublished" content="2021-03-05">', "2021-03-05"),
        ('<meta name="parsely-pub-date" content="2021-03-05T10:04:00Z">', "2021-03-05T10:04:00Z"),
        ('<meta name="sailthru.date" content="2021-03-05 10:04:00">', "2021-03-05 10:04:00"),
        ('<meta name="DC.date.issued" content="2021-03-05">', "2021-03-05"),
        ('<meta name="pubdate" content="20210305">', "20210305"),
    ],
)
def test_named_meta_tags(head: str, published: str) -> None:
    assert dates(head) == PageDates(published, None, "meta", "strong")


def test_named_meta_outranks_plain_meta_and_json_ld() -> None:
    head = (
        '<meta name="date" content="2021-06-01">'
        + ld('{"@type": "NewsArticle", "datePublished": "2021-04-01"}')
        + '<meta property="article:published_time" content="2021-03-05">'
    )
    assert dates(head).published == "2021-03-05"


def test_json_ld_in_a_graph_and_main_node_first() -> None:
    data = (
        '{"@graph": [{"@type": "VideoObject", "datePublished": "2020-01-01"},'
        ' {"@type": "NewsArticle", "datePublished": "2021-03-05T08:00:00Z",'
        ' "dateModified": "2021-03-06"}]}'
    )
    assert dates(ld(data)) == PageDates("2021-03-05T08:00:00Z", "2021-03-06", "json-ld", "strong")


def test_json_ld_in_cdata_and_a_list() -> None:
    data = '<![CDATA[ [{"@type": "BlogPosting", "datePublished": "2021-03-05"}] ]]>'
    assert dates(ld(data)).published == "2021-03-05"


def test_json_ld_beats_a_plain_date_meta() -> None:
    head = '<meta name="date" content="2021-06-01">' + ld('{"datePublished": "2021-03-05"}')
    assert dates(head) == PageDates("2021-03-05", None, "json-ld", "strong")


def test_plain_date_meta_is_plain() -> None:
    assert dates('<meta name="date" content="2021-06-01">') == PageDates(
        "2021-06-01", None, "meta", "plain"
    )
    assert dates('<meta name="DCTERMS.created" content="2021-06-01">').strength == "plain"


def test_json_ld_date_created_is_plain() -> None:
    assert dates(ld('{"@type": "Article", "dateCreated": "2021-03-05"}')) == PageDates(
        "2021-03-05", None, "json-ld", "plain"
    )


def test_itemprop_element_and_time_pubdate() -> None:
    body = '<p>By Ann <span itemprop="datePublished" content="2021-03-05">5 March</span></p>'
    assert dates("", body) == PageDates("2021-03-05", None, "element", "strong")
    body = '<article><time pubdate datetime="2021-03-05T10:00">5 March</time></article>'
    assert dates("", body) == PageDates("2021-03-05T10:00", None, "element", "strong")


def test_classed_element_reads_the_time_inside() -> None:
    body = (
        '<span class="posted-on">Posted on <time class="entry-date published" '
        'datetime="2020-01-20T08:40:32+01:00">20 janvier 2020</time></span>'
    )
    assert dates("", body) == PageDates("2020-01-20T08:40:32+01:00", None, "element", "plain")


def test_classed_element_text() -> None:
    body = '<div><span class="_publishingdate">07.11.2023</span><p>Text</p></div>'
    assert dates("", body) == PageDates("07.11.2023", None, "element", "plain")


def test_first_time_element_is_the_last_resort() -> None:
    body = '<p>Text</p><time datetime="2013-09-11T10:00:00-04:00">Sep 11</time>'
    assert dates("", body) == PageDates("2013-09-11T10:00:00-04:00", None, "element", "plain")


def test_date_published_in_a_state_script() -> None:
    state = '{"post": {"datePublished":"2013-09-11T10:00:00-04:00"}}'
    head = f"<script>window.__STATE__ = {state};</script>"
    assert dates(head) == PageDates("2013-09-11T10:00:00-04:00", None, "script", "plain")


@pytest.mark.parametrize("key", ["publishedDate", "published_at", "publicationDate"])
def test_other_publication_keys_in_a_state_script(key: str) -> None:
    head = f'<script type="application/json">{{"{key}": "soon", "{key}":"2016-05-04T10:00:00Z"}}'
    assert dates(head + "</script>") == PageDates("2016-05-04T10:00:00Z", None, "script", "plain")


def test_meta_line_date_class() -> None:
    body = (
        '<h1>Titel</h1><span class="entry-meta-date updated"><a href="/2021/04">'
        "7. April 2021</a></span><p>Text</p>"
    )
    assert dates("", body) == PageDates("7. April 2021", None, "element", "plain")


_META_AND_LD = '<meta property="article:published_time" content="2019-08-20T09:00:00Z">' + ld(
    '{"@type": "NewsArticle", "datePublished": "2019-06-03T09:00:00Z"}'
)


@pytest.mark.parametrize("shown", ["", "<span>Updated Aug 20, 2019</span>"])
def test_json_ld_first_when_only_its_day_is_shown(shown: str) -> None:
    body = f'<h1>Titel</h1><div class="byline"><a href="/a">Jun 3, 2019</a> · 4 min{shown}</div>'
    assert dates(_META_AND_LD, body) == PageDates("2019-06-03T09:00:00Z", None, "json-ld", "strong")


@pytest.mark.parametrize(
    "body", ["<p>Text</p>", "<p>20.08.2019</p>", "<p>Jun 3, 2019</p><p>Aug 20, 2019</p>"]
)
def test_meta_first_unless_only_json_ld_is_shown(body: str) -> None:
    assert dates(_META_AND_LD, body).source == "meta"


def test_broken_json_ld_is_read_by_pattern() -> None:
    head = ld('{"@type": "Article", "datePublished": "2021-03-05", }, oops')
    assert dates(head) == PageDates("2021-03-05", None, "script", "plain")


def test_modified_dates_only_fill_updated() -> None:
    head = (
        '<meta property="article:modified_time" content="2021-06-01T10:00:00Z">'
        '<meta property="og:updated_time" content="2021-06-02">'
    )
    assert dates(head) == PageDates(None, "2021-06-01T10:00:00Z", None, None)
    assert dates(ld('{"dateModified": "2021-06-01"}')).updated == "2021-06-01"


def test_modified_before_published_is_kept_as_written() -> None:
    head = (
        '<meta property="article:published_time" content="2021-06-02">'
        '<meta property="article:modified_time" content="2021-06-01">'
    )
    assert dates(head) == PageDates("2021-06-02", "2021-06-01", "meta", "strong")


def test_values_without_a_date_are_skipped() -> None:
    head = (
        '<meta property="article:published_time" content="soon">'
        '<meta name="date" content="2021-03-05">'
    )
    assert dates(head).published == "2021-03-05"
    assert dates('<meta name="date" content="">') == PageDates()


PAGE = """<html lang="de"><head><title>Waldwege gesperrt | Jagd</title>
<meta property="article:published_time" content="2022-01-25T14:45:00+01:00">
<meta property="article:modified_time" content="2022-01-26T14:30:00+01:00">
</head><body><h1>Waldwege gesperrt</h1>
<p>Immer wieder versperren Unbekannte Waldwege bei Otterfing mit Baumstämmen und Ästen, und
die Polizei ermittelt nun wegen Nötigung gegen die Verantwortlichen im Landkreis Miesbach.</p>
<p>Die Jäger der Region fordern seit Wochen, dass die Wege für Rettungsdienste frei bleiben.</p>
</body></html>"""


def test_extract_html_and_process_row_carry_both_dates() -> None:
    page = extract_html(PAGE, CleanConfig())
    assert (page.date, page.updated, page.date_strength) == (
        "2022-01-25T14:45:00+01:00",
        "2022-01-26T14:30:00+01:00",
        "strong",
    )
    raw = {"id": "a", "source": "a.html", "content": PAGE, "format": "html", "encoding": "utf-8"}
    row = process_row(raw, Settings())
    assert (row["date"], row["date_source"], row["date_updated"], row["date_utc"]) == (
        "2022-01-25T14:45",
        "meta",
        "2022-01-26T14:30",
        dt.datetime(2022, 1, 25, 13, 45, tzinfo=dt.UTC),
    )
    assert row["date_updated_utc"] == dt.datetime(2022, 1, 26, 13, 30, tzinfo=dt.UTC)
