"""Every word the tool itself writes, in Chinese and English, in one table.

Each key holds both languages side by side, so a missing translation is a failed
test rather than a half-English screen. Data text (names, caveats, notes) comes
from the records; where a record has no English and the reader asked for
English, it keeps its Chinese and is marked with ``in_chinese``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

LANGS = ("zh", "en")

WORDS: dict[str, dict[str, object]] = {
    # ------------------------------------------------------------------ header and footer
    "emergency": {"zh": "紧急情况", "en": "Emergency"},
    "at": {"zh": "时间", "en": "Time"},
    "china_time": {"zh": "北京时间", "en": "China time"},
    "region": {"zh": "地区", "en": "Region"},
    "national": {"zh": "全国", "en": "All of China"},
    "audience": {"zh": "人群", "en": "Audience"},
    "footer": {
        "zh": "如遇生命危险，请立即拨打 {numbers}。号码可能变更，拨打前请核实。",
        "en": "If a life is in danger, call {numbers} now. Numbers change; check before relying on one.",
    },
    "or": {"zh": " 或 ", "en": " or "},
    "title": {"zh": "心理援助热线", "en": "Psychological support hotlines"},
    # ------------------------------------------------------------------ states and times
    "open": {"zh": "开放中", "en": "open"},
    "closed": {"zh": "未开放", "en": "closed"},
    "unknown": {"zh": "服务时间不详", "en": "hours unknown"},
    "closes": {"zh": "至 {time}", "en": "until {time}"},
    "opens": {"zh": "{time} 开放", "en": "opens {time}"},
    "always": {"zh": "全天24小时", "en": "24 hours"},
    "no_next": {"zh": "暂无开放时间", "en": "no opening known"},
    "inactive": {"zh": "已停用", "en": "no longer offered"},
    "today": {"zh": "今天", "en": "today"},
    "tomorrow": {"zh": "明天", "en": "tomorrow"},
    "weekdays": {"zh": ["一", "二", "三", "四", "五", "六", "日"], "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]},
    "date_with_weekday": {"zh": "{date} 周{weekday}", "en": "{weekday} {date}"},
    "status_sep": {"zh": " · ", "en": " · "},
    # ------------------------------------------------------------------ a line and its numbers
    "line": {"zh": "热线", "en": "Hotline"},
    "numbers": {"zh": "号码", "en": "Numbers"},
    "status": {"zh": "状态", "en": "Status"},
    "from_elsewhere": {"zh": "在外地拨打 {dial} 可接通本地热线", "en": "From elsewhere dial {dial} to reach this city's centre"},
    "from_elsewhere_unconfirmed": {
        "zh": "在外地可试拨 {dial}（此拨法多地可用，本市未见公告）",
        "en": "From elsewhere try {dial} (works in many cities; not announced for this one)",
    },
    "old_number": {
        "zh": "原号码，12356过渡期内并行，可能停用",
        "en": "old number, kept alongside 12356 for a transition; may stop working",
    },
    "landline": {"zh": "座机拨打", "en": "from landlines"},
    "mobile": {"zh": "手机拨打", "en": "from mobiles"},
    "menu": {"zh": "接通后按 {keys}", "en": "then press {keys}"},
    "published_as": {"zh": "原文印作 {published}", "en": "published as {published}"},
    "uncertain_dial": {"zh": "区号为推断", "en": "area code inferred"},
    "number_ended": {"zh": "此号码已停用", "en": "this number no longer works"},
    "hours": {"zh": "服务时间", "en": "Hours"},
    "hours_published": {"zh": "原文时间", "en": "Hours as published"},
    "hours_unknown": {"zh": "服务时间不详", "en": "hours unknown"},
    "hours_note": {"zh": "每日不少于18小时（国家要求）", "en": "at least 18 hours a day (national rule)"},
    "restricted": {"zh": "仅限：{who}", "en": "only for: {who}"},
    "caveat": {"zh": "注意", "en": "Note"},
    "reason": {"zh": "原因", "en": "Reason"},
    "source": {"zh": "来源", "en": "Source"},
    "sources": {"zh": "来源", "en": "Sources"},
    "last_confirmed": {"zh": "最后核实", "en": "Last confirmed"},
    "age_days": {"zh": "{days} 天前", "en": "{days} days ago"},
    "age_months": {"zh": "{months} 个月前", "en": "{months} months ago"},
    "age_years": {"zh": "{years} 年前", "en": "{years} years ago"},
    "validity": {"zh": "有效期", "en": "Validity"},
    "call_length": {"zh": "单次通话时长", "en": "Call length"},
    "operator": {"zh": "依托机构", "en": "Run by"},
    "audiences": {"zh": "服务对象", "en": "For"},
    "channels": {"zh": "其他渠道", "en": "Other channels"},
    "opened": {"zh": "开通", "en": "Opened"},
    "origin": {"zh": "数据来源", "en": "Data from"},
    "origin_bundled": {"zh": "内置数据 {file}", "en": "bundled {file}"},
    "origin_overlay": {"zh": "叠加文件 {file}", "en": "overlay {file}"},
    "origin_replaces": {"zh": "（替换了同编号的原记录）", "en": " (replaces the earlier record with this id)"},
    "follows": {"zh": "以此来源为准", "en": "follows"},
    "centres": {"zh": "已知的 12356 地方热线", "en": "Known local 12356 centres"},
    "in_chinese": {"zh": "{text}", "en": "[Chinese] {text}"},
    "list_sep": {"zh": "、", "en": ", "},
    "extras_sep": {"zh": "，", "en": ", "},
    "parts_sep": {"zh": "；", "en": "; "},
    "colon": {"zh": "：", "en": ": "},
    "brackets": {"zh": "（{text}）", "en": " ({text})"},
    "unconfirmed": {"zh": "状态未确认", "en": "status unconfirmed"},
    "focus": {"zh": "主要服务：{who}（所有人可拨打）", "en": "mainly for: {who} (anyone may call)"},
    "grade_official": {"zh": "官方", "en": "official"},
    "grade_news": {"zh": "新闻媒体", "en": "news"},
    "grade_reprint": {"zh": "转载", "en": "reprint"},
    "grade_aggregator": {"zh": "聚合页，未核实", "en": "aggregator, unverified"},
    "grade_survey": {"zh": "2020年调查", "en": "2020 survey"},
    # ------------------------------------------------------------------ the user's call log
    "your_calls": {"zh": "你的拨打记录（hotline log）", "en": "Your calls (hotline log)"},
    "outcome_answered": {"zh": "已接通", "en": "answered"},
    "outcome_no-answer": {"zh": "无人接听", "en": "no answer"},
    "outcome_busy": {"zh": "占线", "en": "busy"},
    "outcome_wrong-number": {"zh": "接听的不是该热线", "en": "another organisation answered"},
    "outcome_out-of-service": {"zh": "提示空号或停机", "en": "out of service"},
    "outcome_closed-at-stated-hours": {"zh": "在公布的开放时间内无人服务", "en": "closed during its stated hours"},
    "call_failed": {"zh": "你 {when} 拨打{outcome}{more}", "en": "You called on {when}: {outcome}{more}"},
    "call_failures": {"zh": "（30 天内 {count} 次未接通）", "en": " ({count} failed calls in 30 days)"},
    "last_answered": {"zh": "上次接通 {when}", "en": "last answered {when}"},
    "hidden_by_log": {
        "zh": "你 {when} 等 {count} 次拨打为空号或非该热线，且此后未接通；记录一次接通即可恢复显示",
        "en": "You reached a dead or wrong number {count} times since it last answered ({when}); log an answered call to show it again",
    },
    "older_hidden": {
        "zh": "另有 {count} 条较早的信息（只见于 2020 年调查或两年以前的来源），可能已无人接听，未显示；加 --all 查看。",
        "en": "{count} older listings (only in the 2020 survey or in sources over two years old) may no longer answer and are not shown; add --all to see them.",
    },
    "older_group": {"zh": "较早的信息，可能已无人接听", "en": "Older listings, may no longer answer"},
    "confidence_unverified": {"zh": "未经官方或新闻来源核实，最后核实 {date}", "en": "not confirmed by an official or news source; last confirmed {date}"},
    "confidence_old": {"zh": "较早的信息，可能已无人接听，最后核实 {date}", "en": "older listing, may no longer answer; last confirmed {date}"},
    "inactive_pandemic_era": {"zh": "疫情期间开设的热线，2023 年以后没有来源确认仍在服务", "en": "set up for the pandemic; no source since 2023 confirms it still runs"},
    "overlays": {"zh": "本次结果含自定义数据文件：{files}", "en": "This answer uses your own data files: {files}"},
    "answering_for": {"zh": "{within}：按{place}回答", "en": "{within}: answering for {place}"},
    "unknown_audience": {
        "zh": "未识别的人群 {word}，以下按所有人回答（12356 对所有人开放）。可选的人群：{known}",
        "en": "Unknown audience {word}: showing the lines open to everyone (12356 is open to all). Known audiences: {known}",
    },
    # ------------------------------------------------------------------ validity
    "validity_ongoing": {"zh": "长期有效", "en": "ongoing"},
    "validity_until": {"zh": "有效至 {date}", "en": "valid until {date}"},
    "validity_ended": {"zh": "已停止服务", "en": "ended"},
    "validity_superseded": {"zh": "已由其他热线取代", "en": "superseded"},
    "validity_uncertain": {"zh": "是否仍在服务不确定", "en": "uncertain"},
    "validity_since": {"zh": "自 {date} 起", "en": "since {date}"},
    "validity_by": {"zh": "改拨 {id}", "en": "replaced by {id}"},
    "validity_published": {"zh": "原文：{text}", "en": "as published: {text}"},
    "expired": {"zh": "有效期至 {date}，已过期", "en": "valid until {date}; expired"},
    # ------------------------------------------------------------------ summary and warnings
    "more": {"zh": "另有 {count} 条热线未显示；加 --limit 0 查看全部。", "en": "{count} more lines not shown; add --limit 0 to see all."},
    "open_count": {"zh": "此刻开放 {count} 条（不含 12356）。", "en": "{count} lines open now (besides 12356)."},
    "nothing_else_open": {
        "zh": "此刻除 12356 外没有确认开放的其他热线。12356 和急救电话随时可拨。",
        "en": "No other line is confirmed open right now. 12356 and the emergency numbers can always be called.",
    },
    "hidden_by_call_log": {
        "zh": "你的拨打记录（hotline log）中两次拨打为空号或非该热线的热线未列出；加 --all 可查看及原因。",
        "en": "Lines you reached as out of service or a wrong number twice (hotline log) are not listed; --all shows them with the reason.",
    },
    "nothing_open_abroad": {
        "zh": "此刻没有确认开放的本地热线。急救电话 {numbers} 随时可拨。",
        "en": "No local line is confirmed open right now. The emergency numbers {numbers} can always be called.",
    },
    "calendar_unverified": {
        "zh": "注意：{year} 年的法定节假日已按《全国年节及纪念日放假办法》计算；国务院的调休安排（补休和周末补班）尚未公布，其他日子按周末休息、周一至周五上班计算，调休日的结果可能不准。",
        "en": "Note: {year}'s statutory holidays are computed from the law; only its makeup arrangement (bridged days off and weekend makeup workdays, 调休) is not yet published, so other days are taken as weekends off and Monday to Friday at work, and results on those days may be wrong.",
    },
    "12356_mainland_only": {
        "zh": "在{place}无法拨通 12356 以及 400、800 开头的号码（仅限中国大陆境内）；请拨本地号码（列在 12356 之前）。",
        "en": "12356 and numbers starting 400 or 800 cannot be dialled in {place} (mainland China only); call the local numbers, listed before 12356.",
    },
    "12356_mainland_only_no_local": {
        "zh": "在{place}无法拨通 12356 以及 400、800 开头的号码（仅限中国大陆境内），本工具也没有收录{place}本地的心理援助热线；如遇危机请拨打 {numbers}。",
        "en": "12356 and numbers starting 400 or 800 cannot be dialled in {place} (mainland China only), and no local line of {place} is listed here; in a crisis call {numbers}.",
    },
    "not_dialable_here": {"zh": "在{place}无法拨通，仅限中国大陆境内", "en": "cannot be dialled in {place}; mainland China only"},
    "abroad": {
        "zh": "从中国大陆以外（{offset}）：12356 以及 400、800 开头的号码无法拨通；其他号码请拨 +86 并去掉区号前的 0{example}。",
        "en": "From outside mainland China ({offset}): 12356 and numbers starting 400 or 800 cannot be reached; dial the others with +86 and no leading 0{example}.",
    },
    "abroad_example": {"zh": "，如 {number}", "en": ", e.g. {number}"},
    "if_fails": {"zh": "号码打不通时", "en": "If a number fails"},
    "if_fails_text": {"zh": "请改拨 12356；如遇生命危险请拨打 {numbers}。", "en": "call 12356 instead; if a life is in danger call {numbers}."},
    "if_fails_abroad": {"zh": "请改拨其他本地热线；如遇生命危险请拨打 {numbers}。", "en": "call another local line; if a life is in danger call {numbers}."},
    # ------------------------------------------------------------------ exports
    "generated": {"zh": "生成日期", "en": "Made on"},
    "dataset": {"zh": "数据版本", "en": "Dataset version"},
    "ranked_at": {"zh": "按 {at}（北京时间）的开放情况排序", "en": "Ordered by what is open at {at} (China time)"},
    "ranked_place": {"zh": "按地区排列，与时刻无关；各热线的服务时间见下", "en": "Ordered by place, for any time of day; see each line's hours"},
    "first": {"zh": "心理援助请先拨", "en": "For psychological support, call first"},
    "others": {"zh": "其他热线", "en": "More hotlines"},
    "none": {"zh": "此地区和人群没有其他在用的热线。", "en": "No other line in use for this place and audience."},
    "scan": {"zh": "扫码拨打", "en": "scan to call"},
    "day_chart": {"zh": "{day} 各热线开放时段", "en": "Opening hours on {day}"},
    "page": {"zh": "第 {page} / {pages} 页", "en": "page {page} of {pages}"},
    "number": {"zh": "号码", "en": "Number"},
    "dial": {"zh": "拨号", "en": "Dial"},
    "note": {"zh": "说明", "en": "Note"},
    "category": {"zh": "类别", "en": "Category"},
    "category_emergency": {"zh": "紧急", "en": "emergency"},
    "category_primary": {"zh": "12356", "en": "12356"},
    "category_hotline": {"zh": "热线", "en": "hotline"},
    "line_id": {"zh": "编号", "en": "Id"},
    "position": {"zh": "序号", "en": "No."},
    "who": {"zh": "拨打说明", "en": "How to dial"},
    "tel": {"zh": "tel", "en": "tel"},
    "source_addresses": {"zh": "来源地址", "en": "Source addresses"},
    "card_title": {"zh": "心理援助热线", "en": "Support hotlines"},
    "card_local": {"zh": "本地热线", "en": "Local lines"},
    "reprint_of": {"zh": "转载网页", "en": "reprint"},
    # The seed documents, by the publication each one is (its title or masthead).
    "seed_000": {"zh": "危机与支援资源指南（网页）", "en": "Crisis & Support Resources guide (web page)"},
    "seed_001": {"zh": "中国心理热线评估（第五轮，2020年调查）", "en": "Survey of Chinese psychological hotlines (round 5, 2020)"},
    "seed_002": {"zh": "中国青年报", "en": "China Youth Daily"},
    "seed_003": {"zh": "心理援助热线资料", "en": "psychological hotline material"},
    "seed_004": {"zh": "海峡都市报", "en": "Straits Metropolis Daily"},
    # ------------------------------------------------------------------ the day view
    "weekday": {"zh": "周{day}", "en": "{day}"},
    "holiday": {"zh": "{name} 法定节假日", "en": "{name} public holiday"},
    "makeup": {"zh": "调休上班", "en": "makeup workday (调休)"},
    "rest": {"zh": "休息日", "en": "weekend"},
    "workday": {"zh": "工作日", "en": "workday"},
    "unverified_day": {"zh": "调休安排未公布", "en": "makeup days not yet published"},
    "now": {"zh": "现在 {time}", "en": "now {time}"},
    "row_uncovered": {"zh": "除12356外无热线", "en": "none but 12356"},
    "row_uncovered_locally": {"zh": "除12356外无本地热线", "en": "no local line"},
    "legend": {
        "zh": "图例：█ 开放  ▒ 格内部分时段开放  ░ 时间不详  · 未开放",
        "en": "Key: █ open  ▒ open for part of the slot  ░ hours unknown  · closed",
    },
    "legend_gaps": {
        "zh": "空档行：─ 此时 12356 开放  ! 此时 12356 未开放或时间不详",
        "en": "Gap rows: ─ 12356 open then  ! 12356 closed or unknown then",
    },
    "only_12356": {"zh": "只有 12356 开放：{spans}", "en": "Only 12356 is open: {spans}"},
    "emergency_only": {
        "zh": "12356 未开放或时间不详，除急救电话（{numbers}）外没有确认开放的热线：{spans}",
        "en": "12356 is closed or its hours unknown; no line is confirmed open besides the emergency numbers ({numbers}): {spans}",
    },
    "covered": {"zh": "全天都有 12356 以外的热线开放（含全国性热线）。", "en": "Some line besides 12356 is open all day (counting nationwide lines)."},
    "uncovered_locally": {
        "zh": "{place}本地没有 12356 以外的热线开放（可拨全国性热线）：{spans}",
        "en": "No line of {place} besides 12356 is open (nationwide lines may be): {spans}",
    },
    "covered_locally": {"zh": "全天都有{place}本地的热线开放。", "en": "Some line of {place} is open all day."},
    "all_day": {"zh": "全天", "en": "all day"},
    "list_hint": {"zh": "号码与详情：hotline list{args}", "en": "Numbers and details: hotline list{args}"},
    "no_lines": {"zh": "没有可显示的热线。", "en": "No line to show."},
    "emergency_only_warning": {
        "zh": "部分时段除急救电话外没有确认开放的热线。",
        "en": "At times no line is confirmed open besides the emergency numbers.",
    },
    "svg_legend": {
        "zh": ["开放", "时间不详", "未开放", "仅 12356 开放", "12356 未开放或时间不详"],
        "en": ["open", "hours unknown", "closed", "only 12356 open", "12356 closed or unknown"],
    },
    # ------------------------------------------------------------------ hours expressions in words
    "h_weekdays": {"zh": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"], "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]},
    "h_range": {"zh": "{first}至{last}", "en": "{first}–{last}"},
    "h_PH": {"zh": "法定节假日", "en": "public holidays"},
    "h_WD": {"zh": "工作日", "en": "official workdays"},
    "h_RD": {"zh": "休息日", "en": "official rest days"},
    "h_every_day": {"zh": "每天", "en": "daily"},
    "h_all_day": {"zh": "24小时", "en": "24 hours"},
    "h_always": {"zh": "全天24小时", "en": "24 hours, every day"},
    "h_next_day": {"zh": "次日{clock}", "en": "{clock} next day"},
    "h_closed_days": {"zh": "{days}休息", "en": "closed on {days}"},
    "h_closed_times": {"zh": "{what} 不开放", "en": "closed {what}"},
    "h_closed_days_times": {"zh": "{days} {times} 不开放", "en": "closed on {days} {times}"},
    "h_closed": {"zh": "休息", "en": "closed"},
    "h_unknown": {"zh": "{what}时间不定", "en": "{what}: hours not fixed"},
    "h_unknown_alone": {"zh": "时间不定", "en": "hours not fixed"},
    "h_comment": {"zh": "{text}（{comment}）", "en": "{text} ({comment})"},
    "h_day_sep": {"zh": "、", "en": ", "},
    "h_rule_sep": {"zh": "；", "en": "; "},
}

# Sentences the data repeats across many records, so English readers get them in English.
# Data text not listed here stays Chinese and is marked (``in_chinese``).
DATA_TEXT_EN: dict[str, str] = {
    "2020年调查数据，号码可能已变更": "From the 2020 survey; the number may have changed",
    "2025年5月起各地原有心理援助热线已接入12356，打不通时请拨12356":
        "Since May 2025 local hotlines have joined 12356; if this number fails, call 12356",
    "信息来自2025年网络整理的资料，未经机构公告核实": "From a 2025 compilation found online; not confirmed by the operator",
    "来源未注明服务时间": "The source gives no hours",
    "2020年公布为疫情期间热线，很可能已停止服务": "Published in 2020 as an epidemic-period line; it has most likely stopped",
    "服务时间来自2020年调查，2025年来源未注明": "Hours from the 2020 survey; the 2025 source gives none",
    "来源未给出热线的正式名称": "The source gives no official name for this line",
    "仅面向高校学生": "Only for university students",
    "仅见于2020年调查": "Only in the 2020 survey",
    "通过QQ联系，没有电话号码": "Reached through QQ; no phone number",
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


def language(lang: str) -> str:
    return lang if lang in LANGS else "zh"


def word(lang: str, key: str, **values):
    """The word or sentence for ``key`` in ``lang`` (Chinese when the language is unknown)."""
    template = WORDS[key][language(lang)]
    return template.format(**values) if values and isinstance(template, str) else template


def labels(lang: str) -> dict:
    """The whole table in one language, for templates."""
    chosen = language(lang)
    return {key: entry[chosen] for key, entry in WORDS.items()}


def data_text(text: str | None, lang: str) -> str | None:
    """Text from a record, in the reader's language where the table knows it, else marked as Chinese."""
    if text is None or language(lang) == "zh":
        return text
    if text in DATA_TEXT_EN:
        return DATA_TEXT_EN[text]
    if not any("\u3400" <= char <= "\u9fff" for char in text):
        return text
    return word(lang, "in_chinese", text=text)


def bracketed(text: str, extras: list[str], lang: str) -> str:
    """``text（a，b）`` or ``text (a, b)``; just ``text`` without extras."""
    if not extras:
        return text
    return text + word(lang, "brackets", text=word(lang, "extras_sep").join(extras))


def holiday_name(name: str | None, lang: str) -> str | None:
    if name is None:
        return None
    return name if language(lang) == "en" else HOLIDAY_NAMES.get(name, name)


def when(moment: datetime, reference: datetime, lang: str) -> str:
    """A time relative to the reference day: 23:00, 24:00, 明天 08:00, 2026-10-09 周五 09:00."""
    moment = moment.astimezone(reference.tzinfo)
    day = reference.date()
    clock = moment.strftime("%H:%M")
    if moment.date() == day:
        return clock
    if moment.date() == day + timedelta(days=1):
        if clock == "00:00":
            return "24:00"
        return f"{word(lang, 'tomorrow')} {clock}"
    weekday = word(lang, "weekdays")[moment.weekday()]
    return f"{word(lang, 'date_with_weekday', date=moment.strftime('%Y-%m-%d'), weekday=weekday)} {clock}"
