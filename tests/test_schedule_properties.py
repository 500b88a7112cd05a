"""Properties of the engine over generated expressions and instants (2024-2027).

Besides self-consistency (next change, intervals versus point states, time
zone invariance) the engine is compared with a deliberately naive evaluator
written straight from the opening_hours.js rule semantics, minute by minute.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from hotline_cli.schedule import OFFICIAL_CALENDAR, intervals, parse_hours, state_at

ZONES = ["Asia/Shanghai", "America/New_York", "Europe/Berlin"]
MIN = timedelta(minutes=1)

# --------------------------------------------------------------------------- expression generator

weekday_names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
day_item = st.one_of(
    st.sampled_from(weekday_names),
    st.tuples(st.sampled_from(weekday_names), st.sampled_from(weekday_names)).map("-".join),
    st.sampled_from(["PH", "WD", "RD"]),
)
minute_of_day = st.one_of(st.integers(0, 47).map(lambda x: x * 30), st.integers(0, 1439))


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def span(draw):
    start = draw(minute_of_day)
    end = draw(st.one_of(st.integers(start + 1, min(start + 1440, 2880)), st.integers(start + 1, 2880)))
    short = end - 1440
    if end > 1440 and short <= start and draw(st.booleans()):
        return f"{_clock(start)}-{_clock(short)}"
    return f"{_clock(start)}-{end // 60:02d}:{end % 60:02d}"


@st.composite
def rule(draw, after_semicolon: bool):
    days = draw(st.one_of(st.none(), st.lists(day_item, min_size=1, max_size=3).map(",".join)))
    times = draw(st.one_of(st.none(), st.just("24/7"), st.lists(span(), min_size=1, max_size=3).map(",".join)))
    state = draw(st.sampled_from([None, "open", "off", "closed", "unknown"]))
    if after_semicolon and days is None:
        state = draw(st.sampled_from(["off", "closed"]))
    if days is None and times is None and state is None:
        state = "open"
    parts = [p for p in (days, times, state) if p is not None]
    if state is not None and draw(st.booleans()):
        parts.append('"note"')
    return parts


@st.composite
def expression(draw):
    text = " ".join(draw(rule(False)))
    for _ in range(draw(st.integers(0, 3))):
        separator = draw(st.sampled_from([";", ","]))
        parts = draw(rule(separator == ";"))
        if separator == ",":
            # ',' starts an additional rule only after times, a state or a comment.
            last = text.split()[-1]
            if last[0].isalpha() and last.lower() not in ("open", "off", "closed", "unknown") or last == "24/7":
                text += " open"
        text += f"{separator} " + " ".join(parts)
    return text


instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31, 23, 59, 59), timezones=st.just(timezone.utc)
)

# --------------------------------------------------------------------------- naive evaluator


def _item_matches(item, day: date) -> bool:
    if item.kind == "weekday":
        weekday = day.weekday()
        if item.first <= item.last:
            return item.first <= weekday <= item.last
        return weekday >= item.first or weekday <= item.last
    info = OFFICIAL_CALENDAR.day_kind(day)
    return {"PH": info.is_holiday, "WD": info.is_workday, "RD": not info.is_workday}[item.kind]


def naive_status(text: str, instant: datetime, tz: str) -> str:
    """opening_hours.js semantics evaluated for one minute, straight from the parsed rules."""
    local = instant.astimezone(ZoneInfo(tz))
    day, minute = local.date(), local.hour * 60 + local.minute
    internal = []
    for r in parse_hours(text).rules:
        internal.append((r, False))
        if r.times is not None and any(t.end > 1440 for t in r.times):
            internal.append((r, True))  # the part after midnight, tested on the day before
    matched = []
    for index, (r, after_midnight) in enumerate(internal):
        target = day - timedelta(days=1) if after_midnight else day
        if r.days is not None and not any(_item_matches(item, target) for item in r.days):
            continue
        previous = internal[index - 1][0] if index else None
        overrides = (
            not after_midnight
            and not r.additional
            and r.state in ("open", "unknown")
            and (r.days is not None or (previous is not None and r.state == "open" and previous.days is None))
        )
        if overrides:
            matched = []
        matched.append((r, after_midnight))
    status = "closed"
    for r, after_midnight in matched:
        if r.times is None:
            status = r.state
            continue
        for t in r.times:
            if after_midnight:
                covered = minute < t.end - 1440
            else:
                covered = t.start <= minute < min(t.end, 1440)
            if covered:
                status = r.state
    return status


# --------------------------------------------------------------------------- properties


@settings(max_examples=100, deadline=None)
@given(expression(), instants, st.sampled_from(ZONES))
def test_generated_expressions_parse_and_match_the_naive_evaluator(text, instant, tz):
    parse_hours(text)
    assert state_at(text, instant, tz=tz).status == naive_status(text, instant, tz)


@settings(max_examples=100, deadline=None)
@given(expression(), instants, st.sampled_from(ZONES))
def test_state_changes_exactly_at_next_change(text, instant, tz):
    state = state_at(text, instant, tz=tz)
    if state.next_change is None:
        return
    change = state.next_change
    assert change > instant
    assert change.tzinfo == ZoneInfo(tz)
    assert state_at(text, change - MIN, tz=tz).status == state.status
    assert state_at(text, change, tz=tz).status != state.status
    assert naive_status(text, change, tz) != state.status


@settings(max_examples=60, deadline=None)
@given(expression(), instants, st.integers(1, 72 * 60), st.sampled_from(ZONES), st.data())
def test_intervals_agree_with_point_states(text, start, minutes, tz, data):
    end = start + timedelta(minutes=minutes)
    result = intervals(text, start, end, tz=tz)
    pieces = [(i, "open") for i in result.open] + [(i, "unknown") for i in result.unknown]
    pieces.sort(key=lambda p: p[0].start)
    for (a, _), (b, _) in zip(pieces, pieces[1:]):
        assert a.end <= b.start  # disjoint
    for i, _ in pieces:
        assert start <= i.start < i.end <= end

    def expected(instant):
        for i, status in pieces:
            if i.start <= instant < i.end:
                return status
        return "closed"

    probes = {start, end - MIN if end - MIN > start else start}
    for i, _ in pieces:
        probes.update(p for p in (i.start, i.end - MIN, i.end) if start <= p < end)
    offsets = data.draw(st.lists(st.integers(0, minutes * 60 - 1), max_size=5))
    probes.update(start + timedelta(seconds=s) for s in offsets)
    for probe in probes:
        assert state_at(text, probe, tz=tz).status == expected(probe), probe


@settings(max_examples=60, deadline=None)
@given(expression(), instants, st.sampled_from(ZONES), st.sampled_from(ZONES + ["UTC", "Asia/Kolkata", "Pacific/Chatham"]))
def test_same_instant_in_any_zone_gives_the_same_answer(text, instant, tz, caller_zone):
    here = state_at(text, instant, tz=tz)
    there = state_at(text, instant.astimezone(ZoneInfo(caller_zone)), tz=tz)
    assert here == there
