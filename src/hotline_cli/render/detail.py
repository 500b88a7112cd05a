"""`hotline show`: one record in full."""

from __future__ import annotations

from ..audiences import label as audience_label
from ..dataset import BUNDLED, Dataset, LoadedHotline
from ..phones import tel_uri
from .labels import text


def _centres(dataset: Dataset, entry: LoadedHotline) -> list[LoadedHotline]:
    """Local 12356 centres below a national or provincial 12356 record."""
    record = entry.record
    if record.id == "12356":
        prefix = "12356-"
    elif record.id.startswith("12356-") and record.id.count("-") == 1:
        prefix = record.id + "-"
    else:
        return []
    return sorted((e for e in dataset.entries if e.record.id.startswith(prefix)), key=lambda e: e.record.id)


def _centre_area_dial(entry: LoadedHotline) -> str | None:
    number = entry.record.area_code_number()
    return number.published if number else None


def detail_dict(dataset: Dataset, entry: LoadedHotline, lang: str) -> dict:
    record = entry.record
    document = record.model_dump(mode="json")
    for number, dumped in zip(record.numbers, document["numbers"]):
        dumped["tel"] = tel_uri(number)
    document["origin"] = entry.origin if entry.origin == BUNDLED else str(entry.origin)
    document["file"] = entry.file
    log = _log(dataset, entry)
    if log is not None:
        from ..attempts import attempts_json, note_text

        document["attempts"], document["attempt_note"] = attempts_json(log), note_text(log, lang)
    document["centres"] = [
        {"id": e.record.id, "name": e.record.name, "area_dial": _centre_area_dial(e), "hours": e.record.hours,
         "hours_published": e.record.hours_published}
        for e in _centres(dataset, entry)
    ]
    return document


def _log(dataset: Dataset, entry: LoadedHotline):
    """What the user's call log says of this record now, or None without entries for it."""
    if not dataset.attempts or entry.record.id not in dataset.attempts:
        return None
    from datetime import datetime

    from ..attempts import line_log
    from ..timeparse import CHINA

    return line_log(dataset.attempts[entry.record.id], datetime.now(CHINA))


def _log_lines(dataset: Dataset, entry: LoadedHotline, lang: str) -> list[str]:
    log = _log(dataset, entry)
    if log is None:
        return []
    from ..attempts import notes, outcome_text, when_text

    out = [f"{text(lang, 'your_calls')}:"] + [f"  {note}" for note in notes(log, lang)]
    for attempt in log.recent:
        extras = "  ".join(filter(None, [attempt.number, attempt.note]))
        out.append(f"  · {when_text(attempt.at, log.at)}  {outcome_text(attempt.outcome, lang)}" + (f"  {extras}" if extras else ""))
    return out


def _origin_text(dataset: Dataset, entry: LoadedHotline) -> str:
    if entry.origin == BUNDLED:
        return f"bundled {entry.file}"
    replaces = any(record_id == entry.record.id and file == entry.origin for record_id, file in dataset.replaced)
    return f"overlay {entry.origin}" + (" (replaces the earlier record with this id)" if replaces else "")


def render_detail(dataset: Dataset, entry: LoadedHotline, lang: str) -> str:
    record = entry.record
    out = [f"{record.name}  [{record.id}]"]
    if record.name_en:
        out.append(record.name_en)
    for number in record.numbers:
        extras = []
        if number.for_callers != "any":
            extras.append(text(lang, number.for_callers))
        if number.menu:
            extras.append(text(lang, "menu", keys="-".join(number.menu)))
        if number.hours_published or number.hours:
            extras.append(f"{text(lang, 'hours')}: {number.hours_published or number.hours}")
        if number.dial_inferred:
            extras.append(f"{text(lang, 'uncertain_dial')}: {number.dial}")
        if number.ended:
            extras.append(text(lang, "inactive"))
        if number.note:
            extras.append(number.note)
        suffix = f"  ({'; '.join(extras)})" if extras else ""
        out.append(f"  ☎ {number.published}  {tel_uri(number)}{suffix}")
    for channel in record.channels:
        hours = f"  ({channel.hours_published or channel.hours})" if (channel.hours or channel.hours_published) else ""
        out.append(f"  · {channel.kind}: {channel.value}{hours}")
    hours = record.hours_published or record.hours or text(lang, "unknown")
    out.append(f"{text(lang, 'hours')}: {hours}" + (f"  [{record.hours}]" if record.hours and record.hours_published else ""))
    audiences = "; ".join(
        f"{audience_label(a.key, lang)}" + (f" ({a.published})" if a.published else "") + (f" {a.hours_published or a.hours}" if a.hours else "")
        for a in record.audiences
    )
    restricted_to = "、".join(audience_label(a.key, lang) for a in record.audiences if a.key.value != "general")
    out.append(f"{text(lang, 'audiences')}: {audiences}" + (f" — {text(lang, 'restricted', who=restricted_to)}" if record.restricted else ""))
    if record.focus:
        out.append("  " + text(lang, "focus", who="、".join(audience_label(key, lang) for key in record.focus)))
    if record.operator:
        out.append(f"{text(lang, 'operator')}: {record.operator}")
    if record.call_length:
        out.append(f"{text(lang, 'call_length')}: {record.call_length}")
    if record.opened or record.opened_published:
        out.append(f"{text(lang, 'opened')}: {record.opened_published or record.opened}")
    validity = record.validity
    parts = [validity.status.value]
    for value in (validity.published, validity.until and f"until {validity.until}", validity.since and f"since {validity.since}",
                  validity.superseded_by and f"→ {validity.superseded_by}", validity.reason):
        if value:
            parts.append(str(value))
    out.append(f"{text(lang, 'validity')}: " + " · ".join(parts))
    for caveat in record.caveats:
        out.append(f"{text(lang, 'caveat')}: {caveat}")
    for source in record.sources:
        dated = f" ({source.date})" if source.date else ""
        note = f" — {source.note}" if source.note else ""
        out.append(f"{text(lang, 'source')} [{text(lang, 'grade_' + source.kind.value)}]: {source.ref}{dated}{note}")
    if record.follows:
        out.append(f"  follows: {record.follows}")
    out.append(f"{text(lang, 'last_confirmed')}: {record.last_confirmed}")
    out.append(f"{text(lang, 'origin')}: {_origin_text(dataset, entry)}")
    centres = _centres(dataset, entry)
    if centres:
        out.append(f"{text(lang, 'centres')} ({len(centres)}):")
        for centre in centres:
            dial = _centre_area_dial(centre) or "12356"
            hours = centre.record.hours_published or centre.record.hours or text(lang, "unknown")
            out.append(f"  {centre.record.name}  {dial}  {hours}  [{centre.record.id}]")
    out.extend(_log_lines(dataset, entry, lang))
    out.append(f"{dataset.meta.report_outdated}")
    return "\n".join(out) + "\n"
