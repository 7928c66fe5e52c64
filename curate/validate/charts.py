"""Small inline-SVG charts (no JavaScript, no network): horizontal bars and columns.

>>> svg = bar_chart([("fr", 6), ("en", 4)], "Languages")
>>> svg.startswith("<svg") and "fr" in svg and svg.count("<rect") == 2
True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

Item = tuple[str, int | float]
FONT = "font-family='system-ui, sans-serif' font-size='12'"
MUTED = "#555"


def _number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:.3g}"


def _open(width: int, height: int, title: str) -> list[str]:
    label = escape(title, quote=True)
    return [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"width='{width}' height='{height}' role='img' aria-label='{label}' class='chart'>",
        f"<title>{label}</title>",
        f"<text x='0' y='16' {FONT} font-size='14' font-weight='600'>{label}</text>",
    ]


def empty_chart(title: str, message: str = "no data", width: int = 520) -> str:
    """A titled placeholder for a chart without data."""
    parts = _open(width, 60, title)
    parts.append(f"<text x='0' y='44' {FONT} fill='{MUTED}'>{escape(message)}</text></svg>")
    return "\n".join(parts)


def bar_chart(
    items: Sequence[Item],
    title: str,
    *,
    width: int = 520,
    color: str = "#3b6fb6",
    max_items: int = 15,
) -> str:
    """Horizontal bars, one per (label, value), longest first as given; the rest summed."""
    items = list(items)
    if not items:
        return empty_chart(title, width=width)
    if len(items) > max_items:
        rest = sum(v for _, v in items[max_items - 1 :])
        items = [*items[: max_items - 1], (f"{len(items) - max_items + 1} others", rest)]
    label_w, value_w, row_h, top = 190, 60, 24, 30
    plot_w = width - label_w - value_w
    peak = max(v for _, v in items) or 1
    parts = _open(width, top + row_h * len(items) + 6, title)
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        bar = max(1.0, plot_w * value / peak) if value else 0.0
        short = label if len(label) <= 28 else label[:27] + "…"
        parts.append(
            f"<g><title>{escape(label)}: {_number(value)}</title>"
            f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end' {FONT}>{escape(short)}</text>"
            f"<rect x='{label_w}' y='{y + 3}' width='{bar:.1f}' height='{row_h - 7}' "
            f"fill='{color}' rx='2'/>"
            f"<text x='{label_w + bar + 5:.1f}' y='{y + 15}' {FONT} fill='{MUTED}'>"
            f"{_number(value)}</text></g>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def column_chart(
    items: Sequence[Item],
    title: str,
    *,
    width: int = 520,
    height: int = 240,
    color: str = "#2e8b57",
    x_label: str = "",
) -> str:
    """Vertical columns with a y axis (0 and the peak) and category labels underneath."""
    items = list(items)
    if not items or not any(v for _, v in items):
        return empty_chart(title, width=width)
    left, right, top, bottom = 48, 8, 30, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(v for _, v in items) or 1
    step = min(plot_w / len(items), 64.0)  # few categories: narrow columns, left-aligned
    gap = min(6.0, step * 0.2)
    rotate = len(items) > 8 or max(len(label) for label, _ in items) * 6.5 > step
    parts = _open(width, height, title)
    base = top + plot_h
    parts += [
        f"<line x1='{left}' y1='{base}' x2='{width - right}' y2='{base}' stroke='#999'/>",
        f"<line x1='{left}' y1='{top}' x2='{left}' y2='{base}' stroke='#999'/>",
        f"<text x='{left - 4}' y='{base}' text-anchor='end' {FONT} fill='{MUTED}'>0</text>",
        f"<text x='{left - 4}' y='{top + 10}' text-anchor='end' {FONT} fill='{MUTED}'>"
        f"{_number(peak)}</text>",
    ]
    for i, (label, value) in enumerate(items):
        x = left + i * step + gap / 2
        h = plot_h * value / peak
        cx = x + (step - gap) / 2
        text = (
            f"<text x='{cx:.1f}' y='{base + 12}' text-anchor='end' {FONT} "
            f"transform='rotate(-40 {cx:.1f} {base + 12})'>{escape(label)}</text>"
            if rotate
            else f"<text x='{cx:.1f}' y='{base + 15}' text-anchor='middle' {FONT}>"
            f"{escape(label)}</text>"
        )
        parts.append(
            f"<g><title>{escape(label)}: {_number(value)}</title>"
            f"<rect x='{x:.1f}' y='{base - h:.1f}' width='{step - gap:.1f}' height='{h:.1f}' "
            f"fill='{color}' rx='1'/>{text}</g>"
        )
    if x_label:
        parts.append(
            f"<text x='{left + plot_w / 2:.1f}' y='{height - 4}' text-anchor='middle' "
            f"{FONT} fill='{MUTED}'>{escape(x_label)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
