"""The `hotline` command: the Typer app, its commands, and `main`.

Data goes to stdout, messages to stderr; exit codes are in ``common``. The command
modules import ``common`` and never this module, so nothing imports in a circle.

Typer builds every registered command's parameters at start-up (about 3 M instructions a
command, a tenth of the work behind an answer), so `main` registers only the command the
arguments name; help, completion and anything unknown get every command.
"""

# No `from __future__ import annotations`: Typer reads the commands' annotations, and from strings
# it would evaluate each of them again on every run.

import gc
import importlib
import os
import sys
from typing import Annotated

import typer

from .. import __version__
from .common import EXIT_OK, EXIT_OUTPUT, set_debug

# Command name → (module in this package, function), in the order help lists them.
COMMANDS = {
    "now": ("answers", "now"),
    "list": ("answers", "list_lines"),
    "show": ("answers", "show"),
    "regions": ("reference", "regions"),
    "audiences": ("reference", "audiences"),
    "check": ("reference", "check"),
    "export": ("export", "export"),
    "day": ("day", "day"),
    "log": ("log", "log"),
    "report": ("log", "report"),
}
# Options of the program itself, before a command name; none of them takes a value.
_PROGRAM_FLAGS = {"--debug", "--version", "--help", "-h"}


def version_text() -> str:
    """The program's version and the bundled dataset's, read from data/meta.json alone."""
    import json

    from ..dataset import DataError, bundled_root

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
        raise typer.Exit(EXIT_OK)


def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks (for developers).")] = False,
) -> None:
    set_debug(debug)


def build(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with only the command named ``only``."""
    app = typer.Typer(
        name="hotline",
        help="Which psychological-assistance hotline (心理援助热线) can I call right now? 12356 first.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_main)
    for name, (module, function) in COMMANDS.items():
        if only is None or name == only:
            app.command(name)(getattr(importlib.import_module(f".{module}", __package__), function))
    return app


def invoked_command(argv: list[str]) -> str | None:
    """The command the arguments name, when it is one and the run is not shell completion; else None."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # completion lists every command
    for argument in argv:
        if argument not in _PROGRAM_FLAGS:
            return argument if argument in COMMANDS else None
    return None


_full_app: typer.Typer | None = None


def full_app() -> typer.Typer:
    """The app with every command (for tests, and scripts that drive it), built once."""
    global _full_app
    if _full_app is None:
        _full_app = build()
    return _full_app


def main() -> None:
    """The console script: run the app with a standard output that cannot break the run."""
    from .stdout import discard_pending, install

    # The objects made at import live until exit: collections that scan them again and again cost
    # more than an answer (about 40 M instructions); cycles made later are still collected.
    gc.freeze()
    real = sys.stdout
    guard = install()
    try:
        try:
            # The name also keys shell completion (_HOTLINE_COMPLETE), however the program was started.
            build(invoked_command(sys.argv[1:]))(prog_name="hotline")
            code = EXIT_OK
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (EXIT_OK if exit.code is None else 1)
        except KeyboardInterrupt:
            code = 130
        guard.flush()
    finally:
        sys.stdout = real
    failure = guard.failure
    if failure is not None:
        discard_pending(real)
        if isinstance(failure, BrokenPipeError):
            code = EXIT_OK if code in (EXIT_OK, EXIT_OUTPUT) else code  # the reader stopped early
        else:
            if code in (EXIT_OK,):
                message = failure.strerror or str(failure)
                print(f"hotline: cannot write the answer ({message}); call 12356, or 110/120 in an emergency",
                      file=sys.stderr)
            code = EXIT_OUTPUT if code == EXIT_OK else code
    sys.exit(code)
