"""China's official calendar as the engine sees it, and import hygiene of the package."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest

from hotline_cli.schedule import CHINA, ChinaCalendar, DayInfo, day_kind
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


def test_unpublished_year_knows_its_statutory_holidays_but_not_its_makeup_days():
    new_year, saturday, monday = day_kind(date(2027, 1, 1)), day_kind(date(2027, 1, 2)), day_kind(date(2027, 1, 4))
    assert new_year == DayInfo(False, True, "New Year's Day", False, False)  # 元旦 by law, arrangement unpublished
    assert saturday == DayInfo(False, False, None, False, False)
    assert monday == DayInfo(True, False, None, False, False)
    # 2027 春节: 除夕 5 Feb to 初三 8 Feb (2024 revision: four days).
    assert [d.day for d in _days(2027) if d.month == 2 and day_kind(d).holiday_name == "Spring Festival"] == [5, 6, 7, 8]
    assert [d.day for d in _days(2027) if d.month == 10 and day_kind(d).is_holiday] == [1, 2, 3]
    assert not day_kind(date(2003, 6, 2)).verified


# chinese-calendar 1.11 names 22 and 24 June 2012 as 端午 but not Saturday the 23rd between them (the
# notice gave 22-24 June off); it is a rest day there all the same.
PUBLISHED_GAPS = {date(2012, 6, 23)}


def test_statutory_holidays_are_inside_every_published_year():
    """For each year chinese-calendar covers (2004 on), the law's days (rules of that period) are rest days it names."""
    import chinese_calendar

    from hotline_cli.schedule.calendar import statutory_holidays

    published = chinese_calendar.constants.holidays
    years = sorted({d.year for d in published})
    assert years[0] == 2004 and years[-1] >= 2026
    differences = {
        year: sorted(d for d in statutory_holidays(year) if d not in published) for year in years
    }
    differences = {year: days for year, days in differences.items() if days}
    assert differences == {2012: sorted(PUBLISHED_GAPS)}, differences
    for day in PUBLISHED_GAPS:
        assert chinese_calendar.is_holiday(day)


@pytest.mark.parametrize("year,spring,labour,has_lunar_festivals", [
    (2005, (2, 9, 3), 3, False),   # 1999 rules: 初一-初三, 劳动节 three days, no 清明/端午/中秋
    (2010, (2, 13, 3), 1, True),   # 2008-2013: 除夕-初二
    (2020, (1, 25, 3), 1, True),   # 2014-2024: 初一-初三, 劳动节 one day
    (2026, (2, 16, 4), 2, True),   # 2024 revision: 除夕-初三, 劳动节 two days
])
def test_each_period_follows_its_own_rules(year, spring, labour, has_lunar_festivals):
    from hotline_cli.schedule.calendar import statutory_holidays

    days = statutory_holidays(year)
    month, first, count = spring
    assert sorted(d for d, name in days.items() if name == "Spring Festival") == [
        date(year, month, first) + timedelta(days=i) for i in range(count)]
    assert sorted(d for d, name in days.items() if name == "Labour Day") == [date(year, 5, d) for d in range(1, labour + 1)]
    assert any(name == "Tomb-sweeping Day" for name in days.values()) is has_lunar_festivals


def test_lunar_calendar_is_imported_only_for_an_unpublished_year():
    out = _fresh_import(
        "import sys, datetime, hotline_cli.schedule as s\n"
        "s.state_at('WD 09:00-17:00', datetime.datetime(2026, 10, 1, 10, tzinfo=datetime.timezone.utc))\n"
        "print('lunar_python' in sys.modules)\n"
        "s.state_at('WD 09:00-17:00', datetime.datetime(2027, 10, 1, 10, tzinfo=datetime.timezone.utc))\n"
        "print('lunar_python' in sys.modules)"
    )
    assert out.split() == ["False", "True"]


def test_datetime_is_accepted_as_its_date():
    assert CHINA.day_kind(datetime(2026, 10, 1, 23, 59)) == CHINA.day_kind(date(2026, 10, 1))


def test_default_calendar_satisfies_the_protocol():
    assert isinstance(CHINA, Calendar)
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
