"""HTML pages: main text lines plus the metadata the page declares.

The page is rendered to lines (block elements become lines, see `render.py`); lines made
mostly of link text get the prior `LINK_PRIOR`: the DOM says they are navigation, so the
classifier drops them (rule `link`) and judges the other lines without them, but a long run
of them still parts the text as a gap (see `classify_lines`). The page is also
re-serialised by lxml (boilerpy3's own parser gives up on stray end tags) and handed to
boilerpy3's ArticleExtractor: each rendered line found in its main blocks gets a score bonus
(`priors`), each other line a malus, and the same line classifier then decides, so lines
boilerpy3 keeps are cleaned of share links and headline lists, and paragraphs it misses can
still come back. When boilerpy3 fails or keeps almost nothing, the rendered lines are
classified on their own. Use `clean_html` for both steps at once.

>>> page = extract_html(
...     "<html lang='fr'><head><title>Titre</title>"
...     "<meta property='article:published_time' content='2023-11-08T23:10:00+08:00'></head>"
...     "<body><p>Accueil</p></body></html>", CleanConfig())
>>> page.title, page.date, page.language
('Titre', '2023-11-08T23:10:00+08:00', 'fr')
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from curate.clean.classifier import LINK_PRIOR, classify_lines
from curate.clean.config import CleanConfig
from curate.clean.render import RenderedLine, parse_html, render_lines
from curate.clean.types import LineDecision
from curate.meta.htmldates import page_dates
from curate.meta.text import normalize_text

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I
)
_SPACE = re.compile(r"\s+")
# Lines whose characters are nearly all link text are navigation, unless they are long; a
# list item whose words around its link are few ("mconley re-enabled TART") is the text's.
_LINK_SHARE = 0.85
_LINK_LINE_MAX = 200
# Shorter rendered lines are not looked up in boilerpy3's text (they match anywhere).
_MIN_MATCH = 12


class _BelowError(logging.Filter):
    """Drops boilerpy3's warnings ("SAX input contains nested A elements"…): it logs one
    for many ordinary pages, and its verdict is all we need. A filter on its logger holds
    whatever levels or handlers the application sets, in every thread and process."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR


def quiet_boilerpy3() -> None:
    """Install the filter on boilerpy3's logger (once; each worker process imports this).

    >>> quiet_boilerpy3(); logging.getLogger("boilerpy3").warning("nested A")  # silent
    """
    logger = logging.getLogger("boilerpy3")
    if not any(isinstance(f, _BelowError) for f in logger.filters):
        logger.addFilter(_BelowError())
    logger.setLevel(logging.ERROR)


quiet_boilerpy3()


@dataclass
class HtmlExtraction:
    """What `extract_html` finds in a page."""

    lines: list[str] = field(default_factory=list)
    # score adjustments per line for `classify_lines(..., priors=...)`: DOM signals
    priors: list[float] = field(default_factory=list)
    title: str | None = None
    # published and updated dates as the markup writes them, and how surely the published
    # one is the publication's: "strong" or "plain" (see `curate.meta.htmldates`)
    date: str | None = None
    updated: str | None = None
    date_strength: str | None = None
    language: str | None = None
    url: str | None = None
    author: str | None = None
    method: str = "none"  # "boilerpy3", "render" or "none"


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, else UTF-8, else the declared charset, else cp1252.

    >>> decode_html("<p>é</p>".encode("cp1252"))
    '<p>é</p>'
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    if match:
        label = match.group(1).decode("ascii", "replace").lower()
        label = {
            "iso-8859-1": "cp1252",
            "latin-1": "cp1252",
            "latin1": "cp1252",
            "us-ascii": "cp1252",
            "gb2312": "gb18030",
            "gbk": "gb18030",
        }.get(label, label)
        try:
            return data.decode(label, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def extract_html(html: str, config: CleanConfig) -> HtmlExtraction:
    """Main-text lines and metadata of a page (lines are not yet classified)."""
    root = parse_html(html)
    if root is None:
        return HtmlExtraction()
    meta = _metadata(root)
    result = HtmlExtraction(
        title=meta["title"],
        date=meta["date"],
        updated=meta["updated"],
        date_strength=meta["date_strength"],
        language=meta["language"],
        url=meta["url"],
        author=meta["author"],
    )
    rendered = render_lines(root)
    links = [_is_link_line(r) for r in rendered]
    result.lines = [r.text for r in rendered]
    result.priors = [
        LINK_PRIOR if link else _dom_prior(r.dom, config)
        for r, link in zip(rendered, links, strict=True)
    ]
    result.method = "render"
    if not config.use_boilerpy3:
        return result
    article = _boilerpy3_text(root)
    prose = sum(len(r.text) for r, link in zip(rendered, links, strict=True) if not link)
    if len(article) < config.html_min_share * prose:
        return result  # boilerpy3 failed or kept almost nothing: the rendered page alone
    result.method = "boilerpy3"
    flat = _SPACE.sub(" ", article)
    for k, r in enumerate(rendered):
        if links[k]:
            continue
        inside = len(r.text) >= _MIN_MATCH and r.text in flat
        if inside and r.dom == -2:
            # boilerpy3 keeps it: a page that names its article box "comment" (it happens)
            result.priors[k] = 0.0
        result.priors[k] += config.boilerpy3_bonus if inside else -config.boilerpy3_malus
    return result


def _dom_prior(dom: int, config: CleanConfig) -> float:
    if dom == -2:
        return -config.comments_malus
    return dom * (config.dom_bonus if dom > 0 else config.dom_malus)


def _is_link_line(line: RenderedLine) -> bool:
    return len(line.text) < _LINK_LINE_MAX and line.link_chars >= _LINK_SHARE * len(line.text)


def _boilerpy3_text(root: etree._Element) -> str:
    """boilerpy3's article text of the lxml-serialised page ("" when it fails)."""
    from boilerpy3.extractors import ArticleExtractor

    quiet_boilerpy3()
    try:
        page = lxml.html.tostring(root, encoding="unicode")
        return str(ArticleExtractor(raise_on_failure=False).get_content(page))
    except Exception:  # boilerpy3 raises many kinds of errors on odd pages
        return ""


def _metadata(root: etree._Element) -> dict[str, str | None]:
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    ld: dict[str, str] = {}
    for key, value in _json_ld(root):
        ld.setdefault(key, value)
    title = metas.get("og:title") or metas.get("twitter:title") or _title_tag(root)
    dates = page_dates(root)
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    lang = lang or metas.get("og:locale") or metas.get("language") or metas.get("content-language")
    url = _canonical(root) or metas.get("og:url")
    author = metas.get("author") or metas.get("article:author") or ld.get("author")
    return {
        "title": _clean(title),
        "date": _clean(dates.published),
        "updated": _clean(dates.updated),
        "date_strength": dates.strength,
        "language": _clean(lang),
        "url": _clean(url),
        "author": _clean(author),
    }


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    text = _SPACE.sub(" ", value).strip()
    return text or None


def _title_tag(root: etree._Element) -> str | None:
    el = root.find(".//title")
    return el.text_content() if el is not None else None


def _canonical(root: etree._Element) -> str | None:
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            return str(el.get("href"))
    return None


def _json_ld(root: etree._Element) -> Iterator[tuple[str, str]]:
    """(key, value) pairs of datePublished and author found in JSON-LD blocks."""
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        yield from _walk_ld(data, 0)


def _walk_ld(node: Any, depth: int) -> Iterator[tuple[str, str]]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(node, dict):
        published = node.get("datePublished")
        if isinstance(published, str):
            yield "datePublished", published
        author = node.get("author")
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            yield "author", author["name"]
        elif isinstance(author, list) and author and isinstance(author[0], dict):
            name = author[0].get("name")
            if isinstance(name, str):
                yield "author", name
        elif isinstance(author, str):
            yield "author", author
        graph = node.get("@graph")
        if graph is not None:
            yield from _walk_ld(graph, depth + 1)


def clean_html(html: str, config: CleanConfig) -> tuple[HtmlExtraction, list[LineDecision]]:
    """`extract_html`, then `classify_lines` on its lines (normalised as every text is:
    `normalize_text`) with its priors, and the declared title marked (`mark_title`): the
    decisions of `curate clean`, but for a corpus's template lines."""
    page = extract_html(html, config)
    lines = [normalize_text(line) for line in page.lines]
    decisions = classify_lines(lines, config, priors=page.priors)
    return page, mark_title(decisions, page.title)


def mark_title(decisions: list[LineDecision], title: str | None) -> list[LineDecision]:
    """Mark the line that repeats the page's declared title, at the head of the text, as
    `title` (dropped: the title goes to metadata).

    >>> d = [LineDecision("Budget", True, "body"), LineDecision("Long text.", True, "body")]
    >>> [x.rule for x in mark_title(d, "Budget")]
    ['title', 'body']
    """
    if not title:
        return decisions
    want = _fold(title)
    out = list(decisions)
    seen = 0
    for i, d in enumerate(decisions):
        if not d.keep:
            continue
        if _fold(d.text) == want or (len(want) > 20 and want.startswith(_fold(d.text))):
            out[i] = LineDecision(d.text, False, "title")
            break
        seen += 1
        if seen >= 2:
            break
    return out


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
