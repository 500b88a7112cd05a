"""China's official calendar as the engine sees it, and import hygiene of the package."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest

from hotline_cli.schedule import OFFICIAL_CALENDAR, ChinaCalendar, DayInfo, day_kind
from hotline_cli.schedule.calendar import Calendar

SRC = Path(__file__).resolve().parents[1] / "src"


def test_national_day_2026_is_a_named_holiday():
    info = day_kind(date(2026, 10, 1))
    assert info == DayInfo(
        is_workday=False, is_holiday=True, holiday_name="National Day", is_makeup_workday=False, verified=True
    )


def test_bridged_weekday_of_a_holiday_period_is_ph():
    # 2026-10-07 is a Wednesday given off for National Day.
    info = day_kind(date(2026, 10, 7))
    assert info.is_holiday and not info.is_workday and date(2026, 10, 7).weekday() == 2


def test_makeup_saturday_2026_10_10():
    info = day_kind(date(2026, 10, 10))
    assert date(2026, 10, 10).weekday() == 5
    assert info.is_workday and info.is_makeup_workday and not info.is_holiday
    assert info.holiday_name is None


def test_first_workday_after_national_day_2026_is_thursday_the_8th():
    assert day_kind(date(2026, 10, 8)).is_workday
    assert all(not day_kind(date(2026, 10, d)).is_workday for d in range(1, 8))


def test_spring_festival_2026():
    rest = [date(2026, 2, 15) + timedelta(days=i) for i in range(9)]  # 15th-23rd
    assert all(day_kind(d).is_holiday and day_kind(d).holiday_name == "Spring Festival" for d in rest)
    assert day_kind(date(2026, 2, 14)).is_makeup_workday
    assert day_kind(date(2026, 2, 28)).is_makeup_workday
    assert day_kind(date(2026, 2, 24)).is_workday


def test_plain_weekend_is_neither_workday_nor_ph():
    info = day_kind(date(2026, 10, 11))  # the Sunday after the makeup Saturday
    assert not info.is_workday and not info.is_holiday and info.holiday_name is None and info.verified


def test_unpublished_year_falls_back_without_pretending():
    friday, saturday = day_kind(date(2027, 1, 1)), day_kind(date(2027, 1, 2))
    assert friday == DayInfo(True, False, None, False, False)  # surely New Year's Day, but unpublished
    assert saturday == DayInfo(False, False, None, False, False)
    assert not day_kind(date(2003, 6, 2)).verified


def test_datetime_is_accepted_as_its_date():
    assert OFFICIAL_CALENDAR.day_kind(datetime(2026, 10, 1, 23, 59)) == OFFICIAL_CALENDAR.day_kind(date(2026, 10, 1))


def test_default_calendar_satisfies_the_protocol():
    assert isinstance(OFFICIAL_CALENDAR, Calendar)
    assert isinstance(ChinaCalendar(), Calendar)


def test_python_holidays_agrees_on_2026():
    """python-holidays lists every official rest day we call PH, and names the same makeup days."""
    ours = {d for d in _days(2026) if day_kind(d).is_holiday}
    theirs = holidays.China(years=2026)
    assert set(theirs) <= ours
    for core in (date(2026, 1, 1), date(2026, 2, 17), date(2026, 10, 1), date(2026, 10, 2)):
        assert core in theirs and core in ours
    makeup_named = {
        datetime.strptime(m.group(1), "%m/%d/%Y").date()
        for name in theirs.values()
        if (m := re.search(r"substituted from (\d\d/\d\d/\d{4})", name))
    }
    assert makeup_named == {d for d in _days(2026) if day_kind(d).is_makeup_workday}


def test_python_holidays_guesses_unpublished_years_without_makeup_days():
    # Why it is not the source: for 2027 it answers anyway, with no 调休 workdays.
    guessed = holidays.China(years=2027)
    assert date(2027, 10, 1) in guessed
    assert not any("substituted" in name for name in guessed.values())
    assert not day_kind(date(2027, 10, 1)).verified


def _days(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


def _fresh_import(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return result.stdout.strip()


def test_importing_the_package_pulls_in_neither_ui_libraries_nor_calendar_data():
    out = _fresh_import(
        "import sys, hotline_cli.schedule\n"
        "print(sorted(m for m in ('typer', 'rich', 'chinese_calendar', 'holidays') if m in sys.modules))"
    )
    assert out == "[]"


def test_calendar_data_is_loaded_on_first_official_day_lookup():
    out = _fresh_import(
        "import sys, datetime, hotline_cli.schedule as s\n"
        "s.state_at('Mo-Fr 09:00-17:00', datetime.datetime(2026, 10, 1, 10, tzinfo=datetime.timezone.utc))\n"
        "print('chinese_calendar' in sys.modules)\n"
        "s.state_at('WD 09:00-17:00', datetime.datetime(2026, 10, 1, 10, tzinfo=datetime.timezone.utc))\n"
        "print('chinese_calendar' in sys.modules)"
    )
    assert out.split() == ["False", "True"]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_published_day_is_classified_consistently(year):
    for d in _days(year):
        info = day_kind(d)
        assert info.verified
        assert not (info.is_workday and info.is_holiday)
        assert info.is_makeup_workday == (info.is_workday and d.weekday() >= 5)
        assert (info.holiday_name is not None) == info.is_holiday
