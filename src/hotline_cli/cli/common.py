"""What every command shares: exit codes, options, turning failures into messages, and writing to stdout.

Standard library and typer only: this module is imported at start-up.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

# The exit codes of every command, --help and --version included (README "Exit codes").
EXIT_OK = 0  # the answer was written (also when the reader of a pipe stopped early)
EXIT_DATA = 1  # the data has problems, or an internal error
EXIT_INPUT = 2  # bad input: unknown region, bad --at, unknown option
EXIT_OUTPUT = 3  # the answer could not be written: disk full, standard output closed

_state = {"debug": False}


class OutputFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _complete_region(incomplete: str):
    from ..completion import region_candidates

    return region_candidates(incomplete)


def _complete_audience(incomplete: str):
    from ..completion import audience_candidates

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
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of everything the tool writes (data text without English stays Chinese, marked).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
LimitOption = Annotated[int, typer.Option("--limit", min=0, help="Lines to show in table/plain output (0 = all).")]


def limit_or_all(limit: int) -> int | None:
    """`--limit 0` means every line."""
    return None if limit == 0 else limit


def set_debug(debug: bool) -> None:
    _state["debug"] = debug


def debug_enabled() -> bool:
    return _state["debug"] or os.environ.get("HOTLINE_DEBUG", "") not in ("", "0")


def fail(message: str, code: int, hints: list[str] | None = None) -> typer.Exit:
    typer.echo(f"hotline: {message}", err=True)
    for hint in hints or []:
        typer.echo(f"  {hint}", err=True)
    return typer.Exit(code)


def _data_hints(problems: list[str]) -> list[str]:
    from ..overlays import describe_overlay_dir, user_overlay_dir

    hints = [f"- {p}" for p in problems]
    overlay = user_overlay_dir()
    if any(p.startswith(str(overlay)) for p in problems):
        hints.append(describe_overlay_dir(overlay))
    hints.append("meanwhile call 12356, or 110/120 in an emergency")
    return hints


class OutputFailed(Exception):
    """Standard output cannot take the answer (disk full, closed)."""

    def __init__(self, error: OSError):
        self.error = error
        super().__init__(error.strerror or str(error))


def guarded(command):
    """Turn known failures into messages and exit codes; unknown ones too, unless debugging."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from ..api import AudienceError, DataError, InstantError, RegionError

        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except DataError as error:
            raise fail("the data has problems:", EXIT_DATA, _data_hints(error.problems)) from None
        except RegionError as error:
            hints = [f"did you mean: {', '.join(error.suggestions)}"] if error.suggestions else []
            hints.append("see `hotline regions` for every region")
            raise fail(str(error), EXIT_INPUT, hints) from None
        except AudienceError as error:
            hints = [f"did you mean: {', '.join(error.suggestions)}"] if error.suggestions else []
            hints.append("see `hotline audiences` for every audience")
            raise fail(str(error), EXIT_INPUT, hints) from None
        except InstantError as error:
            raise fail(f"--at: {error}", EXIT_INPUT) from None
        except BrokenPipeError:
            # The reader stopped early (`| head`): what it read was what it wanted.
            raise typer.Exit(EXIT_OK) from None
        except OutputFailed as error:
            raise fail(f"cannot write the answer ({error}); call 12356, or 110/120 in an emergency", EXIT_OUTPUT) from None
        except Exception as error:  # noqa: BLE001 - a person in crisis must never see a traceback
            if debug_enabled():
                raise
            raise fail(
                f"internal error ({type(error).__name__}: {error}); call 12356, or 110/120 in an emergency."
                " Rerun as `hotline --debug …` to see details.",
                EXIT_DATA,
            ) from None

    return wrapper


# --------------------------------------------------------------------------- files the user asked for


def _refusal(error, hint: str) -> typer.Exit:
    from ..export.output import OutputExists

    if isinstance(error, OutputExists):
        return fail(f"{error.path} already exists; {hint}", EXIT_INPUT)
    return fail(str(error), EXIT_INPUT)


def check_output(path: Path | str, force: bool, hint: str = "add --force to replace it"):
    """Where writing ``path`` would go, or the command stops saying why not (before any work is done)."""
    from ..export.output import OutputError, OutputExists, check_destination

    try:
        return check_destination(path, force)
    except (OutputExists, OutputError) as error:
        raise _refusal(error, hint) from None


def write_output(path: Path | str, data: bytes | str, force: bool, hint: str = "add --force to replace it"):
    """Write a file the user named, by the one set of rules (export/output.py); the Destination written."""
    from ..export.output import OutputError, OutputExists, write_file

    try:
        return write_file(path, data, force=force)
    except (OutputExists, OutputError) as error:
        raise _refusal(error, hint) from None
    except OSError as error:
        raise fail(f"cannot write {path} ({error.strerror or error})", EXIT_DATA) from None


def written_name(destination) -> str:
    """The file written, and the link it was reached through if any."""
    if destination.via_link:
        return f"{destination.real} (through the link {destination.given})"
    return str(destination.given)


# --------------------------------------------------------------------------- the run's inputs


def load(data: list[Path] | None, validated: bool = False):
    """The dataset for a command; ``validated`` for those that need the pydantic models of bundled records too."""
    from ..api import load_dataset
    from ..overlays import user_log_file

    dataset = load_dataset(data, compiled=not validated)
    if user_log_file().is_file():  # the call log's code loads only for those who keep one
        attach_log(dataset)
    return dataset


def attach_log(dataset) -> None:
    """Read the user's call log into the dataset; unreadable lines are named on stderr and skipped."""
    from ..attempts import by_line, read_log
    from ..overlays import user_log_file

    read = read_log(user_log_file())
    for problem in read.skipped:
        typer.echo(f"hotline: warning: call log: {problem}", err=True)
    dataset.attempts = by_line(read.attempts)


def place(dataset, region: str | None):
    from ..api import resolve_place

    return resolve_place(dataset, region)


def audience(text: str | None, lang: str = "zh"):
    """(audience, the word when it is unknown). An unknown word is a warning on stderr, never an empty answer."""
    if text is None:
        return None, None
    from ..audiences import resolve_leniently

    who, error = resolve_leniently(text)
    if error is None:
        return who, None
    from ..render.view import unknown_audience_text

    typer.echo(f"hotline: warning: {unknown_audience_text(text, lang)}", err=True)
    if error.suggestions:
        typer.echo(f"  did you mean: {', '.join(error.suggestions)}", err=True)
    typer.echo("  see `hotline audiences` for every audience", err=True)
    return None, text


def choose_format(fmt: OutputFormat | None, as_json: bool) -> OutputFormat:
    if as_json:
        return OutputFormat.json
    if fmt is not None:
        return fmt
    return OutputFormat.table if _isatty() else OutputFormat.plain


def _isatty() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


# --------------------------------------------------------------------------- writing


def stdout_encoding() -> str:
    return (getattr(sys.stdout, "encoding", None) or "utf-8").lower()


def emit(text: str) -> None:
    """Write to stdout now; a full disk or closed stdout becomes OutputFailed, a closed pipe BrokenPipeError."""
    stream = sys.stdout
    if stream is None:
        raise OutputFailed(OSError(errno.EBADF, "standard output is closed"))
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(error) from None
    failure = getattr(stream, "failure", None)
    if isinstance(failure, BrokenPipeError):
        raise BrokenPipeError
    if failure is not None:
        raise OutputFailed(failure)


def emit_json(document: dict) -> None:
    from ..render.json_out import dumps

    # A console that cannot show Chinese still gets valid, exact JSON: every non-ASCII character escaped.
    emit(dumps(document, ascii_only=not stdout_encoding().startswith("utf")))
