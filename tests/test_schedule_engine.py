"""Pinned evaluations in Asia/Shanghai against China's official 2026 calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from hotline_cli.schedule import (
    DayInfo,
    HoursSyntaxError,
    Interval,
    State,
    day_intervals,
    intervals,
    parse_hours,
    state_at,
    state_at_any,
)

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def at(y, m, d, hh=0, mm=0, tz=SH) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=tz)


# --------------------------------------------------------------------------- holidays and workdays


def test_national_day_workday_line_is_closed_until_the_8th():
    assert state_at("WD 09:00-17:00", at(2026, 10, 1, 10)) == State("closed", at(2026, 10, 8, 9), True)


def test_national_day_round_the_clock_line_is_open():
    assert state_at("24/7", at(2026, 10, 1, 10)) == State("open", None, True)


def test_makeup_saturday_opens_the_workday_line():
    assert state_at("WD 09:00-17:00", at(2026, 10, 10, 10)) == State("open", at(2026, 10, 10, 17), True)
    # ... while a literal Monday-Friday rule ignores the official calendar.
    assert state_at("Mo-Fr 09:00-20:00", at(2026, 10, 10, 10)) == State("closed", at(2026, 10, 12, 9), True)


def test_spring_festival_2026_closes_the_workday_line():
    state = state_at("WD 09:00-17:00", at(2026, 2, 17, 10))
    assert state == State("closed", at(2026, 2, 24, 9), True)
    assert state_at("WD 09:00-17:00", at(2026, 2, 14, 10)).status == "open"  # makeup Saturday


def test_ph_rules_follow_the_official_calendar():
    hours = "Mo-Fr 09:00-17:00; PH 10:00-16:00"
    assert state_at(hours, at(2026, 10, 2, 9, 30)) == State("closed", at(2026, 10, 2, 10), True)
    assert state_at(hours, at(2026, 10, 3, 15)) == State("open", at(2026, 10, 3, 16), True)  # a holiday Saturday
    assert state_at("24/7; PH off", at(2026, 10, 5, 12)) == State("closed", at(2026, 10, 8), True)


def test_rest_days_are_the_complement_of_workdays():
    assert state_at("RD 10:00-16:00", at(2026, 10, 10, 12)).status == "closed"  # makeup workday
    assert state_at("RD 10:00-16:00", at(2026, 10, 11, 12)).status == "open"  # plain Sunday
    assert state_at("RD 10:00-16:00", at(2026, 10, 6, 12)).status == "open"  # bridged Tuesday


# --------------------------------------------------------------------------- midnight


def test_full_day_has_no_gap_at_midnight():
    for instant in (at(2026, 6, 1, 23, 59), at(2026, 6, 2, 0, 0)):
        assert state_at("00:00-24:00", instant) == State("open", None, True)
    assert intervals("00:00-24:00", at(2026, 6, 1), at(2026, 6, 4)).open == (Interval(at(2026, 6, 1), at(2026, 6, 4)),)


def test_evening_line_closes_at_midnight():
    assert state_at("18:00-24:00", at(2026, 6, 1, 23, 59)) == State("open", at(2026, 6, 2), True)
    assert state_at("18:00-24:00", at(2026, 6, 2, 0, 0)) == State("closed", at(2026, 6, 2, 18), True)
    assert state_at("18:00-24:00", datetime(2026, 6, 1, 23, 59, 59, 999999, tzinfo=SH)).status == "open"


def test_window_past_midnight():
    assert state_at("08:00-02:00", at(2026, 6, 2, 1, 30)) == State("open", at(2026, 6, 2, 2), True)
    assert state_at("08:00-02:00", at(2026, 6, 2, 2, 0)) == State("closed", at(2026, 6, 2, 8), True)
    assert state_at("08:00-26:00", at(2026, 6, 2, 1, 30)) == state_at("08:00-02:00", at(2026, 6, 2, 1, 30))


def test_workday_window_runs_into_a_holiday():
    # Friday 2026-04-03 is a workday, Saturday the 4th starts Qingming.
    assert day_intervals("WD", date(2026, 4, 4)).open == ()
    assert state_at("WD 20:00-02:00", at(2026, 4, 4, 1)) == State("open", at(2026, 4, 4, 2), True)
    # 2026-09-30 (workday) into National Day.
    assert state_at("WD 20:00-02:00", at(2026, 10, 1, 1, 59)).status == "open"
    assert state_at("WD 20:00-02:00", at(2026, 10, 1, 20)).status == "closed"


def test_holiday_window_runs_into_the_next_workday():
    assert state_at("PH 20:00-02:00", at(2026, 10, 8, 1)) == State("open", at(2026, 10, 8, 2), True)
    assert state_at("PH 20:00-02:00", at(2026, 10, 9, 1)).status == "closed"


def test_osm_lets_a_later_day_rule_cut_a_window_after_midnight():
    # Documented OSM semantics (opening_hours.js): the later "Tu off" covers all of Tuesday.
    assert state_at("Mo 22:00-02:00; Tu off", at(2026, 6, 2, 1)).status == "closed"
    # Written the other way round, Monday's window keeps its early hours.
    assert state_at("Tu off; Mo 22:00-02:00", at(2026, 6, 2, 1)).status == "open"
    assert state_at("Mo 22:00-02:00; Tu 12:00-13:00 off", at(2026, 6, 2, 1)).status == "open"


def test_day_intervals_of_a_line_open_past_midnight():
    assert day_intervals("08:00-02:00", date(2026, 6, 2)).open == (
        Interval(at(2026, 6, 2), at(2026, 6, 2, 2)),
        Interval(at(2026, 6, 2, 8), at(2026, 6, 3)),
    )


def test_round_the_clock_day_is_one_interval():
    result = day_intervals("24/7", date(2026, 10, 1))
    assert result.open == (Interval(at(2026, 10, 1), at(2026, 10, 2)),)
    assert result.unknown == () and result.calendar_verified


def test_intervals_merge_across_midnight_and_clip():
    result = intervals("22:00-02:00", at(2026, 6, 1, 23), at(2026, 6, 3, 1))
    assert result.open == (
        Interval(at(2026, 6, 1, 23), at(2026, 6, 2, 2)),
        Interval(at(2026, 6, 2, 22), at(2026, 6, 3, 1)),
    )
    assert all(i.start.tzinfo == SH for i in result.open)


def test_empty_or_reversed_range_has_no_intervals():
    assert intervals("24/7", at(2026, 6, 2), at(2026, 6, 1)).open == ()
    assert intervals("24/7", at(2026, 6, 2), at(2026, 6, 2)).open == ()


# --------------------------------------------------------------------------- unknown and unverified


def test_unknown_hours_are_never_open():
    assert state_at(None, at(2026, 6, 1, 12)) == State("unknown", None, True)
    result = intervals(None, at(2026, 6, 1), at(2026, 6, 2))
    assert result.open == () and result.unknown == (Interval(at(2026, 6, 1), at(2026, 6, 2)),)


def test_unknown_state_keyword():
    assert state_at("Mo-Fr 09:00-17:00; Sa unknown", at(2026, 6, 6, 3)) == State("unknown", at(2026, 6, 7), True)


def test_unpublished_year_uses_weekdays_and_says_so():
    assert state_at("WD 09:00-17:00", at(2027, 3, 1, 10)) == State("open", at(2027, 3, 1, 17), False)
    assert state_at("WD 09:00-17:00", at(2027, 3, 6, 10)) == State("closed", at(2027, 3, 8, 9), False)
    assert state_at("PH off; Mo-Fr 09:00-17:00", at(2027, 10, 1, 10)).calendar_verified is False
    # A rule that never asks the calendar stays verified.
    assert state_at("Mo-Fr 09:00-17:00", at(2027, 10, 1, 10)).calendar_verified is True


def test_search_into_an_unpublished_year_is_unverified():
    # Thursday 2026-12-31 evening: the next opening is looked up in 2027, where 1 January is
    # 元旦 by law (so closed) and the weekend follows; Monday the 4th is the next workday.
    state = state_at("WD 09:00-17:00", at(2026, 12, 31, 18))
    assert state == State("closed", at(2027, 1, 4, 9), False)
    assert state_at("WD 09:00-17:00", at(2026, 12, 31, 12)) == State("open", at(2026, 12, 31, 17), True)


def test_ph_only_line_finds_the_next_holiday_across_months():
    state = state_at("PH 10:00-16:00", at(2026, 7, 1, 12))
    assert state == State("closed", at(2026, 9, 25, 10), True)  # Mid-Autumn


# --------------------------------------------------------------------------- time zones


def test_a_caller_in_new_york_gets_chinas_answer():
    friday_night = datetime(2026, 10, 9, 21, 0, tzinfo=NY)  # = Saturday 2026-10-10 09:00 in China
    assert friday_night.utcoffset() == timedelta(hours=-4)
    state = state_at("WD 09:00-17:00", friday_night)
    assert state == State("open", at(2026, 10, 10, 17), True)
    assert state.next_change.tzinfo == SH
    assert state_at("WD 09:00-17:00", friday_night - timedelta(minutes=1)).next_change == at(2026, 10, 10, 9)


def test_naive_instant_is_rejected():
    with pytest.raises(ValueError, match="timezone-aware"):
        state_at("24/7", datetime(2026, 10, 1, 10))
    with pytest.raises(ValueError, match="timezone-aware"):
        intervals("24/7", datetime(2026, 10, 1), at(2026, 10, 2))


def test_unknown_time_zone_is_a_value_error():
    with pytest.raises(ValueError, match="unknown time zone"):
        state_at("24/7", at(2026, 10, 1), tz="Mars/Olympus_Mons")


def test_syntax_errors_reach_the_caller():
    with pytest.raises(HoursSyntaxError):
        state_at("Mo-Fr 9x:00", at(2026, 10, 1))


def test_parsed_hours_are_accepted():
    hours = parse_hours("WD 09:00-17:00")
    assert state_at(hours, at(2026, 10, 10, 10)) == state_at("WD 09:00-17:00", at(2026, 10, 10, 10))


def test_dst_days_in_another_zone_have_real_lengths():
    def open_hours(day):
        result = day_intervals("01:00-03:00", day, tz="America/New_York")
        return sum((i.duration for i in result.open), timedelta()) / timedelta(hours=1)

    assert open_hours(date(2026, 3, 8)) == 1  # 02:00 never happens
    assert open_hours(date(2026, 11, 1)) == 3  # 01:00-02:00 happens twice
    assert open_hours(date(2026, 6, 1)) == 2
    state = state_at("01:00-03:00", datetime(2026, 3, 8, 1, 59, tzinfo=NY), tz="America/New_York")
    assert state.status == "open" and state.next_change == datetime(2026, 3, 8, 3, 0, tzinfo=NY)
    elapsed = state.next_change.astimezone(timezone.utc) - datetime(2026, 3, 8, 1, 59, tzinfo=NY).astimezone(timezone.utc)
    assert elapsed == timedelta(minutes=1)


# --------------------------------------------------------------------------- injected calendar and combining


@dataclass(frozen=True)
class EveryDayAHoliday:
    verified: bool = True

    def day_kind(self, day: date) -> DayInfo:
        return DayInfo(False, True, "test", False, self.verified)


def test_calendar_is_injectable():
    assert state_at("24/7; PH off", at(2026, 6, 3, 12), calendar=EveryDayAHoliday()).status == "closed"
    state = state_at("PH 10:00-12:00", at(2026, 6, 3, 9), calendar=EveryDayAHoliday(verified=False))
    assert state == State("closed", at(2026, 6, 3, 10), False)


class UnhashableCalendar:
    __hash__ = None  # type: ignore[assignment]

    def day_kind(self, day: date) -> DayInfo:
        return DayInfo(day.weekday() != 2, False, None, False, True)


def test_unhashable_calendar_still_works():
    assert state_at("WD 09:00-17:00", at(2026, 6, 3, 10), calendar=UnhashableCalendar()).status == "closed"  # Wed
    assert state_at("WD 09:00-17:00", at(2026, 6, 4, 10), calendar=UnhashableCalendar()).status == "open"


def test_any_of_several_numbers():
    # "400-650 6208 (9:00-18:00) 400-100 9595 (6:00-24:00)"
    numbers = ["09:00-18:00", "06:00-24:00"]
    assert state_at_any(numbers, at(2026, 6, 1, 7)) == State("open", at(2026, 6, 2), True)
    assert state_at_any(numbers, at(2026, 6, 1, 1)) == State("closed", at(2026, 6, 1, 6), True)
    # Unknown beats closed, until the workday number opens.
    assert state_at_any(["WD 09:00-17:00", None], at(2026, 10, 1, 10)) == State("unknown", at(2026, 10, 8, 9), True)
    assert state_at_any(["24/7"], at(2026, 10, 1, 10)) == State("open", None, True)
    with pytest.raises(ValueError):
        state_at_any([], at(2026, 10, 1, 10))


def test_state_is_frozen():
    state = state_at("24/7", datetime(2026, 1, 1, tzinfo=timezone.utc))
    with pytest.raises(AttributeError):
        state.status = "closed"  # type: ignore[misc]
