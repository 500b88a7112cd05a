"""The `hotline` command: parse options, call the core, hand the result to a renderer.

Data goes to stdout, messages to stderr. Exit codes: 0 answer printed, 1 bad data
(or an internal error), 2 bad input.
"""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(
    name="hotline",
    help="Which psychological-assistance hotline (心理援助热线) can I call right now? 12356 first.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_DATA = 1
EXIT_INPUT = 2
_state = {"debug": False}


class OutputFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _complete_region(incomplete: str):
    from .completion import region_candidates

    return region_candidates(incomplete)


def _complete_audience(incomplete: str):
    from .completion import audience_candidates

    return audience_candidates(incomplete)


DataOption = Annotated[
    Optional[list[Path]],
    typer.Option("--data", help="Extra data file or folder (same format as data/); repeatable. Same id replaces.", show_default=False),
]
RegionOption = Annotated[
    Optional[str],
    typer.Option("--region", "-r", help="Province or city, as you like: 福建, 福建省, 闽, fujian, 35, 厦门, 0592.", show_default=False, autocompletion=_complete_region),
]
AudienceOption = Annotated[
    Optional[str],
    typer.Option("--audience", "-a", help="Who is calling: 学生/student, 青少年/youth, 家长/parents, 医务人员/medical, 民警/police, 教师/teachers…", show_default=False, autocompletion=_complete_audience),
]
AtOption = Annotated[
    Optional[str],
    typer.Option("--at", help="When, instead of now (China time unless an offset is given): 2026-10-01T21:30, 2026/10/01 21:30, 10-01 21:30, 21:30, 9pm, 明天 9:00, 周六 10:00, tomorrow 09:00, +2h, 2026-10-01T21:30-05:00.", show_default=False),
]
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of labels.")]
LimitOption = Annotated[int, typer.Option("--limit", min=0, help="Lines to show in table/plain output (0 = all).")]


def limit_or_all(limit: int) -> int | None:
    """`--limit 0` means every line."""
    return None if limit == 0 else limit
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]


def _debug_enabled() -> bool:
    return _state["debug"] or os.environ.get("HOTLINE_DEBUG", "") not in ("", "0")


def _fail(message: str, code: int, hints: list[str] | None = None) -> typer.Exit:
    typer.echo(f"hotline: {message}", err=True)
    for hint in hints or []:
        typer.echo(f"  {hint}", err=True)
    return typer.Exit(code)


def _data_hints(problems: list[str]) -> list[str]:
    from .overlays import describe_overlay_dir, user_overlay_dir

    hints = [f"- {p}" for p in problems]
    overlay = user_overlay_dir()
    folder = str(overlay)
    if any(p.startswith(folder) for p in problems):
        hints.append(describe_overlay_dir(overlay))
    hints.append("meanwhile call 12356, or 110/120 in an emergency")
    return hints


def guarded(command):
    """Turn known failures into messages and exit codes; unknown ones too, unless debugging."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from .audiences import AudienceError
        from .dataset import DataError
        from .regions import RegionError
        from .timeparse import InstantError

        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except DataError as error:
            raise _fail("the data has problems:", EXIT_DATA, _data_hints(error.problems)) from None
        except RegionError as error:
            hints = [f"did you mean: {', '.join(error.suggestions)}"] if error.suggestions else []
            hints.append("see `hotline regions` for every region")
            raise _fail(str(error), EXIT_INPUT, hints) from None
        except AudienceError as error:
            hints = [f"did you mean: {', '.join(error.suggestions)}"] if error.suggestions else []
            hints.append("see `hotline audiences` for every audience")
            raise _fail(str(error), EXIT_INPUT, hints) from None
        except InstantError as error:
            raise _fail(f"--at: {error}", EXIT_INPUT) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except Exception as error:  # noqa: BLE001 - a person in crisis must never see a traceback
            if _debug_enabled():
                raise
            raise _fail(
                f"internal error ({type(error).__name__}: {error}); call 12356, or 110/120 in an emergency."
                " Rerun as `hotline --debug …` to see details.",
                EXIT_DATA,
            ) from None

    return wrapper


def version_text() -> str:
    """The program's version and the bundled dataset's, read from data/meta.json alone."""
    import json

    from .dataset import DataError, bundled_root

    try:
        dataset = str(json.loads((bundled_root() / "meta.json").read_text(encoding="utf-8"))["version"])
    except (DataError, OSError, ValueError, KeyError, TypeError):
        dataset = "unknown (data/meta.json unreadable; run `hotline check`)"
    # The dataset version is its release date (YYYY.MM.DD); say so in ISO form too.
    dated = dataset.replace(".", "-") if len(dataset) == 10 and dataset.count(".") == 2 else None
    released = f" (released {dated})" if dated else ""
    return f"hotline {__version__}\ndataset {dataset}{released}\n"


def _version(value: bool) -> None:
    if value:
        typer.echo(version_text(), nl=False)
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks (for developers).")] = False,
) -> None:
    _state["debug"] = debug


# --------------------------------------------------------------------------- shared helpers


def _load(data: list[Path] | None):
    from .dataset import load
    from .overlays import user_log_file, user_overlay_files

    dataset = load(user_overlay_files() + list(data or []))
    if user_log_file().is_file():  # the call log's code loads only for those who keep one
        from .cli_log import attach_log

        attach_log(dataset)
    return dataset


def _place(dataset, region: str | None):
    if region is None:
        return None
    from .regions import resolve

    return resolve(region, dataset.regions)


def _audience_leniently(audience: str | None, lang: str = "zh"):
    """(audience, the word when it is unknown). An unknown word is a warning on stderr, never an empty answer."""
    if audience is None:
        return None, None
    from .audiences import resolve_leniently

    who, error = resolve_leniently(audience)
    if error is None:
        return who, None
    from .render.labels import unknown_audience_text

    typer.echo(f"hotline: warning: {unknown_audience_text(audience, lang)}", err=True)
    if error.suggestions:
        typer.echo(f"  did you mean: {', '.join(error.suggestions)}", err=True)
    typer.echo("  see `hotline audiences` for every audience", err=True)
    return None, audience


def _audience(audience: str | None, lang: str = "zh"):
    return _audience_leniently(audience, lang)[0]


def _choose_format(fmt: OutputFormat | None, as_json: bool) -> OutputFormat:
    if as_json:
        return OutputFormat.json
    if fmt is not None:
        return fmt
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.plain


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _emit(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


# --------------------------------------------------------------------------- commands


@app.command()
@guarded
def now(
    region: RegionOption = None,
    audience: AudienceOption = None,
    at: AtOption = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="table on a terminal, plain when piped, or json.", show_default=False)] = None,
    as_json: JsonFlag = False,
    show_all: Annotated[bool, typer.Option("--all", help="Also list older listings (only in the 2020 survey or old sources) and ended or superseded lines, each with the reason; no limit.")] = False,
    limit: LimitOption = 8,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """Whom to call right now: emergency numbers, then 12356, then open lines, then what opens next.

    Examples:

      hotline now --region 福建

      hotline now -r 厦门 --audience 学生

      hotline now -r 0591 --at 2026-10-01T23:30 --json

      hotline now -r 厦门 --at "明天 9:00"

      hotline now --lang en --region shanghai
    """
    from .query import answer
    from .timeparse import parse_instant

    instant = parse_instant(at)
    dataset = _load(data)
    place = _place(dataset, region)
    who, unknown = _audience_leniently(audience, lang.value)
    result = answer(dataset, instant, place, who, include_inactive=show_all, unknown_audience=unknown)
    _present(result, _choose_format(fmt, as_json), lang.value, None if show_all else limit_or_all(limit), dataset)


def _present(result, fmt: OutputFormat, lang: str, limit: int | None, dataset, show_ids: bool = False) -> None:
    if fmt is OutputFormat.json:
        from .render.json_out import answer_dict, dumps

        _emit(dumps(answer_dict(result, lang, dataset.meta.version)))
    elif fmt is OutputFormat.plain:
        from .render.plain import render

        _emit(render(result, lang, limit, show_ids=show_ids))
    else:
        from .render.table import render

        console = _console()
        with console.capture() as captured:
            render(result, lang, limit, console, show_ids=show_ids)
        _emit(captured.get())


@app.command("list")
@guarded
def list_lines(
    region: RegionOption = None,
    audience: AudienceOption = None,
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="table, plain or json.", show_default=False)] = None,
    as_json: JsonFlag = False,
    show_all: Annotated[bool, typer.Option("--all", help="Also list older listings and ended or superseded lines.")] = False,
    at: AtOption = None,
    limit: LimitOption = 0,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """Every line for a region and audience with its hours and id (for `hotline show`), whatever the time.

    Examples:

      hotline list --region 福建

      hotline list -r beijing --audience medical --json

      hotline list -r 厦门 --at 2026-10-01T09:00 --format plain

      hotline list -r 福建 --limit 3
    """
    from .query import answer
    from .timeparse import parse_instant

    instant = parse_instant(at)
    dataset = _load(data)
    place = _place(dataset, region)
    who, unknown = _audience_leniently(audience, lang.value)
    result = answer(dataset, instant, place, who, include_inactive=show_all, order="place", unknown_audience=unknown)
    _present(result, _choose_format(fmt, as_json), lang.value, limit_or_all(limit), dataset, show_ids=True)


@app.command()
@guarded
def show(
    key: Annotated[str, typer.Argument(help="A record id or any of its numbers (12356, 0591-85666661, 4001619995).")],
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """One line in full: numbers, channels, hours, validity, sources, caveats, where the record came from.

    Examples:

      hotline show 12356

      hotline show 800-810-1117

      hotline show 12356-fujian-xiamen --json
    """
    from .query import find_record
    from .render.detail import render_detail, detail_dict

    dataset = _load(data)
    found = find_record(dataset, key)
    if not found:
        from .regions import quoted

        raise _fail(f"no line with id or number {quoted(key)}", EXIT_INPUT, ["see `hotline list` for ids"])
    if as_json:
        from .render.json_out import dumps

        _emit(dumps({"hotlines": [detail_dict(dataset, entry, lang) for entry in found]}))
    else:
        _emit("\n".join(render_detail(dataset, entry, lang) for entry in found))


@app.command()
@guarded
def regions(
    region: Annotated[Optional[str], typer.Argument(help="A region to list its cities and area codes.", show_default=False)] = None,
    as_json: JsonFlag = False,
    data: DataOption = None,
) -> None:
    """The provinces and cities `--region` understands, with codes, 简称, pinyin and area codes.

    Examples:

      hotline regions

      hotline regions 福建
    """
    from .render.listing import regions_text, regions_dict

    dataset = _load(data)
    place = _place(dataset, region)
    if as_json:
        from .render.json_out import dumps

        _emit(dumps(regions_dict(dataset, place)))
    else:
        _emit(regions_text(dataset, place))


@app.command()
@guarded
def audiences(as_json: JsonFlag = False) -> None:
    """The audiences `--audience` understands, with the words accepted for each.

    Examples:

      hotline audiences
    """
    from .render.listing import audiences_dict, audiences_text

    if as_json:
        from .render.json_out import dumps

        _emit(dumps(audiences_dict()))
    else:
        _emit(audiences_text())


@app.command()
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

    from .checks import run
    from .dataset import DataError

    try:
        dataset = _load(data)
    except DataError as error:
        raise _fail(f"{len(error.problems)} problem(s) in the data:", EXIT_DATA, [f"- {p}" for p in error.problems]) from None
    report = run(dataset, date.today())
    if report.warnings:
        if verbose:
            for warning in report.warnings:
                typer.echo(f"warning: {warning}", err=True)
        else:
            typer.echo(f"{len(report.warnings)} warning(s); add --verbose to list them", err=True)
    if report.errors:
        # Stats stay unprinted: a failed run leaves stdout empty, so scripts never read half a report.
        raise _fail(f"{len(report.errors)} problem(s) in the data:", EXIT_DATA, [f"- {p}" for p in report.errors])
    if stats:
        _emit("".join(f"{name}: {value}\n" for name, value in report.stats.items()))
    typer.echo(f"ok: {len(dataset.hotlines)} hotlines, {len(dataset.regions)} regions checked")


def _register_more_commands() -> None:
    # Kept in their own modules; they import their heavy dependencies only when run.
    from .cli_day import register as register_day
    from .cli_export import register as register_export

    register_export(app)
    register_day(app)
    __import__("hotline_cli.cli_log", fromlist=["register"]).register(app)


_register_more_commands()


def main() -> None:
    try:
        # The name also keys shell completion (_HOTLINE_COMPLETE), however the program was started.
        app(prog_name="hotline")
    except KeyboardInterrupt:
        sys.exit(130)
