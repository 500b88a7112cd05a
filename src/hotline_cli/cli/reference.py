"""`hotline regions`, `hotline audiences` and `hotline check`: what the tool knows, and whether its data holds."""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

from typing import Annotated, Optional

import typer

from .common import EXIT_DATA, DataOption, JsonFlag, Lang, LangOption, emit, emit_json, fail, guarded, load, place


@guarded
def regions(
    region: Annotated[Optional[str], typer.Argument(help="A region to list its cities and area codes.", show_default=False)] = None,
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """The provinces and cities `--region` understands, with codes, 简称, pinyin and area codes.

    Examples:

      hotline regions

      hotline regions 福建
    """
    from ..render.listing import regions_text, regions_dict

    dataset = load(data)
    chosen = place(dataset, region)
    if as_json:
        emit_json(regions_dict(dataset, chosen))
    else:
        emit(regions_text(dataset, chosen, lang.value))


@guarded
def audiences(as_json: JsonFlag = False) -> None:
    """The audiences `--audience` understands, with the words accepted for each.

    Examples:

      hotline audiences
    """
    from ..render.listing import audiences_dict, audiences_text

    if as_json:
        emit_json(audiences_dict())
    else:
        emit(audiences_text())


@guarded
@guarded
def check(
    data: DataOption = None,
    stats: Annotated[bool, typer.Option("--stats", help="Also print coverage counts (12356 provinces and cities, sourced hours).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every warning, not only their count.")] = False,
) -> None:
    """Validate the bundled data and any --data files; exit 1 listing every problem.

    Checks the schema, duplicate ids, sources, that every number parses, that landline
    area codes match the record's city or province, that hours parse, and warns on
    records not confirmed for over 12 months.

    Examples:

      hotline check

      hotline check --data my-lines.json --stats
    """
    from datetime import date

    from ..checks import run
    from ..dataset import DataError

    try:
        dataset = load(data, validated=True)  # check validates every record, bundled ones too
    except DataError as error:
        raise fail(f"{len(error.problems)} problem(s) in the data:", EXIT_DATA, [f"- {p}" for p in error.problems]) from None
    report = run(dataset, date.today())
    if report.warnings:
        if verbose:
            for warning in report.warnings:
                typer.echo(f"warning: {warning}", err=True)
        else:
            typer.echo(f"{len(report.warnings)} warning(s); add --verbose to list them", err=True)
    if report.errors:
        # Stats stay unprinted: a failed run leaves stdout empty, so scripts never read half a report.
        raise fail(f"{len(report.errors)} problem(s) in the data:", EXIT_DATA, [f"- {p}" for p in report.errors])
    if stats:
        emit("".join(f"{name}: {value}\n" for name, value in report.stats.items()))
    typer.echo(f"ok: {len(dataset.hotlines)} hotlines, {len(dataset.regions)} regions checked")
