"""`hotline day`: who covers which hours of a day."""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

import re
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Optional

import typer

from .common import (
    EXIT_INPUT,
    AudienceOption,
    DataOption,
    JsonFlag,
    Lang,
    LangOption,
    LimitOption,
    RegionOption,
    audience,
    console,
    emit,
    emit_json,
    fail,
    guarded,
    limit_or_all,
    load,
    place,
)

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
    from ..timeparse import InstantError, parse_date

    try:
        day = parse_date(text, now)
    except InstantError as error:
        raise DateError(str(error)) from None
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise DateError(f"{text!r} is out of range; use a date between {_FIRST_YEAR} and {_LAST_YEAR}")
    return day


def list_args(region: Optional[str], audience_word: Optional[str]) -> str:
    """The same place and audience as options for `hotline list`, quoted only when a shell needs it."""
    import shlex

    def quoted(value: str) -> str:
        return value if re.fullmatch(r"[\w.+-]+", value) else shlex.quote(value)

    parts = []
    if region:
        parts += ["--region", quoted(region)]
    if audience_word:
        parts += ["--audience", quoted(audience_word)]
    return "".join(f" {part}" for part in parts)


@guarded
def day(
    region: RegionOption = None,
    audience_word: AudienceOption = None,
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
    from .. import api
    from ..timeparse import current_time

    current = current_time()
    try:
        chosen = parse_day(on, current)
    except DateError as error:
        raise fail(f"--date: {error}", EXIT_INPUT) from None
    dataset = load(data)
    timeline = api.day(dataset, chosen, place(dataset, region), audience(audience_word, lang.value)[0], now=current,
                       include_older=show_all)
    view = api.day_view(timeline, lang.value)
    if as_json or fmt is DayFormat.json:
        from ..render.day_json import timeline_dict

        emit_json(timeline_dict(view, dataset.meta.version))
        return
    from ..render.day_chart import render

    screen = console()
    with screen.capture() as captured:
        render(view, screen, list_args(region, audience_word), limit_or_all(limit))
    emit(captured.get())
