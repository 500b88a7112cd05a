"""Conformance with the OSM opening_hours reference implementations.

``tests/data/osm_conformance.json`` holds cases transcribed from the public test
suites of opening_hours.js and the Rust ``opening-hours`` crate, restricted to
expressions inside our grammar.  Every one of them must pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hotline_cli.schedule import DayInfo, HoursSyntaxError, intervals, parse_hours, state_at

DATA = json.loads((Path(__file__).parent / "data" / "osm_conformance.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class HolidaySet:
    """Stands in for the upstream test location's public holidays; weekends otherwise."""

    dates: frozenset[date]

    def day_kind(self, day: date) -> DayInfo:
        holiday = day in self.dates
        return DayInfo(
            is_workday=day.weekday() < 5 and not holiday,
            is_holiday=holiday,
            holiday_name="PH" if holiday else None,
            is_makeup_workday=False,
            verified=True,
        )


NO_HOLIDAYS = HolidaySet(frozenset())


def _local(text: str, tz: str) -> datetime:
    """Upstream writes '2012-10-01 0:00' and '2015-10-17 18:20:29+02:00'."""
    text = text.strip()
    if re.search(r"[+-]\d\d:\d\d$", text):
        return datetime.fromisoformat(text)
    day, clock = text.split(" ")
    hour, minute = clock.split(":")
    return datetime.fromisoformat(day).replace(hour=int(hour), minute=int(minute), tzinfo=ZoneInfo(tz))


def _merge(pieces: list[tuple[datetime, datetime, str]]) -> list[tuple[datetime, datetime, str]]:
    merged: list[tuple[datetime, datetime, str]] = []
    for start, end, status in sorted(pieces):
        if merged and merged[-1][2] == status and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end, status)
        else:
            merged.append((start, end, status))
    return merged


def _actual(expression: str, start: datetime, end: datetime, tz: str, calendar) -> list[tuple[datetime, datetime, str]]:
    result = intervals(expression, start, end, tz=tz, calendar=calendar)
    pieces = [(i.start, i.end, "open") for i in result.open] + [(i.start, i.end, "unknown") for i in result.unknown]
    return _merge(pieces)


def _schedule(text: str, day: date, tz: str) -> list[tuple[datetime, datetime, str]]:
    """Parse the Rust tests' notation: '00:00 open 01:30 | 10:00 open 12:00 closed 13:00'."""
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo(tz))

    def at(clock: str) -> datetime:
        hour, minute = clock.split(":")
        return midnight + timedelta(hours=int(hour), minutes=int(minute))

    pieces = []
    for chain in filter(None, (part.strip() for part in text.split("|"))):
        words = chain.split()
        for i in range(0, len(words) - 2, 2):
            status = words[i + 1].lower()
            if status != "closed":
                pieces.append((at(words[i]), at(words[i + 2]), status))
    return _merge(pieces)


def _cases():
    for index, group in enumerate(DATA["groups"]):
        assert group["source"] in DATA["sources"]
        kind = group["kind"]
        if kind == "state":
            for value, expected in group["cases"]:
                yield pytest.param(group, value, expected, id=f"{index}-state-{value}")
        elif kind == "syntax_error":
            for value, suffixed in group["values"]:
                yield pytest.param(group, value, suffixed, id=f"{index}-error-{value!r}")
        else:
            for value in group["values"]:
                yield pytest.param(group, value, None, id=f"{index}-{kind}-{value}")


CASES = list(_cases())


def test_enough_cases_were_transcribed():
    assert len(CASES) >= 150


@pytest.mark.parametrize(("group", "value", "extra"), CASES)
def test_conformance(group, value, extra):
    kind = group["kind"]
    tz = group.get("tz", "UTC")
    if kind == "intervals":
        calendar = HolidaySet(frozenset(date.fromisoformat(d) for d in group.get("public_holidays", [])))
        start, end = _local(group["from"], tz), _local(group["to"], tz)
        expected = _merge(
            [
                (_local(a, tz), _local(b, tz), "unknown" if rest and rest[0] else "open")
                for a, b, *rest in group["expected"]
            ]
        )
        assert _actual(value, start, end, tz, calendar) == expected
    elif kind == "day_schedule":
        day = date.fromisoformat(group["date"])
        start = datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo(tz))
        expected = _schedule(group["schedule"], day, tz)
        assert _actual(value, start, start + timedelta(days=1), tz, NO_HOLIDAYS) == expected
    elif kind == "state":
        assert state_at(value, _local(group["at"], tz), tz=tz, calendar=NO_HOLIDAYS).status == extra
    elif kind == "next_change":
        state = state_at(value, _local(group["at"], tz), tz=tz, calendar=NO_HOLIDAYS)
        assert group["next_change"] is None and state.next_change is None
    elif kind == "equivalent":
        start = _local(group["from"], tz)
        end = start + timedelta(days=group["days"])
        mine = _actual(value, start, end, tz, NO_HOLIDAYS)
        other = _actual(group["other"], start, end, tz, NO_HOLIDAYS)
        assert (mine == other) is group["equal"]
    elif kind == "syntax_error":
        text = value + group["suffix"] if extra else value
        with pytest.raises(HoursSyntaxError) as caught:
            parse_hours(text)
        # Upstream appends a valid suffix; the error must be in the part before it.
        assert caught.value.position <= len(value)
    else:  # pragma: no cover - a typo in the data file
        pytest.fail(f"unknown case kind {kind!r}")
