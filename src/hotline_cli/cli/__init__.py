"""The `hotline` command line: a thin layer over ``hotline_cli.api``."""

from .program import main

__all__ = ["app", "main"]


def __getattr__(name: str):
    # The app with every command is built only when asked for: `main` builds just the command it runs.
    if name == "app":
        from .program import full_app

        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
