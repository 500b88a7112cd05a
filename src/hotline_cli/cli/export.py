"""`hotline export`: a list to print, share or load into a phone.

Only typer and the standard library are imported at start-up (plus the
stdlib-only format enum); the exporters and their libraries load when the
command runs. The steps are kept apart: check the format can be made, ask,
draw the day chart, render, write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..export.formats import ExportFormat
from .common import (
    EXIT_DATA,
    EXIT_INPUT,
    AudienceOption,
    DataOption,
    Lang,
    LangOption,
    RegionOption,
    audience,
    fail,
    guarded,
    load,
    place,
)


@dataclass(frozen=True)
class ExportRequest:
    fmt: ExportFormat
    output: Path  # "-" for stdout
    region: str | None = None
    audience: str | None = None
    at: str | None = None
    all_hours: bool = False  # a list for any hour, ordered by place
    force: bool = False
    lang: str = "zh"
    data: tuple[Path, ...] = ()
    limit: int = 0  # lines to list, 12356 first; 0 = all

    @property
    def to_stdout(self) -> bool:
        return str(self.output) == "-"

    @property
    def order(self) -> str:
        return "place" if self.all_hours else "status"


def _exporter(fmt: ExportFormat):
    """The exporter, or a message naming what to install when its libraries are missing."""
    from ..export.base import MissingDependency, exporter_for

    exporter = exporter_for(fmt)
    try:
        exporter.ensure_available()
    except MissingDependency as error:
        raise fail(f"{fmt.value.upper()} export needs {error.what}.", EXIT_DATA, [f"install it with: {error.install}"]) from None
    return exporter


def _day_chart(dataset, answer, lang: str) -> str | None:
    """The day's opening hours as inline SVG, for the printable formats."""
    from ..export.day_chart import day_chart_svg

    return day_chart_svg(dataset, answer.at.date(), answer.place, answer.audience, lang)


def _write(request: ExportRequest, document: bytes | str) -> None:
    from ..export.output import OutputError, OutputExists, write_file, write_stdout

    data = document if isinstance(document, bytes) else document.encode("utf-8")
    if request.to_stdout:
        write_stdout(data)
        return
    try:
        write_file(request.output, data, force=request.force)
    except OutputExists:
        raise fail(f"{request.output} already exists; add --force to replace it", EXIT_INPUT) from None
    except OutputError as error:
        raise fail(str(error), EXIT_INPUT) from None
    except OSError as error:
        raise fail(f"cannot write {request.output} ({error.strerror or error})", EXIT_DATA) from None
    typer.echo(f"hotline: wrote {request.output}", err=True)


def run_export(request: ExportRequest) -> None:
    from .. import api

    exporter = _exporter(request.fmt)
    if not request.to_stdout and request.output.exists() and not request.force:
        raise fail(f"{request.output} already exists; add --force to replace it", EXIT_INPUT)
    instant = api.parse_instant(request.at)
    dataset = load(list(request.data))
    result = api.ask(dataset, place(dataset, request.region), audience(request.audience), instant, order=request.order)
    if request.limit:
        from dataclasses import replace

        # The lines come ranked with 12356 first, so a cut keeps it.
        result = replace(result, lines=result.lines[:request.limit])
    chart = _day_chart(dataset, result, request.lang) if request.fmt in (ExportFormat.html, ExportFormat.pdf) else None
    view = api.view(result, request.lang, dataset, caller_at=instant, order=request.order, active_only=True,
                    day_chart_svg=chart, day_chart_day=result.at.date().isoformat() if chart else None)
    _write(request, exporter.render(view))


@guarded
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write; - writes to stdout. An existing file is kept unless --force.", show_default=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="html (print from a browser), pdf (A4), md (wikis, chat), csv (spreadsheets), vcf (phone contacts).", show_default=False)],
    region: RegionOption = None,
    audience_word: AudienceOption = None,
    at: Annotated[Optional[str], typer.Option("--at", help="Rank by what is open at this time (China time unless an offset is given: 2026-10-01T21:30, 明天 9:00, 9pm, +2h); the list's date. Default: now.", show_default=False)] = None,
    all_hours: Annotated[bool, typer.Option("--all-hours", help="A list for any time of day: ordered by place, not by what is open now. With --at, the date the list is made for.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Lines to list, 12356 first (0 = all).")] = 0,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """Write a list to print or share: emergency numbers and 12356 first, then every line in use.

    Same places, audiences and order as `hotline now`; ended lines are left out. Each list says when it was made, the dataset version, its sources and what to do if a number fails.

    Examples:

      hotline export --format pdf --region 福建 --all-hours -o 福建心理援助热线.pdf

      hotline export -f html -r 厦门 --audience 学生 --all-hours -o list.html

      hotline export -f vcf -r 福建 --all-hours -o hotlines.vcf

      hotline export -f csv -r beijing --at 2026-11-24T21:00 -o -
    """
    run_export(ExportRequest(fmt=fmt, output=output, region=region, audience=audience_word, at=at, all_hours=all_hours,
                             force=force, lang=lang.value, data=tuple(data or ()), limit=limit))
