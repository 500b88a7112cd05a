"""Schedule engine: when is a hotline open?

Pure library code: parse hours written in a subset of OpenStreetMap's
``opening_hours`` (plus China's official workdays, ``WD``), and evaluate them
against mainland China's official holiday calendar.  See ``docs/hours.md``.
"""

from .calendar import OFFICIAL_CALENDAR, Calendar, ChinaCalendar, DayInfo, day_kind
from .engine import (
    SEARCH_HORIZON,
    Interval,
    Intervals,
    State,
    day_intervals,
    intervals,
    state_at,
    state_at_any,
)
from .grammar import DayItem, Hours, HoursSyntaxError, Rule, TimeSpan, parse_hours

__all__ = [
    "OFFICIAL_CALENDAR",
    "SEARCH_HORIZON",
    "Calendar",
    "ChinaCalendar",
    "DayInfo",
    "DayItem",
    "Hours",
    "HoursSyntaxError",
    "Interval",
    "Intervals",
    "Rule",
    "State",
    "TimeSpan",
    "day_intervals",
    "day_kind",
    "intervals",
    "parse_hours",
    "state_at",
    "state_at_any",
]
