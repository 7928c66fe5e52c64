"""Dates a page declares in its markup: meta tags, JSON-LD, `<time>`/`<abbr>` elements.

The published and the updated date are kept apart. The published date is taken from
the first source, in order of reliability, whose value parses as a date with a year:

1. meta tags whose name says publication (`article:published_time`, `og:published_time`,
   `itemprop=datePublished`, Dublin Core `issued`, Parse.ly, Sailthru, `pubdate`…);
2. JSON-LD `datePublished` (articles and pages before other nodes, `@graph` included);
   it goes first when it names another day than the meta tags and only its day is shown
   in the page's text (a CMS rewrites meta tags on later edits);
3. an element marked `itemprop=datePublished` or `<time pubdate>` (its `datetime`,
   `content` or `title` attribute, else its short text);
4. weaker (`strength="plain"`): meta tags with a bare date (`date`, `dc.date`,
   `dcterms.created`…), which may be the last edit's; JSON-LD `dateCreated`; a
   `"datePublished"` (`"publishedDate"`, `"published_at"`…) in another script (a page's
   state object); the first element whose class says `entry-date`, `published`,
   `post-date`, `entry-meta-date`…; the first `<time datetime>`.

Modification dates (`article:modified_time`, `og:updated_time`, `dateModified`,
`last-modified`) only fill the updated date (even when they come before the published
one: pages are written before a scheduled publication).

>>> from curate.clean.render import parse_html
>>> page = parse_html(
...     "<html><head><meta property='article:modified_time' content='2021-06-01'>"
...     "<script type='application/ld+json'>{\\"@graph\\": [{\\"@type\\": \\"NewsArticle\\","
...     " \\"datePublished\\": \\"2021-05-03T10:00:00+02:00\\"}]}</script></head>"
...     "<body><p>Text</p></body></html>")
>>> dates = page_dates(page)
>>> dates.published, dates.updated, dates.source, dates.strength
('2021-05-03T10:00:00+02:00', '2021-06-01', 'json-ld', 'strong')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lxml import etree

from curate.meta.dates import find_dates, is_update_label, parse_date_value

# Meta keys (property, name or itemprop, lower-case) that name the publication date, best
# first; they outrank JSON-LD.
_PUBLISHED_KEYS: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "article:publicationdate",
    "article:post_date",
    "datepublished",
    "rnews:datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.publication",
    "citation_publication_date",
    "publication_date",
    "publish_date",
    "publish-date",
    "published-date",
    "publishdate",
    "pubdate",
    "og:pubdate",
    "bt:pubdate",
    "date_published",
    "dateposted",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "pub_date",
    "originalpublicationdate",
    "article_date_original",
    "article.published",
)
# Meta keys of a date that may be the publication's or the last edit's; they come after
# JSON-LD `datePublished`.
_PLAIN_KEYS: tuple[str, ...] = (
    "dc.date",
    "dcterms.date",
    "dc:date",
    "date",
    "displaydate",
    "citation_date",
    "dc.date.created",
    "dcterms.created",
    "dc.created",
    "dc:created",
    "datecreated",
    "article.created",
    "created",
)
# Meta keys of the modification date, best first.
_UPDATED_KEYS: tuple[str, ...] = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "article:modified",
    "datemodified",
    "rnews:datemodified",
    "dcterms.modified",
    "dc.modified",
    "modified_time",
    "updated_time",
    "article:updated_time",
    "lastmod",
    "lastmodified",
    "last-modified",
    "dateupdate",
)
_PUBLISHED_RANK = {key: rank for rank, key in enumerate((*_PUBLISHED_KEYS, *_PLAIN_KEYS))}
_PLAIN_RANK = len(_PUBLISHED_KEYS)
_UPDATED_RANK = {key: rank for rank, key in enumerate(_UPDATED_KEYS)}
# JSON-LD types of the page's own content (their dates beat those of other nodes).
_MAIN_TYPES = frozenset(
    t.lower()
    for t in (
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Blog",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "WebPage",
        "ItemPage",
        "AboutPage",
        "FAQPage",
        "QAPage",
        "CollectionPage",
        "MedicalWebPage",
        "Review",
        "Recipe",
        "HowTo",
        "CreativeWork",
        "PressRelease",
    )
)
# Classes of elements that hold the publication date (matched as whole class words).
_PUBLISHED_CLASS = re.compile(
    r"(?:^|\s)(?:entry-date|entry-time|published|date-published|publish-date|publishdate"
    r"|post-date|postdate|posted-on|pubdate|publication-date|article-date|article__date"
    r"|_publishingdate|publishingdate"
    # a post's or article's meta line date: `entry-meta-date`, `post-meta-date`, `meta-date`
    r"|(?:entry|post|article)[-_]{1,2}meta[-_]{1,2}date|meta[-_]{1,2}date)(?:\s|$)",
    re.IGNORECASE,
)
# Longest element text read as a date (longer text is prose, not a date label).
_MAX_TEXT = 80
# JSON-LD blocks larger than this are skipped (catalogues, not page metadata).
_MAX_LD_CHARS = 500_000
_MAX_LD_DEPTH = 8
_MAX_ELEMENTS = 5000
_WRAPPERS = re.compile(r"^(?://\s{0,3})?(?:<!\[CDATA\[|<!--)|(?://\s{0,3})?(?:\]\]>|-->)$")
# Keys of the publication date in a page's state objects (JSON in scripts).
_SCRIPT_PUBLISHED = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|publicationDate|publishedAt|published_at)"'
    r'\s{0,3}:\s{0,3}"([^"]{6,40})"'
)
# Values of those keys tried per script (templates such as "{{date}}" do not parse).
_MAX_SCRIPT_VALUES = 5
# Tags whose text is not shown (their tail is).
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta"})
_DIGIT = re.compile(r"\d")
_ELEMENT_TAGS = ("time", "abbr", "span", "div", "p", "small", "li", "a", "em", "strong")


@dataclass(frozen=True, slots=True)
class PageDates:
    """Raw date values (as written in the page), the kind of source of the published one
    (`meta`, `json-ld` or `element`) and its `strength`: `strong` where the markup names
    the publication, `plain` for a bare `date` meta tag, JSON-LD `dateCreated` or a class
    name, which may date an edit or a teaser."""

    published: str | None = None
    updated: str | None = None
    source: str | None = None
    strength: str | None = None


def _usable(value: str | None) -> str | None:
    """`value` stripped, when it parses as a date with a known year."""
    if not value:
        return None
    value = " ".join(value.split())
    if not value or len(value) > 120:
        return None
    parsed = parse_date_value(value)
    return value if parsed is not None and parsed.year is not None else None


def _meta_dates(root: etree._Element) -> tuple[str | None, bool, str | None]:
    """Best published value of the `<meta>` tags, whether its key names the publication,
    and the best updated value."""
    best_pub: tuple[int, str] | None = None
    best_upd: tuple[int, str] | None = None
    for el in root.iter("meta"):
        value = el.get("content") or el.get("datetime")
        if not value:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            if not key:
                continue
            if attr == "http-equiv":
                key = "last-modified" if key == "last-modified" else ""
            rank = _PUBLISHED_RANK.get(key)
            if rank is not None and (best_pub is None or rank < best_pub[0]):
                usable = _usable(value)
                if usable is not None:
                    best_pub = (rank, usable)
            rank = _UPDATED_RANK.get(key)
            if rank is not None and (best_upd is None or rank < best_upd[0]):
                usable = _usable(value)
                if usable is not None:
                    best_upd = (rank, usable)
    return (
        best_pub[1] if best_pub is not None else None,
        best_pub is not None and best_pub[0] < _PLAIN_RANK,
        best_upd[1] if best_upd is not None else None,
    )


def _ld_nodes(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object of a JSON-LD block (lists, `@graph` and nested values included)."""
    if depth > _MAX_LD_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _ld_nodes(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _ld_nodes(value, depth + 1)


def _load_json(text: str) -> Any:
    """A JSON-LD block's data (CDATA and comment wrappers removed), None when not JSON."""
    text = _WRAPPERS.sub("", text.strip())
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _is_main(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _MAIN_TYPES for k in kinds)


def _ld_dates(root: etree._Element) -> tuple[str | None, str | None, str | None]:
    """JSON-LD `datePublished`, `dateCreated` and `dateModified`, main nodes first."""
    found: dict[tuple[bool, str], str] = {}
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = el.text or ""
        if not text or len(text) > _MAX_LD_CHARS or "date" not in text:
            continue
        data = _load_json(text)
        if data is None:
            continue
        for node in _ld_nodes(data):
            main = _is_main(node)
            for key in ("datePublished", "dateCreated", "dateModified"):
                raw = node.get(key)
                if isinstance(raw, str) and (main, key) not in found:
                    usable = _usable(raw)
                    if usable is not None:
                        found[(main, key)] = usable

    def pick(key: str) -> str | None:
        return found.get((True, key)) or found.get((False, key))

    return pick("datePublished"), pick("dateCreated"), pick("dateModified")


def _element_dates(root: etree._Element) -> tuple[str | None, str | None, str | None]:
    """The first element itemprop- or pubdate-marked as the publication date, the first one
    whose class says so, and the first `<time datetime>` (weaker signs: themes put them on
    teasers too)."""
    marked: str | None = None
    classed: str | None = None
    timed: str | None = None
    seen = 0
    for el in root.iter(*_ELEMENT_TAGS):
        seen += 1
        if seen > _MAX_ELEMENTS or marked is not None:
            break
        if timed is None and el.tag == "time":
            timed = _usable(el.get("datetime"))
        strong = (
            el.get("pubdate") is not None
            or (el.get("itemprop") or "").strip().lower() == "datepublished"
        )
        if not strong and (
            classed is not None or _PUBLISHED_CLASS.search(el.get("class") or "") is None
        ):
            continue
        value = _element_value(el)
        if value is None:
            continue
        if strong:
            marked = value
        else:
            classed = value
    return marked, classed, timed


def _script_published(root: etree._Element) -> str | None:
    """The first `"datePublished": "…"` (or `publishedDate`, `published_at`…) in a script (a
    page's state object, or JSON-LD that does not parse), read by pattern: such scripts are
    often not JSON as a whole."""
    for el in root.iter("script"):
        text = el.text or ""
        if "ubli" not in text:  # cheap gate: publish…, publication…
            continue
        for m in islice(_SCRIPT_PUBLISHED.finditer(text), _MAX_SCRIPT_VALUES):
            usable = _usable(m.group(1))
            if usable is not None:
                return usable
    return None


def _element_value(el: etree._Element) -> str | None:
    """A date in the element's `datetime`, `content` or `title` attribute, or in a `<time>`
    inside it, else in its short text."""
    for attr in ("datetime", "content", "title"):
        usable = _usable(el.get(attr))
        if usable is not None:
            return usable
    for inner in el.iter("time"):
        usable = _usable(inner.get("datetime"))
        if usable is not None:
            return usable
    text = " ".join(etree.tostring(el, method="text", encoding="unicode").split())
    if text and len(text) <= _MAX_TEXT:
        return _usable(text)
    return None


def _day(value: str | None) -> str | None:
    """The calendar day (`YYYY-MM-DD`, as written, not in UTC) of a raw date value."""
    parsed = parse_date_value(value) if value else None
    if parsed is None or parsed.day is None:
        return None
    return (parsed.iso() or "")[:10] or None


def _shown_days(root: etree._Element, days: set[str]) -> set[str]:
    """Those of `days` that short visible texts of the page show ("Oct 15, 2015"), but as
    an update's date."""
    shown: set[str] = set()
    seen = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        texts = (el.tail,) if el.tag in _HIDDEN_TAGS else (el.text, el.tail)
        for text in texts:
            if not text or len(text) > _MAX_TEXT or not _DIGIT.search(text):
                continue
            seen += 1
            if seen > _MAX_ELEMENTS:
                return shown
            for match in find_dates(text, partial=False, with_time=False):
                day = (match.value.iso() or "")[:10]
                # an "Updated …" date is no publication date the page shows
                if day in days and not is_update_label(text[: match.start]):
                    shown.add(day)
            if shown == days:
                return shown
    return shown


def _meta_or_ld(root: etree._Element, meta: str | None, ld: str | None) -> tuple[str, str]:
    """Which of the meta tags' and JSON-LD's publication dates goes first: the meta tags',
    unless the two name different days and only JSON-LD's is shown on the page (a meta tag
    a CMS rewrote on a later edit)."""
    meta_day, ld_day = _day(meta), _day(ld)
    if meta_day is None or ld_day is None or meta_day == ld_day:
        return "meta", "json-ld"
    if _shown_days(root, {meta_day, ld_day}) == {ld_day}:
        return "json-ld", "meta"
    return "meta", "json-ld"


def page_dates(root: etree._Element) -> PageDates:
    """The published and updated dates the page's markup declares (raw strings)."""
    meta_published, named, meta_updated = _meta_dates(root)
    ld_published, ld_created, ld_updated = _ld_dates(root)
    updated = meta_updated or ld_updated
    marked, classed, timed = _element_dates(root)
    strong = {"meta": meta_published if named else None, "json-ld": ld_published}
    first, second = _meta_or_ld(root, strong["meta"], strong["json-ld"])
    for value, source, strength in (
        (strong[first], first, "strong"),
        (strong[second], second, "strong"),
        (marked, "element", "strong"),
        (meta_published, "meta", "plain"),
        (ld_created, "json-ld", "plain"),
        (_script_published(root), "script", "plain"),
        (classed, "element", "plain"),
        (timed, "element", "plain"),
    ):
        if value is not None:
            return PageDates(value, updated, source, strength)
    return PageDates(None, updated)


__all__ = ["PageDates", "page_dates"]
