"""The terminal view: a Rich table that fits 80 columns with Chinese text."""

from __future__ import annotations

from ..query import Answer, Group
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
from .labels import text


def render(answer: Answer, lang: str, limit: int | None, console, show_ids: bool = False) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich import box

    shown = answer.lines if limit is None else answer.lines[:limit]
    console.print(f"[bold red]{escape(emergency_text(answer, lang))}[/]")
    header, *more = header_lines(answer, lang)
    console.print(escape(header), style="dim")
    for message in more:
        console.print(escape(message))

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(text(lang, "line"), ratio=3, overflow="fold")
    table.add_column(text(lang, "numbers"), ratio=2, overflow="fold")
    table.add_column(text(lang, "status"), ratio=2, overflow="fold")
    if show_ids:
        # The id is what `hotline show` takes; fold it rather than cut it, so it can be copied whole.
        table.add_column("id", ratio=2, overflow="fold")
    for position, line in enumerate(shown, start=1):
        heading = group_heading(line, shown[position - 2] if position > 1 else None, lang)
        if heading:
            table.add_section()
            table.add_row("", f"[bold]{escape(heading)}[/]", "", "")
        per_number = numbers_differ(line)
        numbers = "\n".join(number_text(item, lang, per_number, answer) for item in line.numbers)
        channels = "\n".join(f"{c.kind}: {c.value}" for c in line.record.channels)
        name = escape(line_name(line, lang))
        notes = detail_lines(line, lang)
        if notes:
            name += "\n[dim]" + escape("\n".join(notes)) + "[/]"
        style = {"open": "green", "closed": "yellow", "unknown": "cyan"}.get(line.status, "")
        if line.group is Group.primary:
            name = f"[bold]{name}[/]"
        cells = [
            str(position),
            name,
            escape("\n".join(filter(None, [numbers, channels]))),
            f"[{style}]{escape(status_text(line, answer, lang))}[/]" if style else escape(status_text(line, answer, lang)),
        ]
        if show_ids:
            cells.append(escape(line.record.id))
        table.add_row(*cells)
    console.print(table)
    for message in summary_texts(answer, len(shown), lang):
        console.print(escape(message))
