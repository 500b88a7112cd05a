"""The `hotline day --format json` document."""

from __future__ import annotations

from ..audiences import label as audience_label
from ..day import DayTimeline, Gap, LineDay
from .day_labels import holiday_name, summary_texts, warning_message
from .json_out import SCHEMA_VERSION, attempts_fields, region_dict
from .labels import text as common_text


def _span(span) -> dict:
    return {"start": span.start.isoformat(), "end": span.end.isoformat()}


def _gap(gap: Gap) -> dict:
    return {**_span(gap), "12356": gap.primary, "emergency_only": gap.emergency_only}


def _local_gap(gap: Gap) -> dict:
    # Nationwide lines may be open during a local gap, so "emergency only" would overstate it.
    return {**_span(gap), "12356": gap.primary}


def line_dict(line: LineDay, lang: str = "zh") -> dict:
    record = line.record
    return {
        "id": record.id,
        "name": record.name,
        "name_en": record.name_en,
        "is_12356": line.is_12356,
        "status_known": line.status_known,
        "calendar_verified": line.calendar_verified,
        "numbers": [{"display": item.number.published, "dial": item.number.dial} for item in line.line.numbers],
        "area_dial": line.line.area_dial,
        "area_dial_confirmed": line.line.area_dial_confirmed,
        "intervals": [_span(span) for span in line.open],
        "unknown_intervals": [_span(span) for span in line.unknown],
        **attempts_fields(line.line, lang),
    }


def timeline_dict(timeline: DayTimeline, lang: str, dataset_version: str) -> dict:
    region = region_dict(timeline.place)
    kind = timeline.kind
    return {
        "schema_version": SCHEMA_VERSION,
        "dataset_version": dataset_version,
        "date": timeline.day.isoformat(),
        "start": timeline.start.isoformat(),
        "end": timeline.end.isoformat(),
        "day_kind": {
            "workday": kind.is_workday,
            "holiday": kind.is_holiday,
            "holiday_name": kind.holiday_name,
            "holiday_label": holiday_name(kind.holiday_name, lang),
            "makeup_workday": kind.is_makeup_workday,
            "verified": kind.verified,
        },
        "calendar_verified": timeline.calendar_verified,
        "region": region,
        "audience": timeline.audience.value if timeline.audience else None,
        "audience_label": audience_label(timeline.audience, lang) if timeline.audience else None,
        "emergency": [
            {"number": e.number, "name": e.name, "name_en": e.name_en, "kind": e.kind} for e in timeline.emergency
        ],
        "hotlines": [line_dict(line, lang) for line in timeline.lines],
        "hidden_older": timeline.hidden_older,
        "overlays": list(timeline.overlays),
        "uncovered": [_gap(gap) for gap in timeline.uncovered],
        "uncovered_locally": None if timeline.uncovered_locally is None
        else [_local_gap(gap) for gap in timeline.uncovered_locally],
        "summary": summary_texts(timeline, lang),
        "warnings": [{"code": code, "message": warning_message(timeline, code, lang)} for code in timeline.warnings],
        "footer": common_text(lang, "footer"),
    }
