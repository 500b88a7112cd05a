"""The terminal day chart: one 24-hour bar per line, 12356 first, then the gaps.

Bars are drawn cell by cell (30 minutes, or one hour when the screen is too
narrow) and every row is cut to the console width by display cells, so
Chinese names never push a bar out of line.  Without a colour terminal the
same characters carry the meaning on their own.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..day import DayTimeline, Gap
from ..schedule import Interval
from .common import emergency_text, line_name
from .day_labels import (
    clock,
    day_heading,
    summary_texts,
    text,
    warning_message,
    where_text,
)
from .labels import text as common_text

OPEN, PARTLY, UNKNOWN, CLOSED = "█", "▒", "░", "·"
GAP_12356, GAP_EMERGENCY = "─", "!"
NOW_MARK = "▼"
STYLES = {
    OPEN: "green",
    PARTLY: "green",
    UNKNOWN: "cyan",
    CLOSED: "dim",
    GAP_12356: "yellow",
    GAP_EMERGENCY: "bold red",
    NOW_MARK: "bold magenta",
}
RULER_HOURS = range(0, 25, 3)
MIN_LABEL = 16
MAX_LABEL = 34


def layout(width: int) -> tuple[int, int]:
    """(cells for the day, label width) that fit ``width`` columns, ruler included."""
    for cells in (48, 24):
        label = min(MAX_LABEL, width - cells - 3)  # a space before the bar, two for the final "24"
        if label >= MIN_LABEL:
            return cells, label
    return 24, max(4, width - 27)


def fit(name: str, width: int) -> str:
    """``name`` cut to ``width`` display cells (with …) and padded to exactly that width."""
    from rich.cells import cell_len

    if cell_len(name) <= width:
        return name + " " * (width - cell_len(name))
    kept = ""
    for char in name:
        if cell_len(kept + char) + 1 > width:
            break
        kept += char
    kept += "…"
    return kept + " " * (width - cell_len(kept))


def _overlap(spans: tuple[Interval, ...] | list, lo: datetime, hi: datetime) -> timedelta:
    total = timedelta()
    for span in spans:
        start, end = max(span.start, lo), min(span.end, hi)
        if start < end:
            total += end - start
    return total


def _slots(timeline: DayTimeline, cells: int) -> list[tuple[datetime, datetime]]:
    # Cells are wall-clock slices of a China day, which always has 24 hours.
    step = (timeline.end - timeline.start) / cells
    return [(timeline.start + step * i, timeline.start + step * (i + 1)) for i in range(cells)]


def line_cells(open_spans, unknown_spans, slots) -> str:
    found = []
    for lo, hi in slots:
        opened = _overlap(open_spans, lo, hi)
        if opened >= hi - lo:
            found.append(OPEN)
        elif opened > timedelta():
            found.append(PARTLY)
        elif _overlap(unknown_spans, lo, hi) > timedelta():
            found.append(UNKNOWN)
        else:
            found.append(CLOSED)
    return "".join(found)


def gap_cells(gaps: tuple[Gap, ...], slots) -> str:
    found = []
    for lo, hi in slots:
        touching = [gap for gap in gaps if gap.start < hi and gap.end > lo]
        if any(gap.emergency_only for gap in touching):
            found.append(GAP_EMERGENCY)
        elif touching:
            found.append(GAP_12356)
        else:
            found.append(" ")
    return "".join(found)


def ruler(cells: int) -> str:
    per_hour = cells // 24
    row = [" "] * (cells + 2)
    for hour in RULER_HOURS:
        label = str(hour)
        at = hour * per_hour
        for offset, char in enumerate(label):
            row[at + offset] = char
    return "".join(row).rstrip()


def now_row(timeline: DayTimeline, cells: int, label_width: int, lang: str) -> str | None:
    if timeline.now is None:
        return None
    index = int((timeline.now - timeline.start) / (timeline.end - timeline.start) * cells)
    label = fit(text(lang, "now", time=clock(timeline.now, timeline)), label_width)
    return label + " " + " " * index + NOW_MARK


def chart_rows(timeline: DayTimeline, lang: str, width: int, limit: int | None = None) -> list[str]:
    """The chart as plain strings, each at most ``width`` display cells; ``limit`` caps the line rows only."""
    cells, label_width = layout(width)
    slots = _slots(timeline, cells)
    rows = [" " * label_width + " " + ruler(cells)]
    marker = now_row(timeline, cells, label_width, lang)
    if marker is not None:
        rows.append(marker)
    for line in timeline.lines[:limit]:
        rows.append(fit(line_name(line, lang), label_width) + " " + line_cells(line.open, line.unknown, slots))
    rows.append(fit(text(lang, "row_uncovered"), label_width) + " " + gap_cells(timeline.uncovered, slots))
    if timeline.uncovered_locally is not None:
        rows.append(fit(text(lang, "row_uncovered_locally"), label_width) + " "
                    + gap_cells(timeline.uncovered_locally, slots))
    return [row.rstrip() for row in rows]


def _styled(row: str, label_width: int):
    from rich.text import Text

    line = Text(no_wrap=True, overflow="crop")
    label, bar = row[: _label_chars(row, label_width)], row[_label_chars(row, label_width):]
    line.append(label)
    for char in bar:
        line.append(char, style=STYLES.get(char))
    return line


def _label_chars(row: str, label_width: int) -> int:
    """How many characters of ``row`` make up its first ``label_width`` display cells."""
    from rich.cells import cell_len

    used = 0
    for index, char in enumerate(row):
        if used >= label_width:
            return index
        used += cell_len(char)
    return len(row)


_TOKENS = re.compile(r"[!-~–\u00b7]+|\s+|.")


def wrap(sentence: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells: Chinese may break between any two characters,
    Latin words, numbers and times stay whole (Rich would break only at spaces)."""
    from rich.cells import cell_len

    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(sentence):
        if token.isspace():
            if current and cell_len(current + token) <= width:
                current += token
            elif current:
                lines.append(current.rstrip())
                current = ""
            continue
        if cell_len(current + token) <= width:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        while cell_len(token) > width:  # a single run wider than the screen
            cut = _label_chars(token, width)
            while cut > 1 and cell_len(token[:cut]) > width:
                cut -= 1
            lines.append(token[:cut])
            token = token[cut:]
        current = token
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def _say(console, sentence: str, style: str | None = None) -> None:
    from rich.text import Text

    for line in wrap(sentence, console.width):
        console.print(Text(line, style=style or ""), no_wrap=True, crop=True)


def render(timeline: DayTimeline, lang: str, console, list_args: str = "", limit: int | None = None) -> None:
    width = console.width
    _, label_width = layout(width)
    _say(console, emergency_text(timeline, lang), "bold red")
    _say(console, f"{day_heading(timeline, lang)} · {where_text(timeline, lang)}", "bold")
    if timeline.overlays:
        _say(console, common_text(lang, "overlays", files=", ".join(timeline.overlays)))
    for code in timeline.warnings:
        if code != "emergency_only":
            _say(console, warning_message(timeline, code, lang), "yellow")
    console.print()
    if not timeline.lines:
        _say(console, text(lang, "no_lines"))
    for row in chart_rows(timeline, lang, width, limit):
        console.print(_styled(row, label_width), no_wrap=True, crop=True)
    hidden = len(timeline.lines) - limit if limit is not None else 0
    if hidden > 0:
        # The gap rows above still count every line; only the bars are cut.
        _say(console, common_text(lang, "more", count=hidden), "dim")
    _say(console, text(lang, "legend"), "dim")
    _say(console, text(lang, "legend_gaps"), "dim")
    console.print()
    for sentence in summary_texts(timeline, lang):
        _say(console, sentence)
    _say(console, text(lang, "list_hint", args=list_args), "dim")
    _say(console, common_text(lang, "footer"))
