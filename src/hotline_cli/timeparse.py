"""Read the instant a person asks about (`--at`). A time without an offset is China time."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from .china_time import CHINA_TZ
_TIME_ONLY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_MAX_INPUT = 64
# The hours engine looks up to 400 days ahead of the instant; beyond these years it
# would run off the calendar, and no hotline data says anything about them anyway.
MIN_YEAR = 1900
MAX_YEAR = 9997


class InstantError(ValueError):
    pass


def parse_instant(text: str | None, now: datetime | None = None) -> datetime:
    """An aware datetime for `now`, an ISO 8601 date/date-time (in its own offset), or HH:MM (today, China time)."""
    current = (now or datetime.now(CHINA_TZ)).astimezone(CHINA_TZ)
    if text is None:
        return current
    raw = text.strip()
    if not raw or len(raw) > _MAX_INPUT or not raw.isprintable():
        raise InstantError("expected an ISO 8601 time such as 2026-10-01T21:30 or 2026-10-01T21:30+08:00, or HH:MM")
    if raw.lower() == "now":
        return current
    match = _TIME_ONLY.match(raw)
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour == 24 and minute == 0 and second == 0:
            return datetime.combine(current.date() + timedelta(days=1), time(0), CHINA_TZ)
        try:
            return datetime.combine(current.date(), time(hour, minute, second), CHINA_TZ)
        except ValueError as exc:
            raise InstantError(f"{raw!r} is not a time of day ({exc})") from None
    candidate = raw.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", raw) else raw
    candidate = re.sub(r"[zZ]$", "+00:00", candidate)
    midnight = re.match(r"^(\d{4}-\d{2}-\d{2})T24:00(?::00)?(.*)$", candidate)
    if midnight:
        # ISO 8601 allows 24:00 as the end of a day: the same instant as 00:00 of the next.
        try:
            day = date.fromisoformat(midnight[1]) + timedelta(days=1)
        except (ValueError, OverflowError) as exc:
            raise InstantError(f"{raw!r} is not a valid date ({exc})") from None
        candidate = f"{day.isoformat()}T00:00{midnight[2]}"
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", candidate):
            parsed = datetime.combine(date.fromisoformat(candidate), time(0))
        else:
            parsed = datetime.fromisoformat(candidate)
    except ValueError as exc:
        raise InstantError(
            f"{raw!r} is not an ISO 8601 time ({exc}); try 2026-10-01T21:30 or 2026-10-01T21:30+08:00"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CHINA_TZ)
    try:
        instant = parsed.astimezone(CHINA_TZ)
    except (OverflowError, ValueError) as exc:
        raise InstantError(f"{raw!r} is out of range ({exc})") from None
    if not MIN_YEAR <= instant.year <= MAX_YEAR:
        raise InstantError(f"{raw!r} is out of range (years {MIN_YEAR}-{MAX_YEAR})")
    # The caller's own offset is kept: it tells whether they are outside the mainland.
    return parsed
