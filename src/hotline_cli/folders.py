"""hotline's per-user folders: platformdirs' answer, found without importing it on Linux.

Start-up is most of what a caller waits for, and on Linux the answer is two environment
variables and a default (the XDG base directories), so the library is left for other systems.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_XDG = {"data": ("XDG_DATA_HOME", (".local", "share")), "cache": ("XDG_CACHE_HOME", (".cache",))}


def user_folder(kind: str) -> Path:
    """The user's ``data`` or ``cache`` folder for hotline."""
    if sys.platform.startswith("linux"):
        variable, default = _XDG[kind]
        # A relative XDG path is invalid under the XDG specification and is ignored.
        base = os.environ.get(variable, "")
        return (Path(base) if os.path.isabs(base) else Path.home().joinpath(*default)) / "hotline"
    import platformdirs

    finder = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(finder("hotline", appauthor=False))
