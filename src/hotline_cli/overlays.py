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


def describe_overlay_dir(folder: Path) -> str:
    """One sentence on what the overlay path is, for a message about a problem found there."""
    setting = "HOTLINE_USER_DATA" if os.environ.get("HOTLINE_USER_DATA") else "your overlay folder"
    try:
        if folder.is_symlink() and not folder.exists():
            return f"{folder} ({setting}) is a symbolic link to nothing; point it at a folder of JSON files"
        if folder.is_file():
            return f"{folder} ({setting}) is a file, not a folder; it is read on every run: point the setting at a folder of JSON files, or move the file"
        if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):
            return f"{folder} ({setting}) is a folder that cannot be read (permission denied); it is read on every run: fix its permissions"
        if folder.exists() and not folder.is_dir():
            return f"{folder} ({setting}) is not a folder; point the setting at a folder of JSON files"
    except OSError as error:
        return f"{folder} ({setting}) cannot be used ({error.strerror or error})"
    return f"{folder} is your overlay folder, read on every run: fix or move the file named above"
