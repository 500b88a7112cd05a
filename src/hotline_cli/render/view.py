"""What a person reads, worked out once: every output (plain, table, JSON, `show`, `day`, each export) reads these views.

A rule about what is shown -- which form of a number comes first, which emergency
numbers the footer names, how hours and places are written in each language --
lives in exactly one function here or in ``words``. Renderers only lay the views
out and escape for their own syntax; they never look at records to decide wording.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..audiences import label as audience_label
from ..records import NATIONAL_12356, Audience, EmergencyNumber, Hotline, NumberKind, PhoneNumber, ValidityStatus
from ..phones import (
    SHORT_KINDS,
    international_format,
    national_format,
    published_digits_differ,
    tel_uri,
)
from ..query import Answer, Group, LineAnswer, NumberAnswer, confidence, overlays_shown
from ..value import Fresh, Value, replace
from .hours_words import hours_rows, plain_hours
from .words import bracketed, data_text, holiday_name, labels, language, when, word

if TYPE_CHECKING:
    from ..dataset import Dataset, LoadedHotline
    from ..day import DayTimeline, Gap, LineDay
    from ..regions import Place

CHINA_OFFSET = timedelta(hours=8)
OLD_LISTING_MONTHS = 24  # older than this, a line says how old its last confirmation is
_NOTE_CLAUSES = r"[；;。]\s*"  # compiled by `re` on first use: only printed lists split notes
_PRINTED_AS = ("印作", "printed as")
_WHO_WORDS = (("座机", "landline"), ("手机", "mobile"))


# --------------------------------------------------------------------------- places and emergency numbers


def place_name(place: Place | None, lang: str) -> str:
    """福建省厦门市 / "Xiamen, Fujian"; 全国 / "All of China" without a place."""
    if place is None:
        return word(lang, "national")
    if language(lang) != "en":
        return place.label
    if place.city is not None and place.city.name != place.region.name:
        return f"{place.city.pinyin.capitalize()}, {place.region.name_en}"
    return place.region.name_en


def region_name(place: Place | None, lang: str) -> str:
    """The province alone: 福建省 / Fujian."""
    if place is None:
        return word(lang, "national")
    return place.region.name_en if language(lang) == "en" else place.region.name


def in_mainland(place: Place | None) -> bool:
    return place is None or place.region.phone_region == "CN"


def life_numbers(emergency: list[EmergencyNumber]) -> list[str]:
    """The numbers to call when a life is in danger: ambulance first, then one-for-all, then police."""
    order = {"ambulance": 0, "general": 1, "police": 2}
    chosen = sorted((e for e in emergency if e.kind in order), key=lambda e: order[e.kind])
    return [e.number for e in chosen] or [e.number for e in emergency]


def life_numbers_text(emergency: list[EmergencyNumber], lang: str) -> str:
    return word(lang, "or").join(life_numbers(emergency))


def footer_text(emergency: list[EmergencyNumber], lang: str) -> str:
    return word(lang, "footer", numbers=life_numbers_text(emergency, lang))


def emergency_items(emergency: list[EmergencyNumber], lang: str) -> list[tuple[str, str]]:
    return [(e.number, e.name_en if language(lang) == "en" else e.name) for e in emergency]


def emergency_text(emergency: list[EmergencyNumber], lang: str) -> str:
    return f"{word(lang, 'emergency')}: " + " · ".join(f"{number} {name}" for number, name in emergency_items(emergency, lang))


def emergency_dicts(emergency: list[EmergencyNumber]) -> list[dict]:
    return [{"number": e.number, "name": e.name, "name_en": e.name_en, "kind": e.kind} for e in emergency]


def region_dict(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {
        "code": place.region.code,
        "name": place.region.name,
        "city": None if place.city is None else {"code": place.city.code, "name": place.city.name},
        "label": place.label,
        "time_zone": place.region.time_zone,
        "within": place.within,
    }


def offset_text(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta()
    sign = "-" if offset < timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def abroad(caller_at: datetime | None) -> bool:
    """Whether the caller gave a time with another offset than China's: they are likely outside the mainland."""
    return caller_at is not None and caller_at.utcoffset() is not None and caller_at.utcoffset() != CHINA_OFFSET


# --------------------------------------------------------------------------- numbers


def dialable_in(number: PhoneNumber, place: Place | None) -> bool:
    """Whether the number connects from the place: 12356, 400 and 800 numbers only work inside the mainland."""
    if in_mainland(place):
        return True
    if number.country != "CN":
        return True
    return number.kind not in (*SHORT_KINDS, NumberKind.toll_free_800, NumberKind.shared_cost_400)


def contact_dial(number: PhoneNumber) -> str:
    """The number a phone contact stores: what the tel: link dials, without the scheme."""
    return tel_uri(number).removeprefix("tel:")


class NumberView(Value):
    display: str  # the dialable form, always shown first
    dial: str  # digits to key in, within the number's country
    published: str | None  # the source's printing, only when it reaches another number
    international: str | None  # the form to dial from abroad; None where that cannot connect
    tel: str  # the one tel: link: links, QR codes, vCards and JSON
    contact: str  # what a phone contact stores
    mobile: bool
    who: str | None
    menu: str | None
    published_note: str | None
    inferred: str | None
    old: str | None
    note: str | None
    not_here: str | None  # cannot be dialled where the caller is
    hours: str | None  # only when this number keeps other hours than its line
    status: str | None  # only when this number's state differs from another number of the line

    @property
    def link(self) -> str:
        return self.tel

    @property
    def qr(self) -> str:
        return self.tel

    @property
    def domestic(self) -> str:
        """As dialled inside its country (05918754777), for spreadsheets."""
        return self.dial

    @property
    def extras(self) -> list[str]:
        """What to know before dialling: who may dial it, keys to press, the printed form, where it fails."""
        return [part for part in (self.who, self.menu, self.published_note, self.inferred, self.old, self.not_here,
                                  self.hours, self.status) if part]

    @property
    def details(self) -> list[str]:
        """The extras and the record's own note on the number: for printed lists and `show`, not the short screen answer."""
        return [part for part in (*self.extras, self.note) if part]

    def text(self, lang: str) -> str:
        """``0411 8468 9595（原文印作 041-8468 9595，区号为推断）``: the number, then what to know about it."""
        return bracketed(self.display, self.extras, lang)

    def sheet_note(self, lang: str) -> str:
        """One clean line of notes for a printed list: who dials it, menu keys, its note, its own hours.

        A source's misprint is named once, as "published as"; how a source printed a number that
        dials as printed is provenance for the data, not advice for the caller, so it is left out.
        """
        clauses = [clause.strip() for clause in re.split(_NOTE_CLAUSES, self.note or "") if clause.strip()]
        clauses = [clause for clause in clauses if not any(mark in clause for mark in _PRINTED_AS)]
        parts = []
        if self.who and not any(term in " ".join(clauses) for terms in _WHO_WORDS for term in terms):
            parts.append(self.who)
        parts += [part for part in (self.menu, self.published_note, *clauses, self.inferred, self.old,
                                    self.not_here, self.hours) if part]
        return word(lang, "parts_sep").join(dict.fromkeys(parts))


def number_view(number: PhoneNumber, lang: str, *, place: Place | None = None, line_hours: str | None = None,
                line_expression: str | None = None, status: str | None = None) -> NumberView:
    own_hours = None
    if number.hours is not None and number.hours != line_expression:
        words = plain_hours(number.hours, number.hours_published, lang)
        if words is not None and words != line_hours:
            own_hours = f"{word(lang, 'hours')}: {words}"
    published = number.published if published_digits_differ(number) else None
    here = place_name(place, lang) if place is not None else ""
    return NumberView(
        display=national_format(number),
        dial=number.dial,
        published=published,
        international=international_format(number),
        tel=tel_uri(number),
        contact=contact_dial(number),
        mobile=number.kind is NumberKind.mobile,
        who=word(lang, number.for_callers) if number.for_callers != "any" else None,
        menu=word(lang, "menu", keys="-".join(number.menu)) if number.menu else None,
        published_note=word(lang, "published_as", published=published) if published else None,
        inferred=word(lang, "uncertain_dial") if number.dial_inferred else None,
        old=word(lang, "old_number") if number.old_number else None,
        note=data_text(number.note, lang),
        not_here=None if dialable_in(number, place) else word(lang, "not_dialable_here", place=here),
        hours=own_hours,
        status=status,
    )


# --------------------------------------------------------------------------- lines


def line_name(record: Hotline, lang: str) -> str:
    if language(lang) == "en" and record.name_en:
        return record.name_en
    return record.name


def status_text(line: LineAnswer | NumberAnswer, at: datetime, lang: str, inactive: bool = False,
                uncertain: bool = False) -> str:
    sep = word(lang, "status_sep")
    if inactive:
        # An uncertain line is not offered, but nothing says it ended.
        return word(lang, "unconfirmed" if uncertain else "inactive")
    if line.status == "open":
        if line.closes_at is None:
            return f"{word(lang, 'open')}{sep}{word(lang, 'always')}"
        return f"{word(lang, 'open')}{sep}{word(lang, 'closes', time=when(line.closes_at, at, lang))}"
    if line.status == "unknown":
        return word(lang, "unknown")
    if line.opens_at is None:
        return f"{word(lang, 'closed')}{sep}{word(lang, 'no_next')}"
    return f"{word(lang, 'closed')}{sep}{word(lang, 'opens', time=when(line.opens_at, at, lang))}"


def restricted_text(record: Hotline, lang: str) -> str | None:
    if not record.restricted:
        return None
    who = word(lang, "list_sep").join(audience_label(a.key, lang) for a in record.audiences if a.key is not Audience.general)
    return word(lang, "restricted", who=who)


def focus_text(record: Hotline, lang: str) -> str | None:
    if not record.focus:
        return None
    return word(lang, "focus", who=word(lang, "list_sep").join(audience_label(key, lang) for key in record.focus))


def attempt_notes(line: LineAnswer, lang: str) -> list[str]:
    """What the user's call log says of the line (nothing, and no import, without a log)."""
    if line.attempts is None:
        return []
    from ..attempts import notes

    return notes(line.attempts, lang)


def area_dial_text(area_dial: str | None, confirmed: bool, lang: str) -> str | None:
    if not area_dial:
        return None
    return word(lang, "from_elsewhere" if confirmed else "from_elsewhere_unconfirmed", dial=area_dial)


def audiences_text(record: Hotline, lang: str) -> list[str]:
    found = []
    for entry in record.audiences:
        label = audience_label(entry.key, lang)
        hours = plain_hours(entry.hours, entry.hours_published, lang) if (entry.hours or entry.hours_published) else None
        found.append(bracketed(label, [hours] if hours else [], lang))
    return found


def age_text(confirmed: date, today: date, lang: str) -> str:
    days = (today - confirmed).days
    if days < 60:
        return word(lang, "age_days", days=max(days, 0))
    months = (today.year - confirmed.year) * 12 + today.month - confirmed.month - (today.day < confirmed.day)
    if months < 24:
        return word(lang, "age_months", months=months)
    return word(lang, "age_years", years=months // 12)


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def inactive_text(line: LineAnswer, lang: str) -> str | None:
    """Why a line is not offered: the data's own reason, else the wording of the rule that held it back."""
    if line.inactive_reason:
        return line.inactive_reason
    if line.inactive_code:
        return word(lang, f"inactive_{line.inactive_code}")
    return None


def confidence_text(line: LineAnswer, lang: str) -> str | None:
    """A note on how far a listing other than 12356 can be trusted; None for a current one."""
    if line.group is Group.primary or line.confidence.value == "current":
        return None
    return word(lang, f"confidence_{line.confidence.value}", date=line.record.last_confirmed.isoformat())


def inactive_reason_text(record: Hotline, reason: str | None, lang: str) -> str | None:
    """Why a line is not offered, in words: the expiry date from the data, else the record's reason."""
    if reason is None:
        return None
    validity = record.validity
    if validity.status is ValidityStatus.until and validity.until is not None and validity.until.isoformat() in reason:
        expired = word(lang, "expired", date=validity.until.isoformat())
        if validity.published:
            expired = bracketed(expired, [word(lang, "validity_published", text=data_text(validity.published, lang))], lang)
        return expired
    return data_text(reason, lang)


def validity_text(record: Hotline, lang: str) -> str:
    validity = record.validity
    status = validity.status
    parts = [word(lang, f"validity_{status.value}", date=validity.until.isoformat() if validity.until else "")]
    if validity.published:
        parts.append(word(lang, "validity_published", text=data_text(validity.published, lang)))
    if validity.since:
        parts.append(word(lang, "validity_since", date=validity.since.isoformat()))
    if validity.superseded_by:
        parts.append(word(lang, "validity_by", id=validity.superseded_by))
    if validity.reason:
        parts.append(data_text(validity.reason, lang))
    return " · ".join(parts)


def hours_words(record: Hotline, lang: str) -> tuple[str | None, str | None]:
    """The line's hours in words, and the expression they came from."""
    expression, published = record.own_hours()
    return plain_hours(expression, published, lang), expression


class SourceView(Value):
    number: int
    ref: str
    date: str | None
    label: str = ""  # who published it, for print ("海峡都市报"); the ref is the full address
    kind: str | None = None  # the grade in words
    note: str | None = None


class LineView(Value, uncompared=('answer',)):
    position: int
    id: str
    name: str
    primary: bool  # the 12356 entry
    group: str
    state: str  # open / closed / unknown
    status: str | None  # state in words; None in a list made for any hour
    numbers: list[NumberView]
    channels: list[str]
    hours: str  # in words from the hours expression; "" when each number says its own
    audiences: list[str]
    restricted: str | None
    focus: str | None  # mainly for some groups, open to all
    calls: list[str]  # what the user's call log says of the line
    call_length: str | None
    operator: str | None
    area_dial: str | None
    caveats: list[str]  # the call log's notes first, then the record's
    reason: str | None  # why a line is no longer offered
    trust: str | None  # how far the listing can be trusted, when less than current
    confidence: str  # current / unverified / old
    last_confirmed: str
    age: str | None  # how old the last confirmation is, when that is worth saying
    source_numbers: list[int]
    sources: list[SourceView]
    url: str | None
    origin: str
    answer: LineAnswer | None = None
    shown_number: int | None = None  # "1." "2." under "other lines"; None for the 12356 entry
    heading: str | None = None  # a group heading before this line (the first of the older listings)
    hours_rows: tuple[str, ...] = ()  # the hours as timetable rows, from the expression (never a moment's state)
    scope: str = ""  # national, provincial, city, institution, international

    def overlay_note(self, lang: str) -> str | None:
        """The user's data file this line comes from, in the answer's wording; None for a bundled line."""
        return overlays_text(overlays_shown([self.answer]), lang) if self.answer is not None else None

    def trust_note(self, lang: str) -> str | None:
        """How far the listing can be trusted, with its age: None for a current listing (and for 12356)."""
        return bracketed(self.trust, [self.age] if self.age else [], lang) if self.trust else None

    def notes(self, lang: str) -> list[str]:
        """Short notes under a line on screen: dialling from elsewhere, restriction, reason, hours, first caveat, age."""
        found = [part for part in (self.area_dial, self.restricted, self.focus) if part]
        hidden_by_log = self.answer is not None and self.answer.attempts is not None and self.answer.attempts.hidden
        if self.reason and not hidden_by_log:
            found.append(f"{word(lang, 'reason')}: {self.reason}")
        elif not self.reason and self.trust:
            found.append(self.trust_note(lang))
        found.extend(self.calls)
        if self.hours and self.hours != word(lang, "hours_unknown"):
            found.append(f"{word(lang, 'hours')}: {self.hours}")
        first = next((caveat for caveat in self.caveats if caveat not in self.calls), None)
        if first:
            found.append(f"{word(lang, 'caveat')}: {first}")
        if self.age and not self.trust:
            found.append(f"{word(lang, 'last_confirmed')}: {self.last_confirmed}（{self.age}）" if language(lang) == "zh"
                         else f"{word(lang, 'last_confirmed')}: {self.last_confirmed} ({self.age})")
        return found


def _sources(record: Hotline, sources: dict[str, SourceView], lang: str) -> list[int]:
    from .sources import source_label

    numbers = []
    for source in record.sources:
        if source.ref not in sources:
            sources[source.ref] = SourceView(len(sources) + 1, source.ref, None, source_label(source, lang))
        known = sources[source.ref]
        if known.date is None and source.date is not None:
            sources[source.ref] = known = replace(known, date=source.date.isoformat())
        if known.number not in numbers:
            numbers.append(known.number)
    return numbers


def line_view(line: LineAnswer, lang: str, *, position: int = 1, at: datetime, place: Place | None = None,
              with_status: bool = True, sources: dict[str, SourceView] | None = None) -> LineView:
    record = line.record
    inactive = line.group is Group.inactive
    uncertain = record.validity.status is ValidityStatus.uncertain
    hours, expression = hours_words(record, lang)
    per_number = with_status and len({(n.status, n.closes_at, n.opens_at) for n in line.numbers}) > 1
    numbers = [
        number_view(item.number, lang, place=place, line_hours=hours, line_expression=expression,
                    status=status_text(item, at, lang, inactive, uncertain) if per_number else None)
        for item in line.numbers
    ]
    if hours is None:
        if line.group is Group.primary and all(n.hours is None for n in record.numbers):
            hours = word(lang, "hours_note")
        elif any(n.hours for n in numbers):
            hours = ""
        else:
            hours = word(lang, "hours_unknown")
    cited = {} if sources is None else sources
    confirmed = record.last_confirmed
    return LineView(
        position=position,
        id=record.id,
        name=line_name(record, lang),
        primary=line.group is Group.primary,
        group=line.group.value,
        state=line.status,
        status=status_text(line, at, lang, inactive, uncertain) if with_status else None,
        numbers=numbers,
        channels=[f"{channel.kind}: {channel.value}" for channel in record.channels],
        hours=hours,
        audiences=audiences_text(record, lang),
        restricted=restricted_text(record, lang),
        focus=focus_text(record, lang),
        calls=attempt_notes(line, lang),
        call_length=data_text(record.call_length, lang),
        operator=record.operator,  # a proper name: shown as the source writes it
        area_dial=area_dial_text(line.area_dial, line.area_dial_confirmed, lang),
        caveats=attempt_notes(line, lang) + [data_text(caveat, lang) for caveat in record.caveats],
        reason=inactive_reason_text(record, inactive_text(line, lang), lang),
        trust=None if line.group is Group.inactive else confidence_text(line, lang),
        confidence=line.confidence.value,
        last_confirmed=confirmed.isoformat(),
        age=age_text(confirmed, at.date(), lang) if months_between(confirmed, at.date()) >= OLD_LISTING_MONTHS else None,
        source_numbers=_sources(record, cited, lang),
        sources=[cited[s.ref] for s in record.sources],
        url=next((s.ref for s in record.sources if s.ref.startswith(("https://", "http://"))), None),
        origin=line.origin,
        answer=line,
        hours_rows=tuple(hours_rows(*record.own_hours(), lang)),
        scope=record.scope.value,
    )


# --------------------------------------------------------------------------- an answer


class AnswerView(Value, frozen=False):
    lang: str
    title: str
    place: str
    at: str  # the instant in words, China time
    audience: str | None
    emergency: list[tuple[str, str]]
    emergency_text: str
    header: str
    overlays: str | None  # one line naming the user's data files behind the answer
    lines: list[LineView]
    warnings: list[tuple[str, str]]  # (code, message)
    footer: str
    if_fails: str
    made_on: str
    order_note: str
    dataset_version: str
    report_outdated: str
    sources: list[SourceView]
    answer: Answer
    day_chart_svg: str | None = None
    day_chart_title: str | None = None
    labels: dict = Fresh(dict)

    @property
    def primary(self) -> LineView | None:
        """The 12356 entry when it heads the list ("call first"): on the mainland, not where it cannot be dialled."""
        return self.lines[0] if self.lines and self.lines[0].primary else None

    @property
    def others(self) -> list[LineView]:
        return self.lines[1:] if self.primary else list(self.lines)

    def summary(self, shown: int) -> list[str]:
        """Warnings, how many lines are open, how many are hidden, and the footer: the end of every screen answer."""
        # An unknown audience is said on stderr, where messages go; stdout keeps the answer.
        found = [message for code, message in self.warnings if code != "unknown_audience"]
        if "nothing_else_open" not in self.answer.warnings:
            found.append(word(self.lang, "open_count", count=self.open_count))
        hidden = len(self.lines) - shown
        if hidden > 0:
            found.append(word(self.lang, "more", count=hidden))
        found.append(self.footer)
        return found

    @property
    def open_count(self) -> int:
        return sum(1 for line in self.answer.lines
                   if line.status == "open" and line.group in (Group.open_here, Group.open_national))


def warning_text(answer: Answer, code: str, lang: str, *, has_local: bool = True) -> str:
    place = place_name(answer.place, lang)
    numbers = life_numbers_text(answer.emergency, lang)
    if code == "calendar_unverified":
        years = "/".join(str(year) for year in answer.unverified_years) or str(answer.at.year)
        return word(lang, code, year=years)
    if code == "older_hidden":
        return word(lang, code, count=answer.hidden_older)
    if code == "unknown_audience":
        return unknown_audience_text(answer.unknown_audience or "", lang)
    if code == "nothing_else_open" and not in_mainland(answer.place):
        return word(lang, "nothing_open_abroad", numbers=numbers)
    if code == "12356_mainland_only" and not has_local:
        return word(lang, "12356_mainland_only_no_local", place=place, numbers=numbers)
    return word(lang, code, place=place, numbers=numbers)


def unknown_audience_text(typed: str, lang: str) -> str:
    from ..audiences import known_labels
    from ..regions import quoted

    return word(lang, "unknown_audience", word=quoted(typed), known=word(lang, "list_sep").join(known_labels(lang)))


def _abroad_text(lines: list[LineView], caller_at: datetime, lang: str) -> str:
    # The sentence tells how to dial a mainland number with +86: its example is one (never +852 2896 0000).
    example = next((n.international for line in lines for n in line.numbers
                    if n.international and n.international.startswith("+86 ")), None)
    suffix = word(lang, "abroad_example", number=example) if example else ""
    return word(lang, "abroad", offset=offset_text(caller_at), example=suffix)


def answering_for_text(place: Place | None, lang: str) -> str | None:
    """When a district or a place inside a region was typed: which place the answer is for."""
    if place is None or place.within is None:
        return None
    name = place_name(place, lang).split(",")[0] if place.city is not None else region_name(place, lang)
    if language(lang) == "zh" and place.city is not None:
        name = place.city.name
    return word(lang, "answering_for", within=place.within, place=name)


def where_text(place: Place | None, lang: str) -> str:
    """The place in words, and which place is answered for when a district was typed."""
    answering_for = answering_for_text(place, lang)
    return place_name(place, lang) + (f" ({answering_for})" if answering_for else "")


def overlays_text(overlays: list[str], lang: str) -> str | None:
    """One line naming the user's data files behind what is shown, when there are any."""
    return word(lang, "overlays", files=", ".join(overlays)) if overlays else None


def header_text(answer: Answer, lang: str) -> str:
    parts = [f"{word(lang, 'at')}: {answer.at:%Y-%m-%d %H:%M} ({word(lang, 'china_time')})",
             f"{word(lang, 'region')}: {where_text(answer.place, lang)}"]
    if answer.audience is not None:
        parts.append(f"{word(lang, 'audience')}: {audience_label(answer.audience, lang)}")
    return " · ".join(parts)


def answer_view(answer: Answer, lang: str, *, dataset_version: str = "", report_outdated: str = "",
                order: str = "status", active_only: bool = False, caller_at: datetime | None = None,
                day_chart_svg: str | None = None, day_chart_day: str | None = None) -> AnswerView:
    """The view of an Answer. ``order`` "place" makes a list for any hour (no state words);
    ``active_only`` leaves out ended lines (printed lists); ``caller_at`` is the instant as the caller gave it."""
    lang = language(lang)
    sources: dict[str, SourceView] = {}
    chosen = [line for line in answer.lines if not (active_only and line.group is Group.inactive)]
    views = [line_view(line, lang, position=position, at=answer.at, place=answer.place,
                       with_status=order == "status", sources=sources)
             for position, line in enumerate(chosen, start=1)]
    # 12356 heads the list where it can be dialled; elsewhere it is one of the numbered lines, after the local ones.
    leads = bool(views) and views[0].primary
    for numbered, index in enumerate(range(1 if leads else 0, len(views)), start=1):
        views[index] = replace(views[index], shown_number=numbered)
    # The older listings read as a group of their own, under one heading.
    first_older = next((index for index, line in enumerate(chosen) if line.group is Group.older), None)
    if first_older is not None:
        views[first_older] = replace(views[first_older], heading=word(lang, "older_group"))
    has_local = any(not line.primary for line in views)
    warnings = [(code, warning_text(answer, code, lang, has_local=has_local)) for code in answer.warnings
                if code != "nothing_else_open" or order == "status"]
    if abroad(caller_at):
        warnings.append(("abroad", _abroad_text(views, caller_at, lang)))
    place = place_name(answer.place, lang)
    numbers = life_numbers_text(answer.emergency, lang)
    return AnswerView(
        lang=lang,
        title=f"{word(lang, 'title')} · {place}",
        place=place,
        at=f"{answer.at:%Y-%m-%d %H:%M}",
        audience=audience_label(answer.audience, lang) if answer.audience else None,
        emergency=emergency_items(answer.emergency, lang),
        emergency_text=emergency_text(answer.emergency, lang),
        header=header_text(answer, lang),
        # Named from the lines kept, so a printed list that leaves out ended lines names only the files it shows.
        overlays=overlays_text(overlays_shown(chosen), lang),
        lines=views,
        warnings=warnings,
        footer=footer_text(answer.emergency, lang),
        if_fails=word(lang, "if_fails_text" if in_mainland(answer.place) else "if_fails_abroad", numbers=numbers),
        made_on=answer.at.date().isoformat(),
        order_note=word(lang, "ranked_at", at=f"{answer.at:%Y-%m-%d %H:%M}") if order == "status" else word(lang, "ranked_place"),
        dataset_version=dataset_version,
        report_outdated=data_text(report_outdated, lang),
        sources=list(sources.values()),
        answer=answer,
        day_chart_svg=day_chart_svg,
        day_chart_title=word(lang, "day_chart", day=day_chart_day) if day_chart_svg and day_chart_day else None,
        labels=labels(lang),
    )


# --------------------------------------------------------------------------- one day


class DayView(Value, frozen=False):
    lang: str
    timeline: DayTimeline
    place: str
    emergency_text: str
    heading: str  # 2026-10-01 周四 · 国庆节 法定节假日
    where: str  # 地区: 福建省 · 人群: 学生
    lines: list[LineView]
    warnings: list[tuple[str, str]]
    summary: list[str]
    footer: str
    holiday_label: str | None
    overlays: str | None
    audience: str | None


def clock(moment: datetime, timeline: DayTimeline) -> str:
    """HH:MM within the day; the day's end is 24:00, as people write it."""
    if moment >= timeline.end:
        return "24:00"
    return moment.strftime("%H:%M")


def spans_text(spans, timeline: DayTimeline, lang: str) -> str:
    spans = list(spans)
    if len(spans) == 1 and spans[0].start <= timeline.start and spans[0].end >= timeline.end:
        return word(lang, "all_day")
    return word(lang, "list_sep").join(f"{clock(span.start, timeline)}–{clock(span.end, timeline)}" for span in spans)


def _joined(gaps: list[Gap]) -> list[Gap]:
    """Touching gaps as one stretch, whatever 12356 does during them."""
    from ..day import Gap

    joined: list[Gap] = []
    for gap in gaps:
        if joined and joined[-1].end == gap.start:
            joined[-1] = Gap(joined[-1].start, gap.end, joined[-1].primary)
        else:
            joined.append(gap)
    return joined


def day_summary(timeline: DayTimeline, lang: str) -> list[str]:
    """The gap sentences: what a reader must not miss, in words (screen readers, pipes)."""
    found: list[str] = []
    only_12356 = [gap for gap in timeline.uncovered if not gap.emergency_only]
    emergency_only = [gap for gap in timeline.uncovered if gap.emergency_only]
    if emergency_only:
        numbers = "/".join(e.number for e in timeline.emergency if e.kind in ("police", "ambulance", "general"))
        found.append(word(lang, "emergency_only", numbers=numbers, spans=spans_text(emergency_only, timeline, lang)))
    if only_12356:
        found.append(word(lang, "only_12356", spans=spans_text(only_12356, timeline, lang)))
    if not timeline.uncovered:
        found.append(word(lang, "covered"))
    if timeline.uncovered_locally is not None and timeline.uncovered_locally != timeline.uncovered:
        place = region_name(timeline.place, lang)
        if timeline.uncovered_locally:
            spans = spans_text(_joined(list(timeline.uncovered_locally)), timeline, lang)
            found.append(word(lang, "uncovered_locally", place=place, spans=spans))
        else:
            found.append(word(lang, "covered_locally", place=place))
    return found


def _day_heading(timeline: DayTimeline, lang: str) -> str:
    weekday = word(lang, "weekday", day=word(lang, "weekdays")[timeline.day.weekday()])
    parts = [f"{timeline.day.isoformat()} {weekday}"]
    kind = timeline.kind
    if kind.is_holiday:
        parts.append(word(lang, "holiday", name=holiday_name(kind.holiday_name, lang)))
    elif kind.is_makeup_workday:
        parts.append(word(lang, "makeup"))
    elif not kind.is_workday:
        parts.append(word(lang, "rest"))
    if not kind.verified:
        parts.append(word(lang, "unverified_day"))
    return " · ".join(parts)


def _day_warning(timeline: DayTimeline, code: str, lang: str, has_local: bool) -> str:
    if code == "calendar_unverified":
        return word(lang, code, year=str(timeline.day.year))
    if code == "emergency_only":
        return word(lang, "emergency_only_warning")
    if code == "older_hidden":
        return word(lang, code, count=timeline.hidden_older)
    numbers = life_numbers_text(timeline.emergency, lang)
    if code == "12356_mainland_only" and not has_local:
        return word(lang, "12356_mainland_only_no_local", place=place_name(timeline.place, lang), numbers=numbers)
    return word(lang, code, place=place_name(timeline.place, lang), numbers=numbers)


def day_view(timeline: DayTimeline, lang: str) -> DayView:
    lang = language(lang)
    lines = [line_view(line.line, lang, position=position, at=timeline.start, place=timeline.place, with_status=False)
             for position, line in enumerate(timeline.lines, start=1)]
    has_local = any(not line.primary for line in lines)
    where = [f"{word(lang, 'region')}: {where_text(timeline.place, lang)}"]
    audience = audience_label(timeline.audience, lang) if timeline.audience else None
    if audience:
        where.append(f"{word(lang, 'audience')}: {audience}")
    return DayView(
        lang=lang,
        timeline=timeline,
        place=place_name(timeline.place, lang),
        emergency_text=emergency_text(timeline.emergency, lang),
        heading=_day_heading(timeline, lang),
        where=" · ".join(where),
        lines=lines,
        warnings=[(code, _day_warning(timeline, code, lang, has_local)) for code in timeline.warnings],
        summary=day_summary(timeline, lang),
        footer=footer_text(timeline.emergency, lang),
        holiday_label=holiday_name(timeline.kind.holiday_name, lang),
        overlays=overlays_text(timeline.overlays, lang),
        audience=audience,
    )


# --------------------------------------------------------------------------- one record (`show`)


class RecordView(Value, frozen=False):
    lang: str
    entry: LoadedHotline
    place: str
    line: LineView
    name_en: str | None
    hours_expression: str | None
    hours_published: str | None
    channels: list[str]
    opened: str | None
    validity: str
    sources: list[SourceView]
    follows: str | None
    origin: str
    centres: list[tuple[str, str, str, str]]  # (name, dial, hours, id)
    centre_entries: list[LoadedHotline]
    log: object | None  # what the user's call log says of the record now (attempts.LineLog)
    calls: list[str]  # the log's notes, then one line per recent call
    emergency_text: str
    report_outdated: str
    footer: str


def record_place(dataset: Dataset, record: Hotline) -> Place | None:
    from ..regions import Place

    region = dataset.region_by_code.get(record.region)
    if region is None:
        return None
    city = next((c for c in region.cities if c.code == record.city), None) if record.city else None
    return Place(region, city)


def centres_of(dataset: Dataset, record: Hotline) -> list[LoadedHotline]:
    """Local 12356 centres below a national or provincial 12356 record."""
    if record.id == NATIONAL_12356:
        prefix = "12356-"
    elif record.is_12356 and record.id.count("-") == 1:
        prefix = record.id + "-"
    else:
        return []
    return sorted((e for e in dataset.entries if e.record.id.startswith(prefix)), key=lambda e: e.record.id)


def centre_area_dial(record: Hotline) -> str | None:
    number = record.area_code_number()
    return national_format(number) if number else None


def origin_text(dataset: Dataset, entry: LoadedHotline, lang: str) -> str:
    from ..dataset import BUNDLED

    if entry.origin == BUNDLED:
        return word(lang, "origin_bundled", file=entry.file)
    replaces = any(record_id == entry.record.id and file == entry.origin for record_id, file in dataset.replaced)
    return word(lang, "origin_overlay", file=entry.origin) + (word(lang, "origin_replaces") if replaces else "")


def _record_log(dataset: Dataset, record: Hotline):
    """What the user's call log says of this record now, or None without entries for it."""
    if not dataset.attempts or record.id not in dataset.attempts:
        return None
    from ..attempts import line_log
    from ..china_time import CHINA_TZ

    return line_log(dataset.attempts[record.id], datetime.now(CHINA_TZ))


def _call_lines(log, lang: str) -> list[str]:
    if log is None:
        return []
    from ..attempts import notes, outcome_text, when_text

    out = list(notes(log, lang))
    for attempt in log.recent:
        extras = "  ".join(filter(None, [attempt.number, attempt.note]))
        out.append(f"· {when_text(attempt.at, log.at)}  {outcome_text(attempt.outcome, lang)}" + (f"  {extras}" if extras else ""))
    return out


def record_view(dataset: Dataset, entry: LoadedHotline, lang: str, today: date) -> RecordView:
    """One record in full, whatever the time: every number, hours in words and as written, validity, sources."""
    from ..query import emergency_for

    lang = language(lang)
    record = entry.record
    place = record_place(dataset, record)
    numbers = tuple(NumberAnswer(n, "unknown", None, None, n.hours, n.hours_published) for n in record.numbers)
    group = Group.primary if record.is_12356 else Group.unknown
    # The tier is the one `now` would give on this day, so both say the same of the listing.
    answer_line = LineAnswer(record=record, origin=entry.origin, group=group, status="unknown", closes_at=None,
                             opens_at=None, numbers=numbers, calendar_verified=True, confidence=confidence(record, today))
    from ..china_time import CHINA_TZ

    at = datetime.combine(today, datetime.min.time(), CHINA_TZ)
    line = line_view(answer_line, lang, at=at, place=place, with_status=False)
    ended = word(lang, "number_ended")
    numbers_shown = [replace(view, note=word(lang, "parts_sep").join(filter(None, [ended, view.note])) if n.ended else view.note)
                     for view, n in zip(line.numbers, record.numbers)]
    line = replace(line, numbers=numbers_shown)
    channels = []
    for channel in record.channels:
        hours = plain_hours(channel.hours, channel.hours_published, lang)
        channels.append(bracketed(f"{channel.kind}: {channel.value}", [hours] if hours else [], lang))
    expression, published = record.own_hours()
    emergency = emergency_for(dataset, place)
    from .sources import source_label

    centres = centres_of(dataset, record)
    log = _record_log(dataset, record)
    return RecordView(
        lang=lang,
        entry=entry,
        place=place_name(place, lang),
        line=line,
        name_en=record.name_en,
        hours_expression=expression,
        hours_published=published,
        channels=channels,
        opened=data_text(record.opened_published, lang) or (record.opened.isoformat() if record.opened else None),
        validity=validity_text(record, lang),
        sources=[SourceView(index, s.ref, s.date.isoformat() if s.date else None, source_label(s, lang),
                            word(lang, f"grade_{s.kind.value}"), data_text(s.note, lang))
                 for index, s in enumerate(record.sources, start=1)],
        follows=record.follows,
        origin=origin_text(dataset, entry, lang),
        centres=[(c.record.name if lang == "zh" or not c.record.name_en else c.record.name_en,
                  centre_area_dial(c.record) or "12356",
                  hours_words(c.record, lang)[0] or word(lang, "hours_unknown"), c.record.id)
                 for c in centres],
        centre_entries=centres,
        log=log,
        calls=_call_lines(log, lang),
        emergency_text=emergency_text(emergency, lang),
        report_outdated=data_text(dataset.meta.report_outdated, lang),
        footer=footer_text(emergency, lang),
    )
