"""Plain text: what goes to a pipe, a file or a screen reader. No colour, no box drawing."""

from __future__ import annotations

from ..query import Answer
from .common import (
    detail_lines,
    emergency_text,
    group_heading,
    header_lines,
    line_name,
    number_text,
    numbers_differ,
    status_text,
    summary_texts,
)


def render(answer: Answer, lang: str, limit: int | None, show_ids: bool = False) -> str:
    shown = answer.lines if limit is None else answer.lines[:limit]
    out = [emergency_text(answer, lang), *header_lines(answer, lang), ""]
    for position, line in enumerate(shown, start=1):
        heading = group_heading(line, shown[position - 2] if position > 1 else None, lang)
        if heading:
            out.append(f"-- {heading} --")
        out.append(f"{position}. {line_name(line, lang)} — {status_text(line, answer, lang)}")
        if show_ids:
            out.append(f"   id: {line.record.id}")
        per_number = numbers_differ(line)
        for item in line.numbers:
            out.append(f"   ☎ {number_text(item, lang, per_number, answer)}")
        for channel in line.record.channels:
            out.append(f"   · {channel.kind}: {channel.value}")
        for note in detail_lines(line, lang):
            out.append(f"   {note}")
    out.append("")
    out.extend(summary_texts(answer, len(shown), lang))
    return "\n".join(out) + "\n"
