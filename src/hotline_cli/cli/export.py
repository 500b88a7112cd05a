"""`hotline export`: a list to print, share or load into a phone.

Only typer and the standard library are imported at start-up (plus the
stdlib-only format enum); the exporters and their libraries load when the
command runs. The steps are kept apart: check the format can be made, ask,
draw the day chart, render, write.
"""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..export.formats import ExportFormat, Layout
from ..value import Value
from .common import (
    EXIT_DATA,
    EXIT_INPUT,
    AudienceOption,
    DataOption,
    Lang,
    LangOption,
    RegionOption,
    audience,
    check_output,
    fail,
    guarded,
    load,
    place,
    write_output,
    written_name,
)


class ExportRequest(Value):
    fmt: ExportFormat
    output: str  # a path, or "-" for stdout
    region: str | None = None
    audience: str | None = None
    at: str | None = None
    all_hours: bool = False  # a list for any hour, ordered by place
    force: bool = False
    lang: str = "zh"
    data: tuple[Path, ...] = ()
    limit: int = 0  # lines to list, 12356 first; 0 = all
    include_older: bool = False  # also the listings known only from the 2020 survey or old sources
    layout: str = "sheet"  # html/pdf: "sheet" (A4, to pin up) or "card" (A6 wallet card)

    @property
    def to_stdout(self) -> bool:
        return self.output == "-"

    @property
    def printed(self) -> bool:
        return self.fmt in (ExportFormat.html, ExportFormat.pdf)

    @property
    def order(self) -> str:
        # A printed sheet hangs for months: unless a moment is asked for, it is ordered by place, not by what is open now.
        return "place" if self.all_hours or (self.printed and self.at is None) else "status"


def _exporter(request: ExportRequest):
    """The exporter, or a message naming what to install when its libraries are missing."""
    from ..export.base import MissingDependency, exporter_for
    from ..export.output import stdout_is_terminal

    fmt = request.fmt
    if request.layout != "sheet" and not request.printed:
        raise fail(f"--layout {request.layout} is for html and pdf; {fmt.value} has one layout", EXIT_INPUT)
    exporter = exporter_for(fmt)
    try:
        exporter.ensure_available()
    except MissingDependency as error:
        raise fail(f"{fmt.value.upper()} export needs {error.what}.", EXIT_DATA, [f"install it with: {error.install}"]) from None
    if request.to_stdout and exporter.binary and stdout_is_terminal():
        raise fail(f"{fmt.value.upper()} is binary and stdout is a terminal; write it to a file with -o FILE, "
                   "or pipe or redirect -o - somewhere", EXIT_INPUT)
    return exporter


def _check_destination(request: ExportRequest) -> None:
    if not request.to_stdout:
        check_output(request.output, request.force)


def _day_chart(dataset, answer, lang: str) -> str | None:
    """The day's opening hours as inline SVG, for the printable formats."""
    from ..export.day_chart import day_chart_svg

    return day_chart_svg(dataset, answer.at.date(), answer.place, answer.audience, lang)


def _write(request: ExportRequest, document: bytes | str) -> None:
    from ..export.output import write_stdout

    if request.to_stdout:
        write_stdout(document if isinstance(document, bytes) else document.encode("utf-8"))
        return
    written = write_output(request.output, document, request.force)
    typer.echo(f"hotline: wrote {written_name(written)}", err=True)


def run_export(request: ExportRequest) -> None:
    from .. import api

    exporter = _exporter(request)
    _check_destination(request)
    instant = api.parse_instant(request.at)
    dataset = load(list(request.data))
    result = api.ask(dataset, place(dataset, request.region), audience(request.audience, request.lang)[0], instant,
                     order=request.order, include_older=request.include_older)
    if request.limit:
        from ..value import replace

        # The lines come ranked with 12356 first, so a cut keeps it.
        result = replace(result, lines=result.lines[:request.limit])
    # Only the HTML page shows the day chart: a PDF sheet hangs for months and shows hours, not one day.
    chart = _day_chart(dataset, result, request.lang) if request.fmt is ExportFormat.html else None
    view = api.view(result, request.lang, dataset, caller_at=instant, order=request.order, active_only=True,
                    day_chart_svg=chart, day_chart_day=result.at.date().isoformat() if chart else None)
    _write(request, exporter.render(view, request.layout))


@guarded
def export(
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; - writes to stdout (PDF only to a pipe or file). Only regular files are written: a folder, device or pipe is refused. An existing file is kept unless --force; a symbolic link is followed only with --force, which replaces the file it points to and keeps the link.", show_default=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="html (print from a browser), pdf (A4), md (wikis, chat), csv (spreadsheets), vcf (phone contacts).", show_default=False)],
    region: RegionOption = None,
    audience_word: AudienceOption = None,
    at: Annotated[Optional[str], typer.Option("--at", help="Rank by what is open at this time (China time unless an offset is given: 2026-10-01T21:30, 明天 9:00, 9pm, +2h); the list's date. Default: now.", show_default=False)] = None,
    all_hours: Annotated[bool, typer.Option("--all-hours", help="A list for any time of day: ordered by place, not by what is open now. With --at, the date the list is made for.")] = False,
    layout: Annotated[Layout, typer.Option("--layout", help="html/pdf: sheet (A4, to pin on a wall) or card (A6 wallet card: 12356, emergency numbers, the 3 best local lines).")] = Layout.sheet,
    force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists (through a symbolic link: its target, atomically; the link stays).")] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Lines to list, 12356 first (0 = all).")] = 0,
    show_all: Annotated[bool, typer.Option("--all", help="Also list older listings (known only from the 2020 survey or old sources), after the others.")] = False,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """Write a list to print or share: emergency numbers and 12356 first, then every line in use.

    Same places, audiences and order as `hotline now`; ended lines and older listings (unless --all) are left out. Each list says when it was made, the dataset version, its sources and what to do if a number fails.

    Examples:

      hotline export --format pdf --region 福建 --all-hours -o 福建心理援助热线.pdf

      hotline export -f html -r 厦门 --audience 学生 --all-hours -o list.html

      hotline export -f vcf -r 福建 --all-hours -o hotlines.vcf

      hotline export -f pdf -r 厦门 --layout card -o 钱包卡.pdf

      hotline export -f csv -r beijing --at 2026-11-24T21:00 -o -
    """
    run_export(ExportRequest(fmt=fmt, output=output, region=region, audience=audience_word, at=at, all_hours=all_hours,
                             force=force, lang=lang.value, data=tuple(data or ()), limit=limit, layout=layout.value, include_older=show_all))
