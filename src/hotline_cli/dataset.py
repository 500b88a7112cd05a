"""Load the bundled dataset and any overlay files into one indexed, validated Dataset.

Bundled data ships inside the package (``hotline_cli/data``), so it is found with
importlib.resources wherever the tool is installed. Overlay files (``--data``
and the per-user folder) use the same format and replace records by id.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .records import DatasetMeta, Hotline, Region

from .records import NATIONAL, NATIONAL_12356
from .value import Fresh, Value

BUNDLED = "bundled"
MAX_FILE_BYTES = 20 * 1024 * 1024  # an overlay larger than this is a mistake, not a dataset


class DataError(Exception):
    """The data cannot be used. ``problems`` are readable one-line descriptions."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class LoadedHotline(Value):
    record: Hotline
    origin: str  # BUNDLED or the overlay file's path
    file: str  # the file inside its origin


class Dataset(Value, frozen=False):
    meta: DatasetMeta
    regions: list[Region]
    entries: list[LoadedHotline]
    replaced: list[tuple[str, str]] = Fresh(list)  # (id, overlay file)
    # The user's call log by line id (attempts.by_line), when they keep one; None otherwise.
    attempts: dict | None = None

    def candidates(self, place) -> Sequence[LoadedHotline]:
        """The entries an answer for ``place`` (None: all of China) may draw on, in no particular order.

        Every entry, unless fewer can be read: the compiled bundled data reads only the sections
        of the place's region and of the national lines, and a dataset whose overlays come from
        the cache only their records of those (``CachedOverlayDataset``).
        """
        return _near(self.entries, place)

    @cached_property
    def hotlines(self) -> list[Hotline]:
        return [entry.record for entry in self.entries]

    @cached_property
    def by_id(self) -> dict[str, LoadedHotline]:
        return {entry.record.id: entry for entry in self.entries}

    @cached_property
    def region_by_code(self) -> dict[str, Region]:
        return {region.code: region for region in self.regions}

    @cached_property
    def city_by_code(self):
        return {city.code: (city, region) for region in self.regions for city in region.cities}

    @cached_property
    def shared_area_codes(self) -> frozenset[str]:
        """Telephone area codes that more than one city uses (0371: 郑州 and 开封)."""
        owners: dict[str, int] = {}
        for region in self.regions:
            for city in region.cities:
                for code in set(city.area_codes):
                    owners[code] = owners.get(code, 0) + 1
        return frozenset(code for code, count in owners.items() if count > 1)


def _near(entries: Sequence[LoadedHotline], place) -> Sequence[LoadedHotline]:
    """Entries of the place's region and the national ones where ``entries`` can read just those, else all."""
    near = getattr(entries, "near", None)  # the compiled bundled data (compiled.CompiledEntries)
    return entries if near is None else near(place.region.code if place is not None else None)


def bundled_root() -> Traversable:
    root = resources.files("hotline_cli") / "data"
    if root.is_dir():
        return root
    # An editable install has no copy inside the package: use the source tree's data/.
    source_tree = Path(__file__).resolve().parents[2] / "data"
    if source_tree.is_dir():
        return source_tree
    raise DataError(["the bundled dataset is missing from the installation (hotline_cli/data)"])


MAX_PROBLEMS_PER_FILE = 20  # a file that is wrong everywhere needs its first problems, not thousands


def _pydantic_problems(where: str, error: ValidationError, records: list | None) -> list[str]:
    problems = []
    items = error.errors()
    for item in items[:MAX_PROBLEMS_PER_FILE]:
        loc = list(item["loc"])
        label = where
        if records is not None and len(loc) >= 2 and loc[0] == "hotlines" and isinstance(loc[1], int):
            index = loc[1]
            record_id = None
            if index < len(records) and isinstance(records[index], dict):
                record_id = records[index].get("id")
            shown_id = _shown(record_id, 60) if isinstance(record_id, str) and record_id.strip() else f"record #{index + 1}"
            label = f"{where}: {shown_id}"
            loc = loc[2:]
        path = _shown(".".join(str(part) for part in loc), 80) or "(record)"
        problems.append(f"{label}: {path}: {item['msg']}")
    if len(items) > MAX_PROBLEMS_PER_FILE:
        problems.append(f"{where}: … and {len(items) - MAX_PROBLEMS_PER_FILE} more problem(s) in this file")
    return problems


def _read_text(path: Traversable | Path, where: str) -> str:
    try:
        if isinstance(path, Path):
            # Read at most one byte past the limit: a pipe or a device (/dev/zero) has no
            # trustworthy size, and must not be read without end.
            with path.open("rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                raise DataError([f"{where}: file is larger than {_size_label(MAX_FILE_BYTES)}"])
        else:
            raw = path.read_bytes()
    except DataError:
        raise
    except IsADirectoryError:
        raise DataError([f"{where}: is a directory, expected a JSON file"]) from None
    except PermissionError:
        raise DataError([f"{where}: cannot be read (permission denied)"]) from None
    except OSError as exc:
        raise DataError([f"{where}: cannot be read ({exc.strerror or exc})"]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError([f"{where}: is not UTF-8 text"]) from None


def _size_label(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def _parse_hotlines(text: str, where: str) -> list[Hotline]:
    from pydantic import ValidationError

    from .model import HotlinesFile

    try:
        return HotlinesFile.model_validate_json(text).hotlines
    except ValidationError as error:
        records = None
        if any(item["type"] != "json_invalid" for item in error.errors()):
            try:
                records = json.loads(text).get("hotlines")
            except (ValueError, AttributeError, RecursionError):
                records = None
        first = error.errors()[0] if error.errors() else None
        if first is not None and first["type"] == "json_invalid":
            raise DataError([f"{where}: not valid JSON ({first['msg']})"]) from None
        if first is not None and first["type"] == "model_type" and not first["loc"]:
            raise DataError([f'{where}: expected an object {{"hotlines": [...]}} at the top level']) from None
        raise DataError(_pydantic_problems(where, error, records if isinstance(records, list) else None)) from None


def _hotline_files(root: Traversable) -> list[Traversable]:
    found: list[Traversable] = []
    stack = [root / "hotlines"]
    while stack:
        folder = stack.pop()
        for child in folder.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.name.endswith(".json"):
                found.append(child)
    return sorted(found, key=lambda item: str(item))


def _relative(path: Traversable, root: Traversable) -> str:
    return str(path)[len(str(root)) :].lstrip("/\\")


def _shown(text: str, keep: int = 120) -> str:
    """Outside text (a file name, an id, a field path) fit for a message: control characters escaped, overlong text cut."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return text if len(text) <= keep else f"{text[: keep // 2]}…{text[-keep // 2 :]}"


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Category Cc (C0, DEL, C1) plus the text-direction controls, as one scan per string.
_UNSAFE_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(_BIDI_CONTROLS)) + "]")
# In the raw file they can only appear as themselves or as JSON escapes (\n, \u001b, \u202e …).
# Two scans, each a single character class or a literal backslash first: an alternation of the
# two made the regex engine try every branch at every character of a 12 MB file.
_UNSAFE_RAW_IN_JSON = re.compile("[\x7f-\x9f" + "".join(sorted(_BIDI_CONTROLS)) + "]")
_UNSAFE_ESCAPE_IN_JSON = re.compile(
    r"\\(?:[bfnrt]|u(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|20(?:0[eEfF]|2[a-eA-E]|6[6-9])|061[cC]))"
)


def _maybe_unsafe_in_json(text: str) -> bool:
    """Whether the raw JSON text may hold a control or text-direction character in some string."""
    if _UNSAFE_RAW_IN_JSON.search(text) is not None:
        return True
    return "\\" in text and _UNSAFE_ESCAPE_IN_JSON.search(text) is not None


def _strings(value, path: str):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _usage_problems(record: Hotline, where: str, scan_text: bool = True,
                    hours_verdicts: dict[str, str | None] | None = None) -> list[str]:
    """What the schema lets through but answering would trip over: unknown time zones, unreadable
    hours, and control or text-direction characters that would reach the terminal.

    Bundled records are held to this by `hotline check` before release; overlay records
    arrive unchecked, and must fail here, by name, rather than in the middle of an answer.
    `hours_verdicts` remembers each distinct hours expression's verdict across the records of a file.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from .schedule import HoursSyntaxError, parse_hours

    problems: list[str] = []
    where = f"{where}: {_shown(record.id, 60)}"
    try:
        ZoneInfo(record.time_zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        problems.append(f"{where}: time_zone: unknown time zone {_shown(repr(record.time_zone), 80)}")
    strings = _strings(record.model_dump(mode="json"), "") if scan_text else ()
    for field_name, value in strings:
        if _UNSAFE_CHARACTERS.search(value):
            # They would reach the terminal: escape sequences, or text shown in another order than dialled.
            problems.append(f"{where}: {field_name}: contains control or text-direction characters")
    texts = [("hours", record.hours)]
    texts += [(f"numbers[{n}].hours", number.hours) for n, number in enumerate(record.numbers)]
    texts += [(f"channels[{n}].hours", channel.hours) for n, channel in enumerate(record.channels)]
    texts += [(f"audiences[{n}].hours", entry.hours) for n, entry in enumerate(record.audiences)]
    for field_name, hours in texts:
        if hours is None:
            continue
        if hours_verdicts is not None and hours in hours_verdicts:
            verdict = hours_verdicts[hours]
        else:
            try:
                parse_hours(hours)
                verdict = None
            except HoursSyntaxError as error:
                verdict = _shown(str(error), 200)
            if hours_verdicts is not None:
                hours_verdicts[hours] = verdict
        if verdict is not None:
            problems.append(f"{where}: {field_name}: {verdict}")
    return problems


def overlay_files(paths: list[Path]) -> list[Path]:
    """Expand --data arguments (files or folders) into JSON files, in a stable order."""
    files: list[Path] = []
    for path in paths:
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except (OSError, ValueError) as exc:  # a name too long for the system, or with a NUL byte
            raise DataError([f"{_shown(str(path))}: cannot be used as a file name ({getattr(exc, 'strerror', None) or exc})"]) from None
        if not exists:
            raise DataError([f"{_shown(str(path))}: no such file or folder"])
        if is_dir:
            if not os.access(path, os.R_OK | os.X_OK):
                raise DataError([f"{_shown(str(path))}: cannot be read (permission denied)"])
            try:
                found = sorted(child for child in path.rglob("*.json") if child.is_file())
            except OSError as exc:
                raise DataError([f"{_shown(str(path))}: cannot be read ({exc.strerror or exc})"]) from None
            if not found:
                # Most likely the wrong folder: saying nothing would hide the lines it was meant to add.
                raise DataError([f"{_shown(str(path))}: folder has no .json files"])
            files.extend(found)
        else:
            files.append(path)
    return files


def _checked_overlay(path: Path, where: str, emergency: frozenset[str], bundled_by_id: dict) -> tuple[list, list[str], list[str]]:
    """(usable records, problems, duplicate-id problems) of one overlay file under every overlay rule.

    Raises DataError when the file cannot be read or does not fit the schema at all.
    """
    from .overlays import takeover_problems

    text = _read_text(path, where)
    records = _parse_hotlines(text, where)
    # Scanning every string of every record is the costliest check; most files have nothing to find.
    scan_text = _maybe_unsafe_in_json(text)
    kept: list[Hotline] = []
    seen_here: set[str] = set()
    file_problems: list[str] = []
    duplicates: list[str] = []
    hours_verdicts: dict[str, str | None] = {}
    for record in records:
        usage_problems = _usage_problems(record, where, scan_text, hours_verdicts)
        usage_problems += [f"{where}: {_shown(record.id, 60)}: {problem}"
                           for problem in takeover_problems(record, bundled_by_id.get(record.id), emergency)]
        if usage_problems:
            file_problems.extend(usage_problems)
            continue
        if record.id in seen_here:
            duplicates.append(f"{where}: {_shown(record.id, 60)}: id: duplicate id within this file")
            continue
        seen_here.add(record.id)
        kept.append(record)
    return kept, file_problems, duplicates


def _revalidation(path: Path, where: str, emergency: frozenset[str], bundled_by_id: dict, cache, info):
    """A record of an overlay file by id, validated afresh (and cached again): for a cached record whose stored form is found damaged."""
    records: dict | None = None

    def record(record_id: str) -> Hotline:
        nonlocal records
        if records is None:
            usable, file_problems, file_duplicates = _checked_overlay(path, where, emergency, bundled_by_id)
            if file_problems or file_duplicates:
                raise DataError(file_problems[:MAX_PROBLEMS_PER_FILE] + file_duplicates)
            records = {item.id: item for item in usable}
            cache.write(path, info, usable)
        if record_id not in records:
            raise DataError([f"{where}: changed while it was being read; run the command again"])
        return records[record_id]

    return record


def _read_overlays(paths: list[Path], regions: list[Region], entries: list[LoadedHotline], compiled: bool,
                   problems: list[str], duplicates: list[str]) -> list[tuple[str, object]]:
    """(name, records) of each usable overlay file, collecting the problems of the others.

    A file that passed every rule before, unchanged since, is read back from the cache as a
    ``CachedFile`` (its records plain when ``compiled``, else validated models); any other file
    is validated, and cached when it has no problem.
    """
    from .overlay_cache import open_cache
    from .overlays import emergency_numbers

    emergency = emergency_numbers(regions)
    bundled_by_id = {entry.record.id: entry.record for entry in entries}
    national = bundled_by_id.get(NATIONAL_12356)
    cache = open_cache(emergency, [number.dial for number in national.numbers] if national else [])
    found: list[tuple[str, object]] = []
    for path in paths:
        name = str(path)
        where = _shown(name)
        try:
            info = path.stat() if cache is not None else None
        except (OSError, ValueError):
            info = None  # reading it below reports the problem by name
        records = None
        if info is not None:
            records = cache.read(path, info, _revalidation(path, where, emergency, bundled_by_id, cache, info), compiled)
        if records is None:
            try:
                records, file_problems, file_duplicates = _checked_overlay(path, where, emergency, bundled_by_id)
            except DataError as error:
                problems.extend(error.problems)
                continue
            problems.extend(file_problems[:MAX_PROBLEMS_PER_FILE])
            if len(file_problems) > MAX_PROBLEMS_PER_FILE:
                problems.append(f"{where}: … and {len(file_problems) - MAX_PROBLEMS_PER_FILE} more problem(s) in this file")
            duplicates.extend(file_duplicates)
            if info is not None and not file_problems and not file_duplicates:
                cache.write(path, info, records)
        found.append((name, records))
    return found


def _merge(records, name: str, entries: list[LoadedHotline], index: dict[str, int],
           replaced: list[tuple[str, str]] | None) -> None:
    """Merge one overlay file's records over the entries: the same id replaces, a new id adds."""
    for record in records:
        loaded = LoadedHotline(record, name, name)
        if record.id in index:
            entries[index[record.id]] = loaded
            if replaced is not None:
                replaced.append((record.id, name))
        else:
            index[record.id] = len(entries)
            entries.append(loaded)


class CachedOverlayDataset(Dataset):
    """The dataset when every overlay file comes from the cache: their records are made only when used.

    ``candidates(place)`` reads only the records of the place's region and the national ones, as
    plain records; ``by_id`` reads only the record looked up. ``entries``, and all that derives
    from it, reads every record, merged as ``load`` merges the files it validates.
    """

    def __init__(self, meta: DatasetMeta, regions: list[Region], bundled: list[LoadedHotline], files: list[tuple[str, object]],
                 replaced: list[tuple[str, str]]):
        self._bundled = bundled
        self._files = files  # (name, CachedFile), in merge order
        self._overlay_ids = frozenset().union(*(file.ids for _, file in files))
        super().__init__(meta=meta, regions=regions, entries=None, replaced=replaced)

    @property
    def entries(self) -> list[LoadedHotline]:
        if self._entries is None:
            entries = list(self._bundled)
            index = {entry.record.id: position for position, entry in enumerate(entries)}
            collecting = gc.isenabled()
            gc.disable()
            try:
                for name, file in self._files:
                    _merge(file.records(), name, entries, index, None)
            finally:
                if collecting:
                    gc.enable()
            self._entries = entries
        return self._entries

    @entries.setter
    def entries(self, value: list[LoadedHotline] | None) -> None:
        self._entries = value

    def candidates(self, place) -> list[LoadedHotline]:
        if self._entries is not None:
            return self._entries
        # `answer` uses a line of the place's region, or a national one (region NATIONAL): no other can belong.
        wanted = [NATIONAL] if place is None else [NATIONAL, place.region.code]
        found = [entry for entry in _near(self._bundled, place) if entry.record.id not in self._overlay_ids]
        later: set[str] = set()  # ids of the files merged after this one, which replace its records
        for number, (name, file) in enumerate(reversed(self._files)):
            for region in wanted:
                group = file.regions.get(region)
                if group is not None:
                    found.extend(LoadedHotline(record, name, name) for record in file.plain_records(group)
                                 if record.id not in later)
            if number + 1 < len(self._files):
                later.update(file.ids)
        return found

    @cached_property
    def by_id(self) -> _RecordsById:
        return _RecordsById(self)


class _RecordsById(Mapping):
    """``by_id`` of a CachedOverlayDataset: looking a record up reads that record, not every file."""

    def __init__(self, dataset: CachedOverlayDataset):
        self._dataset = dataset
        self._bundled = {entry.record.id: entry for entry in dataset._bundled}
        self._found: dict[str, LoadedHotline] = {}

    def __getitem__(self, record_id: str) -> LoadedHotline:
        dataset = self._dataset
        if record_id not in dataset._overlay_ids:
            return self._bundled[record_id]
        if record_id not in self._found:
            # The last file holding the id is the one whose record was merged last.
            name, file = next((name, file) for name, file in reversed(dataset._files) if record_id in file.id_set)
            self._found[record_id] = LoadedHotline(file.record(record_id), name, name)
        return self._found[record_id]

    def __contains__(self, record_id) -> bool:
        return record_id in self._dataset._overlay_ids or record_id in self._bundled

    def __iter__(self):
        return iter([entry.record.id for entry in self._dataset.entries])

    def __len__(self) -> int:
        return len(self._dataset.entries)


def _replacements(bundled: list[LoadedHotline], files: list[tuple[str, object]]) -> list[tuple[str, str]]:
    """(id, file) for each record of a cached file that replaces an earlier one, as merging them would list them."""
    seen = {entry.record.id for entry in bundled}
    replaced: list[tuple[str, str]] = []
    for name, file in files:
        clashes = seen.intersection(file.ids)
        if clashes:
            replaced.extend((record_id, name) for record_id in file.ids if record_id in clashes)
        seen.update(file.ids)
    return replaced


def _load_bundled_validated(root: Traversable, files: list[Traversable]):
    """(meta, regions, entries, problems, duplicates) of the bundled data, validated with the pydantic models."""
    from pydantic import ValidationError

    from .model import DatasetMeta, RegionsFile

    problems: list[str] = []
    try:
        meta = DatasetMeta.model_validate_json(_read_text(root / "meta.json", "data/meta.json"))
    except ValidationError as error:
        raise DataError(_pydantic_problems("data/meta.json", error, None)) from None
    try:
        regions = RegionsFile.model_validate_json(_read_text(root / "regions.json", "data/regions.json")).regions
    except ValidationError as error:
        raise DataError(_pydantic_problems("data/regions.json", error, None)) from None

    entries: list[LoadedHotline] = []
    index: dict[str, int] = {}
    duplicates: list[str] = []
    for path in files:
        name = "data/" + _relative(path, root)
        try:
            records = _parse_hotlines(_read_text(path, name), name)
        except DataError as error:
            problems.extend(error.problems)
            continue
        for record in records:
            if record.id in index:
                duplicates.append(f"{name}: {record.id}: id: duplicate id (also in {entries[index[record.id]].file})")
                continue
            index[record.id] = len(entries)
            entries.append(LoadedHotline(record, BUNDLED, name))
    return meta, regions, entries, problems, duplicates


def load(overlays: list[Path] | None = None, compiled: bool = False) -> Dataset:
    """Load bundled data, then merge overlays over it (same id replaces, new id adds).

    ``compiled`` reads the bundled data as plain records from its compiled form (``compiled.py``),
    without validating it again: the fast path of the commands that answer. Otherwise every
    record is a validated pydantic model. Overlay records are always validated.
    Raises DataError listing every problem found, across all files.
    """
    root = bundled_root()
    files = _hotline_files(root)
    if compiled:
        from .compiled import load_bundled

        meta, regions, entries, problems, duplicates = load_bundled(root, files, lambda: _load_bundled_validated(root, files))
    else:
        meta, regions, entries, problems, duplicates = _load_bundled_validated(root, files)

    replaced: list[tuple[str, str]] = []
    overlay_paths = overlay_files(list(overlays or []))
    read: list[tuple[str, object]] = []
    lazily = False
    if overlay_paths:
        from .overlay_cache import CachedFile

        # Thousands of overlay records are made here and none freed: the collector's passes over them
        # (validating a file, or reading it back from the cache) are wasted work.
        collecting = gc.isenabled()
        gc.disable()
        try:
            read = _read_overlays(overlay_paths, regions, entries, compiled, problems, duplicates)
            from_cache = all(isinstance(records, CachedFile) for _, records in read)
            lazily = compiled and from_cache and not problems and not duplicates
            if not lazily:
                entries = list(entries)  # every section of the compiled data: an overlay may replace any record
                index = {entry.record.id: position for position, entry in enumerate(entries)}
                for name, records in read:
                    _merge(records.records() if isinstance(records, CachedFile) else records, name, entries, index, replaced)
        finally:
            if collecting:
                gc.enable()

    problems.extend(duplicates)
    if problems:
        raise DataError(problems)
    if lazily:
        # Every overlay comes from the cache: an answer reads only the records of its place.
        return CachedOverlayDataset(meta, regions, entries, read, _replacements(entries, read))
    return Dataset(meta=meta, regions=regions, entries=entries, replaced=replaced)


def find_record(dataset: Dataset, key: str) -> list[LoadedHotline]:
    """Records by id, or by any of their numbers (published or dialled digits)."""
    if key in dataset.by_id:
        return [dataset.by_id[key]]
    digits = "".join(ch for ch in key if ch.isdigit())
    if not digits:
        return []
    found = []
    for entry in dataset.entries:
        for number in entry.record.numbers:
            if number.dial.lstrip("+") == digits or "".join(c for c in number.published if c.isdigit()) == digits:
                found.append(entry)
                break
    return found
