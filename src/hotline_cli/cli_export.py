"""The `hotline export` command: a list to print, share or load into a phone.

Only typer and the standard library are imported here at start-up (plus the
stdlib-only format enum); the exporters and their libraries load when the
command runs.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from .export.formats import ExportFormat

EXIT_DATA = 1
EXIT_INPUT = 2


def _export(data, region, audience, at, all_hours, fmt, output, force, lang, limit: int = 0) -> None:
    from . import cli
    from .export.base import ExportContext, MissingDependency, exporter_for
    from .export.output import OutputError, OutputExists, write_file, write_stdout
    from .query import answer
    from .timeparse import parse_instant

    exporter = exporter_for(fmt)
    try:
        exporter.ensure_available()
    except MissingDependency as error:
        raise cli._fail(f"{fmt.value.upper()} export needs {error.what}.", EXIT_DATA, [f"install it with: {error.install}"]) from None
    to_stdout = str(output) == "-"
    if not to_stdout and output.exists() and not force:
        raise cli._fail(f"{output} already exists; add --force to replace it", EXIT_INPUT)

    dataset = cli._load(data)
    place = cli._place(dataset, region)
    who = cli._audience(audience, lang.value)
    instant = parse_instant(at)
    order = "place" if all_hours else "status"
    result = answer(dataset, instant, place, who, include_inactive=False, order=order)
    if limit:
        from dataclasses import replace

        # The lines come ranked with 12356 first, so a cut keeps it.
        result = replace(result, lines=result.lines[:limit])

    chart, chart_day = None, None
    if fmt in (ExportFormat.html, ExportFormat.pdf):
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
    )
    document = exporter.render(result, context)
    data_bytes = document if isinstance(document, bytes) else document.encode("utf-8")
    if to_stdout:
        write_stdout(data_bytes)
        return
    try:
        write_file(output, data_bytes, force=force)
    except OutputExists:
        raise cli._fail(f"{output} already exists; add --force to replace it", EXIT_INPUT) from None
    except OutputError as error:
        raise cli._fail(str(error), EXIT_INPUT) from None
    except OSError as error:
        raise cli._fail(f"cannot write {output} ({error.strerror or error})", EXIT_DATA) from None
    typer.echo(f"hotline: wrote {output}", err=True)


def register(app) -> None:
    """Add the command to the app."""
    from . import cli

    @app.command("export")
    @cli.guarded
    def export(
        output: Annotated[Path, typer.Option("--output", "-o", help="File to write; - writes to stdout. An existing file is kept unless --force.", show_default=False)],
        fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="html (print from a browser), pdf (A4), md (wikis, chat), csv (spreadsheets), vcf (phone contacts).", show_default=False)],
        region: cli.RegionOption = None,
        audience: cli.AudienceOption = None,
        at: Annotated[Optional[str], typer.Option("--at", help="Rank by what is open at this time (China time unless an offset is given: 2026-10-01T21:30, 明天 9:00, 9pm, +2h); the list's date. Default: now.", show_default=False)] = None,
        all_hours: Annotated[bool, typer.Option("--all-hours", help="A list for any time of day: ordered by place, not by what is open now. With --at, the date the list is made for.")] = False,
        force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")] = False,
        limit: Annotated[int, typer.Option("--limit", min=0, help="Lines to list, 12356 first (0 = all).")] = 0,
        lang: cli.LangOption = cli.Lang.zh,
        data: cli.DataOption = None,
    ) -> None:
        """Write a list to print or share: emergency numbers and 12356 first, then every line in use.

        Same places, audiences and order as `hotline now`; ended lines are left out. Each list says when it was made, the dataset version, its sources and what to do if a number fails.

        Examples:

          hotline export --format pdf --region 福建 --all-hours -o 福建心理援助热线.pdf

          hotline export -f html -r 厦门 --audience 学生 --all-hours -o list.html

          hotline export -f vcf -r 福建 --all-hours -o hotlines.vcf

          hotline export -f csv -r beijing --at 2026-11-24T21:00 -o -
        """
        _export(data, region, audience, at, all_hours, fmt, output, force, lang, limit)
