"""The bundled data in its compiled form: validated once, then read as plain records on every run.

The bundled files are checked before release (`hotline check`, the tests), so validating them
again on every run only costs start-up. The first run validates them with the pydantic models,
as ever, and keeps the result as plain records (``records.py``) in the user's cache folder;
later runs read that file back. It is keyed by the package version and a hash of every bundled
file, and rebuilt when either differs. A cache that cannot be read or written is ignored: the
answer is then built from the validated files, as without a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from importlib.abc import Traversable
from pathlib import Path

from . import __version__

CACHE_NAME = "bundled-data.pickle"
# Bumped when the plain records change shape, so an old cache file is never read as a new one.
FORMAT = 1


def cache_dir() -> Path:
    """hotline's cache folder: $HOTLINE_CACHE_DIR, else the platform's per-user cache folder
    (platformdirs' answer, without importing it on Linux)."""
    override = os.environ.get("HOTLINE_CACHE_DIR")
    if override:
        return Path(override)
    from .folders import user_folder

    return user_folder("cache")


def data_key(root: Traversable, files: list[Traversable]) -> str:
    """The package version and a hash of the bundled files' names and contents."""
    digest = hashlib.blake2b(digest_size=20)
    for path in [root / "meta.json", root / "regions.json", *files]:
        name = str(path)[len(str(root)):].encode("utf-8", "surrogateescape")
        content = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(content)))
        digest.update(content)
    return f"{FORMAT}:{__version__}:{digest.hexdigest()}"


def load_bundled(root: Traversable, files: list[Traversable], validate):
    """(meta, regions, entries) of the bundled data from the cache, else from ``validate()``, then cached.

    ``validate`` returns (meta, regions, entries, problems, duplicates); data with problems is never cached.
    """
    try:
        key = None if os.environ.get("HOTLINE_NO_CACHE") else data_key(root, files)
    except OSError:
        key = None  # an unreadable bundled file: the validating loader names it
    path = cache_dir() / CACHE_NAME
    if key is not None:
        cached = _read(path, key)
        if cached is not None:
            return (*cached, [], [])
    meta, regions, entries, problems, duplicates = validate()
    if key is not None and not problems and not duplicates:
        from dataclasses import replace

        from .records import plain

        compiled = (plain(meta), plain(regions), [replace(entry, record=plain(entry.record)) for entry in entries])
        _write(path, key, compiled)
        return (*compiled, [], [])
    return meta, regions, entries, problems, duplicates


def _read(path: Path, key: str):
    try:
        with path.open("rb") as stream:
            stored_key, compiled = pickle.load(stream)
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: rebuild it
        return None
    return compiled if stored_key == key else None


def _write(path: Path, key: str, compiled) -> None:
    # Written beside, then renamed: a reader never sees half a file, and two runs at once both succeed.
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as stream:
            pickle.dump((key, compiled), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
