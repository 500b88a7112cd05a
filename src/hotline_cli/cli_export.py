"""The `hotline export` command: a list to print, share or load into a phone.

Only typer and the standard library are imported here at start-up (plus the
stdlib-only format enum); the exporters and their libraries load when the
command runs.
"""

from typing import Annotated, Optional

import typer

from .export.formats import ExportFormat, Layout

EXIT_DATA = 1
EXIT_INPUT = 2


def _export(data, region, audience, at, all_hours, fmt, output, force, lang, limit: int = 0, layout: str = "sheet",
            include_older: bool = False) -> None:
    from . import cli
    from .export.base import ExportContext, MissingDependency, exporter_for
    from .export.output import (OutputError, OutputExists, check_destination, stdout_is_terminal, write_file,
                                write_stdout)
    from .query import answer
    from .timeparse import parse_instant

    if layout != "sheet" and fmt not in (ExportFormat.html, ExportFormat.pdf):
        raise cli._fail(f"--layout {layout} is for html and pdf; {fmt.value} has one layout", EXIT_INPUT)
    exporter = exporter_for(fmt)
    try:
        exporter.ensure_available()
    except MissingDependency as error:
        raise cli._fail(f"{fmt.value.upper()} export needs {error.what}.", EXIT_DATA, [f"install it with: {error.install}"]) from None
    to_stdout = output == "-"
    if to_stdout and exporter.binary and stdout_is_terminal():
        raise cli._fail(f"{fmt.value.upper()} is binary and stdout is a terminal; write it to a file with -o FILE, "
                        "or pipe or redirect -o - somewhere", EXIT_INPUT)
    if not to_stdout:
        try:
            check_destination(output, force)
        except OutputExists:
            raise cli._fail(f"{output} already exists; add --force to replace it", EXIT_INPUT) from None
        except OutputError as error:
            raise cli._fail(str(error), EXIT_INPUT) from None

    dataset = cli._load(data)
    place = cli._place(dataset, region)
    who = cli._audience(audience, lang.value)
    instant = parse_instant(at)
    # A printed sheet hangs for months: unless a moment is asked for, it is ordered by place, not by what is open now.
    printed = fmt in (ExportFormat.html, ExportFormat.pdf)
    order = "place" if all_hours or (printed and at is None) else "status"
    result = answer(dataset, instant, place, who, include_inactive=False, order=order, include_older=include_older)
    if limit:
        from dataclasses import replace

        # The lines come ranked with 12356 first, so a cut keeps it.
        result = replace(result, lines=result.lines[:limit])

    chart, chart_day = None, None
    if fmt is ExportFormat.html:  # a sheet that hangs for months shows hours, not one day's chart
        from .export.day_chart import day_chart_svg

        chart_day = result.at.date()
        chart = day_chart_svg(dataset, chart_day, place, who, lang.value)
    context = ExportContext(
        lang=lang.value,
        dataset_version=dataset.meta.version,
        report_outdated=dataset.meta.report_outdated,
        order=order,
        day_chart_svg=chart,
        day_chart_day=chart_day.isoformat() if chart else None,
        layout=layout,
    )
    document = exporter.render(result, context)
    data_bytes = document if isinstance(document, bytes) else document.encode("utf-8")
    if to_stdout:
        write_stdout(data_bytes)
        return
    try:
        written = write_file(output, data_bytes, force=force)
    except OutputExists:
        raise cli._fail(f"{output} already exists; add --force to replace it", EXIT_INPUT) from None
    except OutputError as error:
        raise cli._fail(str(error), EXIT_INPUT) from None
    except OSError as error:
        raise cli._fail(f"cannot write {output} ({error.strerror or error})", EXIT_DATA) from None
    if written.via_link:
        typer.echo(f"hotline: wrote {written.real} (through the link {output})", err=True)
    else:
        typer.echo(f"hotline: wrote {output}", err=True)


def register(app) -> None:
    """Add the command to the app."""
    from . import cli

    @app.command("export")
    @cli.guarded
    def export(
        output: Annotated[str, typer.Option("--output", "-o", help="File to write; - writes to stdout (PDF only to a pipe or file). Only regular files are written: a folder, device or pipe is refused. An existing file is kept unless --force; a symbolic link is followed only with --force, which replaces the file it points to and keeps the link.", show_default=False)],
        fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="html (print from a browser), pdf (A4), md (wikis, chat), csv (spreadsheets), vcf (phone contacts).", show_default=False)],
        region: cli.RegionOption = None,
        audience: cli.AudienceOption = None,
        at: Annotated[Optional[str], typer.Option("--at", help="Rank by what is open at this time (China time unless an offset is given: 2026-10-01T21:30, 明天 9:00, 9pm, +2h); the list's date. Default: now.", show_default=False)] = None,
        all_hours: Annotated[bool, typer.Option("--all-hours", help="A list for any time of day: ordered by place, not by what is open now. With --at, the date the list is made for.")] = False,
        layout: Annotated[Layout, typer.Option("--layout", help="html/pdf: sheet (A4, to pin on a wall) or card (A6 wallet card: 12356, emergency numbers, the 3 best local lines).")] = Layout.sheet,
        force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists (through a symbolic link: its target, atomically; the link stays).")] = False,
        limit: Annotated[int, typer.Option("--limit", min=0, help="Lines to list, 12356 first (0 = all).")] = 0,
        show_all: Annotated[bool, typer.Option("--all", help="Also list older listings (known only from the 2020 survey or old sources), after the others.")] = False,
        lang: cli.LangOption = cli.Lang.zh,
        data: cli.DataOption = None,
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
        _export(data, region, audience, at, all_hours, fmt, output, force, lang, limit, layout.value, show_all)
