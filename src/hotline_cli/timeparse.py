"""Read the instant a person asks about (`--at`, `day --date`). A time without an offset is China time.

Plain ISO 8601 and HH:MM are read with the standard library. Everything else people type
(2026/10/01 21:30, 10-01 21:30, 9pm, 明天 9:00, 周六 10:00, tomorrow 09:00, +2h) goes through
`_parse_typed`, which imports python-dateutil only then, so the usual run stays light.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from .china_time import CHINA_TZ

_TIME_ONLY = re.compile(r"^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$")
_ISO_LIKE = re.compile(r"^[0-9]{4,}-[0-9]{2}-[0-9]{2}(?:[T ].*)?$", re.DOTALL)
_MAX_INPUT = 64
# The hours engine looks up to 400 days ahead of the instant; beyond these years it
# would run off the calendar, and no hotline data says anything about them anyway.
MIN_YEAR = 1900
MAX_YEAR = 9997

EXAMPLES = (
    "2026-10-01T21:30, 2026/10/01 21:30, 10-01 21:30, 21:30, 9pm, 明天 9:00, 周六 10:00, "
    "tomorrow 09:00, monday 9am, +2h, +30m, +1d, 2026-10-01T21:30-05:00"
)


class InstantError(ValueError):
    pass


def current_time() -> datetime:
    """The clock every relative form counts from; tests replace it to fix "now"."""
    return datetime.now(CHINA_TZ)


def parse_instant(text: str | None, now: datetime | None = None) -> datetime:
    """An aware datetime (China time) for what a person typed; `now` when nothing was typed."""
    current = (now or current_time()).astimezone(CHINA_TZ)
    if text is None:
        return current
    raw = text.replace("\u3000", " ").strip()  # a Chinese keyboard types the ideographic space
    if not raw or len(raw) > _MAX_INPUT or not raw.isprintable():
        raise InstantError(f"expected a time such as {EXAMPLES}")
    if any(ch.isdigit() and ch not in "0123456789" for ch in raw):
        raise InstantError(f"{raw!r}: write the digits as 0-9, e.g. 2026-10-01T21:30")
    if raw.lower() in ("now", "现在"):
        return current
    match = _TIME_ONLY.match(raw)
    if match:
        return _on_day(current.date(), int(match[1]), int(match[2]), int(match[3] or 0), raw)
    if _ISO_LIKE.match(raw):
        return _parse_iso(raw)
    return _finish(_parse_typed(raw, current), raw)


def parse_date(text: str | None, now: datetime | None = None) -> date:
    """The day (China time) of what a person typed: 2026-10-01, 明天, 周六, tomorrow, 10-01 …"""
    current = (now or current_time()).astimezone(CHINA_TZ)
    if text is None:
        return current.date()
    raw = text.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
        try:
            return date.fromisoformat(raw)
        except ValueError as exc:
            raise InstantError(f"{raw!r} is not a valid date ({exc})") from None
    return parse_instant(text, current).astimezone(CHINA_TZ).date()


def _on_day(day: date, hour: int, minute: int, second: int, raw: str) -> datetime:
    if hour == 24 and minute == 0 and second == 0:
        return datetime.combine(day + timedelta(days=1), time(0), CHINA_TZ)
    try:
        return datetime.combine(day, time(hour, minute, second), CHINA_TZ)
    except ValueError as exc:
        raise InstantError(f"{raw!r} is not a time of day ({exc})") from None


def _parse_iso(raw: str) -> datetime:
    candidate = raw.replace(" ", "T", 1) if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]", raw) else raw
    candidate = re.sub(r"[zZ]$", "+00:00", candidate)
    midnight = re.match(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})T24:00(?::00)?(.*)$", candidate)
    if midnight:
        # ISO 8601 allows 24:00 as the end of a day: the same instant as 00:00 of the next.
        try:
            day = date.fromisoformat(midnight[1]) + timedelta(days=1)
        except (ValueError, OverflowError) as exc:
            raise InstantError(f"{raw!r} is not a valid date ({exc})") from None
        candidate = f"{day.isoformat()}T00:00{midnight[2]}"
    try:
        if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", candidate):
            parsed = datetime.combine(date.fromisoformat(candidate), time(0))
        else:
            parsed = datetime.fromisoformat(candidate)
    except ValueError as exc:
        raise InstantError(
            f"{raw!r} is not an ISO 8601 time ({exc}); try 2026-10-01T21:30 or 2026-10-01T21:30+08:00"
        ) from None
    return _finish(parsed, raw)


def _finish(parsed: datetime, raw: str) -> datetime:
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


# --------------------------------------------------------------------------- forms people type

_CN_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEKDAY = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_DAYS_AHEAD = {"今天": 0, "今日": 0, "today": 0, "明天": 1, "明日": 1, "tomorrow": 1, "后天": 2, "後天": 2}
# The typed forms' patterns are strings: `re` compiles each on its first use, so a run given plain
# ISO 8601 (or nothing) does not pay for compiling them.
_DAY_WORD = (
    r"(?ai)^(?P<word>今天|今日|明天|明日|后天|後天|today|tomorrow"
    r"|(?P<next>下)?(?:周|星期|礼拜)(?P<cn>[一二三四五六日天])"
    r"|(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun))"
    r"(?![a-z])\s*,?\s*(?P<rest>.*)$"
)
_RELATIVE = r"(?ai)^(?P<sign>[+-])\s*(?P<parts>(?:[0-9]+\s*[a-z]+\s*)+)$"
_RELATIVE_PART = r"(?ai)([0-9]+)\s*([a-z]+)"
_UNITS = {
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "d": "days", "day": "days", "days": "days",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
}
_CLOCK = (
    r"(?i)^(?P<period>上午|早上|早晨|凌晨|中午|下午|晚上|傍晚)?\s*(?P<hour>[0-9]{1,2})"
    r"(?:(?::|：)(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?|点(?:(?P<cn_minute>[0-9]{1,2})分?|(?P<half>半))?)?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$"
)
_NUMERIC_DATE = r"^([0-9]{1,4})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{1,4}))?$"
_CN_DATE = r"^(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})[日号]$"
_SPLIT_CLOCK = r"^(?P<day>.*?)(?:[\sT]+|(?<=[日号天期一二三四五六]))(?P<clock>\S*[0-9]\S*)$"


def _ambiguous(raw: str, understood: str, why: str) -> InstantError:
    return InstantError(f"{raw!r} is ambiguous: {why}; understood so far: {understood}. Examples: {EXAMPLES}")


def _unreadable(raw: str, understood: str | None = None, left: str | None = None) -> InstantError:
    so_far = f"; understood {understood}, but not {left!r}" if understood else ""
    return InstantError(f"{raw!r} is not a time I can read{so_far}. Examples: {EXAMPLES}")


class _ZoneNameError(ValueError):
    pass


def _refuse_zone_names(name: str, offset: int | None):
    # CST is China, US Central or Cuba: only an explicit offset (or UTC/Z) says which.
    if name is None and offset is None:
        return None  # no zone given: China time, applied later
    if offset is not None or name is None or name.upper() in ("UTC", "GMT", "Z"):
        from dateutil import tz

        return tz.tzoffset(name, offset or 0)
    raise _ZoneNameError(name)


def _clock(text: str, raw: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time of day, or None when `text` is not one."""
    match = re.match(_CLOCK, text.strip())
    if not match:
        return None
    if match["minute"] is None and match["cn_minute"] is None and match["half"] is None \
            and match["ampm"] is None and "点" not in text:
        # A bare number (9, 2130) could be an hour, a day or a year.
        raise _ambiguous(raw, f"the number {match['hour']}", "a bare number is not a time; write 9:00, 21:30 or 9pm")
    hour = int(match["hour"])
    minute = 30 if match["half"] else int(match["minute"] or match["cn_minute"] or 0)
    second = int(match["second"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    period = match["period"]
    if ampm or period:
        if hour > 12 and (ampm or period in ("上午", "早上", "早晨", "凌晨")):
            raise _ambiguous(raw, f"hour {hour}", f"{hour} is not an hour of {ampm or period}")
        if ampm == "am" and hour == 12:
            hour = 0
        elif (ampm == "pm" or period in ("下午", "晚上", "傍晚")) and hour < 12:
            hour += 12
        elif period == "中午" and hour < 11:
            hour += 12
    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second)):
        raise InstantError(f"{raw!r}: {text.strip()!r} is not a time of day. Examples: {EXAMPLES}")
    return hour, minute, second


def _day_of_word(match: re.Match, current: datetime) -> date:
    from dateutil.relativedelta import relativedelta, weekdays

    word = match["word"].lower()
    if word in _DAYS_AHEAD:
        return (current + relativedelta(days=_DAYS_AHEAD[word])).date()
    weekday = _CN_WEEKDAY[match["cn"]] if match["cn"] else _EN_WEEKDAY[match["en"].lower()]
    if match["next"]:
        # 下周六: Saturday of next week (weeks start on Monday), not merely the coming Saturday.
        monday = current + relativedelta(weekday=weekdays[0](-1))
        return (monday + relativedelta(weeks=1, weekday=weekdays[weekday])).date()
    # 周六 / saturday: the coming one, today when today is that day.
    return (current + relativedelta(weekday=weekdays[weekday])).date()


def _numeric_date(text: str, raw: str, current: datetime) -> date | None:
    cn = re.match(_CN_DATE, text)
    if cn:
        year, month, day = int(cn[1] or current.year), int(cn[2]), int(cn[3])
    else:
        match = re.match(_NUMERIC_DATE, text)
        if not match:
            return None
        first, second, third = match[1], match[2], match[3]
        if third is None:
            # Two numbers are month and day, as dates are written in China (10-01, 10/1).
            if len(first) > 2:
                raise _ambiguous(raw, text, "a year and a month without a day")
            year, month, day = current.year, int(first), int(second)
        elif len(first) == 4:
            year, month, day = int(first), int(second), int(third)
        else:
            raise _ambiguous(raw, text, "day/month/year or month/day/year? write the year first, 2026/10/01")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise InstantError(f"{raw!r} is not a valid date ({exc}); write e.g. {EXAMPLES}") from None


def _parse_typed(raw: str, current: datetime) -> datetime:
    text = " ".join(raw.split())  # one ASCII space for any run of spaces, the ideographic one (　) too
    if text.isdigit():
        raise _ambiguous(raw, f"the number {text}", "a bare number could be an hour, a date or a year")

    relative = re.match(_RELATIVE, text)
    if relative:
        from dateutil.relativedelta import relativedelta

        amounts: dict[str, int] = {}
        for count, unit in re.findall(_RELATIVE_PART, relative["parts"]):
            name = _UNITS.get(unit.lower())
            if name is None:
                raise _unreadable(raw, None, unit)
            amounts[name] = amounts.get(name, 0) + int(count)
        sign = -1 if relative["sign"] == "-" else 1
        try:
            return current + relativedelta(**{name: sign * value for name, value in amounts.items()})
        except (OverflowError, ValueError) as exc:
            raise InstantError(f"{raw!r} is out of range ({exc})") from None

    if re.match(r"^next\s", text, re.IGNORECASE):
        raise _ambiguous(raw, text, "'next friday' means this week's or next week's; write friday, 下周五 or a date")

    # A day (word or date) and an optional time of day.
    day_word = re.match(_DAY_WORD, text)
    if day_word:
        day, rest = _day_of_word(day_word, current), day_word["rest"]
    else:
        split = re.match(_SPLIT_CLOCK, text)
        day_part, rest = (split["day"].strip(), split["clock"]) if split else (text, "")
        day = _numeric_date(day_part, raw, current) if day_part else None
        if day is None:
            clock = _clock(text, raw)
            if clock:
                return _on_day(current.date(), *clock, raw)
    if day is not None:
        if not rest:
            return datetime.combine(day, time(0), CHINA_TZ)
        clock = _clock(rest, raw)
        if clock is not None:
            return _on_day(day, *clock, raw)
        if day_word:
            raise _unreadable(raw, f"the day {day.isoformat()}", rest)
        # A date with more than a time of day (an offset, seconds with a zone): dateutil reads it.
    return _parse_with_dateutil(raw, current)


def _parse_with_dateutil(raw: str, current: datetime) -> datetime:
    """Month names and the other forms dateutil knows (1 Oct 2026 21:30, Oct 1 9pm)."""
    import warnings

    from dateutil import parser

    if re.search(r"(?:UTC|GMT)\s*[+-]", raw, re.IGNORECASE):
        # POSIX reads UTC+8 as eight hours west of UTC, people mean east: refuse rather than guess.
        raise _ambiguous(raw, "a zone written as UTC±N", "UTC+8 means opposite offsets to POSIX and to people; write +08:00")

    default = datetime.combine(current.date(), time(0))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unknown zone name is refused below, not warned about
        try:
            parsed, skipped = parser.parse(
                re.sub(r"(?<=[0-9])T(?=[0-9])", " ", raw), default=default, fuzzy_with_tokens=True, yearfirst=True, tzinfos=_refuse_zone_names
            )
        except _ZoneNameError as exc:
            raise _ambiguous(raw, f"the zone name {exc}", "a zone name can mean several places; give an offset such as +08:00") from None
        except Exception:  # noqa: BLE001 - whatever dateutil trips on is input we can not read
            raise _unreadable(raw) from None
    left = " ".join(token.strip() for token in skipped if token.strip(" ,.-/"))
    understood = f"{parsed:%Y-%m-%d %H:%M}"
    if left:
        raise _unreadable(raw, understood, left)
    if re.search(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{1,2}\b", raw) and not re.search(r"[0-9]{4}[/.-]", raw):
        raise _ambiguous(raw, understood, "day/month/year or month/day/year? write the year first, 2026/10/01")
    if parsed.tzinfo is not None and parsed.utcoffset() is None:
        raise _unreadable(raw, understood, "the time zone name")
    return parsed
