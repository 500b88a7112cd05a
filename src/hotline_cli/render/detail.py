"""`hotline show`: one record in full, from its RecordView."""

from __future__ import annotations

from ..dataset import BUNDLED
from .layout import wrap_indented
from .view import RecordView
from .words import bracketed, word


def detail_dict(view: RecordView) -> dict:
    entry = view.entry
    record = entry.record
    document = record.model_dump(mode="json")
    for shown, dumped in zip(view.line.numbers, document["numbers"]):
        dumped["tel"] = shown.tel
        dumped["display"] = shown.display
        dumped["international"] = shown.international
    document["origin"] = entry.origin if entry.origin == BUNDLED else str(entry.origin)
    document["file"] = entry.file
    document["place"] = view.place
    document["hours_text"] = view.line.hours or None
    document["confidence"] = view.line.confidence
    document["confidence_note"] = view.line.trust_note(view.lang)
    document["centres"] = [
        {"id": centre.record.id, "name": centre.record.name, "area_dial": area_dial, "hours": centre.record.hours,
         "hours_published": centre.record.hours_published}
        for centre, (_, area_dial, _, _) in zip(view.centre_entries, view.centres)
    ]
    if view.log is not None:
        from ..attempts import attempts_json, note_text

        document["attempts"], document["attempt_note"] = attempts_json(view.log), note_text(view.log, view.lang)
    document["footer"] = view.footer
    return document


def render_detail(view: RecordView, width: int | None = None) -> str:
    """The record as text; ``width`` (a terminal's) wraps long lines without splitting a number."""
    lang = view.lang
    line = view.line
    record = view.entry.record
    out = [f"{line.name}  [{line.id}]"]
    if lang == "zh" and view.name_en:
        out.append(view.name_en)
    elif lang != "zh" and line.name != record.name:
        out.append(record.name)
    out.append(f"{word(lang, 'region')}: {view.place}")
    for number in line.numbers:
        out.append(f"  ☎ {bracketed(number.display, number.details, lang)}  {number.tel}")
    for channel in view.channels:
        out.append(f"  · {channel}")
    hours = line.hours or word(lang, "hours_unknown")
    written = [part for part in (view.hours_published, view.hours_expression) if part and part != hours]
    out.append(f"{word(lang, 'hours')}: {hours}" + (f"  [{' | '.join(written)}]" if written else ""))
    audiences = word(lang, "parts_sep").join(
        bracketed(text, [entry.published] if entry.published else [], lang)
        for text, entry in zip(line.audiences, record.audiences)
    )
    out.append(f"{word(lang, 'audiences')}: {audiences}" + (f" — {line.restricted}" if line.restricted else ""))
    if line.focus:
        out.append(f"  {line.focus}")
    if line.operator:
        out.append(f"{word(lang, 'operator')}: {line.operator}")
    if line.call_length:
        out.append(f"{word(lang, 'call_length')}: {line.call_length}")
    if view.opened:
        out.append(f"{word(lang, 'opened')}: {view.opened}")
    out.append(f"{word(lang, 'validity')}: {view.validity}")
    trust = line.trust_note(lang)
    if trust:
        out.append(f"  {trust}")
    for caveat in line.caveats:
        out.append(f"{word(lang, 'caveat')}: {caveat}")
    for source in view.sources:
        dated = f" ({source.date})" if source.date else ""
        note = f" — {source.note}" if source.note else ""
        out.append(f"{word(lang, 'source')} [{source.kind}]: {source.ref}{dated}{note}")
    if view.follows:
        out.append(f"  {word(lang, 'follows')}: {view.follows}")
    out.append(f"{word(lang, 'last_confirmed')}: {line.last_confirmed}")
    out.append(f"{word(lang, 'origin')}: {view.origin}")
    if view.centres:
        out.append(f"{word(lang, 'centres')} ({len(view.centres)}):")
        for name, dial, hours, record_id in view.centres:
            out.append(f"  {name}  {dial}  {hours}  [{record_id}]")
    if view.calls:
        out.append(f"{word(lang, 'your_calls')}:")
        out.extend(f"  {call}" for call in view.calls)
    out.append(view.report_outdated)
    out.append(view.footer)
    return "".join(piece + "\n" for line in out for piece in wrap_indented(line, width))

