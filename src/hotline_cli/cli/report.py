"""`hotline report`: ask (or take from options) what is wrong, then write the overlay and the report."""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

import os
import sys
from datetime import date
from pathlib import Path

import typer

from .common import EXIT_DATA, EXIT_INPUT, check_output, emit, emit_json, fail, write_output


def _ask(label: str, given: str | None, interactive: bool, default: str | None = None) -> str | None:
    if given is not None or not interactive:
        return given
    return typer.prompt(label, default=default or "", show_default=bool(default), err=True).strip() or None


_REPLACE_HINT = "add --force to replace it, or choose --output-dir"


def _may_write(path: Path, force: bool, interactive: bool) -> bool:
    """Whether ``path`` may be replaced: --force, or the person agreed; anything not a file is refused either way."""
    from ..export.output import OutputError, OutputExists, OutputIsLink, check_destination

    if force:
        return True
    try:
        check_destination(path, force=False)
    except OutputExists:
        question = f"{path} exists. Replace it?"
    except OutputIsLink:
        question = f"{path} is a symbolic link. Replace the file it points to (the link stays)?"
    except OutputError:  # refused whatever is answered: check_output below says why
        return False
    else:
        return False
    return interactive and typer.confirm(question, default=False, err=True)


def run_report(dataset, key, what, value, source, source_date, published, name, output_dir: Path, force: bool, as_json: bool) -> None:
    from ..attempts import AttemptError, resolve
    from ..correction import WHAT, CorrectionError, draft, markdown_report, overlay_document

    try:
        entry, _ = resolve(dataset, key)
    except AttemptError as error:
        raise fail(error.problems[0], EXIT_INPUT, ["see `hotline list` for ids"]) from None
    record = entry.record
    interactive = sys.stdin.isatty() and not as_json
    if interactive:
        typer.echo(f"{record.name} [{record.id}]", err=True)
    while what is None and interactive:
        answer = typer.prompt(f"What is wrong ({', '.join(WHAT)})", err=True).strip()
        if answer in WHAT:
            what = answer
        else:
            typer.echo(f"  one of: {', '.join(WHAT)}", err=True)
    if what is None:
        raise fail("--what: say what is wrong: " + ", ".join(WHAT), EXIT_INPUT)
    if what == "new-line":
        name = _ask("The new line's name, as published", name, interactive)
    label = {"number": "The right number, as published", "hours": "The hours (e.g. Mo-Fr 09:00-17:00, 24/7)",
             "ended": "Why it ended (optional)", "new-line": "The new line's number"}.get(what, "The right value")
    value = _ask(label, value, interactive)
    source = _ask("Address of the page that publishes it (https://…)", source, interactive)
    source_date = _ask("Date of that page (YYYY-MM-DD)", source_date, interactive)
    today = date.today()
    try:
        correction = draft(record, what, value, source, source_date, today, published, name)
    except CorrectionError as error:
        raise fail(str(error), EXIT_INPUT) from None

    attempts = list((dataset.attempts or {}).get(record.id, ()))
    from ..render.json_out import dumps

    overlay_text = dumps(overlay_document(correction))
    report_text = markdown_report(correction, attempts, dataset.meta.version, dataset.meta.report_outdated, today)
    overlay_path = output_dir / f"hotline-correction-{record.id}.json"
    report_path = output_dir / f"hotline-report-{record.id}.md"
    # Both files are checked before either is written, so a refusal leaves nothing half done.
    replace = {path: _may_write(path, force, interactive) for path in (overlay_path, report_path)}
    if not os.path.lexists(output_dir):
        try:
            output_dir.mkdir(parents=True)
        except OSError as error:
            raise fail(f"cannot make the folder {output_dir} ({error.strerror or error})", EXIT_DATA) from None
    for path in replace:
        check_output(path, replace[path], _REPLACE_HINT)
    for path, text in ((overlay_path, overlay_text), (report_path, report_text)):
        write_output(path, text, replace[path], _REPLACE_HINT)
    if as_json:
        emit_json({"overlay_file": str(overlay_path), "report_file": str(report_path), "what": what,
                         "record": overlay_document(correction)["hotlines"][0], "send_to": dataset.meta.report_outdated,
                         "dataset_version": dataset.meta.version, "sent": False})
        return
    emit(
        f"wrote {overlay_path}\n"
        f"  use it now: hotline now --data {overlay_path}   (check it first: hotline check --data {overlay_path})\n"
        f"wrote {report_path}\n"
        f"  send it: {dataset.meta.report_outdated}\n"
        "nothing was sent automatically\n"
    )
