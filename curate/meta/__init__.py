"""Metadata normalisation: Unicode clean-up, dates with their true precision, titles,
language, datelines, url/domain, author and counts.

Modules: `text` (normalize_text), `dates` (candidates, parsing, looks_like_date_line),
`dateline` (wire datelines, glued prefixes), `layout` (page_layout: kept lines, article
start, date lines), `title`, `language` (detect_language),
`candidates` (scored date choice), `htmldates` (page_dates: meta tags, JSON-LD, marked
elements), `extract` (extract_metadata, Hints, Metadata), `config` (MetaConfig), `urls`,
`months`, `timezones`.
"""
