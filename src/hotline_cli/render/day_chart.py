"""The terminal day chart: one 24-hour bar per line, 12356 first, then the gaps.

Bars are drawn cell by cell (30 minutes, or one hour when the screen is too
narrow) and every row is cut to the console width by display cells, so
Chinese names never push a bar out of line.  Without a colour terminal the
same characters carry the meaning on their own.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..day import DayTimeline, Gap
from ..schedule import Interval
from .layout import chars_in_cells, fit, wrap
from .view import DayView, clock
from .words import word

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
    label = fit(word(lang, "now", time=clock(timeline.now, timeline)), label_width)
    return label + " " + " " * index + NOW_MARK


def chart_rows(view: DayView, width: int, limit: int | None = None) -> list[str]:
    """The chart as plain strings, each at most ``width`` display cells; ``limit`` caps the line rows only."""
    timeline, lang = view.timeline, view.lang
    cells, label_width = layout(width)
    slots = _slots(timeline, cells)
    rows = [" " * label_width + " " + ruler(cells)]
    marker = now_row(timeline, cells, label_width, lang)
    if marker is not None:
        rows.append(marker)
    for line, shown in list(zip(timeline.lines, view.lines))[:limit]:
        rows.append(fit(shown.name, label_width) + " " + line_cells(line.open, line.unknown, slots))
    rows.append(fit(word(lang, "row_uncovered"), label_width) + " " + gap_cells(timeline.uncovered, slots))
    if timeline.uncovered_locally is not None:
        rows.append(fit(word(lang, "row_uncovered_locally"), label_width) + " "
                    + gap_cells(timeline.uncovered_locally, slots))
    return [row.rstrip() for row in rows]


def _styled(row: str, label_width: int):
    from rich.text import Text

    line = Text(no_wrap=True, overflow="crop")
    label, bar = row[: chars_in_cells(row, label_width)], row[chars_in_cells(row, label_width):]
    line.append(label)
    for char in bar:
        line.append(char, style=STYLES.get(char))
    return line


def _say(console, sentence: str, style: str | None = None) -> None:
    from rich.text import Text

    for line in wrap(sentence, console.width):
        console.print(Text(line, style=style or ""), no_wrap=True, crop=True)


def render(view: DayView, console, list_args: str = "", limit: int | None = None) -> None:
    lang = view.lang
    width = console.width
    _, label_width = layout(width)
    _say(console, view.emergency_text, "bold red")
    _say(console, f"{view.heading} · {view.where}", "bold")
    if view.overlays:
        _say(console, view.overlays)
    for code, message in view.warnings:
        if code != "emergency_only":
            _say(console, message, "yellow")
    console.print()
    if not view.lines:
        _say(console, word(lang, "no_lines"))
    for row in chart_rows(view, width, limit):
        console.print(_styled(row, label_width), no_wrap=True, crop=True)
    hidden = len(view.lines) - limit if limit is not None else 0
    if hidden > 0:
        # The gap rows above still count every line; only the bars are cut.
        _say(console, word(lang, "more", count=hidden), "dim")
    _say(console, word(lang, "legend"), "dim")
    _say(console, word(lang, "legend_gaps"), "dim")
    console.print()
    for sentence in view.summary:
        _say(console, sentence)
    _say(console, word(lang, "list_hint", args=list_args), "dim")
    _say(console, view.footer)
