""""Who can I call?": filter by place and audience, evaluate hours at an instant, rank.

This is the one place that decides what is shown and in which order; every
renderer and exporter presents an `Answer` and nothing else. 12356 comes first
among the hotlines, always.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import Enum
from functools import lru_cache

from .china_time import CHINA_TZ
from .dataset import Dataset, LoadedHotline, find_record  # noqa: F401 - find_record: where callers look for it
from .records import (
    Audience,
    EmergencyNumber,
    NATIONAL_12356,
    Hotline,
    PhoneNumber,
    Scope,
    Source,
    SourceKind,
    ValidityStatus,
)
from .regions import Place
from .value import Fresh, Value, replace

MAINLAND_DEFAULT_REGION = "110000"  # any mainland region: they share 110/120/119


class Group(str, Enum):
    """Display groups, in display order."""

    primary = "12356"
    open_here = "open_here"
    open_national = "open_national"
    unknown = "unknown"
    opens_later = "opens_later"
    older = "older"  # known only from the 2020 survey or old sources: may no longer answer
    inactive = "inactive"


class Confidence(str, Enum):
    """How far a listing can be trusted at the answer's date, from the most to the least."""

    current = "current"
    unverified = "unverified"
    old = "old"


class NumberAnswer(Value):
    number: PhoneNumber
    status: str  # open / closed / unknown
    closes_at: datetime | None
    opens_at: datetime | None
    hours: str | None
    hours_published: str | None


class LineAnswer(Value):
    record: Hotline
    origin: str
    group: Group
    status: str
    closes_at: datetime | None
    opens_at: datetime | None
    numbers: tuple[NumberAnswer, ...]
    calendar_verified: bool
    inactive_reason: str | None = None
    area_dial: str | None = None  # 区号+12356 to reach this place's centre from elsewhere
    area_dial_confirmed: bool = False  # a source for this city's centre says the area-code form reaches it
    audience_match: bool = False
    confidence: Confidence = Confidence.current
    inactive_code: str | None = None  # why a line is held back when no data text says it (see INACTIVE_CODES)
    attempts: object | None = None  # what the user's call log says of this line (attempts.LineLog)


class Answer(Value, frozen=False):
    at: datetime
    place: Place | None
    audience: Audience | None
    emergency: list[EmergencyNumber]
    lines: list[LineAnswer]
    warnings: list[str] = Fresh(list)
    nothing_else_open: bool = False
    include_inactive: bool = False
    unverified_years: list[int] = Fresh(list)
    include_older: bool = False
    hidden_older: int = 0  # old listings left out of `lines` (shown with include_older)
    overlays: list[str] = Fresh(list)  # overlay files behind the lines shown
    unknown_audience: str | None = None  # a word asked for that names no known audience: answered for everyone

    @property
    def calendar_verified(self) -> bool:
        return all(line.calendar_verified for line in self.lines)


# --------------------------------------------------------------------------- validity


def inactive_reason(record: Hotline, on: date) -> str | None:
    """Why a line is not offered on this date, or None when it is."""
    validity = record.validity
    status = validity.status
    if status is ValidityStatus.until and validity.until is not None and on > validity.until:
        wording = f"（原文：{validity.published}）" if validity.published else ""
        return f"有效期至 {validity.until.isoformat()}，已过期{wording}"
    if status in (ValidityStatus.ended, ValidityStatus.superseded):
        if validity.since is None or on >= validity.since:
            return validity.reason
    if status is ValidityStatus.uncertain:
        return validity.reason
    return None


# --------------------------------------------------------------------------- confidence

CONFIRMATION_MONTHS = 24
CONFIRMING_KINDS = (SourceKind.official, SourceKind.news)
# A pandemic-era line needs a source from after this date to be offered as open.
PANDEMIC_ERA_ENDS = date(2023, 12, 31)
PANDEMIC_WORDS = ("抗疫", "疫情期间", "抗击疫情", "防控疫情")
# Codes for lines held back by a rule rather than by a reason written in the data; presenters word them.
INACTIVE_CODES = ("pandemic_era",)


def source_grade(source: Source) -> SourceKind:
    """A source's grade (every source carries one; `check` refuses a record without)."""
    return source.kind


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier; 29-31 fall back to the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def confidence(record: Hotline, on: date) -> Confidence:
    """How far a listing can be trusted on the answer's date `on`, from its sources alone.

    The window is the 24 months up to `on` (from the same day 24 months earlier; a source
    dated after `on` counts as inside it). Each source is graded by `Source.kind`.

    - current: at least one official or news source dated inside the window;
    - unverified: not current, but some source other than the survey is dated inside the
      window or undated (reprints, aggregators, undated official or news pages):
      nothing proves it old, nothing official confirms it;
    - old: everything else, i.e. every source is the survey or dated before the window.

    `last_confirmed` is not evidence by itself: it only summarises the sources. The same
    record and date always give the same tier.
    """
    window_start = months_before(on, CONFIRMATION_MONTHS)
    tier = Confidence.old
    for source in record.sources:
        grade = source_grade(source)
        if grade is SourceKind.survey:
            continue
        recent = source.date is None or source.date >= window_start
        if not recent:
            continue
        if grade in CONFIRMING_KINDS and source.date is not None:
            return Confidence.current
        tier = Confidence.unverified
    return tier


def pandemic_era(record: Hotline) -> bool:
    """A line opened for the pandemic: its name, audience, hours or caveats say 抗疫 or 疫情期间."""
    texts = [record.name, record.audience_published, record.hours_published, *record.caveats]
    texts += [entry.published for entry in record.audiences] + [entry.hours_published for entry in record.audiences]
    texts += [number.hours_published for number in record.numbers]
    return any(word in text for text in texts if text for word in PANDEMIC_WORDS)


# Sources that can confirm a pandemic-era line still runs: a survey, an aggregator or an ungraded
# page may only be repeating the 2020 lists.
PANDEMIC_CONFIRMING_KINDS = (SourceKind.official, SourceKind.news, SourceKind.reprint)


def confirmed_after_pandemic(record: Hotline) -> bool:
    """An official, news or reprint source dated after 2023 says the line is there."""
    return any(
        source.date is not None and source.date > PANDEMIC_ERA_ENDS and source_grade(source) in PANDEMIC_CONFIRMING_KINDS
        for source in record.sources
    )


def held_back(record: Hotline) -> str | None:
    """An INACTIVE_CODES code when a rule, not the record's validity, keeps a line from being offered."""
    if pandemic_era(record) and not confirmed_after_pandemic(record):
        return "pandemic_era"
    return None


# --------------------------------------------------------------------------- hours


def _evaluate(texts: list[str | None], instant: datetime, tz: str):
    """Status of 'reachable when any of these hours is open', with the instant it changes."""
    return _evaluated(tuple(texts), instant, tz)


@lru_cache(maxsize=1024)
def _evaluated(texts: tuple[str | None, ...], instant: datetime, tz: str):
    # Thousands of lines share a few dozen hours: each distinct set is evaluated once per instant.
    from .schedule import state_at_any

    state = state_at_any(texts, instant, tz)
    closes = state.next_change if state.status == "open" else None
    opens = state.next_change if state.status == "closed" else None
    return state.status, closes, opens, state.calendar_verified


def caller_hours(record: Hotline, number: PhoneNumber | None, audience: Audience | None) -> list[tuple[str | None, str | None]]:
    """The hours expressions that apply to this caller on this number (any of them open means open)."""
    if number is not None and number.hours is not None:
        base, base_published = number.hours, number.hours_published
    else:
        base, base_published = record.own_hours()
    found = [(base, base_published)]
    if audience is not None:
        for entry in record.audiences:
            if entry.key is audience and entry.hours and entry.hours != base:
                found.append((entry.hours, entry.hours_published))
    return found


def evaluate_line(
    loaded: LoadedHotline, instant: datetime, audience: Audience | None, group_if_open: Group
) -> LineAnswer:
    record = loaded.record
    tz = record.time_zone
    local_day = instant.astimezone(_zone(tz)).date()
    reason = inactive_reason(record, local_day)
    is_primary = record.is_12356
    code = None if reason is not None or is_primary else held_back(record)
    audience_match = audience is not None and any(a.key is audience for a in record.audiences)
    tier = confidence(record, local_day)

    numbers: list[NumberAnswer] = []
    if reason is not None or code is not None:
        return LineAnswer(record=record, origin=loaded.origin, group=Group.inactive, status="closed", closes_at=None,
                          opens_at=None, numbers=tuple(NumberAnswer(n, "closed", None, None, n.hours or record.hours,
                                                                    n.hours_published or record.hours_published)
                                                       for n in record.numbers),
                          calendar_verified=True, inactive_reason=reason, audience_match=audience_match,
                          confidence=tier, inactive_code=code)
    for number in (n for n in record.numbers if not n.ended):
        candidates = caller_hours(record, number, audience)
        status, closes, opens, _ = _evaluate([text for text, _ in candidates], instant, tz)
        numbers.append(NumberAnswer(number, status, closes, opens, candidates[0][0], candidates[0][1]))
    line_texts = line_hours(record, audience)
    status, closes, opens, verified = _evaluate(line_texts, instant, tz)
    end_of_validity = _validity_end(record)
    if opens is not None and end_of_validity is not None and opens.date() > end_of_validity:
        opens = None

    if is_primary:
        group = Group.primary
    elif tier is Confidence.old:
        group = Group.older
    elif status == "open":
        group = group_if_open
    elif status == "unknown":
        group = Group.unknown
    else:
        group = Group.opens_later
    return LineAnswer(
        record=record,
        origin=loaded.origin,
        group=group,
        status=status,
        closes_at=closes,
        opens_at=opens,
        numbers=tuple(numbers),
        calendar_verified=verified,
        audience_match=audience_match,
        confidence=tier,
    )


def line_hours(record: Hotline, audience: Audience | None) -> list[str | None]:
    """Every hours expression through which this caller can reach the line; any one open means open.

    A line whose numbers have all ended, or that has none, is reached through its
    channels (an app, QQ), else through the line's own hours.
    """
    usable = [n for n in record.numbers if not n.ended]
    if usable:
        return [text for number in usable for text, _ in caller_hours(record, number, audience)]
    return [c.hours for c in record.channels if c.hours] or [text for text, _ in caller_hours(record, None, audience)]


def _validity_end(record: Hotline) -> date | None:
    validity = record.validity
    if validity.status is ValidityStatus.until:
        return validity.until
    if validity.status in (ValidityStatus.ended, ValidityStatus.superseded) and validity.since is not None:
        return validity.since - timedelta(days=1)
    return None


def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


# --------------------------------------------------------------------------- selection


def qualifies(record: Hotline, audience: Audience | None) -> bool:
    """Whether this caller may use the line at all.

    Lines for everyone and lines with only a focus (主要…: shown to all, ranked first for their
    groups through the audience match) qualify; lines restricted to another group do not.
    """
    if record.focus or not record.restricted:
        return True
    return audience is not None and any(entry.key is audience for entry in record.audiences)


def _locality(record: Hotline, place: Place | None) -> int | None:
    """How close a line is to the place asked for (lower is closer), None when it does not belong."""
    if place is None:
        return 0 if record.scope is Scope.national and record.country == "CN" else None
    if record.region == place.region.code:
        if place.city is not None:
            if record.city == place.city.code:
                return 0
            return 1 if record.city is None else 2
        return 0 if record.city is None else 1
    if record.scope is Scope.national and record.country == "CN" and place.region.phone_region == "CN":
        return 3
    return None


def primary_12356(candidates: Sequence[LoadedHotline], place: Place | None) -> LoadedHotline | None:
    """The most specific 12356 record for a place among ``candidates`` (``Dataset.candidates(place)``):
    its city's, else its province's, else the national one."""
    by_id = {entry.record.id: entry for entry in candidates}
    if place is not None and place.region.phone_region == "CN":
        province = f"12356-{place.region.pinyin}"
        if place.city is not None:
            city_id = f"{province}-{place.city.pinyin}"
            if city_id in by_id:
                return by_id[city_id]
        if province in by_id:
            return by_id[province]
    return by_id.get(NATIONAL_12356)


def area_dial_12356(place: Place | None, centre: LoadedHotline, shared_codes: frozenset[str]) -> tuple[str | None, bool]:
    """区号+12356 for a city, and whether a source confirms it (the rule: Hotline.area_dial_for)."""
    if place is None or place.city is None or place.region.phone_region != "CN":
        return None, False
    return centre.record.area_dial_for(place.city, bool(shared_codes & set(place.city.area_codes)))


def emergency_for(dataset: Dataset, place: Place | None) -> list[EmergencyNumber]:
    if place is not None:
        return list(place.region.emergency)
    region = dataset.region_by_code.get(MAINLAND_DEFAULT_REGION)
    return list(region.emergency) if region else []


def answer(
    dataset: Dataset,
    instant: datetime,
    place: Place | None = None,
    audience: Audience | None = None,
    include_inactive: bool = False,
    order: str = "status",
    include_older: bool | None = None,
    unknown_audience: str | None = None,
) -> Answer:
    """The ranked answer for a place, audience and instant.

    order "status" ranks by what is open now; "place" (for listings) by locality, then id.
    Old listings (`Confidence.old`) come after every other offered line and are left out
    unless include_older (default: include_inactive); `hidden_older` counts them.
    `unknown_audience` is an audience word that resolved to nothing: the answer is for everyone
    and carries the warning.
    """
    if include_older is None:
        include_older = include_inactive
    if instant.tzinfo is None:
        raise ValueError("instant must carry a time zone")
    at = instant.astimezone(CHINA_TZ)
    candidates = dataset.candidates(place)  # read once: from the compiled sections or the overlay cache
    primary = primary_12356(candidates, place)
    lines: list[tuple[tuple, LineAnswer]] = []
    hidden_older = 0
    for loaded in candidates:
        record = loaded.record
        if primary is not None and record.id == primary.record.id:
            continue
        if record.is_12356:
            continue  # other centres are reachable through the primary entry's area-code form
        locality = _locality(record, place)
        if locality is None or not qualifies(record, audience):
            continue
        group_if_open = Group.open_national if locality == 3 or place is None else Group.open_here
        line = evaluate_line(loaded, at, audience, group_if_open)
        if line.group is Group.inactive and not include_inactive:
            continue
        if line.group is Group.older and not include_older:
            hidden_older += 1
            continue
        key = _rank_key(line, locality) if order == "status" else (_LISTING_ORDER.get(line.group, 0), locality, line.record.id)
        lines.append((key, line))

    lines.sort(key=lambda pair: pair[0])
    ordered = [line for _, line in lines]
    if primary is not None:
        first = evaluate_line(primary, at, audience, Group.primary)
        first = _with_area_dial(first, *area_dial_12356(place, primary, dataset.shared_area_codes))
        if place is None or place.region.phone_region == "CN":
            ordered.insert(0, first)
        else:
            # 12356 cannot be dialled outside the mainland: the local lines come first, 12356 after them.
            ordered.append(first)

    result = Answer(at=at, place=place, audience=audience, emergency=emergency_for(dataset, place), lines=ordered,
                    include_inactive=include_inactive, include_older=include_older, hidden_older=hidden_older)
    result.overlays = overlays_shown(ordered)
    result.unknown_audience = unknown_audience
    result.nothing_else_open = not any(
        line.status == "open" for line in ordered if line.group in (Group.open_here, Group.open_national)
    )
    result.warnings = _warnings(result)
    if dataset.attempts:  # the user's call log, read only by those who keep one
        result = apply_to_answer(result, dataset.attempts)
        result.overlays = overlays_shown(result.lines)
    return result


def _with_area_dial(line: LineAnswer, area_dial: str | None, confirmed: bool) -> LineAnswer:
    return replace(line, group=Group.primary, area_dial=area_dial, area_dial_confirmed=confirmed)


_LISTING_ORDER = {Group.older: 1, Group.inactive: 2}
_TIER_ORDER = {tier: rank for rank, tier in enumerate(Confidence)}
_STATUS_ORDER = {"open": 0, "unknown": 1, "closed": 2}


def _rank_key(line: LineAnswer, locality: int) -> tuple:
    group_order = list(Group).index(line.group)
    tier = _TIER_ORDER[line.confidence]
    if line.group in (Group.open_here, Group.open_national):
        # Open lines form one block: a better-confirmed line first whatever its place, then local
        # before national, then lines open longer (24/7 lines, with no closing, before all).
        closes = -line.closes_at.timestamp() if line.closes_at else float("-inf")
        block = list(Group).index(Group.open_here)
        return (block, tier, group_order, locality, not line.audience_match, closes, line.record.id)
    if line.group is Group.opens_later:
        opens = line.opens_at.timestamp() if line.opens_at else float("inf")
        return (group_order, opens, tier, locality, not line.audience_match, line.record.id)
    if line.group is Group.older:
        return (group_order, _STATUS_ORDER.get(line.status, 2), locality, not line.audience_match, line.record.id)
    return (group_order, tier, locality, not line.audience_match, line.record.id)


def overlays_shown(lines: list[LineAnswer]) -> list[str]:
    """The overlay files that added or replaced a line of this answer, in first-shown order."""
    from .dataset import BUNDLED

    found: list[str] = []
    for line in lines:
        if line.origin != BUNDLED and line.origin not in found:
            found.append(line.origin)
    return found


def _warnings(result: Answer) -> list[str]:
    warnings: list[str] = []
    if result.unknown_audience is not None:
        warnings.append("unknown_audience")
    if not result.calendar_verified:
        warnings.append("calendar_unverified")
        result.unverified_years = _unverified_years(result.at.date())
    if result.nothing_else_open:
        warnings.append("nothing_else_open")
    if result.hidden_older:
        warnings.append("older_hidden")
    if result.place is not None and result.place.region.phone_region != "CN":
        warnings.append("12356_mainland_only")
    return warnings


def _unverified_years(day: date) -> list[int]:
    from .schedule.calendar import day_kind

    # The next change may be searched into the following year.
    return [year for year in (day.year, day.year + 1) if not day_kind(date(year, 6, 1)).verified]


# --------------------------------------------------------------------------- the user's call log


def apply_to_answer(result: Answer, attempts: dict) -> Answer:
    """The ranked answer as this user's log changes it, run after ranking.

    Each line carries what the log says. A line with a recent failure moves after
    the lines of its group that have none (order otherwise kept); a line dialled
    as dead or wrong twice since its last answer leaves the answer, or with
    ``--all`` joins the inactive lines with that reason. 12356 keeps its place.
    """
    from .attempts import hidden_reason, line_log

    at = result.at
    kept, hidden = [], []
    dropped = False
    for line in result.lines:
        log = line_log(attempts.get(line.record.id, ()), at)
        if log is None:
            kept.append(line)
            continue
        line = replace(line, attempts=log)
        if log.hidden and line.group is not Group.primary:
            if result.include_inactive:
                hidden.append(replace(line, group=Group.inactive, inactive_reason=hidden_reason(log, "zh")))
            else:
                dropped = True
            continue
        kept.append(line)

    ordered = []
    run: list = []
    for line in kept + [None]:
        if run and (line is None or line.group is not run[0].group):
            # Within a run of one group: lines without a recent failure first, each side in its ranked order.
            movable = run[0].group is not Group.primary
            ordered += [item for item in run if not (movable and _failing(item))]
            ordered += [item for item in run if movable and _failing(item)]
            run = []
        if line is not None:
            run.append(line)
    result.lines = ordered + hidden
    result.nothing_else_open = not any(
        line.status == "open" for line in result.lines if line.group in (Group.open_here, Group.open_national)
    )
    result.warnings = _warnings(result)
    if dropped:
        result.warnings.append("hidden_by_call_log")
    return result


def _failing(line) -> bool:
    return line.attempts is not None and line.attempts.failure is not None
