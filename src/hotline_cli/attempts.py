"""The call log: which lines really answered when this user (or their team) dialled them.

A plain core: records, the log file (JSON Lines in the user data folder), team
export and import, and the one rule that says what the log means for a line at
an instant. Nothing here prints; the command line lives in ``cli.log``.

The log is only ever read or written on this machine.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from .china_time import CHINA_TZ
from .value import Value, replace

ANSWERED = "answered"
OUTCOMES = ("answered", "no-answer", "busy", "wrong-number", "out-of-service", "closed-at-stated-hours")
# A dead number or another organisation answering says the listing is wrong, not that the line was busy.
LISTING_WRONG = frozenset({"wrong-number", "out-of-service"})
RECENT = timedelta(days=30)
HIDE_AFTER = 2  # dead/wrong-number attempts since the last answer that hide a line from `now`
SHOWN_PER_LINE = 5  # the user's last attempts carried per line in answers and JSON

EXPORT_FORMAT = "hotline-attempts"
EXPORT_VERSION = 1
MAX_IMPORT_RECORDS = 100_000
MAX_LOG_BYTES = 64 * 1024 * 1024  # a log this large is not a call log; it is read no further
MAX_NOTE = 500

_LINE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^\+?[0-9][0-9 ()\-]{1,30}$")
_VERSION = re.compile(r"^[\w.\-+]{1,40}$")


class AttemptError(Exception):
    """The log, an import file or the user's input cannot be used. ``problems`` are one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Attempt(Value):
    line_id: str
    number: str | None  # as dialled (a published form); None when only the line's id was given
    outcome: str
    at: datetime  # aware; stored with its offset
    note: str | None
    dataset_version: str

    def to_dict(self) -> dict:
        return {
            "line_id": self.line_id,
            "number": self.number,
            "outcome": self.outcome,
            "at": self.at.isoformat(),
            "note": self.note,
            "dataset_version": self.dataset_version,
        }

    @property
    def key(self) -> tuple:
        # Two colleagues importing each other's files must not double every attempt.
        return (self.line_id, self.number, self.outcome, self.at.isoformat(), self.note)

    @property
    def failed(self) -> bool:
        return self.outcome != ANSWERED


# --------------------------------------------------------------------------- validation


def _unsafe(text: str) -> bool:
    from .dataset import _UNSAFE_CHARACTERS

    return _UNSAFE_CHARACTERS.search(text) is not None


def attempt_from_dict(value) -> Attempt:
    """A validated attempt, or ValueError saying which field is wrong."""
    if not isinstance(value, dict):
        raise ValueError("expected an object")
    unknown = set(value) - {"line_id", "number", "outcome", "at", "note", "dataset_version"}
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0][:40]!r}")
    line_id, number, outcome = value.get("line_id"), value.get("number"), value.get("outcome")
    at, note, version = value.get("at"), value.get("note"), value.get("dataset_version")
    if not isinstance(line_id, str) or len(line_id) > 120 or not _LINE_ID.match(line_id):
        raise ValueError("line_id: expected a record id (lowercase letters, digits and hyphens)")
    if number is not None and (not isinstance(number, str) or not _NUMBER.match(number)):
        raise ValueError("number: expected a telephone number (digits, spaces, hyphens, brackets, a leading +)")
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome: expected one of {', '.join(OUTCOMES)}")
    if not isinstance(at, str) or len(at) > 40:
        raise ValueError("at: expected an ISO 8601 instant with an offset")
    try:
        instant = datetime.fromisoformat(at)
    except ValueError:
        raise ValueError("at: expected an ISO 8601 instant with an offset") from None
    if instant.tzinfo is None:
        raise ValueError("at: the instant needs an offset (+08:00)")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE or _unsafe(note)):
        raise ValueError(f"note: expected text of at most {MAX_NOTE} characters, without control or text-direction characters")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise ValueError("dataset_version: expected a dataset version such as 2026.11.23")
    return Attempt(line_id, number, outcome, instant, note or None, version)


def new_attempt(line_id: str, number: str | None, outcome: str, at: datetime, note: str | None, dataset_version: str) -> Attempt:
    """An attempt from the user's input, held to the same rules as one read back from a file."""
    try:
        return attempt_from_dict({"line_id": line_id, "number": number, "outcome": outcome, "at": at.isoformat(),
                                  "note": note.strip() if note else None, "dataset_version": dataset_version})
    except ValueError as error:
        raise AttemptError([str(error)]) from None


# --------------------------------------------------------------------------- the log file


class LogRead(Value):
    attempts: list[Attempt]
    skipped: list[str]  # one line per unreadable line: a torn write, or an edit gone wrong


def read_log(path: Path) -> LogRead:
    """Every readable record of the log, in file order; unreadable lines are skipped and named."""
    from .dataset import _shown

    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_LOG_BYTES + 1)
    except FileNotFoundError:
        return LogRead([], [])
    except OSError as error:
        return LogRead([], [f"{_shown(str(path))}: cannot be read ({error.strerror or error}); the call log is ignored"])
    if len(raw) > MAX_LOG_BYTES:
        return LogRead([], [f"{_shown(str(path))}: larger than {MAX_LOG_BYTES // (1024 * 1024)} MiB; the call log is ignored"])
    attempts: list[Attempt] = []
    skipped: list[str] = []
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            attempts.append(attempt_from_dict(json.loads(line.decode("utf-8"))))
        except (ValueError, RecursionError) as error:
            torn = number == len(lines)  # no newline after it: the write was cut short
            why = "incomplete record (an interrupted write)" if torn else f"unreadable record ({_shown(str(error), 100)})"
            skipped.append(f"{_shown(str(path))}: line {number}: {why}, skipped")
    return LogRead(attempts, skipped)


class _Locked:
    """The log opened for appending, under an exclusive lock.

    `forget` replaces the file; a writer that opened the old one before the
    replacement sees that after it gets the lock, and opens the new one.
    """

    def __init__(self, path: Path):
        self.path = path
        self.fd = -1

    def __enter__(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            _lock(fd)
            try:
                current = os.stat(self.path)
            except FileNotFoundError:
                current = None
            mine = os.fstat(fd)
            if current is not None and (current.st_ino, current.st_dev) == (mine.st_ino, mine.st_dev):
                self.fd = fd
                return fd
            _unlock(fd)
            os.close(fd)

    def __exit__(self, *exc) -> None:
        _unlock(self.fd)
        os.close(self.fd)


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _encode(attempt: Attempt) -> bytes:
    return json.dumps(attempt.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def _write_all(fd: int, payload: bytes) -> None:
    # One write of whole lines; a short write (a full disk) is finished, still under the lock.
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _ends_torn(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            stream.seek(0, os.SEEK_END)
            if stream.tell() == 0:
                return False
            stream.seek(-1, os.SEEK_END)
            return stream.read(1) != b"\n"
    except FileNotFoundError:
        return False


def append(path: Path, attempts: list[Attempt]) -> None:
    """Add records at the end of the log: whole lines in one write, flushed to disk before returning."""
    if not attempts:
        return
    with _Locked(path) as fd:
        _append_locked(path, fd, attempts)
    _sync_folder(path.parent)


def _append_locked(path: Path, fd: int, attempts: list[Attempt]) -> None:
    if not attempts:
        return
    payload = b"".join(_encode(attempt) for attempt in attempts)
    if _ends_torn(path):
        # A crash cut the last record short; start on a fresh line so the new one stays readable.
        payload = b"\n" + payload
    _write_all(fd, payload)
    os.fsync(fd)


def merge(path: Path, attempts: list[Attempt]) -> int:
    """Append the attempts the log does not hold yet, under one lock; how many were added."""
    with _Locked(path) as fd:
        known = {attempt.key for attempt in read_log(path).attempts}
        fresh: list[Attempt] = []
        for attempt in attempts:
            if attempt.key not in known:
                known.add(attempt.key)
                fresh.append(attempt)
        _append_locked(path, fd, fresh)
    _sync_folder(path.parent)
    return len(fresh)


def forget(path: Path, line_id: str) -> tuple[int, int]:
    """Remove a line's records by rewriting the log atomically: (records removed, unreadable lines dropped)."""
    if not path.exists():
        return 0, 0
    with _Locked(path):
        read = read_log(path)
        kept = [attempt for attempt in read.attempts if attempt.line_id != line_id]
        removed = len(read.attempts) - len(kept)
        if removed == 0:
            return 0, 0
        from .export.output import write_file

        # The same rules as every file written: only a regular file, through a link to its target, temporary files cleaned.
        write_file(path, b"".join(_encode(attempt) for attempt in kept), force=True)
    return removed, len(read.skipped)


def _sync_folder(folder: Path) -> None:
    # A new or renamed file survives a power cut only once its folder entry is on disk too.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unique(attempts: list[Attempt]) -> list[Attempt]:
    """Each attempt once, oldest first (ties keep file order)."""
    seen: set[tuple] = set()
    found = []
    for attempt in attempts:
        if attempt.key not in seen:
            seen.add(attempt.key)
            found.append(attempt)
    return sorted(found, key=lambda attempt: attempt.at)


def by_line(attempts: list[Attempt]) -> dict[str, tuple[Attempt, ...]]:
    grouped: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in unique(attempts):
        grouped[attempt.line_id].append(attempt)
    return {line_id: tuple(found) for line_id, found in grouped.items()}


# --------------------------------------------------------------------------- team files


def export_document(attempts: list[Attempt], dataset_version: str) -> dict:
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "dataset_version": dataset_version,
        "attempts": [attempt.to_dict() for attempt in unique(attempts)],
    }


def read_import(path: Path) -> list[Attempt]:
    """The attempts of a team file, all valid, or AttemptError naming the file and what is wrong."""
    from .dataset import DataError, _read_text, _shown

    where = _shown(str(path))
    try:
        text = _read_text(path, where)
    except DataError as error:
        raise AttemptError(error.problems) from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise AttemptError([f"{where}: not valid JSON ({_shown(str(error), 100)})"]) from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise AttemptError([f'{where}: not a call log export (expected {{"format": "{EXPORT_FORMAT}", "attempts": [...]}})'])
    if document.get("version") != EXPORT_VERSION:
        raise AttemptError([f"{where}: version: expected {EXPORT_VERSION}"])
    records = document.get("attempts")
    if not isinstance(records, list):
        raise AttemptError([f"{where}: attempts: expected a list"])
    if len(records) > MAX_IMPORT_RECORDS:
        raise AttemptError([f"{where}: attempts: more than {MAX_IMPORT_RECORDS} records"])
    problems = []
    attempts = []
    for index, record in enumerate(records, start=1):
        try:
            attempts.append(attempt_from_dict(record))
        except ValueError as error:
            problems.append(f"{where}: attempts[{index}]: {_shown(str(error), 160)}")
            if len(problems) >= 20:
                problems.append(f"{where}: … further records not checked")
                break
    if problems:
        raise AttemptError(problems)
    return attempts


# --------------------------------------------------------------------------- what the log says


class LineLog(Value):
    """What the user's log says about one line at one instant."""

    line_id: str
    at: datetime  # the instant the log is read for
    recent: tuple[Attempt, ...]  # the last attempts up to the instant, newest first
    failure: Attempt | None  # the latest failed attempt of the last 30 days, with no answer since
    failures: int  # failed attempts of the last 30 days since the last answer
    answered: Attempt | None  # the latest answered attempt of the last 30 days
    dead: tuple[Attempt, ...]  # dead-number or wrong-number attempts since the last answer, oldest first

    @property
    def hidden(self) -> bool:
        return len(self.dead) >= HIDE_AFTER


def line_log(attempts: tuple[Attempt, ...] | list[Attempt], at: datetime) -> LineLog | None:
    """The one rule: what a line's attempts (any order) say at instant ``at``; None when there are none yet."""
    before = sorted((attempt for attempt in attempts if attempt.at <= at), key=lambda attempt: attempt.at)
    if not before:
        return None
    last_answer = max((i for i, attempt in enumerate(before) if not attempt.failed), default=-1)
    since_answer = before[last_answer + 1 :]
    recent_failures = [attempt for attempt in since_answer if at - attempt.at <= RECENT]
    answered = before[last_answer] if last_answer >= 0 and at - before[last_answer].at <= RECENT else None
    return LineLog(
        line_id=before[0].line_id,
        at=at,
        recent=tuple(reversed(before[-SHOWN_PER_LINE:])),
        failure=recent_failures[-1] if recent_failures else None,
        failures=len(recent_failures),
        answered=answered,
        dead=tuple(attempt for attempt in since_answer if attempt.outcome in LISTING_WRONG),
    )


# --------------------------------------------------------------------------- wording

def when_text(moment: datetime, reference: datetime) -> str:
    """China time, as 11-30 21:10; the year is added when it is not the reference's."""
    local, ref = moment.astimezone(CHINA_TZ), reference.astimezone(CHINA_TZ)
    return f"{local:%m-%d %H:%M}" if local.year == ref.year else f"{local:%Y-%m-%d %H:%M}"


def outcome_text(outcome: str, lang: str) -> str:
    from .render.words import word

    return word(lang, f"outcome_{outcome}")


def failure_text(log: LineLog, lang: str) -> str:
    from .render.words import word

    attempt = log.failure
    more = word(lang, "call_failures", count=log.failures) if log.failures > 1 else ""
    return word(lang, "call_failed", when=when_text(attempt.at, log.at), outcome=outcome_text(attempt.outcome, lang), more=more)


def answered_text(log: LineLog, lang: str) -> str:
    from .render.words import word

    return word(lang, "last_answered", when=when_text(log.answered.at, log.at))


def hidden_reason(log: LineLog, lang: str) -> str:
    from .render.words import word

    stamps = word(lang, "list_sep").join(when_text(attempt.at, log.at) for attempt in log.dead[-HIDE_AFTER:])
    return word(lang, "hidden_by_log", when=stamps, count=len(log.dead))


def notes(log: LineLog | None, lang: str) -> list[str]:
    """What a person reads under a hotline: why it was hidden, the recent failure, or when it last answered."""
    if log is None:
        return []
    found = [hidden_reason(log, lang)] if log.hidden else []
    if log.failure is not None:
        found.append(failure_text(log, lang))
    elif log.answered is not None:
        found.append(answered_text(log, lang))
    return found


def note_text(log: LineLog | None, lang: str) -> str | None:
    """The notes as one string (JSON, exports); None when the log says nothing of the line."""
    from .render.words import word

    found = notes(log, lang)
    return word(lang, "parts_sep").join(found) or None


def attempts_json(log: LineLog | None) -> list[dict]:
    if log is None:
        return []
    return [{key: value for key, value in attempt.to_dict().items() if key != "line_id"} for attempt in log.recent]


# --------------------------------------------------------------------------- which line


def resolve(dataset, key: str):
    """(loaded record, the number as published or None) for an id or any printed form of one of its numbers.

    Raises AttemptError naming the ids when a number belongs to several lines, or nothing matches.
    """
    from .dataset import _shown, find_record

    text = key.strip()
    if text in dataset.by_id:
        return dataset.by_id[text], None
    digits = "".join(ch for ch in text if ch.isdigit())
    candidates = [digits]
    national = digits[4:] if digits.startswith("0086") else digits[2:] if digits.startswith("86") and len(digits) > 10 else None
    if national:
        candidates += ["0" + national, national]  # +86 591 8566 6661 and 0086 591… are 0591-85666661
    for digits_form in candidates:
        if not digits_form:
            continue
        found = find_record(dataset, digits_form)
        if len(found) > 1:
            raise AttemptError([f"{_shown(text, 60)} is a number of several lines: {', '.join(e.record.id for e in found)}; give the id"])
        if found:
            entry = found[0]
            number = next(
                (n for n in entry.record.numbers
                 if n.dial.lstrip("+") == digits_form or "".join(c for c in n.published if c.isdigit()) == digits_form),
                None,
            )
            return entry, number.published if number else None
    raise AttemptError([f"no line with id or number {_shown(text, 60)}"])
