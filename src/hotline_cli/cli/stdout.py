"""Standard output for a whole run: it never raises mid-way and never drops a phone number.

A console whose encoding lacks a character (a Chinese Windows console, ``PYTHONIOENCODING=ascii``)
gets an ASCII stand-in for decorations (☎ → "Tel:", box drawing → "-") and "?" for any
other character it cannot show; digits are ASCII and always come out. A write that fails
(full disk, closed stdout, a reader that went away) is remembered instead of raised, and
`main` ends the run with one message and one exit code.
"""

from __future__ import annotations

import errno
import os
import sys

DECORATIONS = {
    "☎": "Tel:", "·": "-", "—": "-", "–": "-", "…": "...", "▼": "v", "█": "#", "▒": "+", "░": ":", "─": "-",
    "│": "|", "━": "=", "┃": "|", "╸": "-", "╺": "-", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")",
    "、": ",", "。": ".", "“": '"', "”": '"', "\u00a0": " ",
}


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def displayable(text: str, encoding: str) -> str:
    """``text`` with every character this encoding lacks replaced by its ASCII stand-in, else "?"."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        encoding = "ascii"
    return "".join(char if _encodes(char, encoding) else DECORATIONS.get(char, "?") for char in text)


class _Binary:
    """``stdout.buffer`` with the same guard, for exports written as bytes."""

    def __init__(self, owner: "GuardedStdout"):
        self._owner = owner

    def write(self, data: bytes) -> int:
        return self._owner._guard(lambda stream: stream.buffer.write(data), len(data))

    def flush(self) -> None:
        self._owner.flush()


class GuardedStdout:
    def __init__(self, stream):
        self._stream = stream
        self.failure: OSError | None = None
        self.encoding = getattr(stream, "encoding", None) or "utf-8"
        self.errors = "strict"
        self.buffer = _Binary(self)

    def _guard(self, action, size: int) -> int:
        if self.failure is None:
            if self._stream is None:
                self.failure = OSError(errno.EBADF, "standard output is closed")
            else:
                try:
                    action(self._stream)
                except OSError as error:
                    self.failure = error
        return size

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("write() argument must be str")
        return self._guard(lambda stream: stream.write(displayable(text, self.encoding)), len(text))

    def flush(self) -> None:
        self._guard(lambda stream: stream.flush(), 0)

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (ValueError, OSError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return False


def install() -> GuardedStdout:
    guard = GuardedStdout(sys.stdout)
    sys.stdout = guard
    return guard


def discard_pending(real) -> None:
    """After a failed write, point fd 1 at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, real.fileno())
    except (OSError, AttributeError, ValueError):
        pass
