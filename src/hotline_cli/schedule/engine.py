"""Evaluate hours expressions: the state at an instant, the next change, open intervals.

Evaluation follows opening_hours.js rule by rule.  Each rule is split into the
part on the day it applies to and, for windows past midnight, an internal
"spill" rule that matches a day when the original selector matched the day
before.  For each day the rules that match are collected in order; a normal
rule with a day selector (and open/unknown state) discards what was collected
before it, then the survivors paint their windows over a closed day, later
ones on top.

Days are painted in wall-clock minutes of the evaluation time zone and mapped
to instants piece by piece between UTC-offset changes, so a DST jump neither
invents nor loses an hour.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Iterator, Literal, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..china_time import CHINA_TZ_NAME
from ..value import Value
from .calendar import OFFICIAL_CALENDAR, Calendar, DayInfo
from .grammar import MINUTES_PER_DAY, DayItem, Hours, parse_hours

__all__ = [
    "SEARCH_HORIZON",
    "Interval",
    "Intervals",
    "State",
    "day_intervals",
    "intervals",
    "state_at",
    "state_at_any",
]

Status = Literal["open", "closed", "unknown"]

# Long enough to see past the longest closure a line can have (a whole year
# between two PH-only openings), plus slack.
SEARCH_HORIZON = timedelta(days=400)

_DAY = timedelta(days=1)
_UTC = timezone.utc


class State(Value):
    status: Status
    next_change: datetime | None  # aware, in the evaluation time zone; None: none within the horizon
    calendar_verified: bool

    @property
    def is_open(self) -> bool:
        return self.status == "open"


class Interval(Value):
    start: datetime
    end: datetime

    @property
    def duration(self) -> timedelta:
        # Python subtracts two datetimes of one zone as wall clocks; across a
        # DST change that is off by the jump, so go through UTC.
        return self.end.astimezone(_UTC) - self.start.astimezone(_UTC)


class Intervals(Value):
    open: tuple[Interval, ...]
    unknown: tuple[Interval, ...]
    calendar_verified: bool


# --------------------------------------------------------------------------- program


class _Step(Value, eq=False):
    days: tuple[DayItem, ...] | None
    back: int  # 1 for the after-midnight part: the selector is tested on the day before
    spans: tuple[tuple[int, int], ...] | None  # minutes within the day; None: all day
    state: Status
    resets: bool
    needs_calendar: bool


class _Program:
    """Compiled form of one Hours, with a cache of its painted days."""

    def __init__(self, hours: Hours) -> None:
        steps: list[_Step] = []
        for rule in hours.rules:
            day_spans = None
            spill_spans: tuple[tuple[int, int], ...] = ()
            if rule.times is not None:
                day_spans = tuple((t.start, min(t.end, MINUTES_PER_DAY)) for t in rule.times)
                spill_spans = tuple((0, t.end - MINUTES_PER_DAY) for t in rule.times if t.end > MINUTES_PER_DAY)
            previous_has_days = bool(steps) and steps[-1].days is not None
            # The override condition of opening_hours.js, including its quirk
            # of looking at the previous (internal) rule's day selector.  The
            # parser refuses the expressions where that quirk would show.
            resets = (
                (rule.days is not None or (bool(steps) and rule.state == "open" and not previous_has_days))
                and rule.state in ("open", "unknown")
                and not rule.additional
            )
            needs_calendar = rule.uses_calendar
            steps.append(_Step(rule.days, 0, day_spans, rule.state, resets, needs_calendar))
            if spill_spans:
                steps.append(_Step(rule.days, 1, spill_spans, rule.state, False, needs_calendar))
        self.steps = tuple(steps)
        self.date_dependent = any(step.days is not None for step in steps)
        self.uses_calendar = any(step.needs_calendar for step in steps)
        self._cache: dict[tuple, tuple[tuple[tuple[int, int, Status], ...], bool]] = {}
        # Without official days the hours repeat every week, so seven days
        # show whether they ever change; "24/7" then needs no 400-day search.
        self.constant: Status | None = None
        if not self.uses_calendar:
            week = {self.day(date(2024, 1, 1) + timedelta(days=i), OFFICIAL_CALENDAR)[0] for i in range(7)}
            if len(week) == 1:
                (segments,) = week
                if len(segments) == 1:
                    self.constant = segments[0][2]

    def day(self, day: date, calendar: Calendar) -> tuple[tuple[tuple[int, int, Status], ...], bool]:
        """Painted wall-clock segments of ``day`` and whether its calendar was verified."""
        if not self.date_dependent:
            key: tuple = ()
        elif self.uses_calendar:
            key = (day, calendar)
        else:
            key = (day,)
        try:
            return self._cache[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable calendar: evaluate without caching
            return self._paint(day, calendar)
        result = self._paint(day, calendar)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _paint(self, day: date, calendar: Calendar) -> tuple[tuple[tuple[int, int, Status], ...], bool]:
        verified = True
        infos: dict[date, DayInfo] = {}

        def info(target: date) -> DayInfo:
            nonlocal verified
            found = infos.get(target)
            if found is None:
                found = infos[target] = calendar.day_kind(target)
                verified = verified and found.verified
            return found

        matched: list[_Step] = []
        for step in self.steps:
            if step.days is not None:
                target = day - timedelta(days=step.back)
                # Consult the calendar even when a weekday item would match on
                # its own, so calendar_verified never claims more than it knows.
                day_info = info(target) if step.needs_calendar else None
                if not _matches(step.days, target, day_info):
                    continue
            if step.resets:
                matched = []
            matched.append(step)

        cuts = {0, MINUTES_PER_DAY}
        for step in matched:
            if step.spans is not None:
                for a, b in step.spans:
                    cuts.add(a)
                    cuts.add(b)
        points = sorted(cuts)
        segments: list[tuple[int, int, Status]] = []
        for a, b in zip(points, points[1:]):
            status: Status = "closed"
            for step in matched:
                if step.spans is None or any(x <= a and b <= y for x, y in step.spans):
                    status = step.state
            if segments and segments[-1][2] == status:
                segments[-1] = (segments[-1][0], b, status)
            else:
                segments.append((a, b, status))
        return tuple(segments), verified


def _matches(days: tuple[DayItem, ...], target: date, info: DayInfo | None) -> bool:
    weekday = target.weekday()
    for item in days:
        if item.kind == "weekday":
            if item.first <= item.last:
                hit = item.first <= weekday <= item.last
            else:  # wraps over the week end: Fr-Mo
                hit = weekday >= item.first or weekday <= item.last
        else:
            assert info is not None
            if item.kind == "PH":
                hit = info.is_holiday
            elif item.kind == "WD":
                hit = info.is_workday
            else:
                hit = not info.is_workday
        if hit:
            return True
    return False


@functools.lru_cache(maxsize=2048)
def _compile(hours: Hours) -> _Program:
    return _Program(hours)


@functools.lru_cache(maxsize=4096)
def _compile_text(text: str) -> _Program:
    # Keyed by the text: hashing a string is cached by Python, hashing Hours is not.
    return _compile(parse_hours(text))


def _program(hours: str | Hours) -> _Program:
    if isinstance(hours, str):
        return _compile_text(hours)
    if not isinstance(hours, Hours):
        raise TypeError(f"hours must be a string, Hours or None, not {type(hours).__name__}")
    return _compile(hours)


# --------------------------------------------------------------------------- time handling


@functools.lru_cache(maxsize=64)
def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {tz!r}") from exc


def _as_utc(instant: datetime, name: str = "instant") -> datetime:
    if not isinstance(instant, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(instant).__name__}")
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got naive {instant.isoformat()})")
    return instant.astimezone(_UTC)


def _offset(instant_utc: datetime, zone: ZoneInfo) -> timedelta:
    offset = instant_utc.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def _offset_change(start: datetime, limit: datetime, zone: ZoneInfo, offset: timedelta) -> datetime:
    """First instant in (start, limit) with another UTC offset, else ``limit``.

    Looks at most one day ahead per call; callers loop.  Transitions fall on
    whole seconds and ``start`` has microsecond resolution, so a binary search
    over microseconds lands exactly on the transition.
    """
    end = min(start + _DAY, limit)
    probe = end - timedelta(microseconds=1)
    if probe <= start or _offset(probe, zone) == offset:
        return end
    lo, hi = 0, (probe - start) // timedelta(microseconds=1)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _offset(start + timedelta(microseconds=mid), zone) == offset:
            lo = mid
        else:
            hi = mid
    return start + timedelta(microseconds=hi)


def _segments(
    program: _Program,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    calendar: Calendar,
    verified: list[bool],
) -> Iterator[tuple[datetime, datetime, Status]]:
    """Adjacent (start, end, status) pieces covering [start, end), in UTC, not merged."""
    t = start
    while t < end:
        offset = _offset(t, zone)
        piece_end = _offset_change(t, end, zone, offset)
        wall = (t + offset).replace(tzinfo=None)
        wall_end = (piece_end + offset).replace(tzinfo=None)
        while wall < wall_end:
            day = wall.date()
            midnight = datetime.combine(day, time())
            segments, ok = program.day(day, calendar)
            if not ok:
                verified[0] = False
            for a, b, status in segments:
                seg_start = midnight + timedelta(minutes=a)
                seg_end = midnight + timedelta(minutes=b)
                if seg_end <= wall:
                    continue
                if seg_start >= wall_end:
                    break
                yield (
                    (max(seg_start, wall) - offset).replace(tzinfo=_UTC),
                    (min(seg_end, wall_end) - offset).replace(tzinfo=_UTC),
                    status,
                )
            wall = midnight + _DAY
        t = piece_end


def _merged(pieces: Iterable[tuple[datetime, datetime, Status]]) -> Iterator[tuple[datetime, datetime, Status]]:
    current = None
    for piece in pieces:
        if current is not None and current[2] == piece[2] and current[1] == piece[0]:
            current = (current[0], piece[1], current[2])
            continue
        if current is not None:
            yield current
        current = piece
    if current is not None:
        yield current


def _timeline(
    hours: str | Hours | None,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    calendar: Calendar,
    verified: list[bool],
) -> Iterator[tuple[datetime, datetime, Status]]:
    """Merged status pieces covering [start, end) (UTC instants)."""
    if start >= end:
        return iter(())
    if hours is None:
        return iter([(start, end, "unknown")])
    program = _program(hours)
    if program.constant is not None:
        return iter([(start, end, program.constant)])
    return _merged(_segments(program, start, end, zone, calendar, verified))


# --------------------------------------------------------------------------- public API


def state_at(
    hours: str | Hours | None,
    instant: datetime,
    tz: str = CHINA_TZ_NAME,
    calendar: Calendar = OFFICIAL_CALENDAR,
) -> State:
    """The status at ``instant`` and when it next changes, evaluated in ``tz``.

    ``hours=None`` means the hours are not known: the status is ``unknown``,
    never ``open``.  ``instant`` must be timezone-aware; it is converted to
    ``tz`` first, so the answer is the same whatever zone the caller is in.
    """
    zone = _zone(tz)
    start = _as_utc(instant)
    horizon = start + SEARCH_HORIZON
    verified = [True]
    first = next(_timeline(hours, start, horizon, zone, calendar, verified))
    next_change = None if first[1] >= horizon else first[1].astimezone(zone)
    return State(first[2], next_change, verified[0])


def state_at_any(
    hours_list: Sequence[str | Hours | None],
    instant: datetime,
    tz: str = CHINA_TZ_NAME,
    calendar: Calendar = OFFICIAL_CALENDAR,
) -> State:
    """The status of something reachable through any of several hours (e.g. a line's numbers).

    Open if any is open; otherwise unknown if any is unknown; otherwise
    closed.  ``next_change`` is when that combined status changes.
    """
    if not hours_list:
        raise ValueError("hours_list is empty")
    zone = _zone(tz)
    start = _as_utc(instant)
    horizon = start + SEARCH_HORIZON
    verified = [True]
    streams = [_timeline(h, start, horizon, zone, calendar, verified) for h in hours_list]
    current = [next(stream) for stream in streams]
    status = _combine(piece[2] for piece in current)
    while True:
        boundary = min(piece[1] for piece in current)
        if boundary >= horizon:
            return State(status, None, verified[0])
        for index, piece in enumerate(current):
            if piece[1] == boundary:
                current[index] = next(streams[index])
        if _combine(piece[2] for piece in current) != status:
            return State(status, boundary.astimezone(zone), verified[0])


def _combine(statuses: Iterable[Status]) -> Status:
    seen = set(statuses)
    if "open" in seen:
        return "open"
    if "unknown" in seen:
        return "unknown"
    return "closed"


def intervals(
    hours: str | Hours | None,
    start: datetime,
    end: datetime,
    tz: str = CHINA_TZ_NAME,
    calendar: Calendar = OFFICIAL_CALENDAR,
) -> Intervals:
    """Open (and unknown) intervals within [start, end), merged and clipped, in ``tz``."""
    zone = _zone(tz)
    lo = _as_utc(start, "start")
    hi = _as_utc(end, "end")
    verified = [True]
    opened: list[Interval] = []
    unknown: list[Interval] = []
    for a, b, status in _timeline(hours, lo, hi, zone, calendar, verified):
        if status == "open":
            opened.append(Interval(a.astimezone(zone), b.astimezone(zone)))
        elif status == "unknown":
            unknown.append(Interval(a.astimezone(zone), b.astimezone(zone)))
    return Intervals(tuple(opened), tuple(unknown), verified[0])


def day_intervals(
    hours: str | Hours | None,
    day: date,
    tz: str = CHINA_TZ_NAME,
    calendar: Calendar = OFFICIAL_CALENDAR,
) -> Intervals:
    """Intervals of one calendar day in ``tz``, from its midnight to the next."""
    zone = _zone(tz)
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + _DAY, time(), tzinfo=zone)
    return intervals(hours, start, end, tz, calendar)
