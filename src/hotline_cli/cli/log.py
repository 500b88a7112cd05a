"""The `hotline log` and `hotline report` commands: which lines really answered, and corrections to send.

Only typer and the standard library are imported here at start-up; the call log
and the report drafting load when these commands run (or, for `now` and the
other answers, when a call log exists).
"""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import (
    EXIT_DATA,
    EXIT_INPUT,
    DataOption,
    Lang,
    LangOption,
    check_output,
    emit,
    emit_json,
    fail,
    guarded,
    load,
    write_output,
    written_name,
)

# Words a volunteer may type for an outcome, beside the outcome's own name.
OUTCOME_WORDS = {
    "接通": "answered", "已接通": "answered", "ok": "answered",
    "无人接听": "no-answer", "未接": "no-answer", "noanswer": "no-answer",
    "占线": "busy",
    "错号": "wrong-number", "打错": "wrong-number", "wrong": "wrong-number",
    "空号": "out-of-service", "停机": "out-of-service", "dead": "out-of-service",
    "未开放": "closed-at-stated-hours", "closed": "closed-at-stated-hours",
}


def _outcome(word: str) -> Optional[str]:
    from ..attempts import OUTCOMES

    key = word.strip().lower().replace("_", "-")
    if key in OUTCOMES:
        return key
    return OUTCOME_WORDS.get(key.replace("-", "").replace(" ", "")) or OUTCOME_WORDS.get(word.strip())


def _attempt_failure(error) -> typer.Exit:
    return fail(error.problems[0], EXIT_INPUT, [f"- {p}" for p in error.problems[1:]])


def _plain_entry(attempt, reference, lang: str) -> str:
    from ..attempts import outcome_text, when_text

    extras = "  ".join(filter(None, [attempt.number, attempt.note]))
    return f"{when_text(attempt.at, reference)}  {attempt.line_id}  {outcome_text(attempt.outcome, lang)}" + (f"  {extras}" if extras else "")


def _record(dataset, key: str, outcome_word: Optional[str], at: Optional[str], note: Optional[str], as_json: bool, lang: str) -> None:
    from datetime import timedelta

    from ..attempts import OUTCOMES, AttemptError, append, line_log, new_attempt, notes, resolve
    from ..overlays import user_log_file
    from ..timeparse import parse_instant

    if outcome_word is None:
        raise fail("give what happened after the number or id", EXIT_INPUT, [f"one of: {', '.join(OUTCOMES)}"])
    outcome = _outcome(outcome_word)
    if outcome is None:
        from ..regions import quoted

        raise fail(f"unknown outcome {quoted(outcome_word)}", EXIT_INPUT, [f"one of: {', '.join(OUTCOMES)}"])
    instant = parse_instant(at)
    current = parse_instant(None)
    if instant > current + timedelta(minutes=5):
        raise fail(f"--at: {instant:%Y-%m-%d %H:%M} is in the future; a call is logged after it was made", EXIT_INPUT)
    try:
        entry, number = resolve(dataset, key)
        attempt = new_attempt(entry.record.id, number, outcome, instant, note, dataset.meta.version)
    except AttemptError as error:
        raise _attempt_failure(error) from None
    path = user_log_file()
    try:
        append(path, [attempt])
    except OSError as error:
        raise fail(f"cannot write the call log {path} ({error.strerror or error})", EXIT_DATA) from None
    known = list(dataset.attempts.get(attempt.line_id, ())) if dataset.attempts else []
    log = line_log(known + [attempt], max(current, instant))
    if as_json:
        from ..attempts import note_text

        emit_json({"logged": attempt.to_dict(), "log_file": str(path), "attempt_note": note_text(log, lang)})
        return
    emit(f"{_plain_entry(attempt, current, lang)}\n" + "".join(f"  {line}\n" for line in notes(log, lang)))
    typer.echo(f"hotline: logged to {path}", err=True)


def _listing(limit: int, as_json: bool, lang: str) -> None:
    from ..attempts import read_log, unique
    from ..overlays import user_log_file
    from ..timeparse import parse_instant

    path = user_log_file()
    read = read_log(path)
    for problem in read.skipped:
        typer.echo(f"hotline: warning: call log: {problem}", err=True)
    entries = list(reversed(unique(read.attempts)))
    shown = entries if limit == 0 else entries[:limit]
    if as_json:
        emit_json({"log_file": str(path), "count": len(entries), "attempts": [a.to_dict() for a in shown],
                   "skipped": read.skipped})
        return
    if not entries:
        emit(f"no calls logged yet ({path}); record one with: hotline log NUMBER|ID OUTCOME\n")
        return
    current = parse_instant(None)
    out = [_plain_entry(attempt, current, lang) for attempt in shown]
    if len(entries) > len(shown):
        out.append(f"… {len(entries) - len(shown)} older; --limit 0 shows all")
    emit("\n".join(out) + "\n")


def _forget(dataset, key: str) -> None:
    from ..attempts import AttemptError, forget, resolve
    from ..overlays import user_log_file

    line_id = key.strip()
    if not (dataset.attempts and line_id in dataset.attempts):
        try:
            line_id = resolve(dataset, key)[0].record.id
        except AttemptError as error:
            raise _attempt_failure(error) from None
    path = user_log_file()
    from ..export.output import OutputError

    try:
        removed, dropped = forget(path, line_id)
    except OutputError as error:  # the log's path is a folder, a device, a link to nothing…
        raise fail(f"cannot rewrite the call log: {error}", EXIT_DATA) from None
    except OSError as error:
        raise fail(f"cannot rewrite the call log {path} ({error.strerror or error})", EXIT_DATA) from None
    if dropped:
        typer.echo(f"hotline: {dropped} unreadable line(s) of the call log were dropped while rewriting it", err=True)
    emit(f"removed {removed} logged call(s) of {line_id}\n")


def _export(dataset, output: Path, force: bool) -> None:
    from ..attempts import export_document, read_log
    from ..overlays import user_log_file, user_overlay_dir
    from ..render.json_out import dumps

    if str(output) != "-" and output.name.endswith(".json") and _inside(output, user_overlay_dir()):
        # Every *.json file there is read as hotline data on every run; a call log export is not.
        raise fail(f"{output} is in your overlay folder, where every .json file is read as hotline data;"
                    " export to another folder", EXIT_INPUT)
    to_stdout = str(output) == "-"
    if not to_stdout:
        check_output(output, force)
    read = read_log(user_log_file())
    for problem in read.skipped:
        typer.echo(f"hotline: warning: call log: {problem}", err=True)
    document = export_document(read.attempts, dataset.meta.version)
    payload = dumps(document)
    if to_stdout:
        emit(payload)
        return
    written = write_output(output, payload, force)
    emit(f"wrote {len(document['attempts'])} logged call(s) to {written_name(written)}\n")


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _import(source: Path) -> None:
    from ..attempts import AttemptError, merge, read_import
    from ..overlays import user_log_file

    try:
        attempts = read_import(source)
    except AttemptError as error:
        raise fail("cannot import the call log:", EXIT_DATA, [f"- {p}" for p in error.problems]) from None
    path = user_log_file()
    try:
        added = merge(path, attempts)
    except OSError as error:
        raise fail(f"cannot write the call log {path} ({error.strerror or error})", EXIT_DATA) from None
    emit(f"imported {added} new logged call(s) from {source} ({len(attempts) - added} already in your log)\n")


@guarded
def log(
    key: Annotated[Optional[str], typer.Argument(help="The number you dialled (any printed form) or the line's id.", show_default=False)] = None,
    outcome: Annotated[Optional[str], typer.Argument(help="answered, no-answer, busy, wrong-number (another organisation answered), out-of-service (carrier message), closed-at-stated-hours.", show_default=False)] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="When you called (China time unless an offset is given): 21:30, 9pm, -30m, 2026-11-24T21:30, as for `now --at`. Default: now.", show_default=False)] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="A short note (what the recording said, who answered).", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON, for scripts.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Entries to list (0 = all).")] = 20,
    forget_key: Annotated[Optional[str], typer.Option("--forget", help="Remove every logged call of this line (id or number).", show_default=False)] = None,
    export_file: Annotated[Optional[Path], typer.Option("--export", help="Write your logged calls to a JSON file to share with your team (- for stdout).", show_default=False)] = None,
    import_file: Annotated[Optional[Path], typer.Option("--import", help="Merge a team member's exported file into your log (duplicates are skipped).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="With --export: replace an existing file (through a symbolic link: its target; the link stays). Only regular files are written.")] = False,
    lang: LangOption = Lang.zh,
    data: DataOption = None,
) -> None:
    """Keep your own record of which lines answered; `now`, `list`, `show`, `day` and exports use it.

    A line that failed in the last 30 days (with no answer since) is marked and ranks after the lines of its group that did not; one dialled as out-of-service or wrong-number twice since it last answered leaves `now` (`now --all` shows it, with the reason). 12356 is never moved or hidden.

    The log is attempts.jsonl in your user data folder (HOTLINE_USER_DATA moves it). Nothing is sent anywhere; share it with --export and --import.

    Examples:

      hotline log 0591-85666661 no-answer

      hotline log 12356-fujian answered --at 2026-11-30T21:10 --note "转接福州"

      hotline log                       # your recent calls; --json for scripts

      hotline log --forget fujian-provincial

      hotline log --export team-calls.json

      hotline log --import team-calls.json
    """
    actions = [name for name, given in (("NUMBER|ID", key is not None), ("--forget", forget_key is not None),
                                        ("--export", export_file is not None), ("--import", import_file is not None)) if given]
    if len(actions) > 1:
        raise fail(f"use one of {', '.join(actions)} at a time", EXIT_INPUT)
    if import_file is not None:
        _import(import_file)
    elif not actions:
        _listing(limit, as_json, lang.value)
    else:
        dataset = load(data)
        if key is not None:
            _record(dataset, key, outcome, at, note, as_json, lang.value)
        elif forget_key is not None:
            _forget(dataset, forget_key)
        else:
            _export(dataset, export_file, force)

@guarded
def report(
    key: Annotated[str, typer.Argument(help="The line's id or any of its numbers.", show_default=False)],
    what: Annotated[Optional[str], typer.Option("--what", help="What is wrong: number, hours, ended or new-line.", show_default=False)] = None,
    value: Annotated[Optional[str], typer.Option("--value", help="The right value: the number as published, hours (e.g. 'Mo-Fr 09:00-17:00'), why it ended, or the new line's number.", show_default=False)] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Address (https://…) of the page that publishes it, preferably official.", show_default=False)] = None,
    source_date: Annotated[Optional[str], typer.Option("--source-date", help="The page's date, YYYY-MM-DD.", show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="The page's own wording of the hours or the reason (default: --value).", show_default=False)] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="With --what new-line: the new line's name.", show_default=False)] = None,
    output_dir: Annotated[Path, typer.Option("--output-dir", help="Folder for the two files.")] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Replace files of the same name without asking.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON, for scripts (never asks).")] = False,
    data: DataOption = None,
) -> None:
    """Draft a correction offline: an overlay you can use at once and a report for the maintainers.

    Asks what is wrong when run in a terminal, or takes it from the options. Writes hotline-correction-ID.json, an overlay record (check it with `hotline check --data FILE`; use it with `--data FILE` or copy it into your user data folder), and hotline-report-ID.md, with the record's current data, the change as a diff, your sources, your logged calls of the line and the dataset version.

    Nothing is sent automatically: open a new issue in the project's issue tracker and paste the report there (README: "When a number does not answer"). Existing files are kept unless you agree or add --force.

    Examples:

      hotline report fujian-provincial

      hotline report 0591-85666661 --what number --value 0591-12356 --source URL --source-date 2025-04-07

      hotline report guangxi-nanning --what hours --value "Mo-Fr 08:00-22:00" --source URL --source-date 2026-11-01 --json
    """
    from .report import run_report

    run_report(load(data, validated=True), key, what, value, source, source_date, published, name, output_dir, force, as_json)
