"""Load the bundled dataset and any overlay files into one indexed, validated Dataset.

Bundled data ships inside the package (``hotline_cli/data``), so it is found with
importlib.resources wherever the tool is installed. Overlay files (``--data``
and the per-user folder) use the same format and replace records by id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from .model import DatasetMeta, Hotline, HotlinesFile, Region, RegionsFile

BUNDLED = "bundled"
MAX_FILE_BYTES = 20 * 1024 * 1024  # an overlay larger than this is a mistake, not a dataset


class DataError(Exception):
    """The data cannot be used. ``problems`` are readable one-line descriptions."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class LoadedHotline:
    record: Hotline
    origin: str  # BUNDLED or the overlay file's path
    file: str  # the file inside its origin


@dataclass
class Dataset:
    meta: DatasetMeta
    regions: list[Region]
    entries: list[LoadedHotline]
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (id, overlay file)

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


def bundled_root() -> Traversable:
    root = resources.files("hotline_cli") / "data"
    if root.is_dir():
        return root
    # An editable install has no copy inside the package: use the source tree's data/.
    source_tree = Path(__file__).resolve().parents[2] / "data"
    if source_tree.is_dir():
        return source_tree
    raise DataError(["the bundled dataset is missing from the installation (hotline_cli/data)"])


def _pydantic_problems(where: str, error: ValidationError, records: list | None) -> list[str]:
    problems = []
    for item in error.errors():
        loc = list(item["loc"])
        label = where
        if records is not None and len(loc) >= 2 and loc[0] == "hotlines" and isinstance(loc[1], int):
            index = loc[1]
            record_id = None
            if index < len(records) and isinstance(records[index], dict):
                record_id = records[index].get("id")
            label = f"{where}: {record_id or f'record #{index + 1}'}"
            loc = loc[2:]
        path = ".".join(str(part) for part in loc) or "(record)"
        problems.append(f"{label}: {path}: {item['msg']}")
    return problems


def _read_text(path: Traversable | Path, where: str) -> str:
    try:
        if isinstance(path, Path):
            if path.stat().st_size > MAX_FILE_BYTES:
                raise DataError([f"{where}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"])
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


def _parse_hotlines(text: str, where: str) -> list[Hotline]:
    try:
        return HotlinesFile.model_validate_json(text).hotlines
    except ValidationError as error:
        records = None
        if any(item["type"] != "json_invalid" for item in error.errors()):
            try:
                records = json.loads(text).get("hotlines")
            except (ValueError, AttributeError, RecursionError):
                records = None
        if error.errors() and error.errors()[0]["type"] == "json_invalid":
            return_problem = error.errors()[0]
            raise DataError([f"{where}: not valid JSON ({return_problem['msg']})"]) from None
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


def overlay_files(paths: list[Path]) -> list[Path]:
    """Expand --data arguments (files or folders) into JSON files, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise DataError([f"{path}: no such file or folder"])
        if path.is_dir():
            try:
                files.extend(sorted(child for child in path.rglob("*.json") if child.is_file()))
            except OSError as exc:
                raise DataError([f"{path}: cannot be read ({exc.strerror or exc})"]) from None
        else:
            files.append(path)
    return files


def load(overlays: list[Path] | None = None) -> Dataset:
    """Load bundled data, then merge overlays over it (same id replaces, new id adds).

    Raises DataError listing every problem found, across all files.
    """
    root = bundled_root()
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
    for path in _hotline_files(root):
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

    replaced: list[tuple[str, str]] = []
    for path in overlay_files(list(overlays or [])):
        name = str(path)
        try:
            records = _parse_hotlines(_read_text(path, name), name)
        except DataError as error:
            problems.extend(error.problems)
            continue
        seen_here: set[str] = set()
        for record in records:
            if record.id in seen_here:
                duplicates.append(f"{name}: {record.id}: id: duplicate id within this file")
                continue
            seen_here.add(record.id)
            loaded = LoadedHotline(record, name, name)
            if record.id in index:
                entries[index[record.id]] = loaded
                replaced.append((record.id, name))
            else:
                index[record.id] = len(entries)
                entries.append(loaded)

    problems.extend(duplicates)
    if problems:
        raise DataError(problems)
    return Dataset(meta=meta, regions=regions, entries=entries, replaced=replaced)
