"""vCard 3.0 (RFC 2426) for phone contacts: one card per line, every number of it.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
character; text values escape backslash, comma, semicolon and newlines.
"""

from __future__ import annotations

from ..render.view import AnswerView, LineView
from ..render.words import word

MAX_OCTETS = 75
CRLF = "\r\n"


def escape(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets; each continuation starts with a space."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def _tel_types(mobile: bool) -> str:
    return "CELL,VOICE" if mobile else "WORK,VOICE"


def _note(view: AnswerView, line: LineView) -> str:
    labels = view.labels
    c = labels["colon"]
    parts = []
    if line.hours:
        parts.append(f"{labels['hours']}{c}{line.hours}")
    for number in line.numbers:
        if number.details:
            parts.append(f"{number.display}{c}" + ("; " if view.lang == "en" else "；").join(number.details))
    if line.area_dial:
        parts.append(line.area_dial)
    parts.append(f"{labels['audiences']}{c}" + ("、" if view.lang != "en" else ", ").join(line.audiences))
    if line.restricted:
        parts.append(line.restricted)
    if line.focus:
        parts.append(line.focus)
    if line.call_length:
        parts.append(f"{labels['call_length']}{c}{line.call_length}")
    parts.extend(f"{labels['caveat']}{c}{caveat}" for caveat in line.caveats)
    parts.append(f"{labels['last_confirmed']}{c}{line.last_confirmed} · {labels['dataset']}{c}{view.dataset_version}")
    overlay = line.overlay_note(view.lang)
    if overlay:
        parts.append(overlay)
    parts.append(view.footer)
    return "\n".join(parts)


def card(view: AnswerView, line: LineView) -> str:
    props = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape(line.name)};;;;",
        f"FN:{escape(line.name)}",
    ]
    if line.operator:
        props.append(f"ORG:{escape(line.operator)}")
    for number in line.numbers:
        props.append(f"TEL;TYPE={_tel_types(number.mobile)}:{number.contact}")
    props.append(f"CATEGORIES:{escape(word(view.lang, 'title'))}")
    props.append(f"NOTE:{escape(_note(view, line))}")
    if line.url:
        props.append(f"URL:{escape(line.url)}")
    props.append(f"UID:hotline-cli:{escape(line.id)}")
    props.append("END:VCARD")
    return "".join(fold(prop) + CRLF for prop in props)


def render_vcard(view: AnswerView) -> str:
    return "".join(card(view, line) for line in view.lines if line.numbers)


class VcardExporter:
    binary = False

    def ensure_available(self) -> None:
        return None

    def render(self, view: AnswerView, layout: str = "sheet") -> str:
        return render_vcard(view)
