"""A cheap tag scan that refuses pathological HTML before any parser sees it.

It counts elements and tracks nesting depth from the tags alone: void elements (`<br>`),
elements whose end tag is optional (`<p>`, `<li>`, `<td>`…) and self-closed ones
(`<path/>`) do not nest; comments and the content of `<script>`, `<style>` and
`<textarea>` are skipped. The time is linear in the page and stops at the first limit hit.

>>> html_limit_reason("<div>" * 300, max_depth=250, max_nodes=1000)
'too-deep: HTML nesting over limit'
>>> html_limit_reason("<p>a" * 2000, max_depth=250, max_nodes=1000)
'too-large: HTML elements over limit'
>>> html_limit_reason("<div><p>ok<br></div>", max_depth=250, max_nodes=1000) is None
True
"""

from __future__ import annotations

import re

TOO_DEEP = "too-deep: HTML nesting over limit"
TOO_MANY = "too-large: HTML elements over limit"

VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "command",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "isindex",
        "keygen",
        "link",
        "meta",
        "nextid",
        "param",
        "source",
        "spacer",
        "track",
        "wbr",
    }
)
# End tag optional, or closed implicitly by the parser: they never build deep trees.
FLAT_TAGS = frozenset(
    {
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rtc",
        "rp",
        "html",
        "head",
        "body",
    }
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "xmp", "plaintext", "title"})
_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})([^<>]{0,4096}?)(/?)>)")


def html_limit_reason(html: str, max_depth: int, max_nodes: int) -> str | None:
    """`too-deep: …` or `too-large: …` when `html` passes a limit (0: no limit), else None."""
    depth_cap = max_depth or len(html)
    node_cap = max_nodes or len(html)
    if html.count("<") <= min(depth_cap, node_cap):
        return None
    depth = nodes = pos = 0
    search = _TAG.search
    while True:
        match = search(html, pos)
        if match is None:
            return None
        pos = match.end()
        if match.group(1):  # a comment: skip to its end
            end = html.find("-->", pos)
            if end < 0:
                return None
            pos = end + 3
            continue
        name = match.group(3).lower()
        if match.group(2):  # an end tag
            if depth and name not in VOID_TAGS and name not in FLAT_TAGS:
                depth -= 1
            continue
        nodes += 1
        if nodes > node_cap:
            return TOO_MANY
        if name in _RAW_TEXT:
            end = _raw_text_end(html, name, pos)
            if end < 0:
                return None
            pos = end
        elif not match.group(5) and name not in VOID_TAGS and name not in FLAT_TAGS:
            depth += 1
            if depth > depth_cap:
                return TOO_DEEP


def _raw_text_end(html: str, name: str, pos: int) -> int:
    """Where the end tag of a raw-text element opened before `pos` ends (-1: none)."""
    closing = re.compile(rf"</{name}\s{{0,20}}>", re.IGNORECASE)
    found = closing.search(html, pos)
    return found.end() if found else -1
