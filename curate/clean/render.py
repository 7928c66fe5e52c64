"""Render an HTML tree as lines of text, the way a naive scraper flattens a page.

Block elements (p, div, li, h1-h6, td, …) and `<br>` end a line; inline elements join their
text to it; a line made only of two or more links becomes one line per link. Each line
keeps how many of its characters sit inside links, a DOM signal the plain text lacks.

>>> root = parse_html("<p>Hello <b>world</b></p><ul><li><a href=a>One</a> <a href=b>Two</a></ul>")
>>> [(line.text, line.link_chars) for line in render_lines(root)]
[('Hello world', 0), ('One', 3), ('Two', 3)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "label",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "select",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
SKIP_TAGS = frozenset(
    [
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "noframes",
        "annotation",
        "annotation-xml",
    ]
)
_SPACE = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>", re.I)


# Class and id words of containers that hold navigation and page furniture, or the article
# (after Readability's lists of unlikely and likely candidates).
_NEGATIVE = re.compile(
    r"(?<![a-z])(?:comment|discuss|repl(?:y|ies)|footer|footnote|nav|menu|sidebar|side-bar|"
    r"widget|share|sharing|social|related|recommend|promo|sponsor|advert|ads?(?![a-z])|"
    r"banner|breadcrumb|cookie|consent|gdpr|newsletter|subscri|signup|popup|modal|"
    r"masthead|toolbar|tag-?cloud|pagination|pager|rss|shoutbox|skyscraper|teaser|"
    r"most-?read|popular|trending|more-?stories|outbrain)",
)
_POSITIVE = re.compile(r"(?<![a-z])(?:article|content|entry|main|post|story|text|body|blog)")
# Containers of reader comments: everything inside is a comment, whatever inner containers
# say (a comment is often an <article> of its own). A class or id token must name the box
# itself ("comments", "comment-list", "post-comments"), not a state or a category
# ("comments-open", "category-kommentar").
_COMMENTS = re.compile(
    r"(?:(?:wp|post|article|entry|page|blog|story|site)[-_])?"
    r"(?:comments?|kommentare?|commentaires?|comentarios?)"
    r"(?:[-_](?:area|list|section|wrap|wrapper|container|thread|block|box|holder|\d+))?"
    r"|commentlist|comment-respond|respond|disqus_thread"
)
_NEGATIVE_TAGS = frozenset({"nav", "footer", "aside"})
_POSITIVE_TAGS = frozenset({"article", "main"})


@dataclass(frozen=True, slots=True)
class RenderedLine:
    """One line of a rendered page: its link characters and what its containers say.

    `dom` is +1 inside an article-like container, -1 inside navigation, a footer, a sidebar,
    a comment or share block (the innermost such container decides), else 0; -2 anywhere
    inside a block of reader comments.
    """

    text: str
    link_chars: int
    tag: str
    dom: int = 0


def parse_html(html: str) -> etree._Element | None:
    """Parse a page with lxml (None for an empty or unparsable one)."""
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


class _Line:
    """The segments of the line being built: (text, link number or -1)."""

    def __init__(self) -> None:
        self.segments: list[tuple[str, int]] = []
        self.tag = ""
        self.dom = 0

    def add(self, text: str | None, link: int) -> None:
        if text:
            self.segments.append((text, link))

    def flush(self, out: list[RenderedLine]) -> None:
        segs, self.segments = self.segments, []
        if not segs:
            return
        if any(t == _CELL_MARK for t, _ in segs):
            segs = _join_cells(segs)
        joined = _SPACE.sub(" ", "".join(t for t, _ in segs)).strip()
        if not joined:
            return
        linked = [(t, k) for t, k in segs if t.strip()]
        link_ids = {k for _, k in linked}
        if len(link_ids) >= 2 and -1 not in link_ids:
            # a bare run of links: one line per link
            for number in sorted(link_ids):
                text = _SPACE.sub(" ", "".join(t for t, k in segs if k == number)).strip()
                if text:
                    out.append(RenderedLine(text, len(text), self.tag, self.dom))
            return
        link_chars = sum(len(_SPACE.sub(" ", t).strip()) for t, k in segs if k >= 0)
        out.append(RenderedLine(joined, min(link_chars, len(joined)), self.tag, self.dom))


def render_lines(root: etree._Element) -> list[RenderedLine]:
    """The lines of the page's body in document order."""
    body = root.find("body")
    start = body if body is not None else root
    out: list[RenderedLine] = []
    line = _Line()
    link_stack: list[int] = []
    links = 0
    skipping = 0
    pre_depth = 0
    signals: list[int] = []  # per open element: its container signal (0: none)
    current_signal = [0]  # innermost non-zero signal, as a stack
    comments = 0  # open comment containers
    rows: list[bool] = []  # per open <tr>: whether it is a data row (one line)
    for event, el in etree.iterwalk(start, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skipping or tag in SKIP_TAGS or not tag:
                skipping += 1
                continue
            signal = _signal(el, tag) if el is not start else 0
            if not comments and el is not start and _is_comments(el):
                signal = -2
            signals.append(signal)
            if signal:
                current_signal.append(signal)
                comments += signal == -2
            if tag == "tr":
                rows.append(_is_data_row(el))
                line.flush(out)
            if tag in _CELL_TAGS and rows and rows[-1]:
                line.add(_CELL_MARK, -1)
            elif tag in BLOCK_TAGS:
                line.flush(out)
                line.tag = tag
                line.dom = -2 if comments else current_signal[-1]
            if tag == "pre":
                pre_depth += 1
            if tag == "a":
                links += 1
                link_stack.append(links)
            current = link_stack[-1] if link_stack else -1
            if pre_depth and el.text and "\n" in el.text:
                _add_pre(line, el.text, current, out)
            else:
                line.add(el.text, current)
        else:
            if skipping:
                skipping -= 1
                if skipping == 0:
                    line.add(el.tail, link_stack[-1] if link_stack else -1)
                continue
            if tag == "a" and link_stack:
                link_stack.pop()
            if tag == "pre":
                pre_depth -= 1
            if tag == "tr":
                if rows:
                    rows.pop()
                line.flush(out)
            elif tag in BLOCK_TAGS and not (tag in _CELL_TAGS and rows and rows[-1]):
                line.flush(out)
            if signals:
                popped = signals.pop()
                if popped:
                    current_signal.pop()
                    comments -= popped == -2
            if tag in BLOCK_TAGS:
                line.dom = -2 if comments else current_signal[-1]
            line.add(el.tail, link_stack[-1] if link_stack else -1)
    line.flush(out)
    return out


_CELL_TAGS = frozenset({"td", "th"})
_CELL_SEPARATOR = " ; "
_CELL_MARK = "\x1f"  # where a cell starts, while the row is built


def _join_cells(segs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The row's segments with `_CELL_SEPARATOR` between non-empty cells only."""
    out: list[tuple[str, int]] = []
    pending = False
    for text, link in segs:
        if text == _CELL_MARK:
            pending = any(t.strip() for t, _ in out)
            continue
        if pending and text.strip():
            out.append((_CELL_SEPARATOR, -1))
            pending = False
        out.append((text, link))
    return out


def _is_data_row(tr: etree._Element) -> bool:
    """A table row of two or more cells holding only inline content: one line of the
    table, its cells joined by " ; " (a layout row, whose cells hold blocks, is not).

    >>> table = "<table><tr><td>1947</td><td>A <b>film</b></td></tr></table>"
    >>> _is_data_row(lxml.html.fromstring(table).find(".//tr"))
    True
    """
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in _CELL_TAGS]
    if len(cells) < 2:
        return False
    for cell in cells:
        for d in cell.iterdescendants():
            tag = d.tag.lower() if isinstance(d.tag, str) else ""
            if tag in BLOCK_TAGS and tag != "br":
                return False
    return True


def _signal(el: etree._Element, tag: str) -> int:
    """+1 for an article-like container, -1 for page furniture, 0 otherwise."""
    if tag in _NEGATIVE_TAGS:
        return -1
    if tag in _POSITIVE_TAGS:
        return 1
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if len(names) < 3:
        return 0
    neg = _NEGATIVE.search(names) is not None
    pos = _POSITIVE.search(names) is not None
    return -1 if neg and not pos else (1 if pos and not neg else 0)


def _is_comments(el: etree._Element) -> bool:
    """Whether the element's class or id names a block of reader comments.

    >>> _is_comments(lxml.html.fromstring('<div id="comments"></div>'))
    True
    >>> _is_comments(lxml.html.fromstring('<div class="post comments-open"></div>'))
    False
    >>> _is_comments(lxml.html.fromstring('<div class="category-kommentar"></div>'))
    False
    """
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return any(_COMMENTS.fullmatch(token) for token in names.split())


def _add_pre(line: _Line, text: str, link: int, out: list[RenderedLine]) -> None:
    """Inside <pre>, every source line is a line."""
    parts = text.split("\n")
    for k, part in enumerate(parts):
        line.add(part, link)
        if k < len(parts) - 1:
            line.flush(out)
