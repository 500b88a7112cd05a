"""The `hotline day --format json` document, from the DayView."""

from __future__ import annotations

from ..day import Gap, LineDay
from .json_out import SCHEMA_VERSION, attempts_fields
from .view import DayView, LineView, emergency_dicts, region_dict


def _span(span) -> dict:
    return {"start": span.start.isoformat(), "end": span.end.isoformat()}


def _gap(gap: Gap) -> dict:
    return {**_span(gap), "12356": gap.primary, "emergency_only": gap.emergency_only}


def _local_gap(gap: Gap) -> dict:
    # Nationwide lines may be open during a local gap, so "emergency only" would overstate it.
    return {**_span(gap), "12356": gap.primary}


def line_dict(line: LineDay, shown: LineView, lang: str = "zh") -> dict:
    record = line.record
    return {
        "id": record.id,
        "name": record.name,
        "name_en": record.name_en,
        "is_12356": line.is_12356,
        "status_known": line.status_known,
        "calendar_verified": line.calendar_verified,
        "numbers": [{"display": number.display, "published": item.number.published, "dial": item.number.dial}
                    for item, number in zip(line.line.numbers, shown.numbers)],
        "area_dial": line.line.area_dial,
        "area_dial_confirmed": line.line.area_dial_confirmed,
        "intervals": [_span(span) for span in line.open],
        "unknown_intervals": [_span(span) for span in line.unknown],
        **attempts_fields(line.line, lang),
    }


def timeline_dict(view: DayView, dataset_version: str) -> dict:
    timeline = view.timeline
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
            "holiday_label": view.holiday_label,
            "makeup_workday": kind.is_makeup_workday,
            "verified": kind.verified,
        },
        "calendar_verified": timeline.calendar_verified,
        "region": region_dict(timeline.place),
        "place": view.place,
        "audience": timeline.audience.value if timeline.audience else None,
        "audience_label": view.audience,
        "emergency": emergency_dicts(timeline.emergency),
        "hotlines": [line_dict(line, shown, view.lang) for line, shown in zip(timeline.lines, view.lines)],
        "hidden_older": timeline.hidden_older,
        "overlays": list(timeline.overlays),
        "uncovered": [_gap(gap) for gap in timeline.uncovered],
        "uncovered_locally": None if timeline.uncovered_locally is None
        else [_local_gap(gap) for gap in timeline.uncovered_locally],
        "summary": view.summary,
        "warnings": [{"code": code, "message": message} for code, message in view.warnings],
        "footer": view.footer,
    }
