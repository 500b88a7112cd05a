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


def test_a_record_the_query_never_needs_is_not_validated_again(invoke, overlay_file):
    from hotline_cli.dataset import load

    invoke(*NOW, "--data", overlay_file)
    dataset = load([overlay_file])
    beijing = dataset.by_id["test-beijing-line"].record
    from hotline_cli import api

    api.ask(dataset, place=api.resolve_place(dataset, "厦门"), at=AT)
    assert type(beijing).__name__ == "CachedHotline" and beijing._record is None
    assert beijing.numbers[0].dial == "01065321234"  # and on demand it is the whole record


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
