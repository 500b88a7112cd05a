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


def user_overlay_files() -> list[Path]:
    folder = user_overlay_dir()
    if not folder.is_dir():
        return []
    return [folder]
