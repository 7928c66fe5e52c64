"""Clean and normalise one raw document: the per-document heart of `curate clean`.

Steps, in order: decode errors pass through as removal reasons; HTML over the nesting or
element limits is refused, the rest goes through the HTML extractor; text is
Unicode-normalised; the line classifier drops boilerplate; metadata is extracted from the
dropped header lines, the reader's fields and the body. Each step runs inside `step(name)`,
where the caller puts its time limit (see `curate.pipeline.guard`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Set
from contextlib import AbstractContextManager
from dataclasses import asdict
from typing import Any

from curate.clean.classifier import classify_page
from curate.clean.html import extract_html, mark_title
from curate.io.decode import clean_text
from curate.io.htmlscan import html_limit_reason
from curate.meta.extract import Hints, extract_metadata
from curate.meta.text import normalize_text
from curate.schema import DOC_SCHEMA
from curate.settings import Settings

Row = dict[str, Any]
Step = Callable[[str], AbstractContextManager[Any]]
_DOC_FIELDS = DOC_SCHEMA.names
# Characters XML (hence lxml) refuses: C0 controls but tab and newlines, U+FFFE, U+FFFF.
_NOT_XML = dict.fromkeys([*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF])


def no_limit(_name: str) -> AbstractContextManager[None]:
    """The default `step`: no time limit."""
    return contextlib.nullcontext()


def removed_row(raw: Row, reason: str) -> Row:
    """A staging row for a document removed before cleaning."""
    row: Row = dict.fromkeys(_DOC_FIELDS)
    row.update(id=raw["id"], source=raw["source"], reason=reason, encoding=raw.get("encoding"))
    return row


def _hints(
    raw: Row,
    settings: Settings,
    meta_date: str | None = None,
    meta_updated: str | None = None,
    meta_date_strength: str | None = None,
    **found: str | None,
) -> Hints:
    """Reader fields first (explicit metadata), then what the HTML page declared; the page's
    date meta tags go apart, so that metadata marks them `meta`, not `field`."""

    def first(name: str) -> str | None:
        value = raw.get(name)
        return value if value else found.get(name)

    def norm(value: str | None) -> str | None:
        return normalize_text(value, unify_quotes=settings.meta.unify_quotes) if value else None

    return Hints(
        url=first("url"),
        title=norm(first("title")),
        date=first("date"),
        language=first("language"),
        author=norm(first("author")),
        meta_date=meta_date,
        meta_updated=meta_updated,
        meta_date_strength=meta_date_strength,
        fetch_date=raw.get("fetch_date"),
    )


def process_row(
    raw: Row, settings: Settings, template_hashes: Set[int] = frozenset(), *, step: Step = no_limit
) -> Row:
    """Turn one raw row (`RAW_SCHEMA`) into one staging row (`DOC_SCHEMA`) whose strings all
    encode to UTF-8."""
    if raw.get("error"):
        return removed_row(raw, raw["error"])
    content: str = raw["content"] or ""
    unify = settings.meta.unify_quotes
    if raw["format"] == "html":
        limits = settings.limits
        with step("html"):
            refused = html_limit_reason(content, limits.max_html_depth, limits.max_html_nodes)
            if refused is not None:
                return removed_row(raw, refused)
            page = extract_html(content.translate(_NOT_XML), settings.clean)
        with step("normalize"):
            lines = [normalize_text(line, unify_quotes=unify) for line in page.lines]
        priors, page_title = page.priors, page.title
        hints = _hints(
            raw,
            settings,
            url=page.url,
            title=page.title,
            meta_date=page.date,
            meta_updated=page.updated,
            meta_date_strength=page.date_strength,
            language=page.language,
            author=page.author,
        )
    else:
        with step("normalize"):
            lines = normalize_text(content, unify_quotes=unify).split("\n")
        priors, page_title = None, None
        hints = _hints(raw, settings)
    with step("clean"):
        cleaned = classify_page(
            lines, settings.clean, template_hashes=template_hashes, priors=priors
        )
        decisions = cleaned.decisions
        if page_title:
            decisions = mark_title(decisions, page_title)
    with step("meta"):
        meta, body = extract_metadata(
            decisions,
            hints,
            settings.meta,
            language_sample=cleaned.language_sample,
            lowered=cleaned.lowered,
        )
    text = "\n".join(line for line in body if line.strip())
    nonblank = [d for d in decisions if d.text.strip()]
    dropped = sum(1 for d in nonblank if not d.keep)
    row: Row = dict.fromkeys(_DOC_FIELDS)
    row.update({k: v for k, v in asdict(meta).items() if k in row})
    row.update(
        id=raw["id"],
        source=raw["source"],
        text=text,
        lines_total=len(nonblank),
        lines_removed_share=round(dropped / len(nonblank), 4) if nonblank else None,
        encoding=raw.get("encoding"),
        replaced_share=raw.get("replaced_share"),
    )
    if not text.strip():
        row["reason"] = "empty-after-cleaning"
    elif len(text) < settings.clean.min_chars:
        row["reason"] = "too-short"
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = clean_text(value)[0]
    return row
