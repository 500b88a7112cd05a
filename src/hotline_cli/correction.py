"""Drafting a correction: an overlay record a person can use at once, and a report for the maintainers.

Plain functions, no printing and no network: the person sends the report themselves.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date

from .model import Hotline, NumberKind, PhoneNumber, Source, SourceKind, Validity, ValidityStatus
from .value import Value

WHAT = ("number", "hours", "ended", "new-line")


class CorrectionError(ValueError):
    """What the person gave cannot make a valid record; the message says which option to fix."""


class Correction(Value):
    what: str
    current: Hotline | None  # None for a new line
    proposed: Hotline
    source: Source
    reported_from: Hotline  # the record the person named


def _kind(digits: str) -> NumberKind:
    if digits.startswith("400"):
        return NumberKind.shared_cost_400
    if digits.startswith("800"):
        return NumberKind.toll_free_800
    if re.fullmatch(r"1[3-9]\d{9}", digits):
        return NumberKind.mobile
    if re.fullmatch(r"0\d{2,3}12356", digits) or re.fullmatch(r"0\d{2,3}96\d{3}", digits):
        return NumberKind.short_with_area_code
    if re.fullmatch(r"1\d{4}|96\d{3}", digits):
        return NumberKind.short
    return NumberKind.landline


def new_number(published: str) -> PhoneNumber:
    text = published.strip()
    if not re.fullmatch(r"[0-9][0-9 \-()]{2,30}", text):
        raise CorrectionError("--value: a number as published: digits, spaces and hyphens (0591-85666661, 400-161-9995)")
    digits = re.sub(r"\D", "", text)
    return PhoneNumber(published=text, dial=digits, kind=_kind(digits))


def _source(url: str | None, day: str | None, today: date) -> Source:
    if not url or not re.fullmatch(r"https?://\S+", url.strip()):
        raise CorrectionError("--source: the address (https://…) of the page that publishes the right value")
    if not day:
        raise CorrectionError("--source-date: the date of that page, YYYY-MM-DD")
    try:
        published = date.fromisoformat(day.strip())
    except ValueError:
        raise CorrectionError(f"--source-date: {day.strip()[:40]!r} is not a date; use YYYY-MM-DD") from None
    if published > today:
        raise CorrectionError("--source-date: the date is in the future")
    # Nobody has judged the page yet: it counts as the least trusted grade until a maintainer grades it.
    return Source(ref=url.strip(), date=published, kind=SourceKind.aggregator,
                  note="reported with hotline report; not yet checked by the maintainers, so graded aggregator until they grade it")


def _last_confirmed(sources: list[Source], source: Source) -> date:
    # check: a line still offered may not be last confirmed before its newest dated source.
    return max([s.date for s in sources if s.date is not None] + [source.date])


def draft(record: Hotline, what: str, value: str | None, source_url: str | None, source_date: str | None,
          today: date, published: str | None = None, name: str | None = None) -> Correction:
    """The corrected (or new) record, validated by the model; CorrectionError names the option to fix."""
    if what not in WHAT:
        raise CorrectionError(f"--what: one of {', '.join(WHAT)}")
    source = _source(source_url, source_date, today)
    sources = [source] + list(record.sources)
    value = (value or "").strip()
    try:
        if what == "number":
            if not value:
                raise CorrectionError("--value: the right number, as published")
            number = new_number(value)
            kept = [old.model_copy(update={"ended": True, "note": f"reported as not working ({source.ref}, {source.date})"})
                    if not old.ended else old for old in record.numbers if old.dial != number.dial]
            proposed = record.model_copy(update={"numbers": [number] + kept, "sources": sources,
                                                 "last_confirmed": _last_confirmed(record.sources, source)})
        elif what == "hours":
            from .schedule import HoursSyntaxError, parse_hours

            if not value:
                raise CorrectionError("--value: the hours, e.g. 'Mo-Fr 09:00-17:00', '24/7' (grammar: docs/hours.md)")
            try:
                parse_hours(value)
            except HoursSyntaxError as error:
                raise CorrectionError(f"--value: {error} (grammar: docs/hours.md)") from None
            proposed = record.model_copy(update={"hours": value, "hours_published": (published or value).strip(),
                                                 "sources": sources, "last_confirmed": _last_confirmed(record.sources, source)})
        elif what == "ended":
            reason = (published or value or f"据 {source.ref}（{source.date}），该热线已停止服务").strip()
            validity = Validity(status=ValidityStatus.ended, since=source.date, reason=reason)
            proposed = record.model_copy(update={"validity": validity, "sources": sources,
                                                 "last_confirmed": _last_confirmed(record.sources, source)})
        else:
            if not name or not name.strip():
                raise CorrectionError("--name: the new line's name, as published")
            if not value:
                raise CorrectionError("--value: the new line's number, as published")
            number = new_number(value)
            proposed = Hotline(
                id=f"{record.id}-new"[:100], name=name.strip(), scope=record.scope, region=record.region, city=record.city,
                numbers=[number], audiences=list(record.audiences), restricted=record.restricted,
                validity=Validity(status=ValidityStatus.ongoing), sources=[source], last_confirmed=source.date,
                caveats=["reported with hotline report; hours not yet known"],
            )
            return Correction(what, None, Hotline.model_validate(proposed.model_dump()), source, record)
        # model_copy does not validate: a round trip through the model does.
        proposed = Hotline.model_validate(proposed.model_dump())
    except CorrectionError:
        raise
    except ValueError as error:
        raise CorrectionError(f"the corrected record is not valid: {str(error).splitlines()[0][:200]}") from None
    return Correction(what, record, proposed, source, record)


def overlay_document(correction: Correction) -> dict:
    return {"hotlines": [correction.proposed.model_dump(mode="json", exclude_defaults=True)]}


def _record_json(record: Hotline | None) -> list[str]:
    if record is None:
        return []
    text = json.dumps(record.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=2, sort_keys=True)
    return text.splitlines()


def _fenced(body: str, info: str = "") -> list[str]:
    # A fence longer than any run of backticks inside, so no value can close the block.
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{info}", body, fence]


def markdown_report(correction: Correction, attempts: list, dataset_version: str, send_to: str, today: date) -> str:
    """The report for the maintainers, in CommonMark; every value from outside is escaped or fenced."""
    from .export.to_markdown import escape

    record = correction.reported_from
    what_text = {"number": "the number", "hours": "the hours", "ended": "the line has ended", "new-line": "a new line"}[correction.what]
    out = [f"# Correction: {escape(record.name)} ({escape(record.id)})", ""]
    out += [f"- What is wrong: {what_text}", f"- Dataset version: {escape(dataset_version)}",
            f"- Drafted: {today.isoformat()} with `hotline report` (offline; nothing was sent)", ""]
    out += ["## Current record", ""]
    for number in record.numbers:
        out.append(f"- Number: {escape(number.published)}" + (" (ended)" if number.ended else ""))
    out.append(f"- Hours: {escape(record.hours_published or record.hours or 'unknown')}")
    out.append(f"- Validity: {escape(record.validity.status.value)}")
    out.append(f"- Last confirmed: {record.last_confirmed.isoformat()}")
    out.append("")
    out += ["## Proposed change", ""]
    diff = difflib.unified_diff(_record_json(correction.current), _record_json(correction.proposed),
                                fromfile=f"{record.id} (dataset {dataset_version})", tofile="proposed", lineterm="")
    out += _fenced("\n".join(diff), "diff")
    out += ["", "## Sources", ""]
    source = correction.source
    out.append(f"- New: <{source.ref}> ({source.date.isoformat()})" if re.fullmatch(r"https?://[^\s<>]+", source.ref)
               else f"- New: {escape(source.ref)} ({source.date.isoformat()})")
    for old in record.sources:
        dated = f" ({old.date.isoformat()})" if old.date else ""
        out.append(f"- In the dataset: {escape(old.ref)}{dated}")
    out += ["", "## My calls to this line", ""]
    if attempts:
        out += ["| when | number | outcome | note |", "| --- | --- | --- | --- |"]
        for attempt in attempts:
            cells = [attempt.at.isoformat(), attempt.number or "", attempt.outcome, attempt.note or ""]
            out.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
    else:
        out.append("None logged (`hotline log`).")
    out += ["", "## Where to send this", "", escape(send_to),
            "", "Nothing was sent automatically: this file and the overlay beside it stay on your machine until you send them.", ""]
    return "\n".join(out)
