"""The bundled data in its compiled form: validated once, then read as plain records on every run.

The bundled files are checked before release (`hotline check`, the tests), so validating them
again on every run only costs start-up. The first run validates them with the pydantic models,
as ever, and keeps the result as plain records (``records.py``) in the user's cache folder;
later runs read that file back. It is keyed by the package version and a hash of every bundled
file, and rebuilt when either differs. Reading and hashing every file on each run would cost a
tenth of an answer, so, as Python does for its .pyc files, the cache also keeps the files' names,
sizes and modification times: while those are unchanged the files are not read; when any differs,
the hash decides. A cache that cannot be read or written is ignored: the answer is then built
from the validated files, as without a cache.

An answer for one place uses that place's lines and the national ones, a fifth of the records,
so the records are stored in sections by region (the national lines have region 000000, as in
overlays' cache) and each section is read back when first needed (``CompiledEntries``).
"""

from __future__ import annotations

import gc
import os
import sys
import zlib
from collections.abc import Sequence
from importlib.abc import Traversable
from pathlib import Path

from . import __version__
from .records import NATIONAL

try:  # CPython's pickle is this C module; importing pickle.py around it costs 5 M instructions a run.
    from _pickle import dump, dumps, load, loads
except ImportError:  # an interpreter without it
    from pickle import dump, dumps, load, loads

CACHE_NAME = "bundled-data.pickle"
# Bumped when the plain records or the file's layout change, so an old cache file is never read as a new one.
FORMAT = 5


def cache_dir() -> Path:
    """hotline's cache folder: $HOTLINE_CACHE_DIR, else the platform's per-user cache folder
    (platformdirs' answer, without importing it on Linux)."""
    override = os.environ.get("HOTLINE_CACHE_DIR")
    if override:
        return Path(override)
    from .folders import user_folder

    return user_folder("cache")


def _bundled_files(root: Traversable, files: list[Traversable]) -> list[Traversable]:
    return [root / "meta.json", root / "regions.json", *files]


def data_key(root: Traversable, files: list[Traversable]) -> str:
    """The package version and a hash of the bundled files' names and contents."""
    import hashlib

    digest = hashlib.blake2b(digest_size=20)
    for path in _bundled_files(root, files):
        name = str(path)[len(str(root)):].encode("utf-8", "surrogateescape")
        content = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(content)))
        digest.update(content)
    return f"{FORMAT}:{__version__}:{digest.hexdigest()}"


def stat_key(root: Traversable, files: list[Traversable]) -> str | None:
    """The package version and the bundled files' names, sizes and modification times (None: not plain files)."""
    parts = [f"{FORMAT}:{__version__}"]
    for path in _bundled_files(root, files):
        if not isinstance(path, Path):
            return None  # inside a zip archive: only the hash can tell
        status = os.stat(path)
        parts.append(f"{str(path)[len(str(root)):]}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(parts)


def load_bundled(root: Traversable, files: list[Traversable], validate):
    """(meta, regions, entries) of the bundled data from the cache, else from ``validate()``, then cached.

    ``validate`` returns (meta, regions, entries, problems, duplicates); data with problems is never cached.
    """
    if os.environ.get("HOTLINE_NO_CACHE"):
        return validate()
    path = cache_dir() / CACHE_NAME
    try:
        stat = stat_key(root, files)
    except OSError:
        return validate()  # an unreadable bundled file: the validating loader names it
    if stat is not None:
        cached = _read(path, stat=stat)
        if cached is not None:
            return _with_fallback(cached, validate)
    try:
        key = data_key(root, files)
    except OSError:
        return validate()
    cached = _read(path, key=key)
    if cached is not None:
        _write(path, stat, key, cached)  # the same files, touched: note their new times
        return _with_fallback(cached, validate)
    meta, regions, entries, problems, duplicates = validate()
    if not problems and not duplicates:
        from .records import plain

        entries = _plain_entries(entries)
        compiled = (plain(meta), plain(regions), CompiledEntries(_sections(entries)))
        _write(path, stat, key, compiled)
        return (compiled[0], compiled[1], entries, [], [])
    return meta, regions, entries, problems, duplicates


def _plain_entries(entries: list) -> list:
    from .records import plain
    from .value import replace

    return [replace(entry, record=plain(entry.record)) for entry in entries]


def _with_fallback(cached, validate):
    meta, regions, entries = cached
    # A section found damaged when it is read: the records come from the validated files instead.
    entries.fallback = lambda: _plain_entries(validate()[2])
    return meta, regions, entries, [], []


def _grouped(entries: list) -> dict[str, list]:
    """(position, entry) pairs by section: by the record's region (NATIONAL, 000000, for the national lines)."""
    grouped: dict[str, list] = {}
    for position, entry in enumerate(entries):
        grouped.setdefault(entry.record.region, []).append((position, entry))
    return grouped


def _sections(entries: list) -> dict[str, tuple[int, bytes]]:
    """Each section pickled, with a checksum that tells a damaged one when it is read."""
    sections = {}
    for name, pairs in _grouped(entries).items():
        stored = dumps(pairs, protocol=-1)
        sections[name] = (zlib.adler32(stored), stored)
    return sections


class CompiledEntries(Sequence):
    """The bundled entries in dataset order, each section read back when first needed.

    ``near(region)`` gives the entries of a region's section and of the national one, which is
    all an answer for a place in it can include; iterating, indexing or measuring reads them all.
    """

    def __init__(self, sections: dict[str, tuple[int, bytes]]):
        self._stored = sections
        self._read: dict[str, list] = {}
        self._everything: list | None = None
        self.fallback = None  # every entry, made afresh: used when a stored section is damaged

    def __reduce__(self):
        return (CompiledEntries, (self._stored,))

    def _section(self, name: str) -> list:
        if name not in self._read:
            check, stored = self._stored.get(name, (None, None))
            if stored is None:
                self._read[name] = []
            elif zlib.adler32(stored) == check:
                self._read[name] = loads(stored)
            elif self.fallback is not None:
                self._read = {name: [] for name in self._stored} | _grouped(self.fallback())
            else:
                raise ValueError(f"the compiled data's section {name!r} is damaged")
        return self._read[name]

    def _in_order(self, names) -> list:
        pairs = [pair for name in names for pair in self._section(name)]
        pairs.sort(key=lambda pair: pair[0])
        return [entry for _, entry in pairs]

    def near(self, region: str | None) -> list:
        """The national section's entries and, given a region code, that region's, in dataset order."""
        return self._in_order([NATIONAL] if region is None else [NATIONAL, region])

    def all(self) -> list:
        if self._everything is None:
            self._everything = self._in_order(list(self._stored))
        return self._everything

    def __len__(self) -> int:
        return len(self.all())

    def __getitem__(self, index):
        return self.all()[index]

    def __iter__(self):
        return iter(self.all())


def _read(path: Path, *, stat: str | None = None, key: str | None = None):
    """The compiled data in ``path`` when its stored stat key or content key is the one given; else None."""
    try:
        with path.open("rb") as stream:
            stored_stat, stored_key = load(stream)
            if (stat is None or stored_stat != stat) and (key is None or stored_key != key):
                return None
            # Thousands of records are made and none is garbage: the collector's passes over them are wasted.
            collecting = gc.isenabled()
            gc.disable()
            try:
                return load(stream)
            finally:
                if collecting:
                    gc.enable()
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: rebuild it
        return None


def _write(path: Path, stat: str | None, key: str, compiled) -> None:
    # Written beside, then renamed: a reader never sees half a file, and two runs at once both succeed.
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as stream:
            # The keys first, alone: a stale file is recognised without reading the records.
            dump((stat, key), stream, protocol=-1)  # -1: the highest protocol
            dump(compiled, stream, protocol=-1)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
