"""The compiled bundled data: the same records as the validated files, cached where caches belong, rebuilt when stale."""

import shutil

import pytest

from hotline_cli import compiled, model, records
from hotline_cli.dataset import BUNDLED, _hotline_files, bundled_root, load

PAIRS = [(getattr(model, name), cls) for name, cls in records.PLAIN_OF_MODEL.items()]


@pytest.fixture(autouse=True)
def _platform_cache_folder(monkeypatch):
    # These tests follow the platform's cache folder (XDG on Linux), which HOTLINE_CACHE_DIR overrides.
    monkeypatch.delenv("HOTLINE_CACHE_DIR", raising=False)


def test_hotline_cache_dir_moves_every_cache(tmp_path, monkeypatch):
    from hotline_cli import overlay_cache

    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "moved"))
    load([], compiled=True)
    assert (tmp_path / "moved" / compiled.CACHE_NAME).is_file()
    assert overlay_cache.cache_folder() == tmp_path / "moved" / "overlays"

@pytest.mark.parametrize(("model_class", "plain_class"), PAIRS, ids=[cls.__name__ for _, cls in PAIRS])
def test_a_plain_record_has_exactly_the_fields_of_its_model(model_class, plain_class):
    assert tuple(model_class.model_fields) == plain_class.__slots__


def test_the_compiled_data_holds_the_validated_records(dataset):
    fast = load([], compiled=True)  # builds the cache
    again = load([], compiled=True)  # reads it
    for loaded in (fast, again):
        assert records.plain(dataset.meta) == loaded.meta
        assert records.plain(dataset.regions) == loaded.regions
        assert [(e.record.id, e.origin, e.file) for e in dataset.entries] == [(e.record.id, e.origin, e.file) for e in loaded.entries]
        assert all(records.plain(old.record) == new.record for old, new in zip(dataset.entries, loaded.entries))
        assert all(isinstance(entry.record, records.Hotline) and entry.origin == BUNDLED for entry in loaded.entries)
    # The rules read off a record give the same answers on both kinds.
    for old, new in zip(dataset.hotlines, again.hotlines):
        assert (old.is_12356, old.own_hours(), old.presented_as_12356()) == (new.is_12356, new.own_hours(), new.presented_as_12356())


def test_the_cache_lives_in_the_platform_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load([], compiled=True)
    if compiled.sys.platform.startswith("linux"):
        assert (tmp_path / "cache" / "hotline" / compiled.CACHE_NAME).is_file()
    assert compiled.cache_dir() == tmp_path / "cache" / "hotline" or not compiled.sys.platform.startswith("linux")


def test_a_broken_cache_file_is_rebuilt_and_an_unwritable_folder_is_harmless(tmp_path, monkeypatch, dataset):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = compiled.cache_dir() / compiled.CACHE_NAME
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a cache")
    assert [e.record.id for e in load([], compiled=True).entries] == [e.record.id for e in dataset.entries]
    assert path.read_bytes() != b"not a cache"

    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot be made
    assert len(load([], compiled=True).entries) == len(dataset.entries)
    assert blocker.read_text() == "in the way"


def test_the_key_changes_with_any_bundled_file(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(bundled_root(), copy)
    key = compiled.data_key(copy, _hotline_files(copy))
    assert compiled.data_key(copy, _hotline_files(copy)) == key
    first = _hotline_files(copy)[0]
    first.write_bytes(first.read_bytes() + b" ")
    assert compiled.data_key(copy, _hotline_files(copy)) != key


def test_a_stale_cache_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load([], compiled=True)
    path = compiled.cache_dir() / compiled.CACHE_NAME
    root = bundled_root()
    assert compiled._read(path, key=compiled.data_key(root, _hotline_files(root))) is not None
    assert compiled._read(path, stat=compiled.stat_key(root, _hotline_files(root))) is not None
    assert compiled._read(path, key="another key", stat="another stat") is None


def _counting_loader(root):
    """load_bundled over the data in ``root``, counting how often it validates the files and hashes them."""
    calls = {"validate": 0, "hash": 0}
    real_key = compiled.data_key

    def validate():
        calls["validate"] += 1
        return records.DatasetMeta.__new__(records.DatasetMeta), [], [], [], []

    def load_it(monkeypatch):
        def counted_key(*args):
            calls["hash"] += 1
            return real_key(*args)

        monkeypatch.setattr(compiled, "data_key", counted_key)
        compiled.load_bundled(root, _hotline_files(root), validate)
        return dict(calls)

    return load_it


def test_unchanged_files_are_neither_read_nor_hashed_and_a_touched_file_is_judged_by_its_content(tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "data"
    shutil.copytree(bundled_root(), copy)
    load_it = _counting_loader(copy)
    assert load_it(monkeypatch) == {"validate": 1, "hash": 1}  # builds the cache
    assert load_it(monkeypatch) == {"validate": 1, "hash": 1}  # names, sizes and times unchanged: not hashed

    first = _hotline_files(copy)[0]
    later = first.stat().st_mtime_ns + 5_000_000_000
    os.utime(first, ns=(later, later))  # touched, same content
    assert load_it(monkeypatch) == {"validate": 1, "hash": 2}  # hashed, found the same, kept
    assert load_it(monkeypatch) == {"validate": 1, "hash": 2}  # and the new time is remembered

    first.write_bytes(first.read_bytes() + b" ")
    assert load_it(monkeypatch) == {"validate": 2, "hash": 3}  # new content: validated again


def test_an_answer_for_one_place_reads_only_its_region_and_the_national_section(tmp_path, monkeypatch):
    from hotline_cli import api

    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "cache"))
    load([], compiled=True)  # builds the cache
    dataset = load([], compiled=True)
    assert isinstance(dataset.entries, compiled.CompiledEntries)
    place = api.resolve_place(dataset, "厦门")
    answer = api.ask(dataset, place, None, api.parse_instant("2026-11-25T21:30"))
    assert answer.lines and answer.lines[0].record.id.startswith("12356")
    assert set(dataset.entries._read) == {records.NATIONAL, "350000"}


def test_the_sections_hold_every_record_in_dataset_order_and_answer_as_the_validated_data(tmp_path, monkeypatch, dataset):
    from hotline_cli import api

    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "cache"))
    load([], compiled=True)
    fast = load([], compiled=True)
    assert [entry.record.id for entry in fast.entries] == [entry.record.id for entry in dataset.entries]
    instant = api.parse_instant("2026-10-01T03:15")
    for code in [None, *(region.code for region in dataset.regions)]:
        sectioned = load([], compiled=True)  # fresh: nothing read yet
        places = [api.resolve_place(d, code) if code else None for d in (sectioned, dataset)]
        ids = [[(line.record.id, line.group, line.status) for line in api.ask(d, p, None, instant).lines]
               for d, p in zip((sectioned, dataset), places)]
        assert ids[0] == ids[1], code


def test_a_damaged_section_is_answered_from_the_validated_files(tmp_path, monkeypatch, dataset):
    import pickle

    from hotline_cli import api

    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "cache"))
    load([], compiled=True)
    path = compiled.cache_dir() / compiled.CACHE_NAME
    with path.open("rb") as stream:
        keys, (meta, regions, entries) = pickle.load(stream), pickle.load(stream)
    check, stored = entries._stored["350000"]
    middle = len(stored) // 2
    entries._stored["350000"] = (check, stored[:middle] + bytes([stored[middle] ^ 0xFF]) + stored[middle + 1:])
    with path.open("wb") as stream:
        pickle.dump(keys, stream)
        pickle.dump((meta, regions, entries), stream)

    damaged = load([], compiled=True)
    instant = api.parse_instant("2026-11-25T21:30")
    asked = [api.ask(d, api.resolve_place(d, "厦门"), None, instant) for d in (damaged, dataset)]
    assert [line.record.id for line in asked[0].lines] == [line.record.id for line in asked[1].lines]
    assert any(line.record.id.startswith("12356-fujian") for line in asked[0].lines)
