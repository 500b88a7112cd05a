"""Words for the day view, shared by the terminal chart, the JSON document and the SVG chart."""

from __future__ import annotations

from datetime import datetime

from ..audiences import label as audience_label
from ..day import DayTimeline, Gap
from .labels import TEXT as COMMON_TEXT
from .labels import lookup
from .labels import text as common_text

TEXT = {
    "zh": {
        "weekday": "周{day}",
        "holiday": "{name} 法定节假日",
        "makeup": "调休上班",
        "rest": "休息日",
        "workday": "工作日",
        "unverified_day": "调休安排未公布",
        "region": "地区",
        "national": "全国",
        "audience": "人群",
        "now": "现在 {time}",
        "row_uncovered": "除12356外无热线",
        "row_uncovered_locally": "除12356外无本地热线",
        "legend": "图例：█ 开放  ▒ 格内部分时段开放  ░ 时间不详  · 未开放",
        "legend_gaps": "空档行：─ 此时 12356 开放  ! 此时 12356 未开放或时间不详",
        "only_12356": "只有 12356 开放：{spans}",
        "emergency_only": "12356 未开放或时间不详，除急救电话（{numbers}）外没有确认开放的热线：{spans}",
        "covered": "全天都有 12356 以外的热线开放（含全国性热线）。",
        "uncovered_locally": "{place}本地没有 12356 以外的热线开放（可拨全国性热线）：{spans}",
        "covered_locally": "全天都有{place}本地的热线开放。",
        "all_day": "全天",
        "list_hint": "号码与详情：hotline list{args}",
        "no_lines": "没有可显示的热线。",
        "emergency_only_warning": "部分时段除急救电话外没有确认开放的热线。",
        "svg_legend": ["开放", "时间不详", "未开放", "仅 12356 开放", "12356 未开放或时间不详"],
    },
    "en": {
        "weekday": "{day}",
        "holiday": "{name} public holiday",
        "makeup": "makeup workday (调休)",
        "rest": "weekend",
        "workday": "workday",
        "unverified_day": "makeup days not yet published",
        "region": "Region",
        "national": "All of China",
        "audience": "Audience",
        "now": "now {time}",
        "row_uncovered": "none but 12356",
        "row_uncovered_locally": "no local line",
        "legend": "Key: █ open  ▒ open for part of the slot  ░ hours unknown  · closed",
        "legend_gaps": "Gap rows: ─ 12356 open then  ! 12356 closed or unknown then",
        "only_12356": "Only 12356 is open: {spans}",
        "emergency_only": "12356 is closed or its hours unknown; no line is confirmed open besides the emergency numbers ({numbers}): {spans}",
        "covered": "Some line besides 12356 is open all day (counting nationwide lines).",
        "uncovered_locally": "No line of {place} besides 12356 is open (nationwide lines may be): {spans}",
        "covered_locally": "Some line of {place} is open all day.",
        "all_day": "all day",
        "list_hint": "Numbers and details: hotline list{args}",
        "no_lines": "No line to show.",
        "emergency_only_warning": "At times no line is confirmed open besides the emergency numbers.",
        "svg_legend": ["open", "hours unknown", "closed", "only 12356 open", "12356 closed or unknown"],
    },
}

# chinese_calendar names its holidays in English.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def text(lang: str, key: str, **values) -> str:
    return lookup(TEXT, lang, key, **values)


def holiday_name(name: str | None, lang: str) -> str | None:
    if name is None:
        return None
    return name if lang == "en" else HOLIDAY_NAMES.get(name, name)


def weekday_text(timeline: DayTimeline, lang: str) -> str:
    names = COMMON_TEXT["en" if lang == "en" else "zh"]["weekdays"]
    return text(lang, "weekday", day=names[timeline.day.weekday()])


def kind_text(timeline: DayTimeline, lang: str) -> str | None:
    """国庆节 法定节假日 / 调休上班 / 休息日, or None for an ordinary workday."""
    kind = timeline.kind
    if kind.is_holiday:
        return text(lang, "holiday", name=holiday_name(kind.holiday_name, lang))
    if kind.is_makeup_workday:
        return text(lang, "makeup")
    if not kind.is_workday:
        return text(lang, "rest")
    return None


def day_heading(timeline: DayTimeline, lang: str) -> str:
    parts = [f"{timeline.day.isoformat()} {weekday_text(timeline, lang)}"]
    kind = kind_text(timeline, lang)
    if kind:
        parts.append(kind)
    if not timeline.kind.verified:
        parts.append(text(lang, "unverified_day"))
    return " · ".join(parts)


def place_text(timeline: DayTimeline, lang: str) -> str:
    place = timeline.place
    if place is None:
        return text(lang, "national")
    if lang == "en":
        region = place.region.name_en
        return f"{place.city.pinyin.title()}, {region}" if place.city and place.city.name != place.region.name else region
    return place.label


def region_name(timeline: DayTimeline, lang: str) -> str:
    place = timeline.place
    if place is None:
        return text(lang, "national")
    return place.region.name_en if lang == "en" else place.region.name


def where_text(timeline: DayTimeline, lang: str) -> str:
    parts = [f"{text(lang, 'region')}: {place_text(timeline, lang)}"]
    if timeline.audience is not None:
        parts.append(f"{text(lang, 'audience')}: {audience_label(timeline.audience, lang)}")
    return " · ".join(parts)


def clock(moment: datetime, timeline: DayTimeline) -> str:
    """HH:MM within the day; the day's end is 24:00, as people write it."""
    if moment >= timeline.end:
        return "24:00"
    return moment.strftime("%H:%M")


def spans_text(spans, timeline: DayTimeline, lang: str) -> str:
    spans = list(spans)
    if len(spans) == 1 and spans[0].start <= timeline.start and spans[0].end >= timeline.end:
        return text(lang, "all_day")
    joiner = "、" if lang == "zh" else ", "
    return joiner.join(f"{clock(span.start, timeline)}–{clock(span.end, timeline)}" for span in spans)


def _joined(gaps: list[Gap]) -> list[Gap]:
    """Touching gaps as one stretch, whatever 12356 does during them."""
    joined: list[Gap] = []
    for gap in gaps:
        if joined and joined[-1].end == gap.start:
            joined[-1] = Gap(joined[-1].start, gap.end, joined[-1].primary)
        else:
            joined.append(gap)
    return joined


def summary_texts(timeline: DayTimeline, lang: str) -> list[str]:
    """The gap sentences: what a reader must not miss, in words (screen readers, pipes)."""
    found: list[str] = []
    only_12356 = [gap for gap in timeline.uncovered if not gap.emergency_only]
    emergency_only = [gap for gap in timeline.uncovered if gap.emergency_only]
    if emergency_only:
        numbers = "/".join(e.number for e in timeline.emergency if e.kind in ("police", "ambulance", "general"))
        found.append(text(lang, "emergency_only", numbers=numbers, spans=spans_text(emergency_only, timeline, lang)))
    if only_12356:
        found.append(text(lang, "only_12356", spans=spans_text(only_12356, timeline, lang)))
    if not timeline.uncovered:
        found.append(text(lang, "covered"))
    if timeline.uncovered_locally is not None and timeline.uncovered_locally != timeline.uncovered:
        place = region_name(timeline, lang)
        if timeline.uncovered_locally:
            spans = spans_text(_joined(list(timeline.uncovered_locally)), timeline, lang)
            found.append(text(lang, "uncovered_locally", place=place, spans=spans))
        else:
            found.append(text(lang, "covered_locally", place=place))
    return found


def warning_message(timeline: DayTimeline, code: str, lang: str) -> str:
    if code == "calendar_unverified":
        return common_text(lang, code, year=str(timeline.day.year))
    if code == "emergency_only":
        return text(lang, "emergency_only_warning")
    if code == "older_hidden":
        return common_text(lang, code, count=timeline.hidden_older)
    return common_text(lang, code)
