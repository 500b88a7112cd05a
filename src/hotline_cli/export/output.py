"""Writing a file the user asked for (an export, a call log export, a report) or the call log itself:
to stdout, or to a regular file atomically and never over anything else.

Only regular files are ever written. A destination that is a folder, a device,
a FIFO or a socket is refused whatever the flags: replacing `/dev/null` or a
pipe another program reads with a file is never what was meant. A symbolic
link is followed only with ``force``; then the file it points to is replaced
(the way `cp` and editors' atomic save treat links) and the link itself stays.

The document goes to a temporary file beside the file that is finally written
and is moved into place in one step, so a reader (or a crash) never sees half
a list. Temporary files carry a name only this module makes
(``.NAME.hotline-XXXXXXXX.tmp``); one left behind by a killed run is removed by
the next export to the same destination once it is a minute old. Without
``force`` the move is a hard link, which fails if the name was taken in the
meantime; where links are not supported, an existence check guards it.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

from ..value import Value

STALE_AFTER_SECONDS = 60
_TEMP_MARK = ".hotline-"
_TEMP_SUFFIX = ".tmp"


class OutputExists(Exception):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"{path} already exists")


class OutputError(Exception):
    """The destination cannot or must not be written; the message says what the path is."""


class OutputIsLink(OutputError):
    """The destination is a symbolic link and replacing its target was not asked for."""


class Destination(Value):
    """Where the bytes finally go: ``real`` is the file replaced (the link's target for a link)."""

    given: Path
    real: Path
    exists: bool
    via_link: bool = False


def kind_of(mode: int) -> str:
    """What a file system entry is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISREG(mode):
        return "a file"
    return "not a regular file"


def write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (some embedders): text formats are UTF-8 anyway
        sys.stdout.write(data.decode("utf-8"))
    else:
        stream.write(data)
    sys.stdout.flush()


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _check_folder(path: Path, shown: Path) -> None:
    """Why the folder a new file would go in cannot take it, if it cannot."""
    folder = path.parent
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise OutputError(f"cannot write {shown}: folder {folder} does not exist") from None
    except NotADirectoryError:
        raise OutputError(f"cannot write {shown}: {_first_non_folder(folder)}") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputError(f"cannot write {shown}: folder {folder} is a symbolic link loop") from None
        raise OutputError(f"cannot write {shown}: folder {folder} cannot be used ({error.strerror or error})") from None
    if not stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {shown}: {folder} is {kind_of(info.st_mode)}, not a folder")


def _first_non_folder(folder: Path) -> str:
    """Name the part of a path that is not a folder (``file.html`` in ``file.html/x.html``)."""
    for ancestor in reversed([folder, *folder.parents]):
        try:
            info = os.stat(ancestor)
        except OSError:
            break
        if not stat.S_ISDIR(info.st_mode):
            return f"{ancestor} is {kind_of(info.st_mode)}, not a folder"
    return f"{folder} is not a folder"


def check_destination(path: Path | str, force: bool = False) -> Destination:
    """Where an export to ``path`` would go, or OutputError / OutputExists saying why not.

    Called before the document is made (so a refusal is quick) and again just
    before the move (the path may have changed meanwhile).
    """
    if str(path) == "":
        raise OutputError("the output path is empty; give a file name, or - for stdout")
    given = Path(path)
    try:
        info = os.lstat(given)
    except FileNotFoundError:
        _check_folder(given, given)
        return Destination(given, given, exists=False)
    except NotADirectoryError:
        raise OutputError(f"cannot write {given}: {_first_non_folder(given.parent)}") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputError(f"cannot write {given}: a folder in the path is a symbolic link loop") from None
        raise OutputError(f"cannot write {given} ({error.strerror or error})") from None
    if stat.S_ISLNK(info.st_mode):
        return _through_link(given, force)
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{given} is a folder; give the name of a file to write (in it: {given / 'NAME'})")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{given} is {kind_of(info.st_mode)}, not a regular file; only regular files are written")
    if not force:
        raise OutputExists(given)
    return Destination(given, given, exists=True)


def _through_link(link: Path, force: bool) -> Destination:
    target_text = os.readlink(link)
    try:
        real = Path(os.path.realpath(link, strict=True))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputError(f"{link} is a symbolic link loop (it never reaches a file); not written") from None
        raise OutputError(f"{link} is a symbolic link to {target_text}, which does not exist; not written") from None
    if not force:
        raise OutputIsLink(
            f"{link} is a symbolic link to {target_text}; add --force to replace the file it points to (the link stays)"
        )
    info = os.stat(real)
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{link} is a symbolic link to {real}, which is {kind_of(info.st_mode)}; only regular files are written")
    return Destination(link, real, exists=True, via_link=True)


def temp_name_pattern(name: str) -> re.Pattern[str]:
    """The names this module gives temporary files for a destination called ``name``."""
    return re.compile(re.escape(f".{name}{_TEMP_MARK}") + r"[0-9a-f]{8}" + re.escape(_TEMP_SUFFIX))


def remove_stale_temporaries(target: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files an interrupted export to ``target`` left: ours by name, owner and age only."""
    folder = target.parent
    pattern = temp_name_pattern(target.name)
    now = time.time() if now is None else now
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        candidate = folder / name
        try:
            info = os.lstat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                continue
            if now - info.st_mtime < STALE_AFTER_SECONDS:
                continue  # maybe another export writing right now
            os.unlink(candidate)
        except OSError:
            continue
        removed.append(candidate)
    return removed


def _open_temporary(target: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        candidate = target.parent / f".{target.name}{_TEMP_MARK}{secrets.token_hex(4)}{_TEMP_SUFFIX}"
        try:
            return os.open(candidate, flags, 0o600), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def write_file(path: Path | str, data: bytes | str, force: bool = False) -> Destination:
    """Write ``data`` (text as UTF-8) to ``path`` under the rules above; every file the program writes goes through here."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    destination = check_destination(path, force)
    target = destination.real
    remove_stale_temporaries(target)
    previous = os.stat(target) if destination.exists else None
    mode = stat.S_IMODE(previous.st_mode) & 0o777 if previous else _new_file_mode()
    try:
        descriptor, temporary = _open_temporary(target)
    except OSError as error:
        raise OutputError(f"cannot write in {target.parent} ({error.strerror or error})") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if previous is not None and (previous.st_uid, previous.st_gid) != (os.geteuid(), os.getegid()):
                try:  # keep the owner as an editor's save does, where the system lets us
                    os.fchown(handle.fileno(), previous.st_uid, previous.st_gid)
                except OSError:
                    pass
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        # The path may have become something else while the document was written.
        again = check_destination(path, force)
        if again.real != target:
            raise OutputError(f"{destination.given} changed while it was being written; not written")
        if force:
            os.replace(temporary, target)
        else:
            _move_without_replacing(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return destination


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder for this."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _move_without_replacing(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise OutputExists(target) from None
    except OSError:
        # No hard links here (some network and FAT file systems): check, then move.
        if os.path.lexists(target):
            raise OutputExists(target) from None
        os.replace(temporary, target)
        return
    temporary.unlink()
