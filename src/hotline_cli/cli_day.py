"""The `hotline day` command."""

# No `from __future__ import annotations`: the command is defined inside
# register() and Typer must see its option types as objects, not strings.

import re
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Optional

import typer

# The hours engine and the time zone data are sound well beyond this; the
# bound only keeps a typo such as 20226-10-01 from being taken seriously.
_FIRST_YEAR, _LAST_YEAR = 1970, 2099


class DayFormat(str, Enum):
    table = "table"
    json = "json"


class DateError(ValueError):
    pass


def parse_day(text: Optional[str], now: datetime) -> date:
    """The day asked for: 2026-10-01, 明天, 周六, tomorrow, 10-01 …; the day of ``now`` when not given."""
    from .timeparse import InstantError, parse_date

    try:
        day = parse_date(text, now)
    except InstantError as error:
        raise DateError(str(error)) from None
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise DateError(f"{text!r} is out of range; use a date between {_FIRST_YEAR} and {_LAST_YEAR}")
    return day


def _list_args(region: Optional[str], audience: Optional[str]) -> str:
    """The same place and audience as options for `hotline list`, quoted only when a shell needs it."""
    import shlex

    def quoted(value: str) -> str:
        return value if re.fullmatch(r"[\w.+-]+", value) else shlex.quote(value)

    parts = []
    if region:
        parts += ["--region", quoted(region)]
    if audience:
        parts += ["--audience", quoted(audience)]
    return "".join(f" {part}" for part in parts)


def register(app) -> None:
    """Add the command to the app."""
    from .cli import (
        EXIT_INPUT,
        AudienceOption,
        DataOption,
        JsonFlag,
        Lang,
        LangOption,
        LimitOption,
        RegionOption,
        _audience,
        _console,
        _emit,
        _fail,
        _load,
        _place,
        guarded,
        limit_or_all,
    )

    @app.command()
    @guarded
    def day(
        region: RegionOption = None,
        audience: AudienceOption = None,
        on: Annotated[Optional[str], typer.Option("--date", "-d", help="The day (China time): 2026-10-01, 10-01, 明天, 周六, 下周一, tomorrow, monday. Default: today.", show_default=False)] = None,
        fmt: Annotated[DayFormat, typer.Option("--format", "-f", help="table (bars; no colour when piped) or json.")] = DayFormat.table,
        as_json: JsonFlag = False,
        limit: LimitOption = 0,
        show_all: Annotated[bool, typer.Option("--all", help="Also draw older listings (known only from the 2020 survey or old sources).")] = False,
        lang: LangOption = Lang.zh,
        data: DataOption = None,
    ) -> None:
        """Who covers which hours of a day: a 24-hour bar per line, 12356 first, and where only 12356 is left.

        Holidays and 调休 makeup workdays are named; hours that depend on them follow
        the official calendar. Lines with unknown hours are shown as unknown, never as open.

        Examples:

          hotline day --region 福建

          hotline day -r 江西 --date 2026-10-01

          hotline day -r 厦门 --audience 学生 --date 2026-10-10 --json

          hotline day -r 福建 --date 周六

          hotline day --lang en -r shanghai
        """
        from .day import timeline
        from .timeparse import current_time

        current = current_time()
        try:
            chosen = parse_day(on, current)
        except DateError as error:
            raise _fail(f"--date: {error}", EXIT_INPUT) from None
        dataset = _load(data)
        place = _place(dataset, region)
        who = _audience(audience, lang.value)
        result = timeline(dataset, chosen, place, who, now=current, include_older=show_all)
        if as_json or fmt is DayFormat.json:
            from .render.day_json import timeline_dict
            from .render.json_out import dumps

            _emit(dumps(timeline_dict(result, lang.value, dataset.meta.version)))
        else:
            from .render.day_chart import render

            render(result, lang.value, _console(), _list_args(region, audience), limit_or_all(limit))
