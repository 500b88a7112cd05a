"""Plain text: what goes to a pipe, a file, a screen reader, or a terminal too narrow for the table."""

from __future__ import annotations

from .layout import wrap_indented
from .view import AnswerView


def lines_of(view: AnswerView, limit: int | None, show_ids: bool = False) -> list[str]:
    lang = view.lang
    shown = view.lines if limit is None else view.lines[:limit]
    out = [view.emergency_text, view.header, *([view.overlays] if view.overlays else []), ""]
    for line in shown:
        if line.heading:
            out.append(f"-- {line.heading} --")
        out.append(f"{line.position}. {line.name} — {line.status}")
        if show_ids:
            out.append(f"   id: {line.id}")
        for number in line.numbers:
            out.append(f"   ☎ {number.text(lang)}")
        for channel in line.channels:
            out.append(f"   · {channel}")
        for note in line.notes(lang):
            out.append(f"   {note}")
    out.append("")
    out.extend(view.summary(len(shown)))
    return out


def render(view: AnswerView, limit: int | None, width: int | None = None, show_ids: bool = False) -> str:
    """The answer as text; ``width`` (a terminal's) wraps long lines without splitting a number."""
    return "".join(piece + "\n" for line in lines_of(view, limit, show_ids) for piece in wrap_indented(line, width))
