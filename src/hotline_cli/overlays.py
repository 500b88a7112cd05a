"""The per-user overlay folder: JSON files there are merged over the bundled data."""

from __future__ import annotations

import os
from pathlib import Path


def user_overlay_dir() -> Path:
    override = os.environ.get("HOTLINE_USER_DATA")
    if override:
        return Path(override)
    from .folders import user_folder

    return user_folder("data")


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


# --------------------------------------------------------------------------- what an overlay may not do

# Emergency numbers anywhere the tool answers, plus 112 and 122 (mobile emergency, traffic police).
ALWAYS_EMERGENCY = frozenset({"110", "112", "119", "120", "122", "999"})


def emergency_numbers(regions) -> frozenset[str]:
    return ALWAYS_EMERGENCY | {number.number for region in regions for number in region.emergency}


def _is_emergency(digits: str, emergency: frozenset[str]) -> bool:
    digits = digits.lstrip("+")
    if digits in emergency:
        return True
    # 0592-110 and the like reach the same service.
    return any(digits.startswith("0") and digits.endswith(number) and 3 <= len(digits) - len(number) <= 4
               for number in emergency)


def emergency_problems(record, emergency: frozenset[str]) -> list[str]:
    """`field: message` for a record that takes an emergency number's id or number (any record, any file)."""
    problems = []
    if record.id in emergency:
        problems.append(f"id: {record.id} is an emergency number; a hotline record cannot use it as its id")
    for index, number in enumerate(record.numbers):
        for field_name, digits in (("dial", number.dial), ("published", number.published_digits())):
            if _is_emergency(digits, emergency):
                problems.append(f"numbers[{index}].{field_name}: {digits} is an emergency number; a hotline record cannot list it")
                break
    return problems


def takeover_problems(record, bundled, emergency: frozenset[str]) -> list[str]:
    """`field: message` for an overlay record that would take over 12356 or an emergency number.

    An overlay may add lines, notes and local 12356 centres, but a line that a person would take
    for 12356 (its id, or 12356 in its name) dials only 12356 or 区号+12356, and the national
    record (`bundled`, the bundled record with the same id) keeps the numbers it dials.
    """
    from .model import NATIONAL_12356, is_12356_form

    problems = emergency_problems(record, emergency)
    if record.presented_as_12356():
        for index, number in enumerate(record.numbers):
            if not is_12356_form(number.dial):
                problems.append(
                    f"numbers[{index}].dial: {number.dial}: a line presented as 12356 (by its id or name) may dial only"
                    " 12356 or 区号+12356 in an overlay"
                )
    if record.id == NATIONAL_12356 and bundled is not None:
        theirs = sorted(number.dial for number in bundled.numbers)
        ours = sorted(number.dial for number in record.numbers)
        if ours != theirs:
            problems.append(
                f"numbers: an overlay cannot change what the national 12356 line dials ({', '.join(ours) or 'nothing'};"
                f" the bundled record dials {', '.join(theirs)})"
            )
    return problems
