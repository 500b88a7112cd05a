"""The library behind the `hotline` command, for scripts that would rather not shell out.

    from hotline_cli import api

    dataset = api.load_dataset()                      # bundled data + the user's overlay folder
    place = api.resolve_place(dataset, "厦门")
    answer = api.ask(dataset, place=place, at="2026-11-24T23:30")
    view = api.view(answer, lang="en")
    print(view.lines[0].name, view.lines[0].numbers[0].display)
    document = api.answer_json(answer)               # the `now --json` document

Everything here is a plain function without printing; the CLI is a thin layer over it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .audiences import AudienceError
from .dataset import DataError
from .regions import RegionError
from .timeparse import InstantError

if TYPE_CHECKING:
    from .dataset import Dataset
    from .day import DayTimeline
    from .records import Audience
    from .query import Answer
    from .regions import Place
    from .render.view import AnswerView, DayView

__all__ = [
    "AudienceError", "DataError", "InstantError", "RegionError",
    "answer_json", "ask", "day", "day_json", "load_dataset", "parse_instant", "resolve_audience", "resolve_place", "view",
]


def load_dataset(extra: list[Path] | None = None, user_overlays: bool = True, compiled: bool = False) -> Dataset:
    """The bundled data, then the user's overlay folder, then ``extra`` files or folders (same id replaces).

    Records are validated pydantic models; ``compiled=True`` reads the bundled ones as plain records
    with the same fields and methods (no ``model_dump``), from a cache, which is much faster."""
    from .dataset import load
    from .overlays import user_overlay_files

    return load((user_overlay_files() if user_overlays else []) + list(extra or []), compiled=compiled)


def resolve_place(dataset: Dataset, text: str | None) -> Place | None:
    """A province or city as people type it (福建, 闽, fujian, 35, 厦门, 0592); None for all of China."""
    if text is None:
        return None
    from .regions import resolve

    return resolve(text, dataset.regions)


def resolve_audience(text: str | None) -> Audience | None:
    """An audience word (学生, student, 医务人员 …); None for everyone."""
    if text is None:
        return None
    from .audiences import resolve

    return resolve(text)


def parse_instant(text: str | None, now: datetime | None = None) -> datetime:
    """`--at` text (ISO 8601, HH:MM, or None for now) as an aware datetime in the caller's own offset."""
    from .timeparse import parse_instant as parse

    return parse(text, now)


def _instant(at: datetime | str | None) -> datetime:
    return at if isinstance(at, datetime) else parse_instant(at)


def ask(dataset: Dataset, place: Place | None = None, audience: Audience | None = None,
        at: datetime | str | None = None, include_inactive: bool = False, order: str = "status", **options) -> Answer:
    """Who can be called at ``at`` (default: now), 12356 first; ``order="place"`` lists by place for any hour.

    ``include_older`` also lists the listings known only from old sources; ``unknown_audience``
    (a word that named no audience) answers for everyone and says so."""
    from .query import answer

    return answer(dataset, _instant(at), place, audience, include_inactive=include_inactive, order=order, **options)


def view(answer: Answer, lang: str = "zh", dataset: Dataset | None = None, caller_at: datetime | None = None,
         **options) -> AnswerView:
    """What a person reads for this answer: header, lines with numbers and words, warnings, footer."""
    from .render.view import answer_view

    meta = {} if dataset is None else {"dataset_version": dataset.meta.version,
                                      "report_outdated": dataset.meta.report_outdated}
    return answer_view(answer, lang, caller_at=caller_at, **meta, **options)


def answer_json(answer: Answer, lang: str = "zh", dataset: Dataset | None = None,
                caller_at: datetime | None = None) -> dict:
    """The `hotline now --json` document for this answer."""
    from .render.json_out import answer_dict

    return answer_dict(view(answer, lang, dataset, caller_at=caller_at))


def day(dataset: Dataset, on: date, place: Place | None = None, audience: Audience | None = None,
        now: datetime | None = None, include_older: bool = False) -> DayTimeline:
    """One day's opening hours of each line, and the hours only 12356 (or nothing) covers."""
    from .day import timeline

    return timeline(dataset, on, place, audience, now=now, include_older=include_older)


def day_view(timeline: DayTimeline, lang: str = "zh") -> DayView:
    from .render.view import day_view as build

    return build(timeline, lang)


def day_json(timeline: DayTimeline, lang: str = "zh", dataset: Dataset | None = None) -> dict:
    """The `hotline day --json` document."""
    from .render.day_json import timeline_dict

    return timeline_dict(day_view(timeline, lang), dataset.meta.version if dataset else "")
