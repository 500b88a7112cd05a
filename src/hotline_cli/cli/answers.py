"""`hotline now`, `hotline list` and `hotline show`: an answer, or one record, on screen or as JSON."""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

from typing import Annotated, Optional

import typer

from .common import (
    EXIT_INPUT,
    AtOption,
    AudienceOption,
    DataOption,
    JsonFlag,
    Lang,
    LangOption,
    LimitOption,
    OutputFormat,
    RegionOption,
    _isatty,
    audience,
    choose_format,
    console,
    emit,
    emit_json,
    fail,
    guarded,
    limit_or_all,
    load,
    place,
)


@guarded
def now(
    region: RegionOption = None,
    audience_word: AudienceOption = None,
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
    from .. import api

    instant = api.parse_instant(at)
    dataset = load(data)
    who, unknown = audience(audience_word, lang.value)
    result = api.ask(dataset, place(dataset, region), who, instant, include_inactive=show_all, unknown_audience=unknown)
    present(api.view(result, lang.value, dataset, caller_at=instant), choose_format(fmt, as_json),
            None if show_all else limit_or_all(limit))


def present(view, fmt: OutputFormat, limit: int | None, show_ids: bool = False) -> None:
    if fmt is OutputFormat.json:
        from ..render.json_out import answer_dict

        emit_json(answer_dict(view))
        return
    if fmt is OutputFormat.table:
        from ..render.table import fits, render

        screen = console()
        if fits(view, limit, screen.width, show_ids):
            with screen.capture() as captured:
                render(view, limit, screen, show_ids=show_ids)
            emit(captured.get())
            return
        # Too narrow for four columns: the plain layout, wrapped to the screen without splitting a number.
        from ..render.plain import render as render_plain

        emit(render_plain(view, limit, width=screen.width, show_ids=show_ids))
        return
    from ..render.plain import render as render_plain

    emit(render_plain(view, limit, show_ids=show_ids))


@guarded
def list_lines(
    region: RegionOption = None,
    audience_word: AudienceOption = None,
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
    from .. import api

    instant = api.parse_instant(at)
    dataset = load(data)
    who, unknown = audience(audience_word, lang.value)
    result = api.ask(dataset, place(dataset, region), who, instant, include_inactive=show_all, order="place",
                     unknown_audience=unknown)
    present(api.view(result, lang.value, dataset, caller_at=instant), choose_format(fmt, as_json),
            limit_or_all(limit), show_ids=True)


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
    from datetime import datetime

    from ..china_time import CHINA_TZ
    from ..dataset import find_record
    from ..render.detail import detail_dict, render_detail
    from ..render.view import record_view

    dataset = load(data, validated=True)  # the record in full is the model's own dump
    found = find_record(dataset, key)
    if not found:
        from ..regions import quoted

        raise fail(f"no line with id or number {quoted(key)}", EXIT_INPUT, ["see `hotline list` for ids"])
    today = datetime.now(CHINA_TZ).date()
    views = [record_view(dataset, entry, lang.value, today) for entry in found]
    if as_json:
        emit_json({"hotlines": [detail_dict(view) for view in views]})
    else:
        # On a terminal, wrapped to its width as `now` is, so the terminal never splits a number.
        width = console().width if _isatty() else None
        emit("\n".join(render_detail(view, width) for view in views))
