"""Hours expressions in words a person reads on paper: "工作日 9:00–17:00", "Mon–Fri 9:00–17:00".

Pure functions over the parsed grammar (``schedule.grammar``). Rules are read
in order and joined with "；"; a later rule narrows or replaces an earlier one
("每天 9:00–21:00；法定节假日休息"), which is how the engine applies them too.
When an expression is missing or outside the grammar, the record's own
published wording is shown instead, so a reader never gets a blank.
"""

from __future__ import annotations

from .schedule.grammar import (
    MINUTES_PER_DAY,
    DayItem,
    Hours,
    HoursSyntaxError,
    Rule,
    TimeSpan,
    parse_hours,
)

_WORDS = {
    "zh": {
        "weekdays": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "range": "{first}至{last}",
        "PH": "法定节假日",
        "WD": "工作日",
        "RD": "休息日",
        "every_day": "每天",
        "all_day": "24小时",
        "always": "全天24小时",
        "next_day": "次日{clock}",
        "closed_days": "{days}休息",
        "closed_times": "{what} 不开放",
        "closed_days_times": "{days} {times} 不开放",
        "closed": "休息",
        "unknown": "{what}时间不定",
        "unknown_alone": "时间不定",
        "comment": "{text}（{comment}）",
        "day_sep": "、",
        "time_sep": "、",
        "rule_sep": "；",
        "dash": "–",
    },
    "en": {
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "range": "{first}–{last}",
        "PH": "public holidays",
        "WD": "official workdays",
        "RD": "official rest days",
        "every_day": "daily",
        "all_day": "24 hours",
        "always": "24 hours, every day",
        "next_day": "{clock} next day",
        "closed_days": "closed on {days}",
        "closed_times": "closed {what}",
        "closed_days_times": "closed on {days} {times}",
        "closed": "closed",
        "unknown": "{what}: hours not fixed",
        "unknown_alone": "hours not fixed",
        "comment": "{text} ({comment})",
        "day_sep": ", ",
        "time_sep": ", ",
        "rule_sep": "; ",
        "dash": "–",
    },
}


def _words(lang: str) -> dict:
    return _WORDS.get(lang, _WORDS["zh"])


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _day_item(item: DayItem, words: dict) -> str:
    if item.kind != "weekday":
        return words[item.kind]
    names = words["weekdays"]
    if item.first == item.last:
        return names[item.first]
    return words["range"].format(first=names[item.first], last=names[item.last])


def _days(days: tuple[DayItem, ...] | None, words: dict) -> str | None:
    if days is None:
        return None
    if len(days) == 1 and days[0].kind == "weekday" and days[0].first == 0 and days[0].last == 6:
        return words["every_day"]
    return words["day_sep"].join(_day_item(item, words) for item in days)


def _span(span: TimeSpan, words: dict) -> str:
    if span.end <= MINUTES_PER_DAY:
        end = _clock(span.end)
    else:
        end = words["next_day"].format(clock=_clock(span.end - MINUTES_PER_DAY))
    return f"{_clock(span.start)}{words['dash']}{end}"


def _whole_day(rule: Rule) -> bool:
    return rule.always or rule.times is None or rule.times == (TimeSpan(0, MINUTES_PER_DAY),)


def _join(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)


def describe_rule(rule: Rule, lang: str = "zh") -> str:
    """One rule in words, without the separator that joins it to the next."""
    words = _words(lang)
    days = _days(rule.days, words)
    times = None if _whole_day(rule) else words["time_sep"].join(_span(span, words) for span in rule.times or ())

    if rule.state == "closed":
        if times is None:
            text = words["closed_days"].format(days=days) if days else words["closed"]
        else:
            text = words["closed_days_times"].format(days=days, times=times) if days else words["closed_times"].format(what=times)
    elif rule.state == "unknown":
        what = _join(days, times)
        text = words["unknown"].format(what=what) if what else words["unknown_alone"]
    elif times is None:
        if days is None or days == words["every_day"]:
            text = words["always"]
        else:
            text = _join(days, words["all_day"])
    else:
        text = _join(days or words["every_day"], times)

    if rule.comment:
        text = words["comment"].format(text=text, comment=rule.comment)
    return text


def describe(hours: Hours, lang: str = "zh") -> str:
    """A parsed hours expression in words."""
    words = _words(lang)
    return words["rule_sep"].join(describe_rule(rule, lang) for rule in hours.rules)


def plain_hours(expression: str | None, published: str | None = None, lang: str = "zh") -> str | None:
    """Words for an hours expression; the published wording when there is no usable expression.

    None only when neither is known.
    """
    if expression:
        try:
            return describe(parse_hours(expression), lang)
        except HoursSyntaxError:
            pass
    if published and published.strip():
        return published.strip()
    return None


def hours_rows(expression: str | None, published: str | None = None, lang: str = "zh") -> list[str]:
    """The hours as rows of a timetable, one rule per row ("周一至周五 9:00–17:00", "法定节假日休息").

    Read from the expression, never from the state at some moment; the published wording
    when there is no usable expression; empty when neither is known.
    """
    if expression:
        try:
            return [describe_rule(rule, lang) for rule in parse_hours(expression).rules]
        except HoursSyntaxError:
            pass
    if published and published.strip():
        return [published.strip()]
    return []
