"""Words shown to people, in Chinese and English, and how times are written."""

from __future__ import annotations

from datetime import datetime, timedelta

TEXT = {
    "zh": {
        "emergency": "紧急情况",
        "at": "时间",
        "china_time": "北京时间",
        "region": "地区",
        "national": "全国",
        "audience": "人群",
        "open": "开放中",
        "closed": "未开放",
        "unknown": "服务时间不详",
        "closes": "至 {time}",
        "opens": "{time} 开放",
        "always": "全天24小时",
        "no_next": "暂无开放时间",
        "inactive": "已停用",
        "unconfirmed": "状态未确认",
        "line": "热线",
        "numbers": "号码",
        "status": "状态",
        "from_elsewhere": "在外地拨打 {dial} 可接通本地热线",
        "from_elsewhere_unconfirmed": "在外地可试拨 {dial}（此拨法多地可用，本市未见公告）",
        "old_number": "原号码，12356过渡期内并行，可能停用",
        "landline": "座机拨打",
        "mobile": "手机拨打",
        "menu": "接通后按 {keys}",
        "hours": "时间",
        "restricted": "仅限：{who}",
        "focus": "主要服务：{who}（所有人可拨打）",
        "more": "另有 {count} 条热线未显示；加 --limit 0 查看全部。",
        "open_count": "此刻开放 {count} 条（不含 12356）。",
        "nothing_else_open": "此刻除 12356 外没有确认开放的其他热线。12356 和急救电话随时可拨。",
        "hidden_by_call_log": "你的拨打记录（hotline log）中两次拨打为空号或非该热线的热线未列出；加 --all 可查看及原因。",
        "calendar_unverified": "注意：{year} 年的法定节假日已按《全国年节及纪念日放假办法》计算；国务院的调休安排（补休和周末补班）尚未公布，其他日子按周末休息、周一至周五上班计算，调休日的结果可能不准。",
        "12356_mainland_only": "12356 仅能在中国大陆境内拨打；在当地请拨打以下号码。",
        "footer": "如遇生命危险，请立即拨打 120 或 110。号码可能变更，拨打前请核实。",
        "today": "今天",
        "tomorrow": "明天",
        "weekdays": "一二三四五六日",
        "uncertain_dial": "区号为推断",
        "caveat": "注意",
        "reason": "原因",
        "source": "来源",
        "grade_official": "官方",
        "grade_news": "新闻媒体",
        "grade_reprint": "转载",
        "grade_aggregator": "聚合页，未核实",
        "grade_survey": "2020年调查",
        "last_confirmed": "最后核实",
        "validity": "有效期",
        "call_length": "单次时长",
        "operator": "依托机构",
        "audiences": "服务对象",
        "channels": "其他渠道",
        "opened": "开通",
        "origin": "数据来源",
        "your_calls": "你的拨打记录（hotline log）",
        "centres": "已知的 12356 地方热线",
        "hours_note": "每日不少于18小时（国家要求）",
        "older_hidden": "另有 {count} 条较早的信息（只见于 2020 年调查或两年以前的来源），可能已无人接听，未显示；加 --all 查看。",
        "older_group": "较早的信息，可能已无人接听",
        "confidence_unverified": "未经官方或新闻来源核实，最后核实 {date}",
        "confidence_old": "较早的信息，可能已无人接听，最后核实 {date}",
        "inactive_pandemic_era": "疫情期间开设的热线，2023 年以后没有来源确认仍在服务",
        "overlays": "本次结果含自定义数据文件：{files}",
        "answering_for": "{within}：按{place}回答",
        "unknown_audience": "未识别的人群 {word}，以下按所有人回答（12356 对所有人开放）。可选的人群：{known}",
    },
    "en": {
        "emergency": "Emergency",
        "at": "Time",
        "china_time": "China time",
        "region": "Region",
        "national": "All of China",
        "audience": "Audience",
        "open": "open",
        "closed": "closed",
        "unknown": "hours unknown",
        "closes": "until {time}",
        "opens": "opens {time}",
        "always": "24 hours",
        "no_next": "no opening known",
        "inactive": "no longer offered",
        "unconfirmed": "status unconfirmed",
        "line": "Hotline",
        "numbers": "Numbers",
        "status": "Status",
        "from_elsewhere": "From elsewhere dial {dial} to reach this city's centre",
        "from_elsewhere_unconfirmed": "From elsewhere try {dial} (works in many cities; not announced for this one)",
        "old_number": "old number, kept alongside 12356 for a transition; may stop working",
        "landline": "from landlines",
        "mobile": "from mobiles",
        "menu": "then press {keys}",
        "hours": "Hours",
        "restricted": "only for: {who}",
        "focus": "mainly for: {who} (anyone may call)",
        "more": "{count} more lines not shown; add --limit 0 to see all.",
        "open_count": "{count} lines open now (besides 12356).",
        "nothing_else_open": "No other line is confirmed open right now. 12356 and the emergency numbers can always be called.",
        "hidden_by_call_log": "Lines you reached as out of service or a wrong number twice (hotline log) are not listed; --all shows them with the reason.",
        "calendar_unverified": "Note: {year}'s statutory holidays are computed from the law; only its makeup arrangement (bridged days off and weekend makeup workdays, 调休) is not yet published, so other days are taken as weekends off and Monday to Friday at work, and results on those days may be wrong.",
        "12356_mainland_only": "12356 can only be dialled inside mainland China; locally, call the numbers below.",
        "footer": "If a life is in danger, call 120 or 110 now. Numbers change; check before relying on one.",
        "today": "today",
        "tomorrow": "tomorrow",
        "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "uncertain_dial": "area code inferred",
        "caveat": "Note",
        "reason": "Reason",
        "source": "Source",
        "grade_official": "official",
        "grade_news": "news",
        "grade_reprint": "reprint",
        "grade_aggregator": "aggregator, unverified",
        "grade_survey": "2020 survey",
        "last_confirmed": "Last confirmed",
        "validity": "Validity",
        "call_length": "Call length",
        "operator": "Operator",
        "audiences": "Audiences",
        "channels": "Other channels",
        "opened": "Opened",
        "origin": "Data from",
        "your_calls": "Your calls (hotline log)",
        "centres": "Known local 12356 centres",
        "hours_note": "at least 18 hours a day (national rule)",
        "older_hidden": "{count} older listings (only in the 2020 survey or in sources over two years old) may no longer answer and are not shown; add --all to see them.",
        "older_group": "Older listings, may no longer answer",
        "confidence_unverified": "not confirmed by an official or news source; last confirmed {date}",
        "confidence_old": "older listing, may no longer answer; last confirmed {date}",
        "inactive_pandemic_era": "set up for the pandemic; no source since 2023 confirms it still runs",
        "overlays": "This answer uses your own data files: {files}",
        "answering_for": "{within}: answering for {place}",
        "unknown_audience": "Unknown audience {word}: showing the lines open to everyone (12356 is open to all). Known audiences: {known}",
    },
}


def lookup(table: dict, lang: str, key: str, **values) -> str:
    """A label from a {lang: {key: template}} table; Chinese when the language is not there."""
    template = table.get(lang, table["zh"])[key]
    return template.format(**values) if values else template


def text(lang: str, key: str, **values) -> str:
    return lookup(TEXT, lang, key, **values)


def when(moment: datetime, reference: datetime, lang: str) -> str:
    """A time relative to the reference day: 23:00, 24:00, 明天 08:00, 10-09 周五 09:00."""
    moment = moment.astimezone(reference.tzinfo)
    day = reference.date()
    clock = moment.strftime("%H:%M")
    if moment.date() == day:
        return clock
    if moment.date() == day + timedelta(days=1):
        if clock == "00:00":
            return "24:00"
        return f"{text(lang, 'tomorrow')} {clock}"
    weekday = TEXT[lang if lang in TEXT else "zh"]["weekdays"][moment.weekday()]
    if lang == "en":
        return f"{weekday} {moment:%Y-%m-%d} {clock}"
    return f"{moment:%Y-%m-%d} 周{weekday} {clock}"


def warning_text(answer, code: str, lang: str) -> str:
    if code == "calendar_unverified":
        years = "/".join(str(year) for year in answer.unverified_years) or str(answer.at.year)
        return text(lang, code, year=years)
    if code == "older_hidden":
        return text(lang, code, count=answer.hidden_older)
    if code == "unknown_audience":
        return unknown_audience_text(answer.unknown_audience or "", lang)
    return text(lang, code)


def unknown_audience_text(word: str, lang: str) -> str:
    from ..audiences import known_labels
    from ..regions import quoted

    separator = "、" if lang == "zh" else ", "
    return text(lang, "unknown_audience", word=quoted(word), known=separator.join(known_labels(lang)))


def inactive_text(line, lang: str) -> str | None:
    """Why a line is not offered: the data's own reason, else the wording of the rule that held it back."""
    if line.inactive_reason:
        return line.inactive_reason
    if line.inactive_code:
        return text(lang, f"inactive_{line.inactive_code}")
    return None


def confidence_text(line, lang: str) -> str | None:
    """A note on how far a non-12356 listing can be trusted; None for a current one."""
    if line.confidence.value == "current":
        return None
    return text(lang, f"confidence_{line.confidence.value}", date=line.record.last_confirmed.isoformat())


def answering_for_text(place, lang: str) -> str | None:
    """When a district or a place inside a region was typed: which place the answer is for."""
    if place is None or place.within is None:
        return None
    if lang == "en":
        name = place.city.pinyin.capitalize() if place.city is not None else place.region.name_en
    else:
        name = place.city.name if place.city is not None else place.region.name
    return text(lang, "answering_for", within=place.within, place=name)


def overlays_text(answer, lang: str) -> str | None:
    if not answer.overlays:
        return None
    return text(lang, "overlays", files=", ".join(answer.overlays))
