"""The `hotline` command line: a thin layer over ``hotline_cli.api``."""

from .app import app, main

__all__ = ["app", "main"]
