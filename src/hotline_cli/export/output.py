"""Writing an export: to stdout, or to a file atomically and never over an existing one unless asked.

The document goes to a temporary file in the target's folder and is then moved
into place in one step, so a reader (or a crash) never sees half a list.
Without ``force`` the move is a hard link, which fails if the name was taken
in the meantime; where links are not supported, an existence check guards it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


class OutputExists(Exception):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"{path} already exists")


class OutputError(Exception):
    """The target cannot be written (missing folder, a directory, no permission)."""


def write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (some embedders): text formats are UTF-8 anyway
        sys.stdout.write(data.decode("utf-8"))
    else:
        stream.write(data)
    sys.stdout.flush()


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_file(path: Path, data: bytes, force: bool = False) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name")
    if not folder.is_dir():
        raise OutputError(f"folder {folder} does not exist")
    if target.exists() and not force:
        raise OutputExists(target)
    mode = (target.stat().st_mode & 0o777) if target.exists() else _new_file_mode()
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except OSError as error:
        raise OutputError(f"cannot write in {folder} ({error.strerror or error})") from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if force:
            os.replace(temporary, target)
        else:
            _move_without_replacing(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _move_without_replacing(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise OutputExists(target) from None
    except OSError:
        # No hard links here (some network and FAT file systems): check, then move.
        if target.exists():
            raise OutputExists(target) from None
        os.replace(temporary, target)
        return
    temporary.unlink()
