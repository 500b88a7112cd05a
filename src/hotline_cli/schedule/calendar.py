"""Mainland China's official calendar: statutory holidays, workdays and 调休 makeup days.

The State Council publishes each year's arrangement only late in the previous
year, so no rule can compute it.  ``chinese_calendar`` carries the published
arrangements (2004-2026 in 1.11.0).  For any other year we fall back to plain
Monday-Friday workdays with no holidays and say so with ``verified=False``;
python-holidays is not used as the source because it silently guesses
unpublished years and has no makeup workdays for them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType
from typing import Protocol, runtime_checkable

__all__ = ["OFFICIAL_CALENDAR", "Calendar", "ChinaCalendar", "DayInfo", "day_kind"]


@dataclass(frozen=True)
class DayInfo:
    is_workday: bool
    is_holiday: bool  # PH: an official rest day of a named holiday period
    holiday_name: str | None
    is_makeup_workday: bool  # a Saturday or Sunday made a workday (调休上班)
    verified: bool  # False: no published calendar, Monday-Friday guessed


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


def _unverified(day: date) -> DayInfo:
    return DayInfo(
        is_workday=day.weekday() < 5,
        is_holiday=False,
        holiday_name=None,
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
