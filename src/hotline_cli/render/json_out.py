"""The `--json` documents: plain json.dumps to stdout, never through Rich (it would wrap lines)."""

from __future__ import annotations

import json
from datetime import datetime

from ..audiences import label as audience_label
from .view import AnswerView, LineView, NumberView, emergency_dicts, inactive_text, region_dict

SCHEMA_VERSION = 1


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def number_dict(item, shown: NumberView) -> dict:
    number = item.number
    return {
        "display": shown.display,
        "published": number.published,
        "dial": number.dial,
        "international": shown.international,
        "tel": shown.tel,
        "kind": number.kind.value,
        "country": number.country,
        "for_callers": number.for_callers,
        "menu": list(number.menu),
        "dial_inferred": number.dial_inferred,
        "old_number": number.old_number,
        "status": item.status,
        "closes_at": _iso(item.closes_at),
        "opens_at": _iso(item.opens_at),
        "hours": item.hours,
        "hours_published": item.hours_published,
        "note": number.note,
    }


def line_dict(shown: LineView, lang: str) -> dict:
    line = shown.answer
    record = line.record
    return {
        "id": record.id,
        "name": record.name,
        "name_en": record.name_en,
        "group": line.group.value,
        "status": line.status,
        "closes_at": _iso(line.closes_at),
        "opens_at": _iso(line.opens_at),
        "calendar_verified": line.calendar_verified,
        "inactive_reason": inactive_text(line, lang),
        "inactive_code": line.inactive_code,
        "confidence": line.confidence.value,
        "area_dial": line.area_dial,
        "area_dial_confirmed": line.area_dial_confirmed,
        "numbers": [number_dict(item, view) for item, view in zip(line.numbers, shown.numbers)],
        "channels": [
            {"kind": c.kind, "value": c.value, "hours": c.hours, "hours_published": c.hours_published}
            for c in record.channels
        ],
        "hours": record.hours,
        "hours_published": record.hours_published,
        "hours_text": shown.hours or None,
        "audiences": [
            {"key": a.key.value, "label": audience_label(a.key, lang), "published": a.published, "hours": a.hours}
            for a in record.audiences
        ],
        "restricted": record.restricted,
        "focus": [key.value for key in record.focus],
        "scope": record.scope.value,
        "region": record.region,
        "city": record.city,
        "operator": record.operator,
        "validity": record.validity.status.value,
        "sources": [
            {"ref": s.ref, "date": s.date.isoformat() if s.date else None, "note": s.note} for s in record.sources
        ],
        "last_confirmed": record.last_confirmed.isoformat(),
        "caveats": list(record.caveats),
        "origin": line.origin,
        **attempts_fields(line, lang),
    }


def attempts_fields(line, lang: str) -> dict:
    """The user's last attempts on this line and what they mean, from their call log."""
    if line.attempts is None:
        return {"attempts": [], "attempt_note": None}
    from ..attempts import attempts_json, note_text

    return {"attempts": attempts_json(line.attempts), "attempt_note": note_text(line.attempts, lang)}


def answer_dict(view: AnswerView) -> dict:
    answer = view.answer
    return {
        "schema_version": SCHEMA_VERSION,
        "dataset_version": view.dataset_version,
        "at": answer.at.isoformat(),
        "region": region_dict(answer.place),
        "place": view.place,
        "audience": answer.audience.value if answer.audience else None,
        "emergency": emergency_dicts(answer.emergency),
        "hotlines": [line_dict(line, view.lang) for line in view.lines],
        "nothing_else_open": answer.nothing_else_open,
        "hidden_older": answer.hidden_older,
        "overlays": list(answer.overlays),
        "warnings": [{"code": code, "message": message} for code, message in view.warnings],
        "footer": view.footer,
    }


def dumps(document: dict, ascii_only: bool = False) -> str:
    """JSON text; ``ascii_only`` escapes every non-ASCII character, for consoles that cannot show them."""
    return json.dumps(document, ensure_ascii=ascii_only, indent=2) + "\n"
