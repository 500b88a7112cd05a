"""CSV for spreadsheets: one row per number, UTF-8 with a byte-order mark so Excel reads Chinese.

Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage
return before one) as a formula; such cells get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from ..phones import tel_uri
from ..render.view import AnswerView, LineView
from ..render.words import word

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ("position", "category", "line", "number", "dial", "tel", "who", "hours", "audiences", "call_length",
           "operator", "note", "caveat", "last_confirmed", "sources", "line_id")


def defuse(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _headings(lang: str) -> list[str]:
    return [word(lang, column) for column in COLUMNS]


def _line_rows(view: AnswerView, line: LineView) -> list[dict]:
    joiner = "; " if view.lang == "en" else "；"
    category = word(view.lang, "category_primary" if line.primary else "category_hotline")
    common = {
        "position": str(line.position),
        "category": category,
        "line": line.name,
        "hours": line.hours,
        "audiences": ("; " if view.lang == "en" else "、").join(line.audiences) + (f" ({line.restricted})" if line.restricted else "") + (f" ({line.focus})" if line.focus else ""),
        "call_length": line.call_length or "",
        "operator": line.operator or "",
        "caveat": joiner.join(line.caveats),
        "last_confirmed": line.last_confirmed,
        "sources": " ".join(f"[{n}]" for n in line.source_numbers),
        "line_id": line.id,
    }
    rows = []
    for number in line.numbers:
        notes = [part for part in (number.published_note, number.note, number.inferred, number.old, number.not_here) if part]
        if line.area_dial and number is line.numbers[0]:
            notes.append(line.area_dial)
        rows.append({
            **common,
            "number": number.display,
            "dial": number.domestic,
            "tel": number.link,
            "who": joiner.join(part for part in (number.who, number.menu, number.hours) if part),
            "note": joiner.join(notes),
        })
    return rows


def render_csv(view: AnswerView) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_headings(view.lang))
    emergency_label = word(view.lang, "category_emergency")
    for number, name in view.emergency:
        row = {column: "" for column in COLUMNS}
        row.update(category=emergency_label, line=name, number=number, dial=number, tel=tel_uri(number))
        writer.writerow([defuse(row[column]) for column in COLUMNS])
    for line in view.lines:
        for row in _line_rows(view, line):
            writer.writerow([defuse(row[column]) for column in COLUMNS])
    # Notes are rows of their own, category "note": the user's data files behind the list, then, as every
    # output ends, what to do when a life is in danger.
    for note in ([view.overlays] if view.overlays else []) + [view.footer]:
        row = {column: "" for column in COLUMNS}
        row.update(category=word(view.lang, "note"), line=note)
        writer.writerow([defuse(row[column]) for column in COLUMNS])
    return BOM + buffer.getvalue()


class CsvExporter:
    binary = False

    def ensure_available(self) -> None:
        return None

    def render(self, view: AnswerView, layout: str = "sheet") -> str:
        return render_csv(view)
