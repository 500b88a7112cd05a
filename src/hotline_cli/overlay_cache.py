"""Validated overlay files, kept between runs the way Python keeps .pyc files.

Validating an overlay costs far more than answering from it (about 100 µs a record), and
an overlay folder rarely changes. A file that passed every overlay rule is written to the
user's cache folder, keyed by its resolved path, size and mtime_ns and by a fingerprint of
the rules it passed (this package's version and validating code, pydantic's version, the
emergency numbers and the national 12356 record it was guarded against).

A run reads back only the file's record ids and a table of its regions. The records are
stored by region, so that an answer for a place reads the records of that place and the
national ones, and no others: as plain records (``records.py``, like the compiled bundled
data), which never import the pydantic models. The fields that choose lines (id, scope,
place, country, restrictions) of a region's records are read only when something needs
every record (``CachedFile.records``); each record's JSON is kept too, validated again with
the Hotline model for the commands that need the model (``check``, ``show``, ``report``).

Only files with no problem at all are cached, so a refused file is checked afresh on
every run. The cache is a convenience: a missing, unreadable, damaged or mismatching
entry is ignored (and rewritten), a damaged part of one found later is read from the
overlay file itself, validated afresh, and a failed write is silent.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import stat
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from .records import Audience, Scope

if TYPE_CHECKING:
    from .model import Hotline

_MAGIC = b"hotline-overlay-cache 5\n"
_CHECKSUM_BYTES = 4
_LENGTH_BYTES = 8
_GROUP_BYTES = 2  # a record's region group number in the index: at most 65,536 regions a file
_SCOPES = {scope.value: scope for scope in Scope}
_AUDIENCES = {audience.value: audience for audience in Audience}
# The code whose rules decide whether an overlay file passes, or what its cached form holds; a change to any is a new fingerprint.
_RULE_MODULES = ("model.py", "records.py", "dataset.py", "overlays.py", "overlay_cache.py", "schedule/grammar.py")


def cache_folder() -> Path | None:
    """Where validated overlays are kept: $HOTLINE_CACHE_DIR, else the platform's user cache folder; None when off."""
    if os.environ.get("HOTLINE_NO_CACHE"):
        return None
    from .compiled import cache_dir

    return cache_dir() / "overlays"


def rules_fingerprint(emergency: frozenset[str], national_numbers: list[str]) -> str | None:
    """A digest of everything a cached verdict depends on besides the file itself; None when it cannot be known."""
    import pydantic  # Typer has imported it already: only its version is read here

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


def _checksum(body: bytes) -> bytes:
    # Catches a damaged or truncated entry; not a defence against someone who can write the cache
    # folder, who could as well edit the overlay files.
    return zlib.adler32(body).to_bytes(_CHECKSUM_BYTES, "big")


class CachedFile:
    """One validated overlay file read back from its cache entry, a region at a time.

    ``ids`` are the file's record ids in file order and ``regions`` the number of each region's
    group. The rest is read when first used: a group's plain records (``plain_records``), the
    fields that choose lines of its records (``records``, ``record``), a record's validated model.
    A part found damaged then is taken from the overlay file itself, validated afresh
    (``revalidate``: record id -> that record).
    """

    __slots__ = ("ids", "regions", "compiled", "revalidate", "_where", "_offset", "_groups", "_group_of", "_json_start",
                 "_plain", "_headers", "_made", "_id_set")

    def __init__(self, ids: tuple, where: Path, offset: int, groups: tuple, group_of: bytes, json_start: int,
                 compiled: bool, revalidate):
        self.ids = ids
        self.regions = {group[0]: number for number, group in enumerate(groups)}
        self.compiled = compiled
        self.revalidate = revalidate
        self._where = where
        self._offset = offset
        self._groups = groups  # per region: (region code, span of its headers, span of its plain records)
        self._group_of = group_of  # _GROUP_BYTES a record, in file order: its region's group
        self._json_start = json_start  # where the records' JSON begins; their places are counted from there
        self._plain: dict[int, list] = {}
        self._headers: dict[int, tuple] = {}
        self._made: dict[int, list[CachedHotline]] = {}
        self._id_set: frozenset[str] | None = None

    @property
    def id_set(self) -> frozenset[str]:
        if self._id_set is None:
            self._id_set = frozenset(self.ids)
        return self._id_set

    def _read(self, start: int, end: int, check: int) -> bytes | None:
        with self._where.open("rb", buffering=0) as stream:
            stream.seek(self._offset + start)
            stored = stream.read(end - start)
        return stored if len(stored) == end - start and zlib.adler32(stored) == check else None

    def _group(self, position: int) -> int:
        return int.from_bytes(self._group_of[_GROUP_BYTES * position : _GROUP_BYTES * (position + 1)], "big")

    def plain_records(self, group: int) -> list:
        """The plain records of one region's group, in file order."""
        if group not in self._plain:
            records = None
            try:
                stored = self._read(*self._groups[group][2])
                if stored is not None:
                    records = pickle.loads(stored)
            except Exception:  # noqa: BLE001 - a damaged or replaced entry: the overlay file itself is read instead
                records = None
            if not isinstance(records, list):
                from .records import plain

                records = [plain(self.revalidate(record_id))
                           for position, record_id in enumerate(self.ids) if self._group(position) == group]
            self._plain[group] = records
        return self._plain[group]

    def _group_headers(self, group: int) -> tuple:
        """(headers, file positions) of a group's records; ValueError when damaged."""
        if group not in self._headers:
            stored = self._read(*self._groups[group][1])
            if stored is None:
                raise ValueError("damaged headers")
            self._headers[group] = marshal.loads(stored)
        return self._headers[group]

    def _made_records(self, group: int) -> list[CachedHotline]:
        if group not in self._made:
            headers, positions = self._group_headers(group)
            made = _cached_records(headers, group, self)
            if [record.id for record in made] != [self.ids[position] for position in positions]:
                raise ValueError("headers do not match the index")
            self._made[group] = made
        return self._made[group]

    def records(self) -> list:
        """Every record of the file, in file order, each reading its whole content when first used."""
        try:
            found: list = [None] * len(self.ids)
            for group in range(len(self._groups)):
                for position, record in zip(self._group_headers(group)[1], self._made_records(group)):
                    found[position] = record
            if any(record is None for record in found):
                raise ValueError("a record is missing from the headers")
            return found
        except Exception:  # noqa: BLE001 - damaged headers: every record from the overlay file itself
            return [self.revalidate(record_id) for record_id in self.ids]

    def record(self, record_id: str):
        """The record with this id (one of ``ids``)."""
        position = self.ids.index(record_id)
        group = self._group(position)
        try:
            return self._made_records(group)[self._group_headers(group)[1].index(position)]
        except Exception:  # noqa: BLE001 - damaged headers: the record from the overlay file itself
            return self.revalidate(record_id)

    def content(self, group: int, position: int, start: int, end: int, check: int):
        """A record's whole content: plain for the commands that answer, else the validated model; None when damaged."""
        try:
            if self.compiled:
                return self.plain_records(group)[position]
            stored = self._read(self._json_start + start, self._json_start + end, check)
            if stored is not None:
                from .model import Hotline

                return Hotline.model_validate_json(zlib.decompress(stored))
        except Exception:  # noqa: BLE001 - a damaged or replaced entry: the overlay file itself is read instead
            pass
        return None


class CachedHotline:
    """A record of a validated overlay file read back from the cache.

    The fields that choose lines (``id``, ``scope``, ``region``, ``city``, ``country``,
    ``restricted``, ``focus``, ``is_12356``) are here at once; any other attribute reads the
    whole record on first use (a plain record for the commands that answer, else the validated
    model) and answers from it.
    """

    __slots__ = ("id", "scope", "region", "city", "country", "restricted", "focus", "is_12356", "_at", "_file", "_record")

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends probe for these: the record is not them
            raise AttributeError(name)
        return getattr(self.full(), name)

    def full(self):
        if self._record is None:
            record = self._file.content(*self._at)
            self._record = record if record is not None else self._file.revalidate(self.id)
        return self._record

    def loaded(self) -> bool:
        """Whether the whole record has been read (an answer that never needs it leaves it unread)."""
        return self._record is not None

    def __eq__(self, other) -> bool:
        if isinstance(other, CachedHotline):
            other = other.full()
        return self.full() == other

    def __hash__(self) -> int:
        return hash(self.full())

    def __repr__(self) -> str:
        return f"CachedHotline({self.id!r})"


def _cached_records(headers: tuple, group: int, file: CachedFile) -> list[CachedHotline]:
    # A plain loop, no call per record: something that needs every record makes thousands of these.
    made = []
    scopes, audiences, new = _SCOPES, _AUDIENCES, object.__new__
    focus_lists: dict[tuple, list] = {(): []}
    for position, (record_id, scope, region, city, country, restricted, focus, is_12356, json_at) in enumerate(headers):
        record = new(CachedHotline)
        record.id, record.scope, record.region, record.city, record.country = record_id, scopes[scope], region, city, country
        record.restricted, record.is_12356, record._at, record._file, record._record = (
            restricted, is_12356, (group, position, *json_at), file, None)
        if focus not in focus_lists:
            focus_lists[focus] = [audiences[key] for key in focus]
        record.focus = focus_lists[focus]  # records with the same focus share one list, never changed
        made.append(record)
    return made


def _header(record: Hotline, keep, json_at: tuple[int, int, int]) -> tuple:
    # Only built-in types, read back by _cached_records: marshal reads them without importing anything.
    return (record.id, keep(record.scope.value), keep(record.region), keep(record.city), keep(record.country),
            record.restricted, keep(tuple(entry.value for entry in record.focus)), record.is_12356, json_at)


class OverlayCache:
    """The cache folder for one load: the rules' fingerprint is computed once and used for every file.

    An entry is the magic line, the Adler-32 and length of a marshalled index (the key, the record
    ids, each record's group, per group its region and where its parts lie, where the JSON begins),
    the index, then the parts: per group the pickled plain records and the marshalled headers (the
    fields that choose lines, and where each record's JSON lies); then each record's compressed JSON.
    Every part has its own Adler-32 in the index or in its headers.
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

    def read(self, path: Path, info: os.stat_result, revalidate, compiled: bool = True) -> CachedFile | None:
        """The file as validated before, or None when there is no matching, intact entry.

        `revalidate` validates the overlay file afresh, should a part of the entry turn out damaged when it is used;
        `compiled` reads whole records as plain records rather than as validated models.
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
            stored_key, ids, group_of, groups, json_start = marshal.loads(index)
            if stored_key != key or len(group_of) != _GROUP_BYTES * len(ids):
                return None
            return CachedFile(ids, where, prefix + length, groups, group_of, json_start, compiled, revalidate)
        except Exception:  # noqa: BLE001 - whatever is wrong with the entry, the file is validated afresh
            return None

    def write(self, path: Path, info: os.stat_result, records: list[Hotline]) -> None:
        """Keep the records of a file that passed every rule; any failure leaves things as they were."""
        found = self._key(path, info)
        if found is None:
            return
        where, key = found
        from .records import plain

        by_region: dict[str, list[int]] = {}
        for position, record in enumerate(records):
            by_region.setdefault(record.region, []).append(position)
        if len(by_region) >= 1 << (8 * _GROUP_BYTES):
            return
        shared: dict = {}
        keep = lambda value: shared.setdefault(value, value)  # noqa: E731 - equal strings stored once
        json_parts, json_at, json_length = [], [], 0
        for record in records:
            part = zlib.compress(record.model_dump_json().encode("utf-8"), 1)
            json_parts.append(part)
            json_at.append((json_length, json_length + len(part), zlib.adler32(part)))  # from the start of the JSON
            json_length += len(part)
        parts: list[bytes] = []
        offset = 0

        def place(part: bytes) -> tuple[int, int, int]:
            nonlocal offset
            parts.append(part)
            offset += len(part)
            return offset - len(part), offset, zlib.adler32(part)

        groups, group_of = [], bytearray(_GROUP_BYTES * len(records))
        for group, (region, members) in enumerate(by_region.items()):
            plain_at = place(pickle.dumps([plain(records[position]) for position in members], protocol=pickle.HIGHEST_PROTOCOL))
            headers = tuple(_header(records[position], keep, json_at[position]) for position in members)
            header_at = place(marshal.dumps((headers, tuple(members))))
            groups.append((region, header_at, plain_at))
            for position in members:
                group_of[_GROUP_BYTES * position : _GROUP_BYTES * (position + 1)] = group.to_bytes(_GROUP_BYTES, "big")
        json_start = offset
        parts.extend(json_parts)
        index = marshal.dumps((key, tuple(record.id for record in records), bytes(group_of), tuple(groups), json_start))
        temporary = where.with_name(f"{where.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as stream:
                stream.write(_MAGIC + _checksum(index) + len(index).to_bytes(_LENGTH_BYTES, "big"))
                stream.write(index)
                stream.writelines(parts)
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
