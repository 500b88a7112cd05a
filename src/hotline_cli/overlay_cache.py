"""Validated overlay files, kept between runs the way Python keeps .pyc files.

Validating an overlay costs far more than answering from it (about 100 µs a record), and
an overlay folder rarely changes. A file that passed every overlay rule is written to the
user's cache folder, keyed by its resolved path, size and mtime_ns and by a fingerprint of
the rules it passed (this package's version and validating code, pydantic's version, the
emergency numbers and the national 12356 record it was guarded against). The next run reads
back only what choosing lines needs (id, scope, place, country, restrictions); a record's
full content is validated again, from the cache, when an answer uses it.

Only files with no problem at all are cached, so a refused file is checked afresh on
every run. The cache is a convenience: a missing, unreadable, damaged or mismatching
file is ignored (and rewritten), and a failed write is silent.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import zlib
from pathlib import Path

from .model import NATIONAL_12356, Audience, Hotline, Scope

_MAGIC = b"hotline-overlay-cache 4\n"
_CHECKSUM_BYTES = 4
# The code whose rules decide whether an overlay file passes; a change to any of them is a new fingerprint.
_SCOPES = {scope.value: scope for scope in Scope}
_AUDIENCES = {audience.value: audience for audience in Audience}
_RULE_MODULES = ("model.py", "dataset.py", "overlays.py", "overlay_cache.py", "schedule/grammar.py")


def cache_folder() -> Path | None:
    """Where validated overlays are kept: $HOTLINE_CACHE_DIR, else the platform's user cache folder; None when off."""
    if os.environ.get("HOTLINE_NO_CACHE"):
        return None
    from .compiled import cache_dir

    return cache_dir() / "overlays"


def rules_fingerprint(emergency: frozenset[str], national_numbers: list[str]) -> str | None:
    """A digest of everything a cached verdict depends on besides the file itself; None when it cannot be known."""
    import pydantic

    from . import __version__

    digest = hashlib.sha256()
    for part in (__version__, pydantic.VERSION, sys.version, ",".join(sorted(emergency)), ",".join(sorted(national_numbers))):
        digest.update(part.encode("utf-8") + b"\0")
    here = Path(__file__).parent
    try:
        for name in _RULE_MODULES:
            digest.update((here / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


class _Entry:
    """One cache file's stored records, read on the first record an answer needs; and how to do without them."""

    __slots__ = ("where", "offset", "stored", "revalidate")

    def __init__(self, where: Path, offset: int, revalidate):
        self.where = where
        self.offset = offset
        self.stored: bytes | None = None
        self.revalidate = revalidate  # record id -> that record of the overlay file, validated afresh

    def record(self, record_id: str, start: int, end: int, check: int) -> Hotline:
        try:
            if self.stored is None:
                with self.where.open("rb") as stream:
                    stream.seek(self.offset)
                    self.stored = stream.read()
            stored = self.stored[start:end]
            if len(stored) == end - start and zlib.adler32(stored) == check:
                return Hotline.model_validate_json(zlib.decompress(stored))
        except Exception:  # noqa: BLE001 - a damaged or replaced entry: the overlay file itself is read instead
            pass
        return self.revalidate(record_id)


class CachedHotline:
    """A record of a validated overlay file read back from the cache.

    The fields that choose lines (``id``, ``scope``, ``region``, ``city``, ``country``,
    ``restricted``, ``focus``) are here at once; any other attribute validates the
    record's stored JSON with the Hotline model on first use and answers from it.
    """

    __slots__ = ("id", "scope", "region", "city", "country", "restricted", "focus", "_span", "_entry", "_record")

    def __init__(self, header: tuple, entry: _Entry):
        self.id, scope, self.region, self.city, self.country, self.restricted, focus, *self._span = header
        self.scope = _SCOPES[scope]
        self.focus = [_AUDIENCES[key] for key in focus] if focus else []
        self._entry = entry
        self._record = None

    @property
    def is_12356(self) -> bool:
        return self.id == NATIONAL_12356 or self.id.startswith(NATIONAL_12356 + "-")

    def full(self) -> Hotline:
        if self._record is None:
            self._record = self._entry.record(self.id, *self._span)
        return self._record

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends probe for these: the record is not them
            raise AttributeError(name)
        return getattr(self.full(), name)

    def __eq__(self, other) -> bool:
        if isinstance(other, CachedHotline):
            other = other.full()
        return self.full() == other

    def __hash__(self) -> int:
        return hash(self.full())

    def __repr__(self) -> str:
        return f"CachedHotline({self.id!r})"


def _checksum(body: bytes) -> bytes:
    # Catches a damaged or truncated entry; not a defence against someone who can write the cache
    # folder, who could as well edit the overlay files.
    return zlib.adler32(body).to_bytes(_CHECKSUM_BYTES, "big")


def _header(record: Hotline, shared: dict, span: tuple[int, int, int]) -> tuple:
    # Equal strings become one object, so the pickle stores them once and reads them back once.
    # Only built-in types: reading the index back imports nothing.
    keep = lambda value: shared.setdefault(value, value)  # noqa: E731
    return (record.id, keep(record.scope.value), keep(record.region), keep(record.city), keep(record.country),
            record.restricted, tuple(keep(key.value) for key in record.focus), *span)


_LENGTH_BYTES = 8


class OverlayCache:
    """The cache folder for one load: the rules' fingerprint is computed once and used for every file.

    An entry is the magic line, the Adler-32 and length of a pickled index, the index (the key,
    and per record the fields that choose lines and where its compressed JSON lies), then the
    records' compressed JSON, each with its own Adler-32 in the index.
    """

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def _key(self, path: Path, info: os.stat_result) -> tuple[Path, tuple] | None:
        if not stat.S_ISREG(info.st_mode):
            return None  # a pipe or a device has no stable content to key
        resolved = str(path.resolve())
        name = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".bin"
        return self.folder / name, (resolved, info.st_size, info.st_mtime_ns, self.fingerprint)

    def read(self, path: Path, info: os.stat_result, revalidate) -> list[CachedHotline] | None:
        """The file's records as validated before, or None when there is no matching, intact entry.

        `revalidate` validates the overlay file afresh, should a record's stored JSON turn out damaged when it is used.
        """
        found = self._key(path, info)
        if found is None:
            return None
        where, key = found
        prefix = len(_MAGIC) + _CHECKSUM_BYTES + _LENGTH_BYTES
        try:
            with where.open("rb") as stream:
                head = stream.read(prefix)
                length = int.from_bytes(head[-_LENGTH_BYTES:], "big")
                index = stream.read(length)
        except (OSError, ValueError, OverflowError, MemoryError):
            return None
        if (len(head) != prefix or not head.startswith(_MAGIC) or len(index) != length
                or head[len(_MAGIC) : len(_MAGIC) + _CHECKSUM_BYTES] != _checksum(index)):
            return None
        try:
            stored_key, headers = pickle.loads(index)
            if stored_key != key:
                return None
            entry = _Entry(where, prefix + length, revalidate)
            return [CachedHotline(header, entry) for header in headers]
        except Exception:  # noqa: BLE001 - whatever is wrong with the entry, the file is validated afresh
            return None

    def write(self, path: Path, info: os.stat_result, records: list[Hotline]) -> None:
        """Keep the records of a file that passed every rule; any failure leaves things as they were."""
        found = self._key(path, info)
        if found is None:
            return
        where, key = found
        shared: dict = {}
        headers, blobs, offset = [], [], 0
        for record in records:
            blob = zlib.compress(record.model_dump_json().encode("utf-8"), 1)
            headers.append(_header(record, shared, (offset, offset + len(blob), zlib.adler32(blob))))
            blobs.append(blob)
            offset += len(blob)
        index = pickle.dumps((key, headers), protocol=pickle.HIGHEST_PROTOCOL)
        temporary = where.with_name(f"{where.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as stream:
                stream.write(_MAGIC + _checksum(index) + len(index).to_bytes(_LENGTH_BYTES, "big"))
                stream.write(index)
                stream.writelines(blobs)
            os.replace(temporary, where)  # readers see the old entry or the new one, never half of one
        except OSError:
            try:
                temporary.unlink()
            except OSError:
                pass


def open_cache(emergency: frozenset[str], national_numbers: list[str]) -> OverlayCache | None:
    folder = cache_folder()
    if folder is None:
        return None
    fingerprint = rules_fingerprint(emergency, national_numbers)
    return OverlayCache(folder, fingerprint) if fingerprint else None
