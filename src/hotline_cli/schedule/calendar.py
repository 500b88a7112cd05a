"""Mainland China's official calendar: statutory holidays, workdays and 调休 makeup days.

The statutory holidays themselves are fixed by law (全国年节及纪念日放假办法); what
the State Council publishes each year, late in the previous year, is the
arrangement around them: bridged days off and the weekend makeup workdays (调休),
which no rule predicts.  ``chinese_calendar`` carries the published arrangements
(2004-2026 in 1.11.0) and stays authoritative for those years.  For any other
year the statutory holidays are computed from the law in force that year (lunar
dates and 清明 from lunar-python, imported only then), weekends are rest days and
other weekdays workdays, and ``verified=False`` says that only the makeup days are
unknown.  python-holidays is not used as the source because it silently guesses
unpublished years and has no makeup workdays for them.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta
from types import ModuleType
from typing import Protocol, runtime_checkable

from ..value import Value

__all__ = ["OFFICIAL_CALENDAR", "Calendar", "ChinaCalendar", "DayInfo", "day_kind", "statutory_holidays"]


class DayInfo(Value):
    is_workday: bool
    is_holiday: bool  # PH: an official rest day of a named holiday period
    holiday_name: str | None
    is_makeup_workday: bool  # a Saturday or Sunday made a workday (调休上班)
    verified: bool  # False: no published arrangement; statutory holidays computed, makeup days unknown


@runtime_checkable
class Calendar(Protocol):
    def day_kind(self, day: date) -> DayInfo: ...


@functools.cache
def _chinese_calendar() -> ModuleType | None:
    # Imported on first use: the data module is only needed for PH/WD/RD hours
    # and importing it up front would slow down every CLI start.
    try:
        import chinese_calendar
    except ImportError:
        return None
    return chinese_calendar


NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "New Year's Day", "Spring Festival", "Tomb-sweeping Day", "Labour Day",
    "Dragon Boat Festival", "Mid-autumn Festival", "National Day",
)


def _lunar_to_solar(year: int, month: int, day: int) -> date:
    from lunar_python import Lunar

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> date:
    from lunar_python import Lunar

    # The 清明 solar term of a Gregorian year falls in the lunar year that began that spring.
    solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[date, str]:
    """The rest days the law itself fixes for ``year``, under the rules in force that year.

    2025-: 元旦 1; 春节 除夕-初三; 清明; 劳动节 May 1-2; 端午; 中秋; 国庆 Oct 1-3 (2024 revision).
    2014-2024: 春节 初一-初三 and 劳动节 May 1 only.  2008-2013: 春节 除夕-初二.
    2000-2007 (1999 revision): 春节 初一-初三, 劳动节 May 1-3, no 清明, 端午 or 中秋.
    Before 2000 (1949 rules): 劳动节 May 1, 国庆 Oct 1-2.
    Bridged days and makeup workdays are the yearly notice's, never computed here.
    """
    new_year = _lunar_to_solar(year, 1, 1)
    eve = new_year - timedelta(days=1)  # 除夕: the last day of the twelfth lunar month
    days: dict[date, str] = {date(year, 1, 1): NEW_YEAR}
    if year >= 2025:
        spring, labour, national = [eve] + [new_year + timedelta(days=i) for i in range(3)], 2, 3
    elif year >= 2014:
        spring, labour, national = [new_year + timedelta(days=i) for i in range(3)], 1, 3
    elif year >= 2008:
        spring, labour, national = [eve, new_year, new_year + timedelta(days=1)], 1, 3
    elif year >= 2000:
        spring, labour, national = [new_year + timedelta(days=i) for i in range(3)], 3, 3
    else:
        spring, labour, national = [new_year + timedelta(days=i) for i in range(3)], 1, 2
    days.update({day: SPRING for day in spring})
    days.update({date(year, 5, day): LABOUR for day in range(1, labour + 1)})
    days.update({date(year, 10, day): NATIONAL for day in range(1, national + 1)})
    if year >= 2008:
        days[_qingming(year)] = QINGMING
        days[_lunar_to_solar(year, 5, 5)] = DRAGON_BOAT
        days[_lunar_to_solar(year, 8, 15)] = MID_AUTUMN
    return days


def _unverified(day: date) -> DayInfo:
    """A day of a year without a published arrangement: the law's holidays, else weekends off."""
    try:
        name = statutory_holidays(day.year).get(day)
    except ImportError:  # no lunar calendar package: only the fixed-date holidays are known
        name = {(1, 1): NEW_YEAR, (10, 1): NATIONAL}.get((day.month, day.day))
    return DayInfo(
        is_workday=name is None and day.weekday() < 5,
        is_holiday=name is not None,
        holiday_name=name,
        is_makeup_workday=False,
        verified=False,
    )


@functools.lru_cache(maxsize=8192)
def _china_day_kind(day: date) -> DayInfo:
    module = _chinese_calendar()
    if module is None:
        return _unverified(day)
    try:
        resting, name = module.get_holiday_detail(day)
    except NotImplementedError:  # a year without a published arrangement
        return _unverified(day)
    weekend = day.weekday() >= 5
    return DayInfo(
        is_workday=not resting,
        # A plain weekend is a rest day without a name; only named rest days
        # belong to a holiday period (including its bridged weekdays).
        is_holiday=bool(resting and name),
        holiday_name=name if resting else None,
        is_makeup_workday=weekend and not resting,
        verified=True,
    )


class ChinaCalendar:
    """The default calendar; stateless, so one shared instance is enough."""

    def day_kind(self, day: date) -> DayInfo:
        if isinstance(day, datetime):
            day = day.date()
        return _china_day_kind(day)

    def __repr__(self) -> str:
        return "ChinaCalendar()"


OFFICIAL_CALENDAR = ChinaCalendar()


def day_kind(day: date, calendar: Calendar = OFFICIAL_CALENDAR) -> DayInfo:
    """What kind of day ``day`` is in mainland China's official calendar."""
    return calendar.day_kind(day)
