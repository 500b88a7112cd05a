"""What every export shows, worked out once from an `Answer`: the formats differ only in layout.

`list_view` turns the Answer into plain strings in the Answer's order. Nothing
here escapes: each format escapes for its own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..audiences import label as audience_label
from ..hours_text import hours_rows, plain_hours
from ..model import Audience, NumberKind, PhoneNumber
from ..phones import tel_uri
from ..query import Answer, Group, LineAnswer, NumberAnswer
from ..render.common import area_dial_text, attempt_notes, line_name, status_text
from ..render.labels import lookup
from ..render.labels import text as render_text
from .base import ExportContext
from .sources import source_label

TEXT = {
    "zh": {
        "title": "心理援助热线",
        "colon": "：",
        "national": "全国",
        "generated": "生成日期",
        "dataset": "数据版本",
        "ranked_at": "按 {at}（北京时间）的开放情况排序",
        "ranked_place": "按地区排列，与时刻无关；各热线的服务时间见下",
        "audience": "人群",
        "emergency": "紧急情况",
        "first": "心理援助请先拨",
        "others": "其他热线",
        "none": "此地区和人群没有其他在用的热线。",
        "hours": "服务时间",
        "hours_unknown": "服务时间不详",
        "audiences": "服务对象",
        "call_length": "单次通话时长",
        "operator": "依托机构",
        "caveat": "注意",
        "channels": "其他渠道",
        "last_confirmed": "最后核实",
        "sources": "来源",
        "status": "状态",
        "if_fails": "号码打不通时",
        "if_fails_text": "请改拨 12356；如遇生命危险请拨打 120/110。",
        "footer": "号码可能变更，拨打前请核实；如遇生命危险请拨打 120/110",
        "scan": "扫码拨打",
        "day_chart": "{day} 各热线开放时段",
        "page": "第 {page} / {pages} 页",
        "number": "号码",
        "dial": "拨号",
        "note": "说明",
        "category": "类别",
        "category_emergency": "紧急",
        "category_primary": "12356",
        "category_hotline": "热线",
        "line": "热线",
        "line_id": "编号",
        "position": "序号",
        "restricted": "仅限：{who}",
        "published_hours": "原文时间",
    },
    "en": {
        "title": "Psychological support hotlines",
        "colon": ": ",
        "national": "All of China",
        "generated": "Made on",
        "dataset": "Dataset version",
        "ranked_at": "Ordered by what is open at {at} (China time)",
        "ranked_place": "Ordered by place, for any time of day; see each line's hours",
        "audience": "Audience",
        "emergency": "Emergency",
        "first": "For psychological support, call first",
        "others": "More hotlines",
        "none": "No other line in use for this place and audience.",
        "hours": "Hours",
        "hours_unknown": "hours unknown",
        "audiences": "For",
        "call_length": "Call length",
        "operator": "Run by",
        "caveat": "Note",
        "channels": "Other channels",
        "last_confirmed": "Last confirmed",
        "sources": "Sources",
        "status": "Status",
        "if_fails": "If a number fails",
        "if_fails_text": "call 12356 instead; if a life is in danger call 120/110.",
        "footer": "Numbers change; check before you rely on one. If a life is in danger, call 120/110",
        "scan": "scan to call",
        "day_chart": "Opening hours on {day}",
        "page": "page {page} of {pages}",
        "number": "Number",
        "dial": "Dial",
        "note": "Note",
        "category": "Category",
        "category_emergency": "emergency",
        "category_primary": "12356",
        "category_hotline": "hotline",
        "line": "Hotline",
        "line_id": "Id",
        "position": "No.",
        "restricted": "only for: {who}",
        "published_hours": "Hours as published",
    },
}


def text(lang: str, key: str, **values) -> str:
    return lookup(TEXT, lang, key, **values)


def qr_target(number: PhoneNumber) -> str:
    """What a number's QR code encodes: the same tel: link as everywhere else."""
    return tel_uri(number)


def contact_dial(number: PhoneNumber) -> str:
    """The number a phone contact stores: what the tel: link dials, without the scheme."""
    return tel_uri(number).removeprefix("tel:")


@dataclass(frozen=True)
class NumberView:
    display: str
    dial: str  # what a phone contact stores: the tel: link's number (+86-591-8754-7777, 12356)
    link: str
    qr: str
    mobile: bool
    who: str | None
    menu: str | None
    note: str | None
    inferred: str | None
    hours: str | None  # only when this number keeps other hours than its line
    domestic: str = ""  # as dialled inside mainland China (05918754777), for spreadsheets

    @property
    def extras(self) -> list[str]:
        return [part for part in (self.who, self.menu, self.note, self.inferred, self.hours) if part]


@dataclass(frozen=True)
class LineView:
    position: int
    id: str
    name: str
    primary: bool
    status: str | None
    numbers: list[NumberView]
    channels: list[str]
    hours: str
    audiences: list[str]
    restricted: str | None
    call_length: str | None
    operator: str | None
    area_dial: str | None
    caveats: list[str]
    last_confirmed: str
    source_numbers: list[int]
    url: str | None
    shown_number: int | None = None  # "1." "2." under "other lines"; None for the 12356 entry
    hours_rows: tuple[str, ...] = ()  # the hours as timetable rows, from the expression (never a moment's state)
    scope: str = ""  # the record's scope: national, provincial, city, institution, international


@dataclass(frozen=True)
class SourceView:
    number: int
    ref: str
    date: str | None
    label: str = ""  # who published it, for print ("海都报", "2020年中国心理热线评估"); the ref is the full address


@dataclass
class ListView:
    lang: str
    title: str
    place: str
    audience: str | None
    made_on: str
    order_note: str
    dataset_version: str
    emergency: list[tuple[str, str]]
    primary: LineView | None
    others: list[LineView]
    sources: list[SourceView]
    warnings: list[str]
    report_outdated: str
    footer: str
    day_chart_svg: str | None = None
    day_chart_title: str | None = None
    labels: dict = field(default_factory=dict)

    @property
    def lines(self) -> list[LineView]:
        return ([self.primary] if self.primary else []) + self.others


def _place_label(answer: Answer, lang: str) -> str:
    place = answer.place
    if place is None:
        return text(lang, "national")
    if lang != "en":
        return place.label
    if place.city is not None and place.city.name != place.region.name:
        return f"{place.city.pinyin.capitalize()}, {place.region.name_en}"
    return place.region.name_en


def _number_view(item: NumberAnswer, line_hours: str | None, record_hours: str | None, lang: str) -> NumberView:
    number = item.number
    own_hours = None
    if number.hours is not None and number.hours != record_hours:
        own_hours = plain_hours(number.hours, number.hours_published, lang)
        if own_hours == line_hours:
            own_hours = None
        elif own_hours is not None:
            own_hours = f"{text(lang, 'hours')}: {own_hours}"
    who = render_text(lang, number.for_callers) if number.for_callers != "any" else None
    menu = render_text(lang, "menu", keys="-".join(number.menu)) if number.menu else None
    inferred = f"{render_text(lang, 'uncertain_dial')}: {number.dial}" if number.dial_inferred else None
    return NumberView(
        display=number.published,
        dial=contact_dial(number),
        link=tel_uri(number),
        qr=qr_target(number),
        mobile=number.kind is NumberKind.mobile,
        who=who,
        menu=menu,
        note=number.note,
        inferred=inferred,
        hours=own_hours,
        domestic=number.dial,
    )


def _line_hours_source(line: LineAnswer) -> tuple[str | None, str | None]:
    """The hours expression and published wording a line's hours are read from."""
    record = line.record
    expression, published = record.hours, record.hours_published
    if expression is None and published is None:
        general = [a for a in record.audiences if a.key is Audience.general and (a.hours or a.hours_published)]
        if general:
            expression, published = general[0].hours, general[0].hours_published
    return expression, published


def _line_hours(line: LineAnswer, lang: str) -> tuple[str | None, str | None]:
    """The line's hours in words, and the expression they came from."""
    expression, published = _line_hours_source(line)
    return plain_hours(expression, published, lang), expression


def _audiences(line: LineAnswer, lang: str) -> list[str]:
    found = []
    for entry in line.record.audiences:
        label = audience_label(entry.key, lang)
        hours = plain_hours(entry.hours, entry.hours_published, lang) if (entry.hours or entry.hours_published) else None
        found.append(f"{label}（{hours}）" if hours and lang != "en" else f"{label} ({hours})" if hours else label)
    return found


def _line_view(line: LineAnswer, position: int, answer: Answer, context: ExportContext,
               sources: dict[str, SourceView]) -> LineView:
    lang = context.lang
    record = line.record
    hours, expression = _line_hours(line, lang)
    numbers = [_number_view(item, hours, expression, lang) for item in line.numbers]
    if hours is None and any(n.hours for n in numbers):
        hours_text = ""
    else:
        hours_text = hours or text(lang, "hours_unknown")
    restricted = None
    if record.restricted:
        who = "、".join(audience_label(a.key, lang) for a in record.audiences if a.key is not Audience.general)
        restricted = text(lang, "restricted", who=who)
    source_numbers = []
    for source in record.sources:
        if source.ref not in sources:
            sources[source.ref] = SourceView(len(sources) + 1, source.ref, None, source_label(source, lang))
        if sources[source.ref].date is None and source.date is not None:
            sources[source.ref] = replace(sources[source.ref], date=source.date.isoformat())
        if sources[source.ref].number not in source_numbers:
            source_numbers.append(sources[source.ref].number)
    url = next((s.ref for s in record.sources if s.ref.startswith(("https://", "http://"))), None)
    channels = [f"{channel.kind}: {channel.value}" for channel in record.channels]
    return LineView(
        position=position,
        id=record.id,
        name=line_name(line, lang),
        primary=line.group is Group.primary,
        status=status_text(line, answer, lang) if context.order == "status" else None,
        numbers=numbers,
        channels=channels,
        hours=hours_text,
        audiences=_audiences(line, lang),
        restricted=restricted,
        call_length=record.call_length,
        operator=record.operator,
        area_dial=area_dial_text(line, lang) if line.area_dial else None,
        caveats=attempt_notes(line, lang) + list(record.caveats),
        last_confirmed=record.last_confirmed.isoformat(),
        source_numbers=source_numbers,
        url=url,
        hours_rows=tuple(hours_rows(*_line_hours_source(line), lang)),
        scope=record.scope.value,
    )


def list_view(answer: Answer, context: ExportContext) -> ListView:
    """Everything an export shows, in the Answer's order."""
    from ..render.labels import warning_text

    lang = context.lang
    sources: dict[str, SourceView] = {}
    # Ended lines never reach a printed list, whatever the Answer was asked for.
    active = [line for line in answer.lines if line.group is not Group.inactive]
    views = [_line_view(line, position, answer, context, sources) for position, line in enumerate(active, start=1)]
    primary = views[0] if views and views[0].primary else None
    others = [replace(line, shown_number=index) for index, line in enumerate(views[1:] if primary else views, start=1)]
    emergency = [(e.number, e.name_en if lang == "en" else e.name) for e in answer.emergency]
    place = _place_label(answer, lang)
    if context.order == "status":
        order_note = text(lang, "ranked_at", at=f"{answer.at:%Y-%m-%d %H:%M}")
    else:
        order_note = text(lang, "ranked_place")
    warnings = [warning_text(answer, code, lang) for code in answer.warnings
                if code != "nothing_else_open" or context.order == "status"]
    return ListView(
        lang=lang,
        title=f"{text(lang, 'title')} · {place}",
        place=place,
        audience=audience_label(answer.audience, lang) if answer.audience else None,
        made_on=answer.at.date().isoformat(),
        order_note=order_note,
        dataset_version=context.dataset_version,
        emergency=emergency,
        primary=primary,
        others=others,
        sources=list(sources.values()),
        warnings=warnings,
        report_outdated=context.report_outdated,
        footer=text(lang, "footer"),
        day_chart_svg=context.day_chart_svg,
        day_chart_title=text(lang, "day_chart", day=context.day_chart_day) if context.day_chart_svg and context.day_chart_day else None,
        labels=TEXT.get(lang, TEXT["zh"]),
    )
