"""The terminal view: a Rich table, or the plain layout where the screen is too narrow for one."""

from __future__ import annotations

from .layout import wrap
from .view import AnswerView
from .words import word

NUMBER_MIN_CELLS = 18
CHANNEL_MAX_CELLS = 22
# Besides the numbers: the position, a name of at least 20 cells, a status of 14, and the gaps between.
OTHER_COLUMNS_CELLS = 3 + 20 + 14 + 6


def number_width(view: AnswerView, limit: int | None) -> int:
    """The numbers column: as wide as the widest number, so no number ever wraps inside itself."""
    from rich.cells import cell_len

    shown = view.lines if limit is None else view.lines[:limit]
    widest = [cell_len(n.display) for line in shown for n in line.numbers] + [
        min(cell_len(channel), CHANNEL_MAX_CELLS) for line in shown for channel in line.channels]
    return max([NUMBER_MIN_CELLS, *widest])


ID_COLUMN_CELLS = 14


def fits(view: AnswerView, limit: int | None, width: int, show_ids: bool = False) -> bool:
    """Whether the table fits ``width`` columns; below that the plain layout is used."""
    return width >= number_width(view, limit) + OTHER_COLUMNS_CELLS + (ID_COLUMN_CELLS if show_ids else 0)


def _number_cell(view: AnswerView, line, width: int) -> str:
    """Each number on its own line, whole; what to know about it wrapped below it."""
    rows = []
    for number in line.numbers:
        rows.append(number.display)
        if number.extras:
            extras = word(view.lang, "brackets", text=word(view.lang, "extras_sep").join(number.extras)).strip()
            rows.extend(wrap(extras, width))
    for channel in line.channels:
        rows.extend(wrap(channel, width))
    return "\n".join(rows)


def render(view: AnswerView, limit: int | None, console, show_ids: bool = False) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    lang = view.lang
    shown = view.lines if limit is None else view.lines[:limit]
    console.print(f"[bold red]{escape(view.emergency_text)}[/]")
    console.print(escape(view.header), style="dim")
    if view.overlays:
        console.print(escape(view.overlays))

    numbers_cells = number_width(view, limit)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(word(lang, "line"), ratio=3, overflow="fold")
    # Numbers never wrap inside themselves: the column is as wide as the widest number, and notes are pre-wrapped to it.
    table.add_column(word(lang, "numbers"), no_wrap=True, min_width=numbers_cells, max_width=numbers_cells)
    table.add_column(word(lang, "status"), ratio=2, overflow="fold")
    if show_ids:
        # The id is what `hotline show` takes; fold it rather than cut it, so it can be copied whole.
        table.add_column("id", ratio=2, overflow="fold")
    for line in shown:
        if line.heading:
            table.add_section()
            table.add_row("", f"[bold]{escape(line.heading)}[/]", "", "", *([""] if show_ids else []))
        name = escape(line.name)
        notes = line.notes(lang)
        if notes:
            name += "\n[dim]" + escape("\n".join(notes)) + "[/]"
        style = {"open": "green", "closed": "yellow", "unknown": "cyan"}.get(line.state, "")
        if line.primary:
            name = f"[bold]{name}[/]"
        status = escape(line.status or "")
        cells = [
            str(line.position),
            name,
            escape(_number_cell(view, line, numbers_cells)),
            f"[{style}]{status}[/]" if style else status,
        ]
        if show_ids:
            cells.append(escape(line.id))
        table.add_row(*cells)
    console.print(table)
    for message in view.summary(len(shown)):
        console.print(escape(message))
