"""One calendar day at a glance: when each line is open, and when only 12356 is left.

Which lines appear, and in which order, is decided by `query.answer` asked at
the day's first instant; this module adds the open intervals of each line for
the whole day (from the hours engine) and the hours no other line covers.
Pure: no printing, no reading the clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Iterable

from .dataset import Dataset
from .records import Audience, EmergencyNumber, Hotline
from .china_time import CHINA_TZ
from .query import Group, LineAnswer, answer, inactive_reason, line_hours
from .regions import Place
from .schedule import DayInfo, Interval, day_kind, intervals
from .value import Fresh, Value


class LineDay(Value):
    """One line over the day: where it is open, and where its hours are not known."""

    line: LineAnswer
    open: tuple[Interval, ...]
    unknown: tuple[Interval, ...]
    calendar_verified: bool

    @property
    def record(self) -> Hotline:
        return self.line.record

    @property
    def is_12356(self) -> bool:
        return self.line.group is Group.primary

    @property
    def status_known(self) -> bool:
        """False when any part of the day has unknown hours; such parts are never drawn as open."""
        return not self.unknown


class Gap(Value):
    """A stretch of the day when no line but 12356 is open.

    ``primary`` is 12356's own state during it: "open" (only 12356 answers),
    "unknown" or "closed" (nothing but the emergency numbers is confirmed).
    """

    start: datetime
    end: datetime
    primary: str

    @property
    def emergency_only(self) -> bool:
        return self.primary != "open"


class DayTimeline(Value, frozen=False):
    day: date
    start: datetime  # the day's first instant, China time
    end: datetime  # the next day's first instant
    place: Place | None
    audience: Audience | None
    emergency: list[EmergencyNumber]
    lines: tuple[LineDay, ...]
    uncovered: tuple[Gap, ...]
    # Same, counting only the place's own lines (no nationwide line); None without a place.
    uncovered_locally: tuple[Gap, ...] | None
    kind: DayInfo
    now: datetime | None  # set only when it falls inside the day
    warnings: list[str] = Fresh(list)
    hidden_older: int = 0  # old listings left out, as in `hotline now`
    overlays: list[str] = Fresh(list)  # overlay files behind the lines drawn

    @property
    def calendar_verified(self) -> bool:
        return self.kind.verified and all(line.calendar_verified for line in self.lines)


# --------------------------------------------------------------------------- interval arithmetic


def _merge(spans: Iterable[Interval]) -> tuple[Interval, ...]:
    merged: list[Interval] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.end <= span.start:
            continue
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, span.end)
            continue
        merged.append(span)
    return tuple(merged)


def complement(spans: Iterable[Interval], start: datetime, end: datetime) -> tuple[Interval, ...]:
    """The parts of [start, end) that none of the spans covers."""
    free: list[Interval] = []
    cursor = start
    for span in _merge(spans):
        if span.end <= cursor or span.start >= end:
            continue
        if span.start > cursor:
            free.append(Interval(cursor, span.start))
        cursor = max(cursor, span.end)
    if cursor < end:
        free.append(Interval(cursor, end))
    return tuple(free)


def _intersect(a: Iterable[Interval], b: Iterable[Interval]) -> tuple[Interval, ...]:
    found = []
    for x in _merge(a):
        for y in _merge(b):
            lo, hi = max(x.start, y.start), min(x.end, y.end)
            if lo < hi:
                found.append(Interval(lo, hi))
    return _merge(found)


def _in_china(spans: Iterable[Interval]) -> tuple[Interval, ...]:
    return tuple(Interval(s.start.astimezone(CHINA_TZ), s.end.astimezone(CHINA_TZ)) for s in spans)


# --------------------------------------------------------------------------- per line


def _line_day(line: LineAnswer, day: date, start: datetime, end: datetime, audience: Audience | None) -> LineDay:
    if line.group is Group.inactive or inactive_reason(line.record, day) is not None:
        return LineDay(line, (), (), True)
    tz = line.record.time_zone
    opened: list[Interval] = []
    unknown: list[Interval] = []
    verified = True
    for text in line_hours(line.record, audience):
        found = intervals(text, start, end, tz)
        opened.extend(found.open)
        unknown.extend(found.unknown)
        verified = verified and found.calendar_verified
    open_spans = _merge(_in_china(opened))
    # Unknown only where no other number or channel is known to be open.
    unknown_spans = _intersect(_in_china(unknown), complement(open_spans, start, end))
    return LineDay(line, open_spans, unknown_spans, verified)


# --------------------------------------------------------------------------- gaps


def _gaps(covering: Iterable[LineDay], primary: LineDay | None, start: datetime, end: datetime) -> tuple[Gap, ...]:
    free = complement([span for line in covering for span in line.open], start, end)
    primary_open = primary.open if primary is not None else ()
    primary_unknown = primary.unknown if primary is not None else ()
    gaps: list[Gap] = []
    for state, spans in (
        ("open", primary_open),
        ("unknown", primary_unknown),
        ("closed", complement(list(primary_open) + list(primary_unknown), start, end)),
    ):
        gaps.extend(Gap(piece.start, piece.end, state) for piece in _intersect(free, spans))
    return tuple(sorted(gaps, key=lambda gap: gap.start))


# --------------------------------------------------------------------------- public


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The first instant of ``day`` and of the next day, China time."""
    return datetime.combine(day, time(), CHINA_TZ), datetime.combine(day + timedelta(days=1), time(), CHINA_TZ)


def timeline(
    dataset: Dataset,
    day: date,
    place: Place | None = None,
    audience: Audience | None = None,
    now: datetime | None = None,
    include_older: bool = False,
) -> DayTimeline:
    """The day's timeline for a place and audience; ``now`` (aware) only places the "now" marker."""
    start, end = day_bounds(day)
    # Lines and their order come from the ranking itself, asked at midnight:
    # 12356 first, then what is open in the small hours, then by opening time.
    ranked = answer(dataset, start, place, audience, include_older=include_older)
    lines = tuple(_line_day(line, day, start, end, audience) for line in ranked.lines)
    primary = next((line for line in lines if line.is_12356), None)
    others = [line for line in lines if not line.is_12356]
    uncovered = _gaps(others, primary, start, end)
    uncovered_locally = None
    if place is not None:
        local = [line for line in others if line.record.region == place.region.code]
        uncovered_locally = _gaps(local, primary, start, end)

    marker = None
    if now is not None:
        if now.tzinfo is None:
            raise ValueError("now must carry a time zone")
        local_now = now.astimezone(CHINA_TZ)
        if start <= local_now < end:
            marker = local_now

    kind = day_kind(day)
    result = DayTimeline(
        day=day,
        start=start,
        end=end,
        place=place,
        audience=audience,
        emergency=ranked.emergency,
        lines=lines,
        uncovered=uncovered,
        uncovered_locally=uncovered_locally,
        kind=kind,
        now=marker,
        hidden_older=ranked.hidden_older,
        overlays=list(ranked.overlays),
    )
    warnings = []
    if not result.calendar_verified:
        warnings.append("calendar_unverified")
    if "12356_mainland_only" in ranked.warnings:
        warnings.append("12356_mainland_only")
    if any(gap.emergency_only for gap in uncovered):
        warnings.append("emergency_only")
    if ranked.hidden_older:
        warnings.append("older_hidden")
    result.warnings = warnings
    return result
