"""The per-user overlay folder: JSON files there are merged over the bundled data."""

from __future__ import annotations

import os
from pathlib import Path


def user_overlay_dir() -> Path:
    override = os.environ.get("HOTLINE_USER_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("hotline", appauthor=False))


LOG_NAME = "attempts.jsonl"  # not *.json: the overlay loader never mistakes it for a data file


def user_log_file() -> Path:
    """The user's call log (`hotline log`), beside their overlay files; HOTLINE_USER_DATA moves both."""
    return user_overlay_dir() / LOG_NAME


def user_overlay_files() -> list[Path]:
    """The user's overlay folder when it holds any JSON file; nothing when it is absent or empty.

    Unlike an empty folder named with --data (a mistake worth reporting), an empty
    or missing user folder is the normal case.
    """
    folder = user_overlay_dir()
    try:
        if folder.is_file():
            return [folder]
        if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):
            return [folder]
        if folder.is_dir() and any(child.is_file() for child in folder.rglob("*.json")):
            return [folder]
    except (OSError, ValueError):
        # Unreadable or unusable as a path: load() reports it by name rather than skipping it silently.
        return [folder]
    return []
