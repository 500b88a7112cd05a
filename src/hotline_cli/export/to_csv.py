"""CSV for spreadsheets: one row per number, UTF-8 with a byte-order mark so Excel reads Chinese.

Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage
return before one) as a formula; such cells get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from ..phones import tel_uri
from .base import ExportContext
from .common import LineView, ListView, list_view, text

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ("position", "category", "line", "number", "dial", "tel", "who", "hours", "audiences", "call_length",
           "operator", "note", "caveat", "last_confirmed", "sources", "line_id")
_HEADINGS = {
    "zh": {"who": "拨打说明", "audiences": "服务对象", "hours": "服务时间", "call_length": "单次通话时长",
           "operator": "依托机构", "caveat": "注意", "last_confirmed": "最后核实", "sources": "来源", "tel": "tel"},
    "en": {"who": "How to dial", "audiences": "For", "hours": "Hours", "call_length": "Call length",
           "operator": "Run by", "caveat": "Note", "last_confirmed": "Last confirmed", "sources": "Sources", "tel": "tel"},
}


def defuse(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _headings(lang: str) -> list[str]:
    own = _HEADINGS.get(lang, _HEADINGS["zh"])
    shared = {"position": text(lang, "position"), "category": text(lang, "category"), "line": text(lang, "line"),
              "number": text(lang, "number"), "dial": text(lang, "dial"), "note": text(lang, "note"),
              "line_id": text(lang, "line_id")}
    return [own.get(column) or shared[column] for column in COLUMNS]


def _line_rows(view: ListView, line: LineView) -> list[dict]:
    joiner = "; " if view.lang == "en" else "；"
    category = text(view.lang, "category_primary" if line.primary else "category_hotline")
    common = {
        "position": str(line.position),
        "category": category,
        "line": line.name,
        "hours": line.hours,
        "audiences": ("; " if view.lang == "en" else "、").join(line.audiences) + (f" ({line.restricted})" if line.restricted else ""),
        "call_length": line.call_length or "",
        "operator": line.operator or "",
        "caveat": joiner.join(line.caveats),
        "last_confirmed": line.last_confirmed,
        "sources": " ".join(f"[{n}]" for n in line.source_numbers),
        "line_id": line.id,
    }
    rows = []
    for number in line.numbers:
        notes = [part for part in (number.note, number.inferred) if part]
        if line.area_dial and number is line.numbers[0]:
            notes.append(line.area_dial)
        rows.append({
            **common,
            "number": number.display,
            "dial": number.domestic or number.dial,
            "tel": number.link,
            "who": joiner.join(part for part in (number.who, number.menu, number.hours) if part),
            "note": joiner.join(notes),
        })
    return rows


def render_csv(view: ListView) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_headings(view.lang))
    emergency_label = text(view.lang, "category_emergency")
    for number, name in view.emergency:
        row = {column: "" for column in COLUMNS}
        row.update(category=emergency_label, line=name, number=number, dial=number, tel=tel_uri(number))
        writer.writerow([defuse(row[column]) for column in COLUMNS])
    for line in view.lines:
        for row in _line_rows(view, line):
            writer.writerow([defuse(row[column]) for column in COLUMNS])
    return BOM + buffer.getvalue()


class CsvExporter:
    media_type = "text/csv; charset=utf-8"
    binary = False

    def ensure_available(self) -> None:
        return None

    def render(self, answer, context: ExportContext) -> str:
        return render_csv(list_view(answer, context))
