"""The day chart as inline SVG for the HTML/PDF export.

Drawn in millimetres (1 user unit = 1 mm, 180 mm wide, the printable width of
an A4 page): one row per line with its numbers, an hour grid, open windows
filled, stretches of unknown hours outlined only, and the hours no
line but 12356 covers shaded across the whole chart.  No script, no external
font (only generic and locally installed families), no ids (several charts
may share one page); every text from the data is escaped.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from ..day import DayTimeline, Gap, complement
from .layout import fit, wrap
from .view import DayView
from .words import word

WIDTH = 180.0
MARGIN = 2.0
LABEL_WIDTH = 54.0
CHART_LEFT = MARGIN + LABEL_WIDTH + 2.0
CHART_RIGHT = WIDTH - MARGIN - 2.0
ROW_HEIGHT = 7.5
BAR_HEIGHT = 4.2
FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"

COLOURS = {
    "open": "#2e7d32",
    "closed": "#eceff1",
    "unknown_stroke": "#78909c",
    "gap_12356": "#fff3cd",
    "gap_emergency": "#f8d7da",
    "gap_12356_bar": "#e0a800",
    "gap_emergency_bar": "#c62828",
    "grid": "#cfd8dc",
    "grid_major": "#90a4ae",
    "text": "#212121",
    "muted": "#616161",
    "now": "#ad1457",
}

_UNKNOWN_STROKE = f' stroke="{COLOURS["unknown_stroke"]}" stroke-width="0.3" stroke-dasharray="0.8 0.6"'

# XML 1.0 forbids most control characters even when escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=True)


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _x(timeline: DayTimeline, moment: datetime) -> float:
    share = (moment - timeline.start) / (timeline.end - timeline.start)
    share = min(1.0, max(0.0, share))
    return CHART_LEFT + share * (CHART_RIGHT - CHART_LEFT)


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return (f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 0.0))}" height="{_num(h)}" '
            f'fill="{fill}"{extra}/>')


def _text(x: float, y: float, content: str, size: float, fill: str = COLOURS["text"], extra: str = "") -> str:
    return (f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" fill="{fill}"{extra}>'
            f"{_esc(content)}</text>")


def _span_rect(timeline: DayTimeline, span, y: float, h: float, fill: str, extra: str = "") -> str:
    left = _x(timeline, span.start)
    return _rect(left, y, _x(timeline, span.end) - left, h, fill, extra)


def _gap_fill(gap: Gap, bar: bool) -> str:
    if gap.emergency_only:
        return COLOURS["gap_emergency_bar" if bar else "gap_emergency"]
    return COLOURS["gap_12356_bar" if bar else "gap_12356"]


def render_svg(view: DayView) -> str:
    """The chart as a standalone ``<svg>`` element (UTF-8 text, no XML declaration)."""
    timeline, lang = view.timeline, view.lang
    parts: list[str] = []
    y = MARGIN + 4.0
    heading = f"{view.heading} · {view.where}"
    parts.append(_text(MARGIN, y, heading, 3.4, extra=' font-weight="bold"'))
    y += 4.6
    parts.append(_text(MARGIN, y, view.emergency_text, 3.0, COLOURS["gap_emergency_bar"],
                       ' font-weight="bold"'))
    for code, message in view.warnings:
        if code == "emergency_only":
            continue
        for line in wrap(message, 118):
            y += 4.0
            parts.append(_text(MARGIN, y, line, 2.6, COLOURS["muted"]))

    ruler_y = y + 6.0
    top = ruler_y + 1.5
    rows = len(timeline.lines) + 1 + (timeline.uncovered_locally is not None)
    bottom = top + rows * ROW_HEIGHT

    # Uncovered hours shaded behind every row, so a gap reads straight down the page.
    for gap in timeline.uncovered:
        parts.append(_span_rect(timeline, gap, top, bottom - top, _gap_fill(gap, bar=False)))

    for hour in range(25):
        x = CHART_LEFT + hour * (CHART_RIGHT - CHART_LEFT) / 24
        major = hour % 3 == 0
        parts.append(f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(bottom)}" '
                     f'stroke="{COLOURS["grid_major" if major else "grid"]}" stroke-width="{0.25 if major else 0.12}"/>')
        if major:
            parts.append(_text(x, ruler_y, f"{hour:02d}:00" if hour < 24 else "24:00", 2.4, COLOURS["muted"],
                               ' text-anchor="middle"'))

    row_y = top
    for line, shown in zip(timeline.lines, view.lines):
        name = fit(shown.name, 34).rstrip()
        weight = ' font-weight="bold"' if line.is_12356 else ""
        parts.append(_text(MARGIN, row_y + 3.3, name, 2.7, extra=weight))
        numbers = " · ".join(number.display for number in shown.numbers)
        if line.line.area_dial and line.line.area_dial_confirmed:  # the chart has no room for the caveat
            numbers = f"{numbers} · {line.line.area_dial}" if numbers else line.line.area_dial
        if numbers:
            parts.append(_text(MARGIN, row_y + 6.2, fit(numbers, 44).rstrip(), 2.2, COLOURS["muted"]))
        bar_y = row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2
        for span in complement(list(line.open) + list(line.unknown), timeline.start, timeline.end):
            parts.append(_span_rect(timeline, span, bar_y, BAR_HEIGHT, COLOURS["closed"], ' fill-opacity="0.85"'))
        for span in line.unknown:
            parts.append(_span_rect(timeline, span, bar_y, BAR_HEIGHT, "none", _UNKNOWN_STROKE))
        for span in line.open:
            parts.append(_span_rect(timeline, span, bar_y, BAR_HEIGHT, COLOURS["open"]))
        row_y += ROW_HEIGHT

    gap_rows = [(word(lang, "row_uncovered"), timeline.uncovered)]
    if timeline.uncovered_locally is not None:
        gap_rows.append((word(lang, "row_uncovered_locally"), timeline.uncovered_locally))
    for label, gaps in gap_rows:
        parts.append(_text(MARGIN, row_y + 4.6, label, 2.7, COLOURS["muted"], ' font-style="italic"'))
        bar_y = row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2
        for gap in gaps:
            parts.append(_span_rect(timeline, gap, bar_y, BAR_HEIGHT, _gap_fill(gap, bar=True)))
        row_y += ROW_HEIGHT

    if timeline.now is not None:
        x = _x(timeline, timeline.now)
        parts.append(f'<line x1="{_num(x)}" y1="{_num(top - 1)}" x2="{_num(x)}" y2="{_num(bottom)}" '
                     f'stroke="{COLOURS["now"]}" stroke-width="0.5"/>')

    y = bottom + 5.0
    y = _legend(parts, y, lang)
    for sentence in view.summary:
        for line in wrap(sentence, 118):
            y += 4.0
            parts.append(_text(MARGIN, y, line, 2.7))
    y += 4.0
    parts.append(_text(MARGIN, y, view.footer, 2.5, COLOURS["muted"]))
    height = y + MARGIN + 1.0

    title = _esc(heading)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(WIDTH)}mm" height="{_num(height)}mm" '
        f'viewBox="0 0 {_num(WIDTH)} {_num(height)}" role="img" aria-label="{title}" '
        f'font-family="{FONT}">'
        f"<title>{title}</title>"
        + "".join(parts)
        + "</svg>"
    )


def _legend(parts: list[str], y: float, lang: str) -> float:
    keys = word(lang, "svg_legend")
    swatches = [
        (COLOURS["open"], ""),
        ("none", _UNKNOWN_STROKE),
        (COLOURS["closed"], ""),
        (COLOURS["gap_12356_bar"], ""),
        (COLOURS["gap_emergency_bar"], ""),
    ]
    x = MARGIN
    for (fill, extra), label in zip(swatches, keys):
        parts.append(_rect(x, y - 2.4, 5.0, 2.8, fill, extra))
        parts.append(_text(x + 6.0, y, label, 2.4, COLOURS["muted"]))
        x += 6.0 + _approx_width(label, 2.4) + 4.0
    return y


def _approx_width(label: str, size: float) -> float:
    from rich.cells import cell_len

    # Half a font size per display cell is close for both Latin and CJK glyphs.
    return cell_len(label) * size * 0.55
