"""The cache of validated overlay files: used when the file and the rules are unchanged, ignored otherwise.

A cached file was checked by the same rules as an uncached one, so every answer, message and
exit code is the same with and without it; only files with no problem are ever kept.
"""

import json
import os
from pathlib import Path

import pytest

from helpers import GOOD, write_overlay

AT = "2026-11-24T23:30"
NOW = ("now", "-r", "厦门", "--at", AT, "--json")


def records() -> list[dict]:
    """Two lines for Xiamen and one line elsewhere, so that a query reads only some of them."""
    second = dict(GOOD, id="test-xiamen-students", name="测试学生热线", hours="Mo-Fr 09:00-17:00",
                  audiences=[{"key": "university_students"}], restricted=True)
    elsewhere = dict(GOOD, id="test-beijing-line", name="测试北京热线", region="110000", city="110100",
                     numbers=[{"published": "010-6532 1234", "dial": "01065321234", "kind": "landline"}])
    return [GOOD, second, elsewhere]


@pytest.fixture
def overlay_file(tmp_path):
    (tmp_path / "ours").mkdir()
    return write_overlay(tmp_path / "ours" / "lines.json", *records())


@pytest.fixture
def validations(monkeypatch):
    """How many times an overlay file was validated from its text (rather than read from the cache)."""
    from hotline_cli import dataset

    calls = []
    original = dataset._checked_overlay

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(dataset, "_checked_overlay", counting)
    return calls


def cache_entries() -> list[Path]:
    return sorted((Path(os.environ["HOTLINE_CACHE_DIR"]) / "overlays").glob("*.bin"))


def test_second_run_reads_the_cache_and_answers_byte_for_byte_the_same(invoke, overlay_file, validations, monkeypatch):
    first = invoke(*NOW, "--data", overlay_file)
    assert first.exit_code == 0, first.output
    assert len(validations) == 1 and len(cache_entries()) == 1
    second = invoke(*NOW, "--data", overlay_file)
    assert len(validations) == 1, "the unchanged file was validated again"
    assert second.stdout == first.stdout and second.stderr == first.stderr
    assert "test-xiamen-line" in first.stdout
    monkeypatch.setenv("HOTLINE_NO_CACHE", "1")
    assert invoke(*NOW, "--data", overlay_file).stdout == first.stdout
    assert len(validations) == 2


@pytest.mark.parametrize("command", [
    ("show", "test-xiamen-students"),
    ("list", "-r", "北京", "--at", AT),
    ("now", "-r", "厦门", "--audience", "大学生", "--at", AT, "--format", "plain"),
    ("export", "--format", "csv", "-o", "-", "-r", "厦门", "--at", AT),
    ("check",),
])
def test_every_command_answers_the_same_from_the_cache(invoke, overlay_file, validations, monkeypatch, command):
    monkeypatch.setenv("HOTLINE_NO_CACHE", "1")
    uncached = invoke(*command, "--data", overlay_file)
    monkeypatch.delenv("HOTLINE_NO_CACHE")
    invoke(*command, "--data", overlay_file)  # fills the cache
    cached = invoke(*command, "--data", overlay_file)
    assert validations == [overlay_file, overlay_file], "the third run did not come from the cache"
    assert uncached.exit_code == cached.exit_code == 0, cached.output
    assert cached.stdout == uncached.stdout and cached.stderr == uncached.stderr


def test_a_record_the_query_never_needs_is_not_read(invoke, overlay_file):
    from hotline_cli import api
    from hotline_cli.dataset import load

    invoke(*NOW, "--data", overlay_file)
    validated = load([overlay_file])  # the commands that need the models read the cache too
    beijing = validated.by_id["test-beijing-line"].record
    api.ask(validated, place=api.resolve_place(validated, "厦门"), at=AT)
    assert type(beijing).__name__ == "CachedHotline" and not beijing.loaded()
    assert beijing.numbers[0].dial == "01065321234"  # and on demand it is the whole record
    assert type(beijing.full()).__module__ == "hotline_cli.model"


def _index(raw: bytes) -> tuple:
    """(ids, each record's group, per group (region, headers' place, plain records' place), JSON start) of an entry."""
    import marshal

    head = raw.index(b"\n") + 1 + 4
    length = int.from_bytes(raw[head : head + 8], "big")
    return marshal.loads(raw[head + 8 : head + 8 + length])[1:]


def _group_part(raw: bytes, region: str, part: str) -> tuple[int, int]:
    """Where in the entry a part ("headers" or "plain" records) of one region's group lies."""
    groups = _index(raw)[2]
    start, end, _ = next(parts[("headers", "plain").index(part)] for code, *parts in groups if code == region)
    return _records_start(raw) + start, _records_start(raw) + end


@pytest.mark.parametrize("part", ["headers", "plain"])
def test_an_answer_reads_only_the_records_of_its_place(invoke, overlay_file, validations, monkeypatch, part):
    """A damaged part of the entry that an answer does not read costs it nothing: it never reads other regions,
    not even the fields that choose lines."""
    monkeypatch.setenv("HOTLINE_NO_CACHE", "1")
    expected = {region: invoke("now", "-r", region, "--at", AT, "--json", "--data", overlay_file).stdout
                for region in ("厦门", "北京")}
    monkeypatch.delenv("HOTLINE_NO_CACHE")
    invoke(*NOW, "--data", overlay_file)
    assert len(validations) == 3  # two without the cache, one filling it
    [entry] = cache_entries()
    raw = entry.read_bytes()
    start, _ = _group_part(raw, "110000", part)
    entry.write_bytes(_flip(raw, start + 10))
    assert invoke("now", "-r", "厦门", "--at", AT, "--json", "--data", overlay_file).stdout == expected["厦门"]
    assert len(validations) == 3, "the answer for Xiamen read the records of Beijing"
    assert invoke("now", "-r", "北京", "--at", AT, "--json", "--data", overlay_file).stdout == expected["北京"]
    if part == "headers":  # an answer reads a place's plain records only; `show` reads the headers of every record
        assert len(validations) == 3
        shown = invoke("show", "test-beijing-line", "--data", overlay_file)
        assert shown.exit_code == 0 and "010 6532 1234" in shown.stdout
    assert len(validations) == 4, "the damaged records were not read from the overlay file itself"


def test_a_changed_size_is_a_miss(invoke, overlay_file, validations):
    invoke(*NOW, "--data", overlay_file)
    stat = overlay_file.stat()
    overlay_file.write_text(overlay_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(overlay_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same mtime: only the size differs
    assert invoke(*NOW, "--data", overlay_file).exit_code == 0
    assert len(validations) == 2


def test_a_changed_mtime_is_a_miss(invoke, overlay_file, validations):
    invoke(*NOW, "--data", overlay_file)
    stat = overlay_file.stat()
    os.utime(overlay_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert invoke(*NOW, "--data", overlay_file).exit_code == 0
    assert len(validations) == 2


def test_same_size_new_content_is_a_miss(invoke, overlay_file, validations):
    first = invoke(*NOW, "--data", overlay_file)
    renamed = [dict(record, name=record["name"].replace("测试", "试验")) for record in records()]
    write_overlay(overlay_file, *renamed)  # the same length in bytes, a later mtime
    second = invoke(*NOW, "--data", overlay_file)
    assert len(validations) == 2
    assert "试验热线" in second.stdout and "试验热线" not in first.stdout


def test_another_version_of_the_program_is_a_miss(invoke, overlay_file, validations, monkeypatch):
    import hotline_cli

    invoke(*NOW, "--data", overlay_file)
    monkeypatch.setattr(hotline_cli, "__version__", hotline_cli.__version__ + ".post1")
    assert invoke(*NOW, "--data", overlay_file).exit_code == 0
    assert len(validations) == 2
    invoke(*NOW, "--data", overlay_file)
    assert len(validations) == 2  # rewritten for the new version


def test_other_rules_are_a_miss(invoke, overlay_file, validations, monkeypatch):
    from hotline_cli import overlays

    invoke(*NOW, "--data", overlay_file)
    monkeypatch.setattr(overlays, "ALWAYS_EMERGENCY", overlays.ALWAYS_EMERGENCY | {"95555"})
    assert invoke(*NOW, "--data", overlay_file).exit_code == 0
    assert len(validations) == 2


def _flip(raw: bytes, at: int) -> bytes:
    return raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1 :]


def _records_start(raw: bytes) -> int:
    """Where the stored records begin: after the magic line, the index's checksum and length, and the index."""
    head = raw.index(b"\n") + 1 + 4
    return head + 8 + int.from_bytes(raw[head : head + 8], "big")


DAMAGE = {
    "index-byte-flipped": lambda raw: _flip(raw, _records_start(raw) - 20),
    "used-record-byte-flipped": lambda raw: _flip(raw, _records_start(raw) + 20),  # the first record, a Xiamen line
    "cut-inside-a-used-record": lambda raw: raw[: _records_start(raw) + 10],
    "cut-inside-the-index": lambda raw: raw[: _records_start(raw) - 10],
    "empty": lambda raw: b"",
    "another-format": lambda raw: b"\x80\x05N.",
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_cache_entry_is_ignored_and_rewritten(invoke, overlay_file, validations, damage):
    first = invoke(*NOW, "--data", overlay_file)
    [entry] = cache_entries()
    entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    second = invoke(*NOW, "--data", overlay_file)
    assert second.exit_code == 0 and second.stdout == first.stdout and second.stderr == first.stderr
    assert len(validations) == 2, "the file was not validated afresh"
    assert invoke(*NOW, "--data", overlay_file).stdout == first.stdout
    assert len(validations) == 2, "the damaged entry was not replaced"


def test_damage_in_a_record_no_answer_uses_costs_nothing(invoke, overlay_file, validations):
    first = invoke(*NOW, "--data", overlay_file)
    [entry] = cache_entries()
    raw = entry.read_bytes()
    entry.write_bytes(_flip(raw, len(raw) - 20))  # the last record: the Beijing line, not in an answer for Xiamen
    assert invoke(*NOW, "--data", overlay_file).stdout == first.stdout
    assert len(validations) == 1
    shown = invoke("show", "test-beijing-line", "--data", overlay_file)
    assert shown.exit_code == 0 and "010 6532 1234" in shown.stdout
    assert len(validations) == 2  # read from the overlay file itself when it was needed


def test_a_cache_that_cannot_be_written_is_silent(invoke, overlay_file, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(blocker))
    result = invoke(*NOW, "--data", overlay_file)
    assert result.exit_code == 0 and result.stderr == ""
    assert "test-xiamen-line" in result.stdout


def test_nothing_is_written_beside_the_users_files(invoke, overlay_file):
    invoke(*NOW, "--data", overlay_file)
    assert sorted(path.name for path in overlay_file.parent.iterdir()) == ["lines.json"]
    assert len(cache_entries()) == 1


# --------------------------------------------------------------------------- the rules still apply

EMERGENCY = dict(GOOD, numbers=[{"published": "120", "dial": "120", "kind": "short"}])
INVISIBLE = dict(GOOD, name="测试\u200b热线")


@pytest.mark.parametrize("hostile, field", [(EMERGENCY, "numbers[0].dial"), (INVISIBLE, "name")], ids=["emergency", "invisible"])
def test_a_hostile_overlay_is_refused_on_every_run(invoke, tmp_path, hostile, field):
    path = write_overlay(tmp_path / "hostile.json", hostile)
    runs = [invoke(*NOW, "--data", path) for _ in range(2)]
    for result in runs:
        assert result.exit_code == 1 and result.stdout == ""
        assert f"hostile.json: test-xiamen-line: {field}" in result.stderr
    assert runs[0].stderr == runs[1].stderr
    assert cache_entries() == []  # a refused file is never kept


@pytest.mark.parametrize("hostile, field", [(EMERGENCY, "numbers[0].dial"), (INVISIBLE, "name")], ids=["emergency", "invisible"])
def test_a_cached_file_that_turns_hostile_is_refused(invoke, tmp_path, hostile, field):
    path = write_overlay(tmp_path / "ours.json", GOOD)
    assert invoke(*NOW, "--data", path).exit_code == 0
    assert invoke(*NOW, "--data", path).exit_code == 0  # answered from the cache
    write_overlay(path, hostile)
    result = invoke(*NOW, "--data", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"ours.json: test-xiamen-line: {field}" in result.stderr


def test_the_takeover_guard_applies_with_a_warm_cache(invoke, tmp_path):
    """A note added to the national 12356 line is cached; a later edit that changes what it dials is refused."""
    national = {
        "id": "12356", "name": "全国统一心理援助热线12356", "scope": "national", "region": "000000",
        "numbers": [{"published": "12356", "dial": "12356", "kind": "short"}], "audiences": [{"key": "general"}],
        "validity": {"status": "ongoing"}, "caveats": ["本机构备注"],
        "sources": [{"ref": "https://www.example.org/notice", "kind": "official", "date": "2026-01-01"}],
        "last_confirmed": "2026-01-01",
    }
    path = write_overlay(tmp_path / "ours.json", national)
    for _ in range(2):
        document = json.loads(invoke("now", "--at", AT, "--json", "--data", path).stdout)
        assert document["hotlines"][0]["id"] == "12356" and document["overlays"] == [str(path)]
    four_hundred = {"published": "400-161-9995", "dial": "4001619995", "kind": "shared_cost_400"}
    write_overlay(path, dict(national, numbers=[*national["numbers"], four_hundred]))
    result = invoke("now", "--at", AT, "--json", "--data", path)
    assert result.exit_code == 1 and "ours.json: 12356: numbers[1].dial" in result.stderr


# --------------------------------------------------------------------------- answering from the cache, place by place

PLACES = [None, "福建", "厦门", "福州", "浙江", "北京", "香港"]


@pytest.fixture
def merged_files(tmp_path, dataset):
    """Two overlay files that replace bundled records, move one to another province, and replace each other's."""

    def bundled(record_id: str, **changes) -> dict:
        return dict(dataset.by_id[record_id].record.model_dump(mode="json", exclude_defaults=True), **changes)

    national = bundled("12356", caveats=["本机构备注"])
    first = write_overlay(tmp_path / "a.json", GOOD, bundled("fujian-fzu", name="福州大学心理热线（本机构）"),
                          bundled("fujian-fjmu", region="330000", city="330100"), national, *records()[1:])
    second = write_overlay(tmp_path / "b.json", dict(GOOD, name="测试热线（第二个文件）"),
                           bundled("fujian-minzhengtong", caveats=["第二个文件的备注"]))
    return [first, second]


def _loaded(files, monkeypatch, cached: bool):
    from hotline_cli.dataset import load

    if cached:
        load(files, compiled=True)  # fills the cache
    else:
        monkeypatch.setenv("HOTLINE_NO_CACHE", "1")
    dataset = load(files, compiled=True)
    monkeypatch.delenv("HOTLINE_NO_CACHE", raising=False)
    return dataset


def test_a_dataset_read_from_the_cache_merges_as_validated_files_merge(merged_files, monkeypatch):
    from hotline_cli.dataset import CachedOverlayDataset

    validated = _loaded(merged_files, monkeypatch, cached=False)
    cached = _loaded(merged_files, monkeypatch, cached=True)
    assert isinstance(cached, CachedOverlayDataset) and not isinstance(validated, CachedOverlayDataset)
    assert cached.replaced == validated.replaced
    assert ("test-xiamen-line", str(merged_files[1])) in cached.replaced
    for record_id in ("test-xiamen-line", "fujian-fzu", "fujian-fjmu", "12356", "12356-fujian", "test-beijing-line"):
        assert record_id in cached.by_id
        mine, theirs = cached.by_id[record_id], validated.by_id[record_id]
        assert (mine.origin, mine.record.id, mine.record.name) == (theirs.origin, theirs.record.id, theirs.record.name)
    assert "no-such-line" not in cached.by_id and cached.by_id.get("no-such-line") is None
    assert [(entry.record.id, entry.origin, entry.file) for entry in cached.entries] == \
        [(entry.record.id, entry.origin, entry.file) for entry in validated.entries]
    assert [entry.record.name for entry in cached.entries] == [entry.record.name for entry in validated.entries]


@pytest.mark.parametrize("audience", [None, "大学生"])
def test_answers_from_the_cache_are_the_answers_from_the_files(invoke, merged_files, monkeypatch, audience):
    def answers() -> list[str]:
        found = []
        for place in PLACES:
            args = ["now", "--at", AT, "--json", "--all", *(["-r", place] if place else []),
                    *(["--audience", audience] if audience else [])]
            for path in merged_files:
                args += ["--data", path]
            result = invoke(*args)
            assert result.exit_code == 0, result.output
            found.append(result.stdout)
        return found

    monkeypatch.setenv("HOTLINE_NO_CACHE", "1")
    expected = answers()
    monkeypatch.delenv("HOTLINE_NO_CACHE")
    answers()  # fills the cache
    assert answers() == expected
    stat = merged_files[1].stat()
    os.utime(merged_files[1], ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert answers() == expected  # one file from the cache, one validated afresh: merged as ever
    assert "福州大学心理热线（本机构）" in expected[PLACES.index("福建")] and "测试热线（第二个文件）" in expected[PLACES.index("厦门")]
    assert '"fujian-fjmu"' in expected[PLACES.index("浙江")] and '"fujian-fjmu"' not in expected[PLACES.index("福建")]


def test_an_answer_from_the_cache_builds_no_validating_model(overlay_file):
    """The pydantic models are built for validating; a warm run answers from plain records without them."""
    import subprocess
    import sys

    code = ("import runpy, sys\n"
            "sys.argv = ['hotline', *sys.argv[1:]]\n"
            "try:\n"
            "    runpy.run_module('hotline_cli', run_name='__main__', alter_sys=True)\n"
            "except SystemExit:\n"
            "    pass\n"
            "sys.stderr.write('model imported: %s\\n' % ('hotline_cli.model' in sys.modules))\n")
    runs = [subprocess.run([sys.executable, "-c", code, *NOW, "--data", str(overlay_file)], capture_output=True, text=True)
            for _ in range(2)]
    assert "test-xiamen-line" in runs[1].stdout and runs[1].stdout == runs[0].stdout
    assert "model imported: True" in runs[0].stderr  # the first run validates the file: the check can see it
    assert "model imported: False" in runs[1].stderr
