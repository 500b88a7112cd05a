"""Pieces of human-readable output shared by the plain and table renderers."""

from __future__ import annotations

from ..audiences import label as audience_label
from ..model import Audience, ValidityStatus
from typing import TYPE_CHECKING

from ..query import Answer, Group, LineAnswer, NumberAnswer
from .labels import answering_for_text, confidence_text, inactive_text, overlays_text, text, when, warning_text

if TYPE_CHECKING:
    from ..day import DayTimeline, LineDay


def status_text(line: LineAnswer | NumberAnswer, answer: Answer, lang: str) -> str:
    if isinstance(line, LineAnswer) and line.group is Group.inactive:
        # An uncertain line is not offered, but nothing says it ended.
        return text(lang, "unconfirmed" if line.record.validity.status is ValidityStatus.uncertain else "inactive")
    if line.status == "open":
        if line.closes_at is None:
            return f"{text(lang, 'open')} · {text(lang, 'always')}"
        return f"{text(lang, 'open')} · {text(lang, 'closes', time=when(line.closes_at, answer.at, lang))}"
    if line.status == "unknown":
        return text(lang, "unknown")
    if line.opens_at is None:
        return f"{text(lang, 'closed')} · {text(lang, 'no_next')}"
    return f"{text(lang, 'closed')} · {text(lang, 'opens', time=when(line.opens_at, answer.at, lang))}"


def number_text(item: NumberAnswer, lang: str, with_status: bool, answer: Answer) -> str:
    number = item.number
    parts = [number.published]
    extras = []
    if number.for_callers != "any":
        extras.append(text(lang, number.for_callers))
    if number.menu:
        extras.append(text(lang, "menu", keys="-".join(number.menu)))
    if number.dial_inferred:
        extras.append(f"{text(lang, 'uncertain_dial')}: {number.dial}")
    if number.old_number:
        extras.append(text(lang, "old_number"))
    if with_status:
        extras.append(status_text(item, answer, lang))
    if extras:
        parts.append(f"（{'，'.join(extras)}）" if lang == "zh" else f" ({', '.join(extras)})")
    return "".join(parts) if lang == "zh" else "".join(parts)


def numbers_differ(line: LineAnswer) -> bool:
    """Whether numbers of one line have their own hours worth showing per number."""
    return len({(n.status, n.closes_at, n.opens_at) for n in line.numbers}) > 1


def line_name(line: LineAnswer | LineDay, lang: str) -> str:
    record = line.record
    if lang == "en" and record.name_en:
        return record.name_en
    return record.name


def area_dial_text(line: LineAnswer, lang: str) -> str:
    key = "from_elsewhere" if line.area_dial_confirmed else "from_elsewhere_unconfirmed"
    return text(lang, key, dial=line.area_dial)


def detail_lines(line: LineAnswer, lang: str) -> list[str]:
    """Short notes under a line: where-from dialling, restrictions, hours text, first caveat, reason."""
    record = line.record
    notes: list[str] = []
    if line.area_dial:
        notes.append(area_dial_text(line, lang))
    if record.restricted:
        who = "、".join(audience_label(a.key, lang) for a in record.audiences if a.key is not Audience.general)
        notes.append(text(lang, "restricted", who=who))
    if record.focus:
        notes.append(text(lang, "focus", who="、".join(audience_label(key, lang) for key in record.focus)))
    log_notes = attempt_notes(line, lang)
    reason = inactive_text(line, lang)
    if reason:
        if not (line.attempts is not None and line.attempts.hidden):
            notes.append(f"{text(lang, 'reason')}: {reason}")
    elif line.group is not Group.primary:
        trust = confidence_text(line, lang)
        if trust:
            notes.append(trust)
    notes.extend(log_notes)
    if record.hours_published:
        notes.append(f"{text(lang, 'hours')}: {record.hours_published}")
    elif record.hours is None and all(n.hours is None for n in line.numbers) and line.group is Group.primary:
        notes.append(f"{text(lang, 'hours')}: {text(lang, 'hours_note')}")
    if record.caveats:
        notes.append(f"{text(lang, 'caveat')}: {record.caveats[0]}")
    return notes


def attempt_notes(line: LineAnswer, lang: str) -> list[str]:
    """What the user's call log says of the line (nothing, and no import, without a log)."""
    if line.attempts is None:
        return []
    from ..attempts import notes

    return notes(line.attempts, lang)


def emergency_text(answer: Answer | DayTimeline, lang: str) -> str:
    items = [f"{e.number} {e.name_en if lang == 'en' else e.name}" for e in answer.emergency]
    return f"{text(lang, 'emergency')}: " + " · ".join(items)


def header_text(answer: Answer, lang: str) -> str:
    where = answer.place.label if answer.place else text(lang, "national")
    answering_for = answering_for_text(answer.place, lang)
    if answering_for:
        where = f"{where} ({answering_for})"
    parts = [f"{text(lang, 'at')}: {answer.at:%Y-%m-%d %H:%M} ({text(lang, 'china_time')})", f"{text(lang, 'region')}: {where}"]
    if answer.audience is not None:
        parts.append(f"{text(lang, 'audience')}: {audience_label(answer.audience, lang)}")
    return " · ".join(parts)


def header_lines(answer: Answer, lang: str) -> list[str]:
    """The header line, then one line naming the overlay files when they changed the answer."""
    found = [header_text(answer, lang)]
    overlays = overlays_text(answer, lang)
    if overlays:
        found.append(overlays)
    return found


def group_heading(line: LineAnswer, previous: LineAnswer | None, lang: str) -> str | None:
    """A heading before the first old listing, so that they read as a group of their own."""
    if line.group is Group.older and (previous is None or previous.group is not Group.older):
        return text(lang, "older_group")
    return None


def summary_texts(answer: Answer, shown: int, lang: str) -> list[str]:
    # An unknown audience is said on stderr, where messages go; stdout keeps the answer.
    found = [warning_text(answer, code, lang) for code in answer.warnings if code != "unknown_audience"]
    open_count = sum(1 for line in answer.lines if line.status == "open" and line.group in (Group.open_here, Group.open_national))
    if "nothing_else_open" not in answer.warnings:
        found.append(text(lang, "open_count", count=open_count))
    hidden = len(answer.lines) - shown
    if hidden > 0:
        found.append(text(lang, "more", count=hidden))
    found.append(text(lang, "footer"))
    return found
