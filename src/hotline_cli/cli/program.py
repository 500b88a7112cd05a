"""The `hotline` command: the Typer app, its commands, and `main`.

Data goes to stdout, messages to stderr; exit codes are in ``common``. The command
modules import ``common`` and never this module, so nothing imports in a circle.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .. import __version__
from . import answers, day, export, log, reference
from .common import EXIT_OK, EXIT_OUTPUT, set_debug

app = typer.Typer(
    name="hotline",
    help="Which psychological-assistance hotline (心理援助热线) can I call right now? 12356 first.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks (for developers).")] = False,
) -> None:
    set_debug(debug)


app.command()(answers.now)
app.command("list")(answers.list_lines)
app.command()(answers.show)
app.command()(reference.regions)
app.command()(reference.audiences)
app.command()(reference.check)
app.command("export")(export.export)
app.command()(day.day)
app.command("log")(log.log)
app.command("report")(log.report)


def main() -> None:
    """The console script: run the app with a standard output that cannot break the run."""
    from .stdout import discard_pending, install

    real = sys.stdout
    guard = install()
    try:
        try:
            # The name also keys shell completion (_HOTLINE_COMPLETE), however the program was started.
            app(prog_name="hotline")
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
